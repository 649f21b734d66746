// META: title=MessageChannel: message order, one task per message, in any global
// META: global=window,dedicatedworker
// Spec: https://html.spec.whatwg.org/multipage/web-messaging.html#message-channels
// Spec: https://html.spec.whatwg.org/multipage/web-messaging.html#message-port-post-message-steps

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
  const got = collect(port2, 50);
  for (let i = 0; i < 50; i++) port1.postMessage(i);
  const values = await got;
  assert_array_equals(values, Array.from({ length: 50 }, (_, i) => i));
  port1.close();
}, "Fifty messages posted in one task arrive in order");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const log = [];
  const done = new Promise((resolve) => {
    port2.onmessage = (e) => {
      log.push(`receive ${e.data}`);
      if (e.data === "first") {
        port1.postMessage("posted while handling first");
        log.push("posted from the handler");
      }
      if (log.length === 4) resolve();
    };
  });
  port1.postMessage("first");
  port1.postMessage("second");
  await done;
  assert_array_equals(log, ["receive first", "posted from the handler", "receive second", "receive posted while handling first"],
    "a message posted from a handler is queued behind those already waiting");
  port1.close();
}, "A message posted while handling another goes to the end of the queue");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const log = [];
  const done = new Promise((resolve) => {
    port2.onmessage = (e) => {
      log.push(`message ${e.data}`);
      Promise.resolve().then(() => log.push(`microtask ${e.data}`));
      if (e.data === 3) setTimeout(resolve, 0);
    };
  });
  port1.postMessage(1);
  port1.postMessage(2);
  port1.postMessage(3);
  Promise.resolve().then(() => log.push("microtask of the posting script"));
  await done;
  assert_array_equals(log, ["microtask of the posting script", "message 1", "microtask 1", "message 2", "microtask 2", "message 3", "microtask 3"]);
  port1.close();
}, "Each message is a separate task: microtasks run in between, and delivery never happens synchronously");

promise_test(async () => {
  const a = new MessageChannel();
  const b = new MessageChannel();
  const log = [];
  const done = new Promise((resolve) => {
    const handler = (name) => (e) => {
      log.push(`${name} ${e.data}`);
      if (log.length === 6) resolve();
    };
    a.port2.onmessage = handler("a");
    b.port2.onmessage = handler("b");
  });
  a.port1.postMessage(1);
  b.port1.postMessage(1);
  a.port1.postMessage(2);
  b.port1.postMessage(2);
  a.port1.postMessage(3);
  b.port1.postMessage(3);
  await done;
  assert_array_equals(log.filter((l) => l.startsWith("a")), ["a 1", "a 2", "a 3"], "channel a in order");
  assert_array_equals(log.filter((l) => l.startsWith("b")), ["b 1", "b 2", "b 3"], "channel b in order");
  a.port1.close();
  b.port1.close();
}, "Two channels each keep their own order");

promise_test(async () => {
  const { port1, port2 } = new MessageChannel();
  const at1 = collect(port1, 3);
  const at2 = collect(port2, 3);
  port1.postMessage("1a");
  port2.postMessage("2a");
  port2.postMessage("2b");
  port1.postMessage("1b");
  port1.postMessage("1c");
  port2.postMessage("2c");
  assert_array_equals(await at2, ["1a", "1b", "1c"], "port1 to port2");
  assert_array_equals(await at1, ["2a", "2b", "2c"], "port2 to port1");
  port1.close();
}, "Both directions are independent and ordered");
