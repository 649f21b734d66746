// META: title=setTimeout(): the delay is a WebIDL long, negative delays count as 0
// Spec: https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timer-initialisation-steps
// Spec: https://webidl.spec.whatwg.org/#es-long

// Starts one timer per [label, delay] in order, plus a 10 ms timer, and resolves with
// the labels in the order they ran.
function race(entries) {
  return new Promise((resolve) => {
    const log = [];
    for (const [label, delay] of entries) setTimeout(() => log.push(label), delay);
    setTimeout(() => log.push("10 ms"), 10);
    const check = () => (log.length === entries.length + 1 ? resolve(log) : setTimeout(check, 5));
    setTimeout(check, 15);
  });
}

promise_test(async () => {
  const order = await race([["10 ms, first", 10], ["-100", -100], ["-1", -1]]);
  assert_array_equals(order, ["-100", "-1", "10 ms, first", "10 ms"]);
}, "a negative delay is treated as 0");

promise_test(async () => {
  const order = await race([["10 ms, first", 10], ["NaN", NaN], ["Infinity", Infinity],
    ["-Infinity", -Infinity], ["undefined", undefined], ["null", null], ["non-numeric string", "soon"]]);
  assert_array_equals(order, ["NaN", "Infinity", "-Infinity", "undefined", "null", "non-numeric string",
    "10 ms, first", "10 ms"]);
}, "NaN, infinities and values that convert to NaN are 0");

promise_test(async () => {
  // 2^31 is -2^31 as a long, so 0 after clamping; 2^32 + 1 is 1.
  const order = await race([["10 ms, first", 10], ["2^31", 2 ** 31], ["2^32 + 1", 2 ** 32 + 1]]);
  assert_array_equals(order, ["2^31", "2^32 + 1", "10 ms, first", "10 ms"]);
}, "huge delays wrap modulo 2^32 like any WebIDL long");

promise_test(async () => {
  const order = await race([["10 ms, first", 10], ["'30'", "30"], ["{valueOf: 30}", { valueOf: () => 30 }],
    ["'5'", "5"], ["5.99", 5.99]]);
  assert_array_equals(order, ["'5'", "5.99", "10 ms, first", "10 ms", "'30'", "{valueOf: 30}"]);
}, "strings and objects are converted with ToNumber, fractions are truncated");

test(() => {
  let calls = 0;
  const id = setTimeout(() => {}, { valueOf() { calls++; return 50; } });
  assert_equals(calls, 1, "valueOf called once, synchronously");
  clearTimeout(id);
  const error = new Error("from valueOf");
  assert_throws_exactly(error, () => setTimeout(() => {}, { valueOf() { throw error; } }));
  assert_throws_js(TypeError, () => setTimeout(() => {}, 10n), "a BigInt cannot be converted to a long");
  assert_throws_js(TypeError, () => setTimeout(() => {}, Symbol("delay")), "nor can a symbol");
}, "the delay is converted when setTimeout() is called, and conversion errors are thrown");

promise_test(async () => {
  let ran = false;
  try {
    setTimeout(() => { ran = true; }, { valueOf() { throw new Error("no timer"); } });
  } catch (e) {
    // expected
  }
  await new Promise((resolve) => setTimeout(resolve, 5));
  assert_false(ran);
}, "no timer is started when converting the delay throws");
