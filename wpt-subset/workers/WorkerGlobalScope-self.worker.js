// META: title=WorkerGlobalScope: self, the global object and its prototype chain
// Spec: https://html.spec.whatwg.org/multipage/workers.html#the-workerglobalscope-common-interface
// Spec: https://html.spec.whatwg.org/multipage/workers.html#dedicated-workers-and-the-dedicatedworkerglobalscope-interface
importScripts("/resources/testharness.js");

// A classic worker script's top-level `this` is the global object.
const topLevelThis = this;

test(() => {
  assert_equals(self, globalThis, "self is the global object");
  assert_equals(topLevelThis, self, "top-level this");
  assert_equals(self.self, self, "self.self");
  assert_equals(typeof window, "undefined", "no window in a worker");
}, "self is the worker's global object");

test(() => {
  assert_equals(Object.getPrototypeOf(self), DedicatedWorkerGlobalScope.prototype, "first prototype");
  assert_equals(Object.getPrototypeOf(DedicatedWorkerGlobalScope.prototype), WorkerGlobalScope.prototype, "then WorkerGlobalScope");
  assert_equals(Object.getPrototypeOf(WorkerGlobalScope.prototype), EventTarget.prototype, "then EventTarget");
  assert_equals(Object.getPrototypeOf(EventTarget.prototype), Object.prototype, "then Object");
}, "The prototype chain is DedicatedWorkerGlobalScope, WorkerGlobalScope, EventTarget, Object");

test(() => {
  assert_class_string(self, "DedicatedWorkerGlobalScope");
  assert_true(self instanceof EventTarget, "an EventTarget");
}, "The global's class string is DedicatedWorkerGlobalScope");

test(() => {
  assert_throws_js(TypeError, () => new WorkerGlobalScope(), "WorkerGlobalScope");
  assert_throws_js(TypeError, () => new DedicatedWorkerGlobalScope(), "DedicatedWorkerGlobalScope");
  assert_throws_js(TypeError, () => DedicatedWorkerGlobalScope(), "called as a function");
}, "The global scope interfaces cannot be constructed by script");

test(() => {
  assert_throws_js(TypeError, () => {
    "use strict";
    self.self = 5;
  }, "strict-mode assignment to a readonly attribute");
  assert_equals(self.self, self, "self is unchanged");
}, "self is a readonly attribute");

test(() => {
  const log = [];
  const listener = (e) => log.push([e.type, e.target === self, e.currentTarget === self, e.eventPhase]);
  self.addEventListener("x-custom", listener);
  const result = self.dispatchEvent(new Event("x-custom", { cancelable: true }));
  self.removeEventListener("x-custom", listener);
  self.dispatchEvent(new Event("x-custom"));
  assert_true(result, "not canceled");
  assert_equals(log.length, 1, "one call while the listener was registered");
  assert_array_equals(log[0], ["x-custom", true, true, Event.AT_TARGET]);
}, "The global is an EventTarget: script can dispatch events at it");

done();
