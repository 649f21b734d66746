// The global object's own names (window, self) and the hooks the Rust side calls.

for (const name of isWorker ? [] : ["window", "self"]) {
  ObjectDefineProperty(globalThis, name, {
    get: named(name, () => globalThis), enumerable: true, configurable: true,
  });
}
defineGlobal("globalThis", globalThis);

// The global object is a Window, an EventTarget (in a worker, a
// DedicatedWorkerGlobalScope: js/40_workers.js).
class Window extends EventTarget {
  constructor() { illegal(); super(); }
}
exposeInterface(Window);
if (isWorker) {
  setUpWorkerGlobal();
} else {
  Object.setPrototypeOf(globalThis, Window.prototype);
  defineEventHandlers(Window.prototype, [...GLOBAL_EVENT_HANDLERS, ...WINDOW_EVENT_HANDLERS]);
}

// From here on, errors and rejections fire their events before reaching the console.
reportExceptionImpl = reportExceptionWithEvent;
notifyRejectionsImpl = notifyRejections;
firePromiseRejectionHandled = fireRejectionHandled;

const READY_STATES = ["loading", "interactive", "complete"];

// Returned to src/bootstrap.rs; not reachable from page scripts.
return {
  runTimer,
  runGlobalTask,
  beginMessage,
  beginBroadcast,
  beginPortMessage,
  beginWorkerError,
  finishWorkerError,
  // The parser stopped at a script end tag (or finished): <body>'s window-reflecting
  // handler attributes are activated now, where the body sits among the window's
  // listeners (markup handlers of other elements can wait: nothing listens to an
  // element before it exists).
  parserPaused: () => {
    const body = document.body;
    if (body !== null) ensureContentHandlers(body);
  },
  beginAnimationFrames,
  stepAnimationFrame,
  startIdlePeriod,
  // HTML "run a module script": upon rejection of the evaluation promise, report
  // the exception.
  watchModuleEvaluation: (promise) => {
    promise.then(undefined, (e) => reportException(e));
  },
  // import(): the namespace once the evaluation promise is fulfilled.
  importEvaluated: (promise, namespace) => promise.then(() => namespace),
  notifyAboutRejectedPromises,
  // target: 0 the document, 1 the window, 2 the window with the legacy target
  // override flag (event.target is the document), 3 + id the node with that id.
  beginEvent: (target, type, bubbles, cancelable) =>
    beginNativeEvent(target >= 3 ? wrapNode(target - 3) : target === 0 ? wrapNode(0) : globalThis, type, bubbles,
      cancelable, target === 2 ? wrapNode(0) : undefined),
  stepEvent: stepNativeEvent,
  beginInputEvent,
  setReadyState: (state) => {
    documentReadyState = READY_STATES[state];
  },
  setCurrentScript: (id) => {
    currentScript = id < 0 ? null : wrapNode(id);
  },
  // HTML "run a classic script" (and a module's parse or link error): report the
  // exception at once, while the script's realm is still on the stack (no
  // checkpoint between the error listeners), then the host cleans up.
  reportException,
  beginDeferredReport,
  finishDeferredReport,
  setDocumentURL: (url) => {
    documentURL = url;
    documentURLForScripts = () => documentURL;
  },
  // Page::evaluate: "v" + the value as console.log shows it, or "e" + the exception.
  evaluateToString: (source) => {
    try {
      return "v" + inspect(globalEval(source));
    } catch (e) {
      return "e" + describeThrown(e);
    }
  },
  // `roundabout run --eval`: evaluate like a classic script, print the value.
  evaluateAndPrint: (source) => {
    try {
      printArgs("result", [inspect(globalEval(source))]);
    } catch (e) {
      reportException(e);
    }
  },
};
