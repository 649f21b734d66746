// META: title=queueMicrotask(): one microtask queue shared with promise jobs, FIFO
// Spec: https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#microtask-queuing
// Spec: https://html.spec.whatwg.org/multipage/webappapis.html#queue-a-microtask

function nextTask() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

promise_test(async () => {
  const log = [];
  for (let i = 0; i < 5; i++) queueMicrotask(() => log.push(i));
  await nextTask();
  assert_array_equals(log, [0, 1, 2, 3, 4]);
}, "microtasks run in the order they were queued");

promise_test(async () => {
  const log = [];
  queueMicrotask(() => log.push("queueMicrotask 1"));
  Promise.resolve().then(() => log.push("then 1"));
  queueMicrotask(() => log.push("queueMicrotask 2"));
  Promise.reject(new Error("handled")).catch(() => log.push("catch"));
  queueMicrotask(() => log.push("queueMicrotask 3"));
  await nextTask();
  assert_array_equals(log, ["queueMicrotask 1", "then 1", "queueMicrotask 2", "catch", "queueMicrotask 3"]);
}, "queueMicrotask() and promise reactions interleave in one FIFO queue");

promise_test(async () => {
  const log = [];
  let resolveLater;
  const pending = new Promise((resolve) => { resolveLater = resolve; });
  pending.then(() => log.push("reaction of the pending promise"));
  queueMicrotask(() => log.push("microtask 1"));
  queueMicrotask(() => {
    log.push("microtask 2 resolves the promise");
    resolveLater();
  });
  queueMicrotask(() => log.push("microtask 3"));
  await nextTask();
  assert_array_equals(log, ["microtask 1", "microtask 2 resolves the promise", "microtask 3",
    "reaction of the pending promise"]);
}, "a promise reaction is queued when the promise settles, not when then() is called");

promise_test(async () => {
  const log = [];
  queueMicrotask(() => {
    log.push("outer 1");
    queueMicrotask(() => log.push("inner of 1"));
    Promise.resolve().then(() => log.push("then of 1"));
  });
  queueMicrotask(() => {
    log.push("outer 2");
    queueMicrotask(() => log.push("inner of 2"));
  });
  await nextTask();
  assert_array_equals(log, ["outer 1", "outer 2", "inner of 1", "then of 1", "inner of 2"]);
}, "microtasks queued from microtasks go to the back of the queue");

promise_test(async () => {
  const log = [];
  const thenable = {
    then(resolve) {
      log.push("thenable.then called");
      resolve("value");
    },
  };
  Promise.resolve(thenable).then((v) => log.push(`resolved with ${v}`));
  queueMicrotask(() => log.push("microtask A"));
  queueMicrotask(() => log.push("microtask B"));
  await nextTask();
  assert_array_equals(log, ["thenable.then called", "microtask A", "microtask B", "resolved with value"]);
}, "resolving with a thenable takes a microtask (PromiseResolveThenableJob) before the reaction is queued");
