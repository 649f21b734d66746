// META: title=structuredClone(): a property deleted during serialization is skipped
// META: global=window,dedicatedworker
// Spec: https://html.spec.whatwg.org/multipage/structured-data.html#structuredserializeinternal
// "For each key in ! EnumerableOwnProperties(value, key): if ! HasOwnProperty(value,
// key) is true, then ... [[Get]] ... append". A key removed by an earlier getter is
// still in the list, but no longer an own property, so it is not serialized.

test(() => {
  const source = {
    get a() { delete this.c; return 1; },
    b: 2,
    c: 3,
  };
  const copy = structuredClone(source);
  assert_array_equals(Object.keys(copy), ["a", "b"]);
  assert_false("c" in copy);
}, "An object property deleted by an earlier getter is not in the clone");

test(() => {
  const source = ["first", "second", "third"];
  Object.defineProperty(source, 0, { get() { delete source[2]; return "first"; }, enumerable: true, configurable: true });
  const copy = structuredClone(source);
  assert_equals(copy.length, 3, "length is copied");
  assert_array_equals(Object.keys(copy), ["0", "1"], "index 2 became a hole");
}, "An array element deleted by an earlier getter is a hole in the clone");
