// META: title=AbortController: signal, abort() and the abort reason
// Spec: https://dom.spec.whatwg.org/#interface-abortcontroller
// Spec: https://dom.spec.whatwg.org/#abortsignal-signal-abort

test(() => {
  const c = new AbortController();
  assert_true(c.signal instanceof AbortSignal);
  assert_true(c.signal instanceof EventTarget);
  assert_equals(c.signal, c.signal, "the same signal every time");
  assert_false(c.signal.aborted);
  assert_equals(c.signal.reason, undefined, "no reason before abort");
  assert_not_equals(new AbortController().signal, c.signal, "each controller has its own signal");
  assert_class_string(c, "AbortController");
  assert_throws_js(TypeError, () => AbortController(), "called without new");
}, "a new controller and its signal");

test(() => {
  const c = new AbortController();
  c.abort();
  assert_true(c.signal.aborted);
  const r = c.signal.reason;
  assert_true(r instanceof DOMException, "a DOMException");
  assert_equals(r.name, "AbortError");
  assert_equals(r.code, 20, "ABORT_ERR");
  assert_equals(c.signal.reason, r, "the same object each time");
}, "abort() without a reason uses an AbortError DOMException");

test(() => {
  for (const reason of [new Error("e"), "string", 0, false, null, { custom: true }]) {
    const c = new AbortController();
    c.abort(reason);
    assert_equals(c.signal.reason, reason, `reason ${String(reason)}`);
  }
  const u = new AbortController();
  u.abort(undefined);
  assert_equals(u.signal.reason.name, "AbortError", "undefined means no reason");
}, "abort(reason) keeps any value but undefined");

test(() => {
  const c = new AbortController();
  let events = 0;
  c.signal.addEventListener("abort", () => events++);
  c.abort("first");
  c.abort("second");
  c.abort();
  assert_equals(events, 1, "the abort event fires once");
  assert_equals(c.signal.reason, "first", "the first reason stays");
}, "aborting again does nothing");

test(() => {
  const c = new AbortController();
  const s = c.signal;
  assert_readonly(s, "aborted");
  assert_readonly(s, "reason");
  assert_readonly(c, "signal");
  assert_equals(c.signal, s);
  assert_throws_js(TypeError, () => new AbortSignal(), "AbortSignal has no constructor");
}, "read-only attributes and no AbortSignal constructor");
