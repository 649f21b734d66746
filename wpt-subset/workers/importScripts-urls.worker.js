// META: title=importScripts(): URL resolution, repeated imports, declarations and parse errors
// Spec: https://html.spec.whatwg.org/multipage/workers.html#importing-scripts-and-libraries
// Spec: https://html.spec.whatwg.org/multipage/workers.html#dom-workerglobalscope-importscripts
importScripts("/resources/testharness.js");

function reset() {
  self.importOrder = [];
  self.importCounter = 0;
}

test(() => {
  reset();
  importScripts("resources/imports/counter.js", "resources/imports/leaf.js");
  importScripts("/workers/resources/imports/counter.js");
  assert_array_equals(self.importOrder, ["counter", "leaf", "counter"]);
}, "Relative URLs resolve against the worker's script URL; root-relative URLs work too");

test(() => {
  reset();
  importScripts("resources/imports/nested-importer.js");
  assert_array_equals(self.importOrder, ["nested-importer start", "leaf", "nested-importer end"],
    "the nested import ran synchronously, resolved against the worker's URL");
}, "importScripts() inside an imported script resolves against the worker's URL");

test(() => {
  reset();
  importScripts("resources/imports/counter.js", "resources/imports/counter.js");
  importScripts("resources/imports/counter.js");
  assert_equals(self.importCounter, 3, "each listed URL is fetched and run, even if seen before");
}, "The same script imported several times runs each time");

test(() => {
  importScripts("resources/imports/declarations.js");
  assert_equals(importedVar, "var");
  assert_equals(self.importedVar, "var", "var becomes a property of the global");
  assert_equals(importedFunction(), "function");
  assert_equals(self.importedFunction, importedFunction, "a function declaration becomes a property of the global");
}, "Top-level var and function declarations of an imported script become globals");

test(() => {
  reset();
  let caught = null;
  try {
    importScripts("resources/imports/leaf.js", "resources/imports/syntax-error.js", "resources/imports/counter.js");
  } catch (e) {
    caught = e;
  }
  assert_true(caught instanceof SyntaxError, `a JavaScript SyntaxError is rethrown, got ${caught}`);
  assert_false(caught instanceof DOMException, "not a DOMException");
  assert_array_equals(self.importOrder, ["leaf"], "the broken script did not run, nor the scripts after it");
}, "A script that fails to parse throws its SyntaxError out of importScripts()");

async_test((t) => {
  reset();
  setTimeout(t.step_func_done(() => {
    importScripts("resources/imports/leaf.js");
    assert_array_equals(self.importOrder, ["leaf"]);
  }), 0);
}, "importScripts() works from a later task, not only while the worker's script runs");

test(() => {
  assert_equals(importScripts.length, 0, "variadic: length 0");
  reset();
  assert_equals(importScripts(), undefined, "no arguments: nothing happens");
  assert_array_equals(self.importOrder, []);
}, "importScripts() is variadic and accepts zero URLs");

done();
