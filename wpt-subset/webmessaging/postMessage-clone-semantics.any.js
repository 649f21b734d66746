// META: title=Messages are structured clones: taken at post time, deserialized once per delivery
// META: global=window,dedicatedworker
// Spec: https://html.spec.whatwg.org/multipage/web-messaging.html#message-port-post-message-steps
// Spec: https://html.spec.whatwg.org/multipage/web-messaging.html#dom-broadcastchannel-postmessage
// Spec: https://html.spec.whatwg.org/multipage/structured-data.html#structureddeserialize

function collect(port, n) {
  return new Promise((resolve) => {
    const got = [];
    port.onmessage = (e) => {
      got.push(e.data);
      if (got.length === n) resolve(got);
    };
  });
}

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const shared = { n: 1 };
  const got = collect(port2, 2);
  port1.postMessage(shared);
  shared.n = 2;
  port1.postMessage(shared);
  const [first, second] = await got;
  assert_equals(first.n, 1, "the first clone was taken before the change");
  assert_equals(second.n, 2);
  assert_not_equals(first, second, "two messages never share an object, even if the sender's was the same");
  port1.close();
}, "The same object posted twice arrives as two independent objects");

promise_test(async (t) => {
  const name = `clone-per-destination-${GLOBAL.isWindow() ? "w" : "dw"}-${Math.random()}`;
  const sender = new BroadcastChannel(name);
  const r1 = new BroadcastChannel(name);
  const r2 = new BroadcastChannel(name);
  t.add_cleanup(() => [sender, r1, r2].forEach((c) => c.close()));
  const p1 = new Promise((resolve) => { r1.onmessage = (e) => { e.data.touched = "by r1"; resolve(e.data); }; });
  const p2 = new Promise((resolve) => { r2.onmessage = (e) => resolve(e.data); });
  sender.postMessage({ touched: "no" });
  const [d1, d2] = await Promise.all([p1, p2]);
  assert_not_equals(d1, d2, "each destination deserializes its own copy");
  assert_equals(d2.touched, "no", "a change made by one receiver is not seen by another");
}, "BroadcastChannel: each receiving channel gets its own deserialized data");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const got = collect(port2, 1);
  const value = {
    map: new Map([["k", [1, 2]]]), set: new Set(["x"]), date: new Date(0), re: /re/m, big: 10n ** 20n,
    f64: new Float64Array([0.5, -0]), err: new RangeError("r"), undef: undefined, neg0: -0, nested: [[[]]],
  };
  port1.postMessage(value);
  const [r] = await got;
  assert_array_equals(r.map.get("k"), [1, 2], "Map");
  assert_true(r.set.has("x"), "Set");
  assert_equals(r.date.getTime(), 0, "Date");
  assert_equals(r.re.flags, "m", "RegExp");
  assert_equals(r.big, 10n ** 20n, "BigInt");
  assert_true(r.f64 instanceof Float64Array && r.f64[0] === 0.5 && Object.is(r.f64[1], -0), "Float64Array");
  assert_true(r.err instanceof RangeError && r.err.message === "r", "RangeError");
  assert_true("undef" in r && r.undef === undefined, "an undefined property is kept");
  assert_true(Object.is(r.neg0, -0), "-0");
  assert_equals(r.nested[0][0].length, 0, "nested arrays");
  port1.close();
}, "Built-in types survive a MessagePort trip");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const got = collect(port2, 1);
  assert_throws_dom("DataCloneError", () => port1.postMessage({ fn() {} }), "a method");
  assert_throws_dom("DataCloneError", () => port1.postMessage([Symbol("s")]), "a symbol");
  port1.postMessage("the first message that could be cloned");
  assert_array_equals(await got, ["the first message that could be cloned"], "failed messages were not sent");
  port1.close();
}, "A message that throws DataCloneError is not sent");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const got = collect(port2, 1);
  const buffer = new Uint16Array([7, 8, 9]).buffer;
  port1.postMessage({ a: buffer, b: new Uint16Array(buffer, 2, 2) }, [buffer]);
  assert_equals(buffer.byteLength, 0, "detached right away");
  const [r] = await got;
  assert_equals(r.b.buffer, r.a, "the view and the buffer are still linked");
  assert_array_equals(Array.from(r.b), [8, 9]);
  port1.close();
}, "A transferred ArrayBuffer and a view on it arrive linked");
