// META: title=addEventListener converts its options even when the listener is null
// Spec: https://dom.spec.whatwg.org/#dom-eventtarget-addeventlistener
// Spec: https://webidl.spec.whatwg.org/#es-overloads (arguments are converted before the steps)
test(() => {
  const et = new EventTarget();
  assert_throws_js(TypeError, () => et.addEventListener("x", null, { signal: null }));
  assert_throws_js(TypeError, () => et.addEventListener("x", null, { signal: {} }));
  et.addEventListener("x", null, { signal: new AbortController().signal }); // fine: returns
}, "a bad signal throws even with a null listener");

test(() => {
  const log = [];
  const options = {
    get capture() { log.push("capture"); return false; },
    get once() { log.push("once"); return false; },
    get passive() { log.push("passive"); return false; },
  };
  new EventTarget().addEventListener("x", null, options);
  assert_true(log.includes("capture"), "options were read: " + log.join());
}, "options are read before the null-listener early return");
