// META: title=setTimeout(): timers run by delay, and by start order for equal delays
// Spec: https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timer-initialisation-steps
// Spec: https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#run-steps-after-a-timeout

function collect(log, count) {
  return new Promise((resolve) => {
    const check = () => (log.length >= count ? resolve(log) : setTimeout(check, 5));
    check();
  });
}

promise_test(async () => {
  const log = [];
  for (const delay of [30, 10, 20, 0]) setTimeout(() => log.push(delay), delay);
  await collect(log, 4);
  assert_array_equals(log, [0, 10, 20, 30]);
}, "timers with different delays run in order of delay, not of the calls");

promise_test(async () => {
  const log = [];
  for (let i = 0; i < 10; i++) setTimeout(() => log.push(i), 5);
  await collect(log, 10);
  assert_array_equals(log, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
}, "timers with equal delays run in the order setTimeout() was called");

promise_test(async () => {
  const log = [];
  setTimeout(() => log.push("short, started first"), 5);
  setTimeout(() => log.push("long, started second"), 10);
  setTimeout(() => log.push("equal to the first, started third"), 5);
  await collect(log, 3);
  assert_array_equals(log, ["short, started first", "equal to the first, started third", "long, started second"]);
}, "a later timer with the same delay runs before an earlier one with a longer delay");

promise_test(async () => {
  const log = [];
  setTimeout(() => {
    log.push("A");
    setTimeout(() => log.push("C (started by A)"), 0);
  }, 0);
  setTimeout(() => log.push("B"), 0);
  await collect(log, 3);
  assert_array_equals(log, ["A", "B", "C (started by A)"]);
}, "a timer started from a timer callback runs after the timers that were already due");

promise_test(async () => {
  const log = [];
  const id = setInterval(() => {
    log.push("interval");
    if (log.filter((x) => x === "interval").length === 2) clearInterval(id);
  }, 20);
  setTimeout(() => log.push("timeout 30"), 30);
  await collect(log, 3);
  assert_array_equals(log, ["interval", "timeout 30", "interval"]);
}, "interval repetitions and timeouts are ordered by their deadlines");

promise_test(async () => {
  const log = [];
  setTimeout(() => log.push("timeout 1"), 0);
  const id = setInterval(() => {
    log.push("interval");
    clearInterval(id);
  }, 0);
  setTimeout(() => log.push("timeout 2"), 0);
  await collect(log, 3);
  assert_array_equals(log, ["timeout 1", "interval", "timeout 2"]);
}, "setTimeout() and setInterval() timers with equal delays share one start order");
