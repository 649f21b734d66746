// META: title=Node.contains
// Spec: https://dom.spec.whatwg.org/#dom-node-contains

test(() => {
  const div = document.createElement("div");
  const child = div.appendChild(document.createElement("p"));
  const grandchild = child.appendChild(document.createTextNode("t"));
  assert_true(div.contains(div), "a node contains itself");
  assert_true(div.contains(child));
  assert_true(div.contains(grandchild), "a descendant at any depth");
  assert_false(child.contains(div), "not an ancestor");
}, "contains() is true for inclusive descendants");

test(() => {
  const div = document.createElement("div");
  const a = div.appendChild(document.createElement("a"));
  const b = div.appendChild(document.createElement("b"));
  assert_false(a.contains(b), "a sibling");
  assert_false(div.contains(document.createElement("div")), "an unrelated node");
  assert_false(div.contains(null), "null");
}, "contains() is false for other nodes and null");

test(() => {
  assert_true(document.contains(document.documentElement));
  assert_true(document.contains(document.doctype));
  assert_true(document.contains(document));
  const detached = document.createElement("x");
  assert_false(document.contains(detached));
  document.documentElement.appendChild(detached);
  assert_true(document.contains(detached), "after insertion");
  detached.remove();
  assert_false(document.contains(detached), "after removal");
}, "document.contains() follows insertion and removal");

test(() => {
  const f = document.createDocumentFragment();
  const x = f.appendChild(document.createElement("x"));
  assert_true(f.contains(x));
  const t = document.createTextNode("t");
  assert_true(t.contains(t));
  assert_false(t.contains(x));
}, "contains() on fragments and Text nodes");

test(() => {
  const div = document.createElement("div");
  assert_throws_js(TypeError, () => div.contains({}), "a plain object");
  assert_throws_js(TypeError, () => div.contains("div"), "a string");
}, "contains() requires a Node or null");
