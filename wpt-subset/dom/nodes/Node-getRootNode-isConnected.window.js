// META: title=Node.getRootNode and Node.isConnected
// Spec: https://dom.spec.whatwg.org/#dom-node-getrootnode
// Spec: https://dom.spec.whatwg.org/#dom-node-isconnected

test(() => {
  const div = document.createElement("div");
  const p = div.appendChild(document.createElement("p"));
  const t = p.appendChild(document.createTextNode("t"));
  assert_equals(div.getRootNode(), div, "a parentless node is its own root");
  assert_equals(t.getRootNode(), div, "the topmost ancestor");
  assert_equals(p.getRootNode({ composed: true }), div, "composed makes no difference without shadow trees");
}, "getRootNode() of a detached tree");

test(() => {
  assert_equals(document.getRootNode(), document);
  assert_equals(document.documentElement.getRootNode(), document);
  assert_equals(document.doctype.getRootNode(), document);
  const frag = document.createDocumentFragment();
  const x = frag.appendChild(document.createElement("x"));
  assert_equals(x.getRootNode(), frag);
}, "getRootNode() in the document and in a fragment");

test(() => {
  const div = document.createElement("div");
  const inner = div.appendChild(document.createElement("span"));
  assert_false(div.isConnected);
  assert_false(inner.isConnected);
  document.documentElement.appendChild(div);
  assert_true(div.isConnected);
  assert_true(inner.isConnected, "descendants are connected");
  assert_equals(inner.getRootNode(), document);
  div.remove();
  assert_false(inner.isConnected);
  assert_equals(inner.getRootNode(), div);
}, "isConnected follows insertion into and removal from the document");

test(() => {
  assert_true(document.isConnected, "the document is connected");
  assert_true(document.doctype.isConnected);
  const frag = document.createDocumentFragment();
  assert_false(frag.isConnected);
  assert_false(frag.appendChild(document.createTextNode("t")).isConnected);
  assert_false(document.createComment("c").isConnected);
}, "isConnected for documents, fragments and CharacterData");
