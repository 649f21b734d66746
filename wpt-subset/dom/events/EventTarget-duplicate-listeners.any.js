// META: title=Duplicate listeners and removeEventListener matching
// Spec: https://dom.spec.whatwg.org/#add-an-event-listener
// Spec: https://dom.spec.whatwg.org/#dom-eventtarget-removeeventlistener

test(() => {
  const t = new EventTarget();
  let calls = 0;
  const l = () => calls++;
  t.addEventListener("x", l);
  t.addEventListener("x", l);
  t.addEventListener("x", l, false);
  t.addEventListener("x", l, { capture: false, passive: true, once: true });
  t.dispatchEvent(new Event("x"));
  assert_equals(calls, 1);
}, "the same type, callback and capture is added once");

test(() => {
  const t = new EventTarget();
  let calls = 0;
  const l = () => calls++;
  t.addEventListener("x", l);
  t.addEventListener("x", l, true);
  t.addEventListener("y", l);
  t.dispatchEvent(new Event("x"));
  assert_equals(calls, 2, "capture makes a different listener");
  t.dispatchEvent(new Event("y"));
  assert_equals(calls, 3, "the type makes a different listener");
}, "a different capture or type makes a different listener");

test(() => {
  const t = new EventTarget();
  let calls = 0;
  const l = () => calls++;
  t.addEventListener("x", l, true);
  t.removeEventListener("x", l);
  t.dispatchEvent(new Event("x"));
  assert_equals(calls, 1, "removing without capture leaves the capturing listener");
  t.removeEventListener("x", l, { capture: true, once: false });
  t.dispatchEvent(new Event("x"));
  assert_equals(calls, 1, "removed with capture: true in an options object");
}, "removeEventListener matches on capture only, not on other options");

test(() => {
  const t = new EventTarget();
  assert_equals(t.removeEventListener("x", () => {}), undefined, "an unknown listener");
  assert_equals(t.removeEventListener("x", null), undefined, "null");
  let calls = 0;
  const l = () => calls++;
  t.addEventListener("X", l);
  t.removeEventListener("x", l);
  t.dispatchEvent(new Event("X"));
  assert_equals(calls, 1, "types are case-sensitive");
  t.dispatchEvent(new Event("x"));
  assert_equals(calls, 1);
}, "removing what is not there is a no-op; types are case-sensitive");

test(() => {
  const t = new EventTarget();
  const log = [];
  t.addEventListener("x", () => log.push(1));
  t.addEventListener("x", () => log.push(2));
  const three = () => log.push(3);
  t.addEventListener("x", three);
  t.addEventListener("x", () => log.push(4));
  t.addEventListener("x", three);
  t.dispatchEvent(new Event("x"));
  assert_array_equals(log, [1, 2, 3, 4], "listeners run in the order they were first added");
}, "listeners keep their registration order");
