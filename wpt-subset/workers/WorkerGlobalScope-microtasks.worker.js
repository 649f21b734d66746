// META: title=Microtasks inside a dedicated worker: checkpoints after scripts, tasks and callbacks
// Spec: https://html.spec.whatwg.org/multipage/webappapis.html#perform-a-microtask-checkpoint
// Spec: https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#microtask-queuing
importScripts("/resources/testharness.js");

async_test((t) => {
  const log = [];
  setTimeout(() => log.push("timer"), 0);
  queueMicrotask(() => {
    log.push("microtask 1");
    queueMicrotask(() => log.push("microtask queued by a microtask"));
  });
  Promise.resolve().then(() => log.push("promise job"));
  queueMicrotask(() => log.push("microtask 2"));
  log.push("synchronous");
  setTimeout(t.step_func_done(() => {
    assert_array_equals(log, ["synchronous", "microtask 1", "promise job", "microtask 2",
      "microtask queued by a microtask", "timer"]);
  }), 5);
}, "Microtasks run in FIFO order, all of them (also newly queued ones) before the next task");

async_test((t) => {
  const log = [];
  setTimeout(() => {
    log.push("timer A");
    queueMicrotask(() => log.push("microtask from A"));
  }, 0);
  setTimeout(() => {
    log.push("timer B");
    Promise.resolve().then(() => log.push("promise job from B"));
  }, 0);
  setTimeout(t.step_func_done(() => {
    assert_array_equals(log, ["timer A", "microtask from A", "timer B", "promise job from B"]);
  }), 5);
}, "A checkpoint follows each timer callback");

async_test((t) => {
  const log = [];
  const { port1, port2 } = new MessageChannel();
  port2.onmessage = (e) => {
    log.push(`message ${e.data}`);
    queueMicrotask(() => log.push(`microtask ${e.data}`));
    if (e.data === 2) setTimeout(t.step_func_done(() => {
      assert_array_equals(log, ["message 1", "microtask 1", "message 2", "microtask 2"]);
      port1.close();
    }), 0);
  };
  port1.postMessage(1);
  port1.postMessage(2);
}, "A checkpoint follows each MessagePort message task in the worker");

test(() => {
  const log = [];
  self.addEventListener("x-sync", () => {
    log.push("listener 1");
    queueMicrotask(() => log.push("microtask"));
  });
  self.addEventListener("x-sync", () => log.push("listener 2"));
  self.dispatchEvent(new Event("x-sync"));
  log.push("after dispatchEvent");
  assert_array_equals(log, ["listener 1", "listener 2", "after dispatchEvent"],
    "no checkpoint between listeners while script is on the stack");
}, "Events dispatched by script run their listeners synchronously, without a checkpoint between them");

promise_test(async () => {
  const log = [];
  const p = new Promise((resolve) => {
    log.push("executor");
    resolve("value");
  });
  log.push("after constructor");
  const v = await p;
  log.push(`awaited ${v}`);
  await null;
  log.push("after await null");
  assert_array_equals(log, ["executor", "after constructor", "awaited value", "after await null"]);
}, "Promise executors run synchronously; await resumes in a microtask");

done();
