// META: title=addEventListener's once option
// Spec: https://dom.spec.whatwg.org/#dom-addeventlisteneroptions-once
// Spec: https://dom.spec.whatwg.org/#concept-event-listener-inner-invoke

test(() => {
  const t = new EventTarget();
  let calls = 0;
  t.addEventListener("x", () => calls++, { once: true });
  t.dispatchEvent(new Event("x"));
  t.dispatchEvent(new Event("x"));
  assert_equals(calls, 1);
}, "a once listener runs one time");

test(() => {
  const t = new EventTarget();
  let calls = 0;
  t.addEventListener("x", () => {
    calls++;
    t.dispatchEvent(new Event("x"));
  }, { once: true });
  t.dispatchEvent(new Event("x"));
  assert_equals(calls, 1, "removed before it is called: a nested dispatch does not call it again");
}, "a once listener is removed before it runs");

test(() => {
  const t = new EventTarget();
  let calls = 0;
  const listener = () => calls++;
  t.addEventListener("x", listener, { once: true });
  t.addEventListener("x", listener, { once: false });
  t.dispatchEvent(new Event("x"));
  t.dispatchEvent(new Event("x"));
  assert_equals(calls, 1, "the second registration was a duplicate of the first");
  t.addEventListener("x", listener);
  t.dispatchEvent(new Event("x"));
  t.dispatchEvent(new Event("x"));
  assert_equals(calls, 3, "once the once listener is gone, the listener can be added again");
}, "once and duplicate registrations");

test(() => {
  const t = new EventTarget();
  const log = [];
  const listener = (e) => log.push(e.eventPhase);
  t.addEventListener("x", listener, { once: true, capture: true });
  t.addEventListener("x", listener, { once: true });
  t.dispatchEvent(new Event("x"));
  t.dispatchEvent(new Event("x"));
  assert_array_equals(log, [Event.AT_TARGET, Event.AT_TARGET], "capture and non-capture are separate listeners");
}, "once with capture");

test(() => {
  const t = new EventTarget();
  let calls = 0;
  const listener = () => calls++;
  t.addEventListener("x", listener, { once: true });
  t.removeEventListener("x", listener);
  t.dispatchEvent(new Event("x"));
  assert_equals(calls, 0);
}, "a once listener can be removed before it runs");

test(() => {
  const t = new EventTarget();
  const log = [];
  t.addEventListener("x", () => log.push("a"), { once: true });
  t.addEventListener("x", () => log.push("b"), { once: "yes" });
  t.addEventListener("x", () => log.push("c"), { once: 0 });
  t.dispatchEvent(new Event("x"));
  t.dispatchEvent(new Event("x"));
  assert_array_equals(log, ["a", "b", "c", "c"], "a truthy value is once, a falsy one is not");
}, "once is converted to a boolean");
