// META: title=AbortSignal.any() and dependent signals
// Spec: https://dom.spec.whatwg.org/#dom-abortsignal-any
// Spec: https://dom.spec.whatwg.org/#create-a-dependent-abort-signal

test(() => {
  const s = AbortSignal.any([]);
  assert_true(s instanceof AbortSignal);
  assert_false(s.aborted, "an empty list never aborts");
  assert_equals(s.reason, undefined);
}, "AbortSignal.any([])");

test(() => {
  const a = new AbortController();
  const reason1 = new Error("1");
  const b = AbortSignal.abort(reason1);
  const c = AbortSignal.abort("2");
  const s = AbortSignal.any([a.signal, b, c]);
  assert_true(s.aborted, "aborted at once");
  assert_equals(s.reason, reason1, "the reason of the first aborted signal in the list");
  let fired = false;
  s.onabort = () => { fired = true; };
  a.abort();
  assert_false(fired, "no abort event for a signal that was created aborted");
}, "a list with an aborted signal gives an aborted signal");

test(() => {
  const a = new AbortController();
  const b = new AbortController();
  const s = AbortSignal.any([a.signal, b.signal]);
  const reason = { r: 1 };
  b.abort(reason);
  assert_true(s.aborted);
  assert_equals(s.reason, reason, "the same reason object");
  a.abort("later");
  assert_equals(s.reason, reason, "the first abort wins");
}, "the dependent signal aborts with the first source to abort");

test(() => {
  const a = new AbortController();
  const log = [];
  const s1 = AbortSignal.any([a.signal]);
  const s2 = AbortSignal.any([a.signal]);
  a.signal.addEventListener("abort", () => log.push(`source (s1.aborted=${s1.aborted})`));
  s1.addEventListener("abort", () => log.push("s1"));
  s2.addEventListener("abort", () => log.push("s2"));
  a.abort();
  assert_array_equals(log, ["source (s1.aborted=true)", "s1", "s2"],
    "dependents are marked aborted first, the source's event fires first, then the dependents' in order");
}, "the order of abort events");

test(() => {
  const a = new AbortController();
  const inner = AbortSignal.any([a.signal]);
  const outer = AbortSignal.any([inner]);
  const log = [];
  inner.onabort = () => log.push("inner");
  outer.onabort = () => log.push("outer");
  a.abort("r");
  assert_true(outer.aborted);
  assert_equals(outer.reason, "r");
  assert_array_equals(log, ["inner", "outer"]);
}, "a dependent of a dependent signal follows the original source");

test(() => {
  const a = new AbortController();
  const s = AbortSignal.any([a.signal, a.signal, a.signal]);
  let events = 0;
  s.onabort = () => events++;
  a.abort();
  assert_equals(events, 1, "one abort event for a repeated source");
}, "a source listed several times");

test(() => {
  assert_throws_js(TypeError, () => AbortSignal.any(), "no argument");
  assert_throws_js(TypeError, () => AbortSignal.any([{}]), "not a signal");
  assert_throws_js(TypeError, () => AbortSignal.any(null), "null");
}, "AbortSignal.any() requires a sequence of AbortSignals");
