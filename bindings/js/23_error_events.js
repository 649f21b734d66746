// ErrorEvent and PromiseRejectionEvent, event handler IDL attributes (HTML § 8.1.8),
// and the parts of "report an exception" (§ 8.1.4.7) and "notify about rejected
// promises" (§ 8.1.4.8) that fire events: an uncaught error fires `error` at the
// window first and reaches the console only if no listener canceled it; the same
// for `unhandledrejection`.

class ErrorEvent extends Event {
  #message; #filename; #lineno; #colno; #error;
  constructor(type, init = {}) {
    super(type, init);
    this.#message = init?.message === undefined ? "" : toDOMString(init.message);
    this.#filename = init?.filename === undefined ? "" : toDOMString(init.filename);
    this.#lineno = (init?.lineno ?? 0) >>> 0;
    this.#colno = (init?.colno ?? 0) >>> 0;
    this.#error = init?.error;
  }
  get message() { return this.#message; }
  get filename() { return this.#filename; }
  get lineno() { return this.#lineno; }
  get colno() { return this.#colno; }
  get error() { return this.#error; }
}

class PromiseRejectionEvent extends Event {
  #promise; #reason;
  constructor(type, init) {
    if (init === null || typeof init !== "object" || !("promise" in init)) {
      throw new TypeError("Failed to construct 'PromiseRejectionEvent': required member promise is undefined.");
    }
    super(type, init);
    this.#promise = init.promise;
    this.#reason = init.reason;
  }
  get promise() { return this.#promise; }
  get reason() { return this.#reason; }
}

// HTML § 7.4.6.3 (session history) PageTransitionEvent, for pageshow / pagehide.
class PageTransitionEvent extends Event {
  #persisted;
  constructor(type, init = {}) {
    super(type, init);
    this.#persisted = Boolean(init?.persisted);
  }
  get persisted() { return this.#persisted; }
}

exposeInterface(PageTransitionEvent);
exposeInterface(ErrorEvent);
exposeInterface(PromiseRejectionEvent);

// ---- event handler IDL attributes: onclick, onload, onerror, ...
const handlerMaps = new WeakMap();

function handlerSlot(target, name) {
  let map = handlerMaps.get(target);
  if (map === undefined) handlerMaps.set(target, (map = Object.create(null)));
  return (map[name] ??= { value: null, listener: null });
}

// HTML "the event handler processing algorithm".
function processHandler(target, name, event) {
  const callback = currentHandlerValue(target, name);
  if (callback === null || (typeof callback !== "function" && typeof callback !== "object")) return;
  const isErrorEventOnWindow = name === "onerror" && target === globalThis && event instanceof ErrorEvent;
  if (isErrorEventOnWindow) {
    const r = callHandler(callback, target, [event.message, event.filename, event.lineno, event.colno, event.error]);
    if (r === true) event.preventDefault();
  } else {
    const r = callHandler(callback, target, [event]);
    if (r === false) event.preventDefault();
  }
}

// A callback function is called; a callback object's handleEvent is not looked up
// (event handlers are EventHandlerNonNull, a callback *function* type).
function callHandler(callback, target, args) {
  if (typeof callback !== "function") throw new TypeError("The event handler is not a function.");
  return ReflectApply(callback, target, args);
}

// HTML "getting the current value of the event handler": compiles an internal raw
// uncompiled handler (from a content attribute) first (js/29_event_handler_attributes.js).
function currentHandlerValue(target, name) {
  const slot = handlerSlot(target, name);
  if (rawHandlers.has(slot.value)) slot.value = compileRawHandler(target, name, slot.value);
  return slot.value;
}

// Sets an event handler's value (a callback, an internal raw uncompiled handler, or
// null). The listener is added once, at the first non-null value ("activate an event
// handler"), and keeps its position among the target's listeners from then on;
// `front` puts it before every listener (handlers from markup, activated lazily).
function setHandlerValue(target, name, value, front = false) {
  const slot = handlerSlot(target, name);
  slot.value = value;
  if (slot.value !== null && slot.listener === null) {
    slot.listener = (event) => processHandler(target, name, event);
    target.addEventListener(name.slice(2), slot.listener);
    if (front) {
      const list = listenerLists.get(target);
      list.unshift(list.pop());
    }
  } else if (slot.value === null && slot.listener !== null) {
    target.removeEventListener(name.slice(2), slot.listener);
    slot.listener = null;
  }
}

function defineEventHandlers(proto, names) {
  for (const name of names) {
    ObjectDefineProperty(proto, name, {
      get() {
        ensureContentHandlers(this);
        return currentHandlerValue(this, name);
      },
      set(value) {
        ensureContentHandlers(this);
        setHandlerValue(this, name, typeof value === "function" || (value !== null && typeof value === "object") ? value : null);
      },
      enumerable: true,
      configurable: true,
    });
  }
}

const GLOBAL_EVENT_HANDLERS = ["onabort", "onblur", "onchange", "onclick", "oncontextmenu", "ondblclick", "onerror",
  "onfocus", "oninput", "oninvalid", "onkeydown", "onkeypress", "onkeyup", "onload", "onmousedown", "onmouseenter",
  "onmouseleave", "onmousemove", "onmouseout", "onmouseover", "onmouseup", "onreset", "onresize", "onscroll",
  "onselect", "onsubmit", "ontoggle", "onwheel", "onpointerdown", "onpointerup", "onpointermove"];
const WINDOW_EVENT_HANDLERS = ["onmessage", "onmessageerror", "onunhandledrejection", "onrejectionhandled",
  "onpageshow", "onpagehide", "onbeforeunload", "onunload", "onhashchange", "onpopstate", "onstorage",
  "ononline", "onoffline", "onlanguagechange"];
defineEventHandlers(HTMLElement.prototype, GLOBAL_EVENT_HANDLERS);
defineEventHandlers(Document.prototype, [...GLOBAL_EVENT_HANDLERS, "onreadystatechange", "onvisibilitychange"]);

// The first "at file:line:col" frame of an error's stack, for ErrorEvent.
// In a worker, file names become URLs (js/40_workers.js).
let workerFileURL = (file) => file;

function errorLocation(value) {
  for (const frame of stackFrames(value)) {
    const m = /\(?([^\s()]+):(\d+):(\d+)\)?$/.exec(frame);
    if (m) return { filename: workerFileURL(m[1]), lineno: Number(m[2]), colno: Number(m[3]) };
  }
  return { filename: "", lineno: 0, colno: 0 };
}

let inErrorReportingMode = false;

// The last step of "report an exception" when no listener canceled the event: the
// console (a worker replaces it: its page's Worker object gets the error).
let reportUnhandled = (text, _event) => op_rb_report_exception(text);

// The host's side of reportExceptionFromCallback: begin (the `error` event is then
// stepped like any event the engine fires), then finish (the console report, unless
// a listener canceled the event). Error reporting mode lasts from begin to finish.
let steppedReport = null;
function beginDeferredReport() {
  if (deferredReports.length === 0) return false;
  const value = deferredReports.shift();
  const text = `Uncaught ${describeThrown(value)}`;
  let event = null;
  try {
    event = new ErrorEvent("error", { cancelable: true, message: text.split("\n")[0], error: value, ...errorLocation(value) });
    inErrorReportingMode = true;
    beginSteppedDispatch(globalThis, event);
  } catch {
    event = null;
  }
  steppedReport = { text, event };
  return true;
}

function finishDeferredReport() {
  if (steppedReport === null) return;
  const { text, event } = steppedReport;
  steppedReport = null;
  inErrorReportingMode = false;
  if (event === null || !event.defaultPrevented) reportUnhandled(text, event);
}

// "Report an exception": fire `error` at the window (cancelable); if nobody canceled
// it, print it like a browser console and count it.
function reportExceptionWithEvent(value) {
  const text = `Uncaught ${describeThrown(value)}`;
  if (inErrorReportingMode) {
    op_rb_report_exception(text);
    return;
  }
  inErrorReportingMode = true;
  let notHandled = true;
  let reportedEvent = null;
  try {
    const where = errorLocation(value);
    const event = new ErrorEvent("error", {
      cancelable: true, message: text.split("\n")[0], error: value, ...where,
    });
    notHandled = dispatchTrusted(globalThis, event);
    reportedEvent = event;
  } catch {
    notHandled = true;
  } finally {
    inErrorReportingMode = false;
  }
  if (notHandled) reportUnhandled(text, reportedEvent);
}

// HTML § 8.1.4.8 HostPromiseRejectionTracker "handle": the queued task's step.
function fireRejectionHandled(promise, reason) {
  dispatchTrusted(globalThis, new PromiseRejectionEvent("rejectionhandled", { promise, reason }));
}

// The notify-about-rejected-promises task (js/04_report_exception.js): for each
// promise of the list still unhandled, `unhandledrejection` at the global
// (cancelable), stepped from the host with a microtask checkpoint after each
// listener; if no listener canceled it, the rejection is reported; if the promise is
// still unhandled, it joins the outstanding rejected promises.
function notifyRejections(list) {
  nativeDispatches[nativeDispatches.length] = rejectionNotificationSteps(list);
  return true;
}
function* rejectionNotificationSteps(list) {
  for (const { promise, reason } of list) {
    if (op_rb_promise_is_handled(promise)) continue;
    let notHandled = true;
    try {
      const event = new PromiseRejectionEvent("unhandledrejection", { cancelable: true, promise, reason });
      const s = eventState.get(event);
      s.isTrusted = true;
      s.stepped = true;
      yield* dispatchSteps(event, globalThis, globalThis);
      notHandled = !s.canceled;
    } catch {
      notHandled = true;
    }
    if (notHandled) op_rb_report_exception(`Uncaught (in promise) ${describeThrown(reason)}`);
    if (!op_rb_promise_is_handled(promise)) {
      outstandingRejectedPromises.push({ promise: new WeakRef(promise), reason });
    }
  }
}

