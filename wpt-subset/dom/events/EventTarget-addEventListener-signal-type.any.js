// META: title=addEventListener's signal option must be an AbortSignal
// Spec: https://dom.spec.whatwg.org/#dictdef-addeventlisteneroptions
// Spec: https://webidl.spec.whatwg.org/#es-dictionary

// "AbortSignal signal;" is a dictionary member of interface type, not nullable: a
// present value that is not an AbortSignal fails the IDL conversion with a TypeError,
// and nothing is added.
test(() => {
  const t = new EventTarget();
  let calls = 0;
  const l = () => calls++;
  assert_throws_js(TypeError, () => t.addEventListener("x", l, { signal: {} }), "a plain object");
  assert_throws_js(TypeError, () => t.addEventListener("x", l, { signal: null }), "null");
  assert_throws_js(TypeError, () => t.addEventListener("x", l, { signal: new EventTarget() }), "another EventTarget");
  t.dispatchEvent(new Event("x"));
  assert_equals(calls, 0, "no listener was added");
}, "a signal that is not an AbortSignal is a TypeError");
