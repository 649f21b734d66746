// META: title=Tasks and microtasks: each task is followed by a full microtask checkpoint
// Spec: https://html.spec.whatwg.org/multipage/webappapis.html#event-loop-processing-model
// Spec: https://html.spec.whatwg.org/multipage/webappapis.html#perform-a-microtask-checkpoint

setup({ allow_uncaught_exception: true });

// Resolves with `log` once a timer queued now has run (every 0 ms timer started
// before it has then run too, and so have their microtasks).
function afterZeroTimers(log) {
  return new Promise((resolve) => setTimeout(() => resolve(log), 0));
}

promise_test(async () => {
  const log = [];
  setTimeout(() => {
    log.push("timer 1");
    queueMicrotask(() => log.push("microtask from timer 1"));
    Promise.resolve().then(() => log.push("promise from timer 1"));
  }, 0);
  setTimeout(() => log.push("timer 2"), 0);
  await afterZeroTimers(log);
  assert_array_equals(log, ["timer 1", "microtask from timer 1", "promise from timer 1", "timer 2"]);
}, "microtasks queued by a task run before the next task, even one already due");

promise_test(async () => {
  const log = [];
  setTimeout(() => log.push("timer"), 0);
  queueMicrotask(() => {
    log.push("microtask 1");
    queueMicrotask(() => {
      log.push("microtask 1.1");
      queueMicrotask(() => log.push("microtask 1.1.1"));
    });
  });
  queueMicrotask(() => log.push("microtask 2"));
  await afterZeroTimers(log);
  assert_array_equals(log, ["microtask 1", "microtask 2", "microtask 1.1", "microtask 1.1.1", "timer"]);
}, "microtasks queued during a checkpoint join the same checkpoint, in FIFO order");

promise_test(async () => {
  const log = [];
  setTimeout(() => log.push("A (before the microtask)"), 0);
  queueMicrotask(() => setTimeout(() => log.push("B (from the microtask)"), 0));
  setTimeout(() => log.push("C (after the microtask was queued)"), 0);
  await new Promise((resolve) => setTimeout(() => setTimeout(resolve, 0), 0));
  assert_array_equals(log, ["A (before the microtask)", "C (after the microtask was queued)", "B (from the microtask)"]);
}, "a timer started from a microtask is started after the rest of the script's timers");

promise_test(async () => {
  const log = [];
  setTimeout(() => {
    log.push("timer 1");
    Promise.resolve(1)
      .then((v) => { log.push(`then ${v}`); return v + 1; })
      .then((v) => { log.push(`then ${v}`); return v + 1; })
      .then((v) => { log.push(`then ${v}`); });
  }, 0);
  setTimeout(() => log.push("timer 2"), 0);
  await afterZeroTimers(log);
  assert_array_equals(log, ["timer 1", "then 1", "then 2", "then 3", "timer 2"]);
}, "a whole promise chain settles between two timer tasks");

promise_test(async () => {
  const log = [];
  async function worker() {
    log.push("async function starts");
    await null;
    log.push("after await 1");
    await new Promise((resolve) => resolve());
    log.push("after await 2");
  }
  setTimeout(() => {
    log.push("timer 1");
    worker();
    log.push("timer 1 ends");
  }, 0);
  setTimeout(() => log.push("timer 2"), 0);
  await afterZeroTimers(log);
  assert_array_equals(log, ["timer 1", "async function starts", "timer 1 ends", "after await 1", "after await 2", "timer 2"]);
}, "await continuations are microtasks: they run before the next task");

promise_test(async () => {
  const log = [];
  setTimeout(() => {
    log.push("timer 1");
    throw new Error("intentional");
  }, 0);
  setTimeout(() => log.push("timer 2"), 0);
  const onerror = (e) => {
    log.push("error event");
    e.preventDefault();
  };
  self.addEventListener("error", onerror);
  await afterZeroTimers(log);
  self.removeEventListener("error", onerror);
  assert_array_equals(log, ["timer 1", "error event", "timer 2"]);
}, "a task that throws is reported and the next task still runs");
