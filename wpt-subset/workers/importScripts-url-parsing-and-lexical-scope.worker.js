// META: title=importScripts(): URL parsing before fetching; imported scripts share the global lexical scope
// Spec: https://html.spec.whatwg.org/multipage/workers.html#import-scripts-into-worker-global-scope
// Spec: https://tc39.es/ecma262/#sec-globaldeclarationinstantiation
importScripts("/resources/testharness.js");

test(() => {
  self.importOrder = [];
  let caught = null;
  try {
    importScripts("resources/imports/leaf.js", "http://[");
  } catch (e) {
    caught = e;
  }
  assert_true(caught instanceof DOMException, `a DOMException, got ${caught}`);
  assert_equals(caught.name, "SyntaxError", "URL parse failure is a SyntaxError");
  assert_array_equals(self.importOrder, [], "every URL is parsed before any script is fetched or run");
}, "A URL that does not parse throws a SyntaxError DOMException before anything runs");

test(() => {
  importScripts("resources/imports/declarations.js");
  assert_equals(importedLet, "let", "let is in the global lexical scope");
  assert_equals(importedConst, "const", "const too");
  assert_equals(typeof ImportedClass, "function", "and class");
  assert_false("importedLet" in self, "lexical declarations are not properties of the global");
}, "Top-level let, const and class declarations of an imported script are visible to later code");

done();
