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
let reportRejectionImpl = (promise, reason) =>
  op_rb_report_exception(`Uncaught (in promise) ${describeThrown(reason)}`);

function reportException(value) {
  reportExceptionImpl(value);
}

// The end of a microtask checkpoint: promises rejected without a handler that still
// have none are reported once.
// Returns whether anything was reported (then script ran, and may have queued
// microtasks the next checkpoint must run).
function notifyAboutRejectedPromises() {
  const rejections = op_drain_pending_rejections();
  if (rejections === undefined) return false;
  for (let i = 0; i < rejections.length; i += 3) {
    reportRejectionImpl(rejections[i], rejections[i + 1]);
  }
  return rejections.length > 0;
}

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
