// META: title=The CustomEvent constructor requires its type argument
// Spec: https://dom.spec.whatwg.org/#interface-customevent
// Spec: https://webidl.spec.whatwg.org/#js-constructor

// constructor(DOMString type, optional CustomEventInit eventInitDict = {}): with fewer
// arguments than the required ones, the IDL overload resolution throws a TypeError.
test(() => {
  assert_throws_js(TypeError, () => new CustomEvent());
}, "new CustomEvent() throws a TypeError");
