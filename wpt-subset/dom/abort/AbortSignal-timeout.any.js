// META: title=AbortSignal.timeout()
// Spec: https://dom.spec.whatwg.org/#dom-abortsignal-timeout

test(() => {
  const s = AbortSignal.timeout(1000);
  assert_true(s instanceof AbortSignal);
  assert_false(s.aborted);
  assert_equals(s.reason, undefined);
}, "AbortSignal.timeout() returns a signal that is not aborted yet");

async_test((t) => {
  const s = AbortSignal.timeout(0);
  assert_false(s.aborted, "not aborted synchronously, even for 0 ms");
  let microtaskSawAborted = null;
  Promise.resolve().then(() => { microtaskSawAborted = s.aborted; });
  s.addEventListener("abort", t.step_func_done((e) => {
    assert_false(microtaskSawAborted, "not aborted in a microtask either");
    assert_true(s.aborted);
    assert_true(e.isTrusted);
    assert_true(s.reason instanceof DOMException);
    assert_equals(s.reason.name, "TimeoutError");
    assert_equals(s.reason.code, 23, "TIMEOUT_ERR");
  }));
}, "the signal aborts later with a TimeoutError");

test(() => {
  assert_throws_js(TypeError, () => AbortSignal.timeout(-1), "negative");
  assert_throws_js(TypeError, () => AbortSignal.timeout(NaN), "NaN");
  assert_throws_js(TypeError, () => AbortSignal.timeout(Infinity), "Infinity");
}, "the timeout is an [EnforceRange] unsigned long long");

promise_test(async () => {
  const s = AbortSignal.timeout(5);
  await new Promise((resolve) => { s.onabort = resolve; });
  assert_throws_exactly(s.reason, () => s.throwIfAborted());
}, "throwIfAborted() after a timeout throws the TimeoutError");
