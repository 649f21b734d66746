// "Report an exception" (HTML § 8.1.4.7 "Runtime script errors") and "notify about
// rejected promises" (§ 8.1.4.8). The `error` / `unhandledrejection` events come with
// the DOM; until then the report goes to the console (stderr) like a browser's, and
// is counted so `roundabout run --fail-on-error` can exit 1.

// Describing a page's value runs page code (getters, proxies, Symbol.hasInstance);
// whatever it throws, the exception is still reported and counted.
function describeThrown(value) {
  try {
    if (ReflectApply(ObjectPrototypeIsPrototypeOf, ErrorPrototype, [value]) || domExceptionData.has(value)) {
      return formatError(value);
    }
    return inspect(value);
  } catch {
    try {
      return `${ObjectPrototypeToString(value)} (could not be described)`;
    } catch {
      return "<a value that could not be described>";
    }
  }
}

// Until the event layer (23_error_events.js) takes over at the end of the bootstrap.
let reportExceptionImpl = (value) => op_rb_report_exception(`Uncaught ${describeThrown(value)}`);

function reportException(value) {
  reportExceptionImpl(value);
}

// "Report an exception" thrown by a callback the host called (a timer, a task's
// steps, a listener of an event the engine fires, an animation frame callback):
// the callback has returned, so the host fires `error` with the JS stack empty and
// a microtask checkpoint after each listener (host.rs `fire_deferred_error_reports`).
const deferredReports = [];
function reportExceptionFromCallback(value) {
  if (inErrorReportingMode) {
    reportException(value); // to the console only
    return;
  }
  deferredReports.push(value);
  op_rb_defer_error_report();
}

// The end of a microtask checkpoint: promises rejected without a handler that still
// have none are reported once.
// Returns whether anything was reported (then script ran, and may have queued
// microtasks the next checkpoint must run).
function notifyAboutRejectedPromises() {
  const handledLater = checkOutstandingRejections();
  const rejections = op_drain_pending_rejections();
  if (rejections === undefined) return handledLater;
  // HTML § 8.1.4.7 "notify about rejected promises": the list is taken now; a task
  // on the DOM manipulation task source fires `unhandledrejection` for each promise
  // still unhandled then, and adds those still unhandled afterwards to the
  // outstanding rejected promises.
  const list = [];
  for (let i = 0; i < rejections.length; i += 3) {
    const reason = rejections[i + 1];
    // The QuickJS backend resolves an error's stack lazily, by script name: read it
    // now, before later scripts of the same page can shift its positions.
    try {
      if (ReflectApply(ObjectPrototypeIsPrototypeOf, ErrorPrototype, [reason])) void reason.stack;
    } catch {
      // described (or not) when reported
    }
    list[list.length] = { promise: rejections[i], reason };
  }
  queueGlobalTask(TASK_SOURCE.domManipulation, () => notifyRejectionsImpl(list));
  return handledLater;
}

// Reports each still-unhandled rejection; 23_error_events.js replaces it with the
// event dispatch. Returns true when it began a stepped dispatch.
let notifyRejectionsImpl = (list) => {
  for (const { promise, reason } of list) {
    if (op_rb_promise_is_handled(promise)) continue;
    op_rb_report_exception(`Uncaught (in promise) ${describeThrown(reason)}`);
    if (!op_rb_promise_is_handled(promise)) {
      outstandingRejectedPromises.push({ promise: new WeakRef(promise), reason });
    }
  }
  return false;
};

// HTML's "outstanding rejected promises weak set": rejections that were reported
// unhandled. When one gets a handler later (HostPromiseRejectionTracker's "handle"
// operation, seen here at the end of the next microtask checkpoint), a task fires
// `rejectionhandled` at the window.
const outstandingRejectedPromises = [];
function checkOutstandingRejections() {
  if (outstandingRejectedPromises.length === 0) return false;
  let queued = false;
  for (let i = outstandingRejectedPromises.length - 1; i >= 0; i--) {
    const { reason } = outstandingRejectedPromises[i];
    const promise = outstandingRejectedPromises[i].promise.deref();
    if (promise !== undefined && !op_rb_promise_is_handled(promise)) continue;
    outstandingRejectedPromises.splice(i, 1);
    if (promise === undefined) continue;
    queued = true;
    queueGlobalTask(TASK_SOURCE.domManipulation, () => {
      firePromiseRejectionHandled(promise, reason);
    });
  }
  return queued;
}

// Until the event layer (23_error_events.js) replaces it.
let firePromiseRejectionHandled = (_promise, _reason) => {};

defineMethods(globalThis, {
  // HTML § 8.1.4.7: reportError(e) reports e as if it were uncaught.
  reportError: named("reportError", function reportError(e) {
    if (arguments.length < 1) {
      throw new TypeError("reportError requires 1 argument, but only 0 present.");
    }
    reportException(e);
  }),
});
ObjectDefineProperty(globalThis, "reportError", { enumerable: true });
