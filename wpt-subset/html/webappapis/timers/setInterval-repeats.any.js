// META: title=setInterval(): the timer is started again after each run until cleared
// Spec: https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#dom-setinterval
// Spec: https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timer-initialisation-steps

setup({ allow_uncaught_exception: true });

function wait(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// Resolves once cond() is true (polled every millisecond).
function until(cond) {
  return new Promise((resolve) => {
    const check = () => (cond() ? resolve() : setTimeout(check, 1));
    check();
  });
}

promise_test(async () => {
  let runs = 0;
  const id = setInterval(() => { runs++; }, 2);
  await until(() => runs >= 5);
  clearInterval(id);
  const seen = runs;
  await wait(10);
  assert_equals(runs, seen, "no run after clearInterval()");
}, "an interval keeps running until cleared");

promise_test(async () => {
  let runs = 0;
  const id = setInterval(() => {
    runs++;
    if (runs === 3) clearInterval(id);
  }, 1);
  await until(() => runs >= 3);
  await wait(20);
  assert_equals(runs, 3);
}, "clearInterval() from the interval's own callback stops it after that run");

promise_test(async () => {
  let runs = 0;
  const id = setInterval(() => {
    runs++;
    if (runs === 2) clearTimeout(id);
  }, 1);
  await until(() => runs >= 2);
  await wait(20);
  assert_equals(runs, 2);
}, "clearTimeout() stops an interval too");

promise_test(async () => {
  let runs = 0;
  const errors = [];
  const onerror = (e) => {
    errors.push(e.error);
    e.preventDefault();
  };
  self.addEventListener("error", onerror);
  const id = setInterval(() => {
    runs++;
    if (runs === 3) clearInterval(id);
    throw new Error(`run ${runs}`);
  }, 1);
  await until(() => runs >= 3);
  await wait(20);
  self.removeEventListener("error", onerror);
  assert_equals(runs, 3, "the interval was started again after each exception");
  assert_array_equals(errors.map((e) => e.message), ["run 1", "run 2", "run 3"], "each exception was reported");
}, "an interval whose callback throws is reported and keeps running");

promise_test(async () => {
  const log = [];
  const id = setInterval(() => log.push("interval"), 1);
  setTimeout(() => {
    clearInterval(id);
    log.push("cleared");
  }, 0);
  await wait(20);
  assert_array_equals(log, ["cleared"]);
}, "an interval cleared before its first run never runs");

promise_test(async () => {
  const ids = [];
  let runs = 0;
  const id = setInterval(() => {
    runs++;
    ids.push(setTimeout(() => {}, 0));
    if (runs === 3) clearInterval(id);
  }, 1);
  await until(() => runs >= 3);
  assert_false(ids.includes(id), "no timer started meanwhile got the interval's id");
}, "an interval keeps its id from run to run");
