// META: title=Unhandled promise rejections inside a worker: unhandledrejection and rejectionhandled at the global
// Spec: https://html.spec.whatwg.org/multipage/webappapis.html#unhandled-promise-rejections
// Spec: https://html.spec.whatwg.org/multipage/webappapis.html#the-promiserejectionevent-interface
importScripts("/resources/testharness.js");

// The rejections below are deliberate; the listeners cancel them.
setup({ allow_uncaught_exception: true });

// Events of `type` at self whose promise is `p`.
function watch(t, type, p) {
  const seen = [];
  const listener = (e) => {
    if (e.promise !== p) return;
    seen.push(e);
    e.preventDefault();
  };
  self.addEventListener(type, listener);
  t.add_cleanup(() => self.removeEventListener(type, listener));
  return seen;
}
function wait(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

promise_test(async (t) => {
  const reason = new Error("nobody handles this");
  const log = [];
  let p;
  const fired = new Promise((resolve) => {
    const listener = (e) => {
      if (e.promise !== p) return;
      self.removeEventListener("unhandledrejection", listener);
      e.preventDefault();
      log.push("unhandledrejection");
      resolve(e);
    };
    self.addEventListener("unhandledrejection", listener);
  });
  p = Promise.reject(reason);
  queueMicrotask(() => log.push("microtask"));
  log.push("synchronous");
  const e = await fired;
  assert_array_equals(log, ["synchronous", "microtask", "unhandledrejection"], "fired after the microtask checkpoint");
  assert_true(e instanceof PromiseRejectionEvent, "a PromiseRejectionEvent");
  assert_equals(e.type, "unhandledrejection");
  assert_equals(e.reason, reason, "reason");
  assert_equals(e.promise, p, "promise");
  assert_true(e.cancelable, "cancelable");
  assert_false(e.bubbles, "bubbles");
  assert_true(e.isTrusted, "isTrusted");
  assert_equals(e.target, self, "target");
}, "An unhandled rejection fires a cancelable PromiseRejectionEvent at the worker's global");

promise_test(async (t) => {
  const p = Promise.reject("handled in the same task");
  const unhandled = watch(t, "unhandledrejection", p);
  const handled = watch(t, "rejectionhandled", p);
  Promise.resolve().then(() => p.catch(() => {}));
  await wait(30);
  assert_equals(unhandled.length, 0, "a handler attached by a microtask of the same checkpoint is in time");
  assert_equals(handled.length, 0, "and no rejectionhandled");
}, "A rejection handled before the checkpoint ends fires nothing");

promise_test(async (t) => {
  let p;
  const handled = new Promise((resolve) => {
    const listener = (e) => {
      if (e.promise !== p) return;
      self.removeEventListener("rejectionhandled", listener);
      resolve(e);
    };
    self.addEventListener("rejectionhandled", listener);
  });
  const unhandledSeen = new Promise((resolve) => {
    const listener = (e) => {
      if (e.promise !== p) return;
      self.removeEventListener("unhandledrejection", listener);
      e.preventDefault();
      resolve();
    };
    self.addEventListener("unhandledrejection", listener);
  });
  p = Promise.reject(7);
  await unhandledSeen;
  p.catch(() => {});
  const e = await handled;
  assert_true(e instanceof PromiseRejectionEvent);
  assert_equals(e.reason, 7, "reason");
  assert_false(e.cancelable, "rejectionhandled is not cancelable");
}, "Handling a rejection after unhandledrejection fired fires rejectionhandled");

promise_test(async (t) => {
  let p;
  const got = new Promise((resolve) => {
    self.onunhandledrejection = (e) => {
      if (e.promise !== p) return undefined;
      resolve(e.reason);
      return false;
    };
  });
  t.add_cleanup(() => { self.onunhandledrejection = null; });
  p = Promise.reject("via the handler attribute");
  assert_equals(await got, "via the handler attribute");
}, "self.onunhandledrejection receives the event");

done();
