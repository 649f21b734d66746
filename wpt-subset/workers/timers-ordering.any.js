// META: title=Timer ordering and nesting, in a window and in a dedicated worker
// META: global=window,dedicatedworker
// Spec: https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timer-initialisation-steps
// Spec: https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#run-steps-after-a-timeout

async_test((t) => {
  const log = [];
  for (let i = 0; i < 10; i++) setTimeout(() => log.push(i), 0);
  setTimeout(t.step_func_done(() => {
    assert_array_equals(log, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  }), 0);
}, "Timers with the same timeout run in the order they were set");

async_test((t) => {
  const log = [];
  setTimeout(() => {
    log.push("outer");
    setTimeout(() => log.push("nested, 0 ms"), 0);
    queueMicrotask(() => log.push("outer's microtask"));
  }, 0);
  setTimeout(() => log.push("sibling set earlier"), 0);
  setTimeout(t.step_func_done(() => {
    assert_array_equals(log, ["outer", "outer's microtask", "sibling set earlier", "nested, 0 ms"]);
  }), 20);
}, "A timer set from a timer callback runs after timers that were already pending");

async_test((t) => {
  const log = [];
  const a = setTimeout(() => log.push("a"), 5);
  setTimeout(() => {
    log.push("b");
    clearTimeout(a);
  }, 0);
  setTimeout(t.step_func_done(() => {
    assert_array_equals(log, ["b"], "a timer cleared before its time never runs");
  }), 20);
}, "A timer can be cleared by an earlier timer's callback");

async_test((t) => {
  const log = [];
  let n = 0;
  const id = setInterval(() => {
    n++;
    log.push(`interval ${n}`);
    if (n === 1) setTimeout(() => log.push("timeout set by the first tick"), 0);
    if (n === 3) {
      clearInterval(id);
      t.step_timeout(t.step_func_done(() => {
        assert_array_equals(log.slice(0, 2), ["interval 1", "timeout set by the first tick"], "the 0 ms timeout ran before the next tick");
        assert_equals(log.filter((l) => l.startsWith("interval")).length, 3, "three ticks, then none");
      }), 30);
    }
  }, 5);
}, "setInterval ticks are separate tasks; other timers run between them");

async_test((t) => {
  const start = performance.now();
  let depth = 0;
  function nest() {
    depth++;
    if (depth < 7) {
      setTimeout(nest, 0);
      return;
    }
    // Past the fifth nesting level, timeouts are clamped to at least 4 ms.
    t.step(() => assert_greater_than_equal(performance.now() - start, 4, "at least one clamped level"));
    t.done();
  }
  setTimeout(nest, 0);
}, "Deeply nested zero-delay timers are clamped");
