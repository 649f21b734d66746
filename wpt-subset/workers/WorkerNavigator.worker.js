// META: title=WorkerNavigator: the navigator object of a worker
// Spec: https://html.spec.whatwg.org/multipage/workers.html#the-workernavigator-object
// Spec: https://html.spec.whatwg.org/multipage/system-state.html#client-identification
importScripts("/resources/testharness.js");

test(() => {
  assert_true(navigator instanceof WorkerNavigator, "instanceof WorkerNavigator");
  assert_class_string(navigator, "WorkerNavigator");
  assert_equals(self.navigator, navigator, "the same object on every access");
  assert_throws_js(TypeError, () => new WorkerNavigator(), "not constructible");
  assert_equals(typeof Navigator, "undefined", "Navigator is Window-only");
}, "navigator is the global's WorkerNavigator");

test(() => {
  assert_equals(typeof navigator.userAgent, "string");
  assert_true(navigator.userAgent.startsWith("Mozilla/5.0 ("), `userAgent: ${navigator.userAgent}`);
  assert_equals(typeof navigator.platform, "string");
}, "userAgent and platform are strings");

test(() => {
  assert_equals(typeof navigator.language, "string");
  assert_not_equals(navigator.language, "", "a language tag");
  const languages = navigator.languages;
  assert_true(Array.isArray(languages), "languages is an array");
  assert_greater_than_equal(languages.length, 1, "at least one language");
  for (const l of languages) assert_equals(typeof l, "string");
}, "language is a string; languages is an array of strings");

test(() => {
  assert_equals(typeof navigator.onLine, "boolean");
  assert_true(Number.isInteger(navigator.hardwareConcurrency), "an integer");
  assert_greater_than_equal(navigator.hardwareConcurrency, 1);
}, "onLine is a boolean; hardwareConcurrency a positive integer");

test(() => {
  const before = navigator.userAgent;
  assert_throws_js(TypeError, () => {
    "use strict";
    navigator.userAgent = "changed";
  });
  assert_equals(navigator.userAgent, before);
}, "navigator.userAgent is readonly");

done();
