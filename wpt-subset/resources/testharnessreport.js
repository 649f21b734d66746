// Prints the results of a testharness.js run as one line that `roundabout` tests (and,
// later, `roundabout wpt`) read: ROUNDABOUT-WPT {"status":..., "tests":[...]}.
add_completion_callback((tests, harnessStatus) => {
  const names = globalThis.__roundabout_harness;
  console.log("ROUNDABOUT-WPT " + JSON.stringify({
    status: names.HARNESS_NAMES[harnessStatus.status],
    message: harnessStatus.message,
    tests: tests.map((t) => ({ name: t.name, status: names.SUBTEST_NAMES[t.status], message: t.message })),
  }));
});
