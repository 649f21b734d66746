// META: title=requestAnimationFrame(): arguments, handles and how the callback is invoked
// Spec: https://html.spec.whatwg.org/multipage/imagebitmap-and-animations.html#dom-animationframeprovider-requestanimationframe
// Spec: https://webidl.spec.whatwg.org/#invoke-a-callback-function

test(() => {
  for (const value of [undefined, null, 1, "requestAnimationFrame", {}, { handleEvent() {} }]) {
    assert_throws_js(TypeError, () => requestAnimationFrame(value), `${String(value)}`);
  }
  assert_throws_js(TypeError, () => requestAnimationFrame());
}, "the callback must be callable");

test(() => {
  const handles = [];
  for (let i = 0; i < 5; i++) handles.push(requestAnimationFrame(() => {}));
  for (let i = 0; i < handles.length; i++) {
    assert_true(Number.isInteger(handles[i]) && handles[i] > 0, `handle ${handles[i]} is a positive integer`);
    if (i > 0) assert_greater_than(handles[i], handles[i - 1], "the identifier is incremented each time");
  }
  for (const h of handles) cancelAnimationFrame(h);
}, "handles are positive integers that increase");

async_test((t) => {
  requestAnimationFrame(t.step_func_done(function () {
    assert_equals(arguments.length, 1, "exactly one argument");
    assert_equals(typeof arguments[0], "number");
  }));
}, "the callback gets one argument, the timestamp");

async_test((t) => {
  let sloppyThis = "not called";
  requestAnimationFrame(function () { sloppyThis = this; });
  requestAnimationFrame(t.step_func_done(() => {
    assert_equals(sloppyThis, window, "a sloppy-mode function sees the global object");
  }));
}, "a sloppy-mode callback sees the global object as this");

async_test((t) => {
  let calls = 0;
  const callback = () => { calls++; };
  requestAnimationFrame(callback);
  requestAnimationFrame(callback);
  requestAnimationFrame(t.step_func_done(() => {
    assert_equals(calls, 2, "each request is its own entry");
  }));
}, "the same function requested twice runs twice");

async_test((t) => {
  const bound = function (stamp) {
    t.step(() => {
      assert_equals(this.tag, "bound");
      assert_equals(typeof stamp, "number");
    });
    t.done();
  }.bind({ tag: "bound" });
  requestAnimationFrame(bound);
}, "bound functions keep their this value");
