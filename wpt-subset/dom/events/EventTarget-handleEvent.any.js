// META: title=EventListener objects with handleEvent
// Spec: https://dom.spec.whatwg.org/#callbackdef-eventlistener
// Spec: https://webidl.spec.whatwg.org/#call-a-user-objects-operation
setup({ allow_uncaught_exception: true });

test(() => {
  const t = new EventTarget();
  const listener = {
    calls: [],
    handleEvent(e) { this.calls.push([this, e.type, e.currentTarget]); },
  };
  t.addEventListener("x", listener);
  t.dispatchEvent(new Event("x"));
  assert_equals(listener.calls.length, 1);
  assert_equals(listener.calls[0][0], listener, "this is the listener object");
  assert_equals(listener.calls[0][1], "x");
  assert_equals(listener.calls[0][2], t);
}, "handleEvent is called with the object as this");

test(() => {
  const t = new EventTarget();
  const log = [];
  const listener = { handleEvent() { log.push("first"); } };
  t.addEventListener("x", listener);
  t.dispatchEvent(new Event("x"));
  listener.handleEvent = () => log.push("second");
  t.dispatchEvent(new Event("x"));
  assert_array_equals(log, ["first", "second"]);
}, "handleEvent is looked up each time the listener is invoked");

test(() => {
  const t = new EventTarget();
  let gets = 0;
  const listener = { get handleEvent() { gets++; return () => {}; } };
  t.addEventListener("x", listener);
  assert_equals(gets, 0, "not read by addEventListener");
  t.dispatchEvent(new Event("x"));
  t.dispatchEvent(new Event("x"));
  assert_equals(gets, 2, "read once per invocation");
}, "handleEvent is not read when the listener is added");

test(() => {
  const t = new EventTarget();
  const log = [];
  function fn() { log.push("function called"); }
  fn.handleEvent = () => log.push("handleEvent called");
  t.addEventListener("x", fn);
  t.dispatchEvent(new Event("x"));
  assert_array_equals(log, ["function called"], "a callable listener is called directly");
}, "a function listener is called even if it has a handleEvent property");

async_test((t) => {
  const target = new EventTarget();
  const log = [];
  const onerror = t.step_func((e) => {
    e.preventDefault();
    log.push(e.error instanceof TypeError ? "TypeError reported" : "other error");
  });
  self.addEventListener("error", onerror);
  t.add_cleanup(() => self.removeEventListener("error", onerror));
  target.addEventListener("x", { handleEvent: "not callable" });
  target.addEventListener("x", {});
  target.addEventListener("x", () => log.push("next listener"));
  target.dispatchEvent(new Event("x"));
  assert_array_equals(log, ["TypeError reported", "TypeError reported", "next listener"],
    "each failure is reported and the dispatch goes on");
  t.done();
}, "a non-callable handleEvent reports a TypeError and later listeners still run");

test(() => {
  const t = new EventTarget();
  let calls = 0;
  const listener = { handleEvent() { calls++; } };
  t.addEventListener("x", listener);
  t.addEventListener("x", listener);
  t.dispatchEvent(new Event("x"));
  assert_equals(calls, 1, "the same object is one listener");
  t.removeEventListener("x", listener);
  t.dispatchEvent(new Event("x"));
  assert_equals(calls, 1, "removed by the same object");
}, "object listeners are identified by the object");
