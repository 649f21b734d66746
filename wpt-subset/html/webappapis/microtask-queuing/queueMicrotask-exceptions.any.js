// META: title=queueMicrotask(): an exception in the callback is reported and later microtasks still run
// Spec: https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#microtask-queuing
// Spec: https://html.spec.whatwg.org/multipage/webappapis.html#report-an-exception

setup({ allow_uncaught_exception: true });

var errorCount = 0;
self.addEventListener("error", () => { errorCount++; });

// Collects the error events fired at the global while fn's microtasks run.
async function collectErrors(fn) {
  const errors = [];
  const listener = (e) => {
    errors.push(e);
    e.preventDefault();
  };
  self.addEventListener("error", listener);
  try {
    fn();
    await new Promise((resolve) => setTimeout(resolve, 0));
  } finally {
    self.removeEventListener("error", listener);
  }
  return errors;
}

promise_test(async () => {
  const thrown = new TypeError("from a microtask");
  const errors = await collectErrors(() => queueMicrotask(() => { throw thrown; }));
  assert_equals(errors.length, 1, "one error event");
  const e = errors[0];
  assert_true(e instanceof ErrorEvent, "an ErrorEvent");
  assert_equals(e.type, "error");
  assert_equals(e.error, thrown, "error is the thrown value");
  assert_true(e.message.includes("from a microtask"), `message ${e.message}`);
  assert_true(e.isTrusted, "trusted");
  assert_true(e.cancelable, "cancelable");
  assert_equals(e.target, self, "fired at the global");
}, "an exception thrown by the callback fires an error event at the global");

promise_test(async () => {
  const log = [];
  const errors = await collectErrors(() => {
    queueMicrotask(() => log.push("before"));
    queueMicrotask(() => {
      log.push("throws");
      throw new Error("boom");
    });
    queueMicrotask(() => log.push("after"));
    Promise.resolve().then(() => log.push("promise after"));
  });
  assert_array_equals(log, ["before", "throws", "after", "promise after"]);
  assert_equals(errors.length, 1);
}, "microtasks queued after a throwing one still run");

promise_test(async () => {
  const log = [];
  const errors = await collectErrors(() => {
    const before = errorCount;
    queueMicrotask(() => {
      log.push("microtask");
      throw new Error("reported before the next microtask");
    });
    queueMicrotask(() => log.push(`next microtask sees ${errorCount - before} error event(s)`));
  });
  assert_array_equals(log, ["microtask", "next microtask sees 1 error event(s)"]);
  assert_equals(errors.length, 1);
}, "the error is reported synchronously, before the next microtask runs");
promise_test(async () => {
  const values = [42, "a string", null, undefined, { custom: true }];
  const errors = await collectErrors(() => {
    for (const v of values) queueMicrotask(() => { throw v; });
  });
  assert_equals(errors.length, values.length, "one error event per thrown value");
  for (let i = 0; i < values.length; i++) {
    assert_equals(errors[i].error, values[i], `error of event ${i}`);
  }
}, "thrown non-Error values are reported as the event's error");

promise_test(async () => {
  const errors = await collectErrors(() => queueMicrotask(class NotCallableWithoutNew {}));
  assert_equals(errors.length, 1, "calling the class throws, and that is reported");
  assert_true(errors[0].error instanceof TypeError, "a TypeError");
}, "a class constructor is accepted as a callback, and the TypeError from calling it is reported");

promise_test(async () => {
  const log = [];
  const errors = await collectErrors(() => {
    queueMicrotask(() => {
      Promise.reject(new Error("a rejection, not an exception")).catch(() => log.push("caught"));
      log.push("microtask returns normally");
    });
  });
  assert_array_equals(log, ["microtask returns normally", "caught"]);
  assert_equals(errors.length, 0, "handled rejections are not error events");
}, "a handled rejection inside a microtask fires no error event");
