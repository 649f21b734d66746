// META: title=The CustomEvent constructor and detail
// Spec: https://dom.spec.whatwg.org/#interface-customevent

test(() => {
  const e = new CustomEvent("c");
  assert_true(e instanceof Event);
  assert_true(e instanceof CustomEvent);
  assert_equals(e.type, "c");
  assert_equals(e.detail, null, "detail defaults to null");
  assert_false(e.bubbles);
  assert_class_string(e, "CustomEvent");
}, "a CustomEvent without an init dictionary");

test(() => {
  const obj = { n: 1 };
  assert_equals(new CustomEvent("c", { detail: obj }).detail, obj, "an object, not copied");
  assert_equals(new CustomEvent("c", { detail: 0 }).detail, 0);
  assert_equals(new CustomEvent("c", { detail: "" }).detail, "");
  assert_equals(new CustomEvent("c", { detail: false }).detail, false);
  assert_equals(new CustomEvent("c", { detail: undefined }).detail, null, "undefined is the default, null");
}, "detail holds any value");

test(() => {
  const e = new CustomEvent("c", { bubbles: true, cancelable: true, detail: [1] });
  assert_true(e.bubbles);
  assert_true(e.cancelable);
  assert_array_equals(e.detail, [1]);
  assert_readonly(e, "detail");
}, "CustomEventInit includes the EventInit members; detail is read-only");

test(() => {
  const target = new EventTarget();
  let seen;
  target.addEventListener("c", (e) => { seen = e.detail; });
  target.dispatchEvent(new CustomEvent("c", { detail: "payload" }));
  assert_equals(seen, "payload");
  assert_throws_js(TypeError, () => CustomEvent("c"), "called without new");
}, "a CustomEvent is dispatched like any other event");
