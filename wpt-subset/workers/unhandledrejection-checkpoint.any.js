// META: title=A microtask checkpoint follows the unhandledrejection event (window and worker)
// META: global=window,dedicatedworker
// Spec: https://html.spec.whatwg.org/multipage/webappapis.html#notify-about-rejected-promises
// Spec: https://html.spec.whatwg.org/multipage/webappapis.html#clean-up-after-running-a-callback
// The event is fired from a task; after each listener (a callback) with an empty
// JavaScript stack, and after the task, microtasks run before any other task.
setup({ allow_uncaught_exception: true });

async_test((t) => {
  const log = [];
  let p = null;
  const listener = t.step_func((e) => {
    if (e.promise !== p) return;
    e.preventDefault();
    log.push("listener");
    queueMicrotask(() => log.push("microtask"));
    setTimeout(t.step_func_done(() => {
      log.push("timer");
      assert_array_equals(log, ["listener", "microtask", "timer"]);
    }), 0);
  });
  self.addEventListener("unhandledrejection", listener);
  t.add_cleanup(() => self.removeEventListener("unhandledrejection", listener));
  p = Promise.reject(new Error("unhandled"));
}, "A microtask queued by an unhandledrejection listener runs before the next task");

promise_test(async (t) => {
  let p = null;
  const fired = new Promise((resolve) => {
    const listener = (e) => {
      if (e.promise !== p) return;
      e.preventDefault();
      resolve(e.reason);
    };
    self.addEventListener("unhandledrejection", listener);
    t.add_cleanup(() => self.removeEventListener("unhandledrejection", listener));
  });
  p = Promise.reject("awaited");
  // Nothing else is scheduled: only the checkpoint after the event can resume this.
  assert_equals(await fired, "awaited");
}, "A promise resolved by an unhandledrejection listener settles its reactions without another task");
