// META: title=queueMicrotask(): the argument must be callable
// Spec: https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#microtask-queuing
// Spec: https://webidl.spec.whatwg.org/#es-callback-function

test(() => {
  for (const [description, value] of [["undefined", undefined], ["null", null], ["a number", 0],
    ["a string of code", "self.__queued = true"], ["a boolean", true], ["a symbol", Symbol("s")]]) {
    assert_throws_js(TypeError, () => queueMicrotask(value), description);
  }
}, "primitive values throw a TypeError");

test(() => {
  for (const [description, value] of [["a plain object", {}], ["an object with a handleEvent method", { handleEvent() {} }],
    ["an array", []], ["an object with a call method", { call() {} }]]) {
    assert_throws_js(TypeError, () => queueMicrotask(value), description);
  }
}, "non-callable objects throw a TypeError: the callback is not a callback interface");

test(() => {
  assert_throws_js(TypeError, () => queueMicrotask());
}, "queueMicrotask() with no argument throws a TypeError");

promise_test(async () => {
  self.__queued = false;
  try {
    queueMicrotask("self.__queued = true");
  } catch (e) {
    // expected
  }
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert_false(self.__queued, "the string was not run as code");
}, "nothing is queued when the argument is rejected");

promise_test(async () => {
  const log = [];
  queueMicrotask(() => log.push("arrow"));
  queueMicrotask(function named() { log.push("function"); });
  queueMicrotask(async () => { log.push("async"); });
  queueMicrotask(log.push.bind(log, "bound"));
  queueMicrotask(new Proxy(() => log.push("proxy"), {}));
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert_array_equals(log, ["arrow", "function", "async", "bound", "proxy"]);
}, "any callable is accepted: arrow, function, async, bound and proxied functions");
