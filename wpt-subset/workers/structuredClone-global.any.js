// META: title=structuredClone(): serialization order, supported types and DataCloneError, in any global
// META: global=window,dedicatedworker
// Spec: https://html.spec.whatwg.org/multipage/structured-data.html#dom-structuredclone
// Spec: https://html.spec.whatwg.org/multipage/structured-data.html#structuredserializeinternal

test(() => {
  const log = [];
  const source = {
    get a() { log.push("a"); this.added = "late"; return 1; },
    b: 2,
    c: 3,
    get d() { log.push("d"); return 4; },
  };
  const copy = structuredClone(source);
  assert_array_equals(log, ["a", "d"], "getters run once each, in property order");
  assert_array_equals(Object.keys(copy), ["a", "b", "c", "d"],
    "the key list is taken first: a key added meanwhile is not copied");
  assert_equals(copy.a, 1);
  assert_equals(copy.d, 4);
}, "Own enumerable properties are read in order, from a key list taken up front");

test(() => {
  const date = new Date(Date.UTC(1999, 11, 31, 23, 59, 59));
  const re = /x(y)?/giu;
  const copy = structuredClone({ date, re, bool: new Boolean(true), str: new String("s") });
  assert_not_equals(copy.date, date);
  assert_equals(copy.date.getTime(), date.getTime());
  assert_equals(copy.re.source, "x(y)?");
  assert_equals(copy.re.flags, "giu");
  assert_class_string(copy.bool, "Boolean");
  assert_equals(copy.bool.valueOf(), true);
  assert_equals(copy.str.valueOf(), "s");
}, "Date, RegExp and primitive wrappers are copied");

test(() => {
  const inner = { shared: true };
  const map = new Map([[inner, new Set([inner])]]);
  const root = { map, inner, list: [inner] };
  root.self = root;
  const copy = structuredClone(root);
  assert_equals(copy.self, copy, "cycle");
  const [[key, value]] = [...copy.map];
  assert_equals(key, copy.inner, "a Map key keeps its identity within the clone");
  assert_true(value.has(copy.inner), "so does a Set member");
  assert_equals(copy.list[0], copy.inner);
  assert_not_equals(copy.inner, inner, "but it is a new object");
}, "Object identity and cycles are preserved inside one clone");

test(() => {
  const err = new TypeError("bad type");
  err.extra = "not copied";
  const copy = structuredClone(err);
  assert_equals(Object.getPrototypeOf(copy), TypeError.prototype);
  assert_equals(copy.message, "bad type");
  assert_false("extra" in copy, "other own properties are not copied");
  assert_false(Object.prototype.propertyIsEnumerable.call(copy, "message"), "message is a non-enumerable own property");
}, "Errors keep their type and message, nothing else");

test(() => {
  const buffer = new Uint8Array([1, 2, 3]).buffer;
  const copy = structuredClone(buffer, { transfer: [buffer] });
  assert_equals(buffer.byteLength, 0, "the original is detached");
  assert_array_equals(Array.from(new Uint8Array(copy)), [1, 2, 3]);
  const kept = new Uint8Array([4]).buffer;
  const plain = structuredClone(kept);
  assert_equals(kept.byteLength, 1, "without a transfer list, the buffer is copied");
  new Uint8Array(plain)[0] = 9;
  assert_equals(new Uint8Array(kept)[0], 4, "the copy is independent");
}, "transfer detaches the ArrayBuffer; without it the bytes are copied");

test(() => {
  const cases = [["a function", function f() {}], ["a symbol", Symbol("s")], ["a WeakSet", new WeakSet()],
    ["a Promise", Promise.resolve()], ["an object holding a function", { f: () => {} }],
    ["a Map holding a symbol", new Map([[1, Symbol.iterator]])]];
  for (const [what, value] of cases) {
    assert_throws_dom("DataCloneError", () => structuredClone(value), what);
  }
  assert_throws_js(TypeError, () => structuredClone(), "the value argument is required");
  assert_equals(structuredClone(undefined), undefined, "an explicit undefined is fine");
}, "Values that cannot be serialized throw DataCloneError");

test(() => {
  const thrown = new SyntaxError("from a getter");
  const log = [];
  const value = { get first() { log.push("first"); return 1; }, get second() { throw thrown; }, get third() { log.push("third"); return 3; } };
  assert_throws_exactly(thrown, () => structuredClone(value));
  assert_array_equals(log, ["first"], "serialization stops at the exception");
}, "An exception thrown by a getter propagates and stops serialization");
