// META: title=requestIdleCallback(): arguments, handles and the callback's argument
// Spec: https://w3c.github.io/requestidlecallback/#the-requestidlecallback-method
// Spec: https://w3c.github.io/requestidlecallback/#invoke-idle-callbacks-algorithm

test(() => {
  for (const value of [undefined, null, 0, "code", {}, { handleEvent() {} }]) {
    assert_throws_js(TypeError, () => requestIdleCallback(value), String(value));
  }
  assert_throws_js(TypeError, () => requestIdleCallback());
}, "the callback must be callable");

async_test((t) => {
  requestIdleCallback(t.step_func_done(function () {
    assert_equals(arguments.length, 1);
    assert_true(arguments[0] instanceof IdleDeadline);
  }));
}, "the callback gets one argument, an IdleDeadline");

async_test((t) => {
  let seen = "not called";
  requestIdleCallback(function () { seen = this; });
  requestIdleCallback(t.step_func_done(() => {
    assert_equals(seen, window);
  }));
}, "a sloppy-mode callback sees the window as this");

async_test((t) => {
  const log = [];
  const callback = (d) => log.push(d.didTimeout);
  requestIdleCallback(callback);
  requestIdleCallback(callback);
  requestIdleCallback(t.step_func_done(() => {
    assert_array_equals(log, [false, false]);
  }));
}, "one function requested twice runs twice");

test(() => {
  assert_equals(typeof requestIdleCallback(() => {}, undefined), "number");
  assert_equals(typeof requestIdleCallback(() => {}, null), "number");
  assert_equals(typeof requestIdleCallback(() => {}, {}), "number");
  assert_equals(typeof requestIdleCallback(() => {}, { unknownMember: 1 }), "number");
}, "undefined, null and objects are accepted as options");
