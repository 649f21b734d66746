// META: title=Timers inside a dedicated worker: ids, arguments, string handlers, clearing, intervals
// Spec: https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timers
importScripts("/resources/testharness.js");

test(() => {
  const ids = [setTimeout(() => {}, 1000), setTimeout(() => {}, 1000), setInterval(() => {}, 1000)];
  for (const id of ids) {
    assert_true(Number.isInteger(id), `${id} is an integer`);
    assert_greater_than(id, 0, "greater than zero");
  }
  assert_equals(new Set(ids).size, 3, "distinct ids");
  ids.forEach((id) => clearTimeout(id));
}, "setTimeout and setInterval return distinct positive integer handles");

async_test((t) => {
  setTimeout(t.step_func_done((...args) => {
    assert_array_equals(args, ["a", 2, null]);
  }), 0, "a", 2, null);
}, "Extra setTimeout arguments are passed to the callback");

async_test((t) => {
  self.stringHandlerLog = [];
  setTimeout("self.stringHandlerLog.push(typeof importScripts, this === self)", 0);
  setTimeout(t.step_func_done(() => {
    assert_array_equals(self.stringHandlerLog, ["function", true], "the string ran as a classic script in the worker's global");
  }), 0);
}, "A string handler is compiled and run in the worker's global scope");

async_test((t) => {
  const log = [];
  const cancelled = setTimeout(() => log.push("cancelled timer ran"), 0);
  setTimeout(() => {
    log.push("first");
    clearTimeout(later);
  }, 0);
  const later = setTimeout(() => log.push("later timer ran"), 0);
  clearTimeout(cancelled);
  clearTimeout(987654); // an unknown id is ignored
  clearTimeout("not a number");
  setTimeout(t.step_func_done(() => {
    assert_array_equals(log, ["first"], "cleared timers never run, even when cleared by an earlier timer");
  }), 10);
}, "clearTimeout cancels a pending timer, including one due in the same turn");

async_test((t) => {
  const ticks = [];
  const id = setInterval(t.step_func(() => {
    ticks.push(ticks.length);
    if (ticks.length === 3) {
      // Timers and intervals share one list of active timers.
      clearTimeout(id);
      setTimeout(t.step_func_done(() => {
        assert_array_equals(ticks, [0, 1, 2], "no tick after the interval was cleared");
      }), 20);
    }
  }), 1);
}, "setInterval repeats until it is cleared (clearTimeout works on intervals too)");

async_test((t) => {
  const start = performance.now();
  setTimeout(t.step_func_done(() => {
    // The timer waits at least its timeout; allow for clock rounding.
    assert_greater_than_equal(performance.now() - start, 29, "elapsed milliseconds");
  }), 30);
}, "A timer does not fire before its timeout has elapsed");

async_test((t) => {
  const log = [];
  setTimeout(() => log.push(20), 20);
  setTimeout(() => log.push(0), 0);
  setTimeout(() => log.push(10), 10);
  setTimeout(() => log.push("0 again"), 0);
  setTimeout(t.step_func_done(() => {
    assert_array_equals(log, [0, "0 again", 10, 20]);
  }), 40);
}, "Timers run in order of their timeouts; equal timeouts run in the order they were set");

done();
