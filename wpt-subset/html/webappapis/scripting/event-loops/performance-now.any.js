// META: title=performance.now(): a monotonic clock that shares its origin with timers
// Spec: https://w3c.github.io/hr-time/#dom-performance-now
// Spec: https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timers

test(() => {
  assert_equals(typeof performance.now(), "number");
  assert_greater_than_equal(performance.now(), 0, "not before the time origin");
  assert_true(Number.isFinite(performance.now()), "finite");
  assert_equals(typeof performance.timeOrigin, "number");
  assert_greater_than(performance.timeOrigin, 0);
}, "performance.now() is a finite, non-negative number of milliseconds");

test(() => {
  let previous = performance.now();
  for (let i = 0; i < 1000; i++) {
    const now = performance.now();
    assert_greater_than_equal(now, previous, `call ${i} went backwards`);
    previous = now;
  }
}, "successive calls never go backwards");

promise_test(async () => {
  const stamps = [performance.now()];
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    stamps.push(performance.now());
  }
  for (let i = 1; i < stamps.length; i++) {
    assert_greater_than_equal(stamps[i], stamps[i - 1], `task ${i}`);
  }
}, "the clock does not go backwards from one task to the next");

promise_test(async () => {
  const before = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 15));
  const elapsed = performance.now() - before;
  assert_greater_than_equal(elapsed, 15, "a 15 ms timer ran after at least 15 ms of performance.now()");
}, "a timer runs no earlier than its delay, as measured by performance.now()");

test(() => {
  const wall = Date.now();
  const hr = performance.timeOrigin + performance.now();
  assert_approx_equals(hr, wall, 1000, "timeOrigin + now() is close to the wall clock");
}, "performance.timeOrigin + performance.now() is the current time in ms since the epoch");

test(() => {
  const json = performance.toJSON();
  assert_equals(typeof json, "object");
  assert_equals(json.timeOrigin, performance.timeOrigin);
  assert_throws_js(TypeError, () => new performance.constructor(), "Performance is not constructible");
}, "performance.toJSON() and the Performance interface");
