// META: title=AbortSignal.abort()
// Spec: https://dom.spec.whatwg.org/#dom-abortsignal-abort

test(() => {
  const s = AbortSignal.abort();
  assert_true(s instanceof AbortSignal);
  assert_true(s.aborted);
  assert_true(s.reason instanceof DOMException);
  assert_equals(s.reason.name, "AbortError");
}, "AbortSignal.abort() returns an aborted signal with an AbortError reason");

test(() => {
  const reason = { why: "because" };
  assert_equals(AbortSignal.abort(reason).reason, reason);
  assert_equals(AbortSignal.abort(null).reason, null);
  assert_equals(AbortSignal.abort(undefined).reason.name, "AbortError", "undefined means the default");
}, "AbortSignal.abort(reason)");

test(() => {
  const a = AbortSignal.abort();
  const b = AbortSignal.abort();
  assert_not_equals(a, b, "a new signal each call");
  assert_not_equals(a.reason, b.reason, "a new default reason each call");
}, "each call makes a new signal");

async_test((t) => {
  const s = AbortSignal.abort();
  s.addEventListener("abort", t.unreached_func("no abort event is fired later"));
  s.onabort = t.unreached_func("onabort is not called");
  t.step_timeout(() => t.done(), 10);
}, "a signal made by AbortSignal.abort() fires no abort event");

test(() => {
  const t = new EventTarget();
  let calls = 0;
  t.addEventListener("x", () => calls++, { signal: AbortSignal.abort() });
  t.dispatchEvent(new Event("x"));
  assert_equals(calls, 0, "a listener added with an aborted signal is not added");
}, "AbortSignal.abort() as an addEventListener signal");
