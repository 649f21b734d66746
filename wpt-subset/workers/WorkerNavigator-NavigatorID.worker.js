// META: title=WorkerNavigator: NavigatorID members and the languages FrozenArray
// Spec: https://html.spec.whatwg.org/multipage/workers.html#the-workernavigator-object
// Spec: https://html.spec.whatwg.org/multipage/system-state.html#client-identification
// Spec: https://html.spec.whatwg.org/multipage/system-state.html#language-preferences
// Spec: https://webidl.spec.whatwg.org/#idl-frozen-array
importScripts("/resources/testharness.js");

// WorkerNavigator includes NavigatorID; the members exposed to workers are
// appCodeName, appName, appVersion, platform, product and userAgent.
test(() => {
  assert_equals(navigator.appCodeName, "Mozilla", "appCodeName");
  assert_equals(navigator.appName, "Netscape", "appName");
  assert_equals(navigator.product, "Gecko", "product");
}, "NavigatorID constants: appCodeName, appName and product");

test(() => {
  assert_equals(typeof navigator.appVersion, "string", "appVersion is a string");
  assert_true(navigator.appVersion.startsWith("5.0 ("), `appVersion: ${navigator.appVersion}`);
}, "NavigatorID appVersion starts with '5.0 ('");

test(() => {
  const languages = navigator.languages;
  assert_true(Object.isFrozen(languages), "a FrozenArray attribute returns a frozen array");
  assert_equals(navigator.languages, languages, "the same object while the list does not change");
}, "navigator.languages is a frozen array, the same object on every read");

done();
