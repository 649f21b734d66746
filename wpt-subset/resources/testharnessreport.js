// Prints the results of a testharness.js run as one line that `roundabout wpt` reads:
//   ROUNDABOUT-WPT {"status":..., "message":..., "tests":[{name, status, message}]}
// `roundabout wpt` serves this file in place of any checkout's own
// /resources/testharnessreport.js (as wptrunner does), so it only uses the documented
// harness API: add_completion_callback and the numeric statuses every
// testharness.js shares. It works with our harness and with the real one.
(function () {
  const SUBTEST = ["PASS", "FAIL", "TIMEOUT", "NOTRUN", "PRECONDITION_FAILED"];
  const HARNESS = ["OK", "ERROR", "TIMEOUT", "PRECONDITION_FAILED"];
  // The runner substitutes its --timeout here (1 = the standard 10 s / 60 s).
  const multiplier = Number("%TIMEOUT_MULTIPLIER%");
  // No result rendering into the document: the runner reads this line only.
  setup({ output: false, timeout_multiplier: multiplier > 0 ? multiplier : 1 });
  add_completion_callback((tests, harnessStatus) => {
    const text = (m) => (m === undefined || m === null ? null : String(m));
    console.log("ROUNDABOUT-WPT " + JSON.stringify({
      status: HARNESS[harnessStatus.status] ?? "ERROR",
      message: text(harnessStatus.message),
      tests: tests.map((t) => ({ name: String(t.name), status: SUBTEST[t.status] ?? "FAIL", message: text(t.message) })),
    }));
  });
})();
