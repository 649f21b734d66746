// META: title=new EventTarget() and dispatch on a target with no parent
// Spec: https://dom.spec.whatwg.org/#dom-eventtarget-eventtarget
// Spec: https://dom.spec.whatwg.org/#concept-event-dispatch

test(() => {
  const t = new EventTarget();
  assert_true(t instanceof EventTarget);
  assert_class_string(t, "EventTarget");
  assert_equals(typeof t.addEventListener, "function");
  assert_true(t.dispatchEvent(new Event("nothing")), "dispatching with no listener returns true");
}, "EventTarget can be constructed");

test(() => {
  const t = new EventTarget();
  const seen = [];
  function listener(e) {
    seen.push([this, e.target, e.currentTarget, e.eventPhase]);
  }
  t.addEventListener("x", listener);
  t.addEventListener("x", listener, true);
  t.dispatchEvent(new Event("x"));
  assert_equals(seen.length, 2, "capture and non-capture listeners both run at the target");
  for (const [self, target, current, phase] of seen) {
    assert_equals(self, t, "this is the current target");
    assert_equals(target, t);
    assert_equals(current, t);
    assert_equals(phase, Event.AT_TARGET);
  }
}, "listeners run at the target with eventPhase AT_TARGET");

test(() => {
  const t = new EventTarget();
  const order = [];
  t.addEventListener("x", () => order.push("bubble 1"));
  t.addEventListener("x", () => order.push("capture"), { capture: true });
  t.addEventListener("x", () => order.push("bubble 2"));
  t.dispatchEvent(new Event("x", { bubbles: true }));
  assert_array_equals(order, ["capture", "bubble 1", "bubble 2"], "capturing listeners first, then the others in order");
}, "at the target, capturing listeners run before non-capturing ones");

test(() => {
  class Counter extends EventTarget {
    constructor() {
      super();
      this.count = 0;
      this.addEventListener("inc", () => this.count++);
    }
  }
  const c = new Counter();
  c.dispatchEvent(new Event("inc"));
  c.dispatchEvent(new Event("inc"));
  assert_equals(c.count, 2);
  assert_true(c instanceof EventTarget);
}, "EventTarget can be subclassed");

test(() => {
  const t = new EventTarget();
  const e = new Event("x");
  t.dispatchEvent(e);
  assert_equals(e.target, t, "target stays set after dispatch");
  assert_equals(e.currentTarget, null, "currentTarget is reset");
  assert_equals(e.eventPhase, Event.NONE, "eventPhase is reset");
}, "the event's state after dispatch");

test(() => {
  const t = new EventTarget();
  assert_throws_js(TypeError, () => t.dispatchEvent({ type: "x" }), "a plain object");
  assert_throws_js(TypeError, () => t.dispatchEvent(null), "null");
  assert_throws_js(TypeError, () => t.addEventListener("x", 5), "a number as a listener");
  assert_equals(t.addEventListener("x", null), undefined, "a null listener is ignored");
}, "argument checks");
