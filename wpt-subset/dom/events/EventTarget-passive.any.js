// META: title=addEventListener's passive option
// Spec: https://dom.spec.whatwg.org/#dom-addeventlisteneroptions-passive
// Spec: https://dom.spec.whatwg.org/#set-the-canceled-flag

test(() => {
  const t = new EventTarget();
  let inside;
  t.addEventListener("x", (e) => {
    e.preventDefault();
    inside = e.defaultPrevented;
  }, { passive: true });
  const e = new Event("x", { cancelable: true });
  assert_true(t.dispatchEvent(e), "dispatchEvent returns true");
  assert_false(inside, "defaultPrevented stays false inside the passive listener");
  assert_false(e.defaultPrevented);
}, "preventDefault() in a passive listener is ignored");

test(() => {
  const t = new EventTarget();
  const log = [];
  t.addEventListener("x", (e) => { e.preventDefault(); log.push(e.defaultPrevented); }, { passive: true });
  t.addEventListener("x", (e) => { e.preventDefault(); log.push(e.defaultPrevented); });
  t.addEventListener("x", (e) => { log.push(e.defaultPrevented); }, { passive: true });
  const e = new Event("x", { cancelable: true });
  assert_false(t.dispatchEvent(e));
  assert_array_equals(log, [false, true, true], "a later non-passive listener can cancel; later passive listeners see it");
}, "passive and non-passive listeners on one event");

test(() => {
  const t = new EventTarget();
  t.addEventListener("x", (e) => { e.returnValue = false; }, { passive: true });
  const e = new Event("x", { cancelable: true });
  t.dispatchEvent(e);
  assert_true(e.returnValue, "returnValue = false is ignored too");
  assert_false(e.defaultPrevented);
}, "setting returnValue in a passive listener is ignored");

test(() => {
  const t = new EventTarget();
  let calls = 0;
  const listener = (e) => { calls++; e.preventDefault(); };
  t.addEventListener("x", listener, { passive: true });
  t.addEventListener("x", listener, { passive: false });
  const e = new Event("x", { cancelable: true });
  t.dispatchEvent(e);
  assert_equals(calls, 1, "passive does not make a registration distinct");
  assert_false(e.defaultPrevented, "the first registration (passive) is the one kept");
}, "passive is not part of a listener's identity");

test(() => {
  const t = new EventTarget();
  let first;
  t.addEventListener("x", (e) => { e.stopPropagation(); e.stopImmediatePropagation(); first = true; }, { passive: true });
  t.addEventListener("x", () => { first = false; });
  t.dispatchEvent(new Event("x"));
  assert_true(first, "passive listeners can still stop propagation");
}, "passive listeners can stop propagation");
