// META: title=Unhandled promise rejections inside a worker: unhandledrejection and rejectionhandled at the global
// Spec: https://html.spec.whatwg.org/multipage/webappapis.html#unhandled-promise-rejections
// Spec: https://html.spec.whatwg.org/multipage/webappapis.html#the-promiserejectionevent-interface
importScripts("/resources/testharness.js");

// The rejections below are deliberate; the listeners cancel them.
setup({ allow_uncaught_exception: true });

// Calls `f(event)` for each event of `type` at self whose promise is `getPromise()`.
function listen(t, type, getPromise, f) {
  const listener = t.step_func((e) => {
    if (e.promise !== getPromise()) return;
    if (e.cancelable) e.preventDefault();
    f(e);
  });
  self.addEventListener(type, listener);
  t.add_cleanup(() => self.removeEventListener(type, listener));
}

async_test((t) => {
  const reason = new Error("nobody handles this");
  const log = [];
  let p = null;
  listen(t, "unhandledrejection", () => p, (e) => {
    assert_array_equals(log, ["synchronous", "microtask"], "fired after the microtask checkpoint");
    assert_true(e instanceof PromiseRejectionEvent, "a PromiseRejectionEvent");
    assert_equals(e.type, "unhandledrejection");
    assert_equals(e.reason, reason, "reason");
    assert_equals(e.promise, p, "promise");
    assert_true(e.cancelable, "cancelable");
    assert_false(e.bubbles, "bubbles");
    assert_true(e.isTrusted, "isTrusted");
    assert_equals(e.target, self, "target");
    t.done();
  });
  p = Promise.reject(reason);
  queueMicrotask(() => log.push("microtask"));
  log.push("synchronous");
}, "An unhandled rejection fires a cancelable PromiseRejectionEvent at the worker's global, after the checkpoint");

async_test((t) => {
  const p = Promise.reject("handled in the same checkpoint");
  listen(t, "unhandledrejection", () => p, t.unreached_func("unhandledrejection for a handled rejection"));
  listen(t, "rejectionhandled", () => p, t.unreached_func("rejectionhandled for a rejection never reported"));
  Promise.resolve().then(() => p.catch(() => {}));
  t.step_timeout(() => t.done(), 30);
}, "A rejection handled by a microtask of the same checkpoint fires nothing");

async_test((t) => {
  const log = [];
  const p = Promise.reject(7);
  listen(t, "unhandledrejection", () => p, () => {
    log.push("unhandledrejection");
    t.step_timeout(() => {
      log.push("handler attached");
      p.catch(() => {});
    }, 0);
  });
  listen(t, "rejectionhandled", () => p, (e) => {
    assert_array_equals(log, ["unhandledrejection", "handler attached"]);
    assert_true(e instanceof PromiseRejectionEvent);
    assert_equals(e.reason, 7, "reason");
    assert_false(e.cancelable, "rejectionhandled is not cancelable");
    t.done();
  });
}, "Handling a rejection after unhandledrejection fired fires rejectionhandled");

async_test((t) => {
  let p = null;
  t.add_cleanup(() => { self.onunhandledrejection = null; });
  self.onunhandledrejection = t.step_func((e) => {
    if (e.promise !== p) return;
    e.preventDefault();
    assert_equals(e.reason, "via the handler attribute");
    t.done();
  });
  p = Promise.reject("via the handler attribute");
}, "self.onunhandledrejection receives the event");

async_test((t) => {
  const reasons = [];
  const promises = [Promise.reject("first"), Promise.reject("second"), Promise.reject("third")];
  const listener = t.step_func((e) => {
    if (!promises.includes(e.promise)) return;
    e.preventDefault();
    reasons.push(e.reason);
    if (reasons.length === 3) {
      assert_array_equals(reasons, ["first", "second", "third"]);
      t.done();
    }
  });
  self.addEventListener("unhandledrejection", listener);
  t.add_cleanup(() => self.removeEventListener("unhandledrejection", listener));
}, "Several unhandled rejections are reported in the order they were rejected");

done();
