// META: title=AbortSignal.throwIfAborted
// Spec: https://dom.spec.whatwg.org/#dom-abortsignal-throwifaborted

test(() => {
  const c = new AbortController();
  assert_equals(c.signal.throwIfAborted(), undefined, "returns undefined when not aborted");
}, "throwIfAborted() does nothing on a signal that is not aborted");

test(() => {
  const c = new AbortController();
  const reason = new TypeError("my reason");
  c.abort(reason);
  assert_throws_exactly(reason, () => c.signal.throwIfAborted(), "the reason itself is thrown");
  assert_throws_exactly(reason, () => c.signal.throwIfAborted(), "again");
}, "throwIfAborted() throws the abort reason");

test(() => {
  for (const reason of ["text", 42, null, false]) {
    assert_throws_exactly(reason, () => AbortSignal.abort(reason).throwIfAborted(), `reason ${String(reason)}`);
  }
}, "throwIfAborted() throws non-Error reasons as they are");

test(() => {
  const s = AbortSignal.abort();
  let thrown;
  try { s.throwIfAborted(); } catch (e) { thrown = e; }
  assert_equals(thrown, s.reason, "the signal's default reason");
  assert_true(thrown instanceof DOMException);
  assert_equals(thrown.name, "AbortError");
}, "throwIfAborted() throws the default AbortError");

test(() => {
  const c = new AbortController();
  const order = [];
  c.signal.addEventListener("abort", () => {
    try { c.signal.throwIfAborted(); } catch (e) { order.push(`listener sees ${e}`); }
  });
  c.abort("why");
  assert_array_equals(order, ["listener sees why"], "aborted and reason are set before the abort event");
}, "throwIfAborted() inside an abort listener throws");
