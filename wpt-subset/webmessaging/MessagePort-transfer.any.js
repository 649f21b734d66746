// META: title=Transferring MessagePorts: event.ports, identity, queued messages, DataCloneError
// META: global=window,dedicatedworker
// Spec: https://html.spec.whatwg.org/multipage/web-messaging.html#message-ports
// Spec: https://html.spec.whatwg.org/multipage/structured-data.html#structuredserializewithtransfer
// Spec: https://html.spec.whatwg.org/multipage/comms.html#dom-messageevent-ports

function nextEvent(port) {
  return new Promise((resolve) => { port.onmessage = resolve; });
}
function wait(t, ms) {
  return new Promise((resolve) => t.step_timeout(resolve, ms));
}

promise_test(async () => {
  const carrier = new MessageChannel();
  const a = new MessageChannel();
  const b = new MessageChannel();
  const arrived = nextEvent(carrier.port2);
  carrier.port1.postMessage({ first: a.port2, nested: { second: b.port2 } }, [b.port2, a.port2]);
  const e = await arrived;
  assert_equals(e.ports.length, 2, "both ports");
  assert_true(e.ports.every((p) => p instanceof MessagePort), "MessagePorts");
  assert_equals(e.ports[0], e.data.nested.second, "ports follow the transfer list's order");
  assert_equals(e.ports[1], e.data.first);
  assert_true(Object.isFrozen(e.ports), "a frozen array");
  assert_equals(e.ports, e.ports, "the same array every time");
  carrier.port1.close();
}, "event.ports lists the transferred ports in transfer-list order; the data refers to the same objects");

promise_test(async () => {
  const carrier = new MessageChannel();
  const ch = new MessageChannel();
  const arrived = nextEvent(carrier.port2);
  carrier.port1.postMessage("ports only in the transfer list", [ch.port2]);
  const e = await arrived;
  assert_equals(e.data, "ports only in the transfer list");
  assert_equals(e.ports.length, 1, "a port listed for transfer arrives even if the message does not mention it");
  const heard = nextEvent(ch.port1);
  e.ports[0].postMessage("hello back");
  assert_equals((await heard).data, "hello back");
  carrier.port1.close();
  ch.port1.close();
}, "A port in the transfer list but not in the message still arrives in event.ports");

promise_test(async (t) => {
  const carrier = new MessageChannel();
  const ch = new MessageChannel();
  ch.port1.postMessage(1);
  ch.port1.postMessage(2);
  const arrived = nextEvent(carrier.port2);
  carrier.port1.postMessage(null, [ch.port2]);
  ch.port1.postMessage(3);
  const moved = (await arrived).ports[0];
  const got = [];
  moved.onmessage = (e) => got.push(e.data);
  ch.port1.postMessage(4);
  await wait(t, 30);
  assert_array_equals(got, [1, 2, 3, 4], "queued, in-flight and later messages, in order");
  carrier.port1.close();
  ch.port1.close();
}, "A transferred port keeps its queued messages and its order");

promise_test(async (t) => {
  const hop1 = new MessageChannel();
  const hop2 = new MessageChannel();
  const ch = new MessageChannel();
  let arrived = nextEvent(hop1.port2);
  hop1.port1.postMessage(null, [ch.port2]);
  const once = (await arrived).ports[0];
  arrived = nextEvent(hop2.port2);
  hop2.port1.postMessage(null, [once]);
  const twice = (await arrived).ports[0];
  assert_not_equals(twice, once, "each transfer makes a new object");
  const heard = nextEvent(ch.port1);
  twice.postMessage("after two transfers");
  assert_equals((await heard).data, "after two transfers");
  hop1.port1.close();
  hop2.port1.close();
  ch.port1.close();
}, "A port can be transferred again after it arrived");

test(() => {
  const carrier = new MessageChannel();
  const ch = new MessageChannel();
  assert_throws_dom("DataCloneError", () => carrier.port1.postMessage(null, [carrier.port1]), "the source port itself");
  assert_throws_dom("DataCloneError", () => carrier.port1.postMessage({ p: ch.port1 }), "a port that is not in the transfer list");
  assert_throws_dom("DataCloneError", () => carrier.port1.postMessage(null, [ch.port1, ch.port1]), "a duplicate");
  carrier.port1.postMessage(null, [ch.port1]);
  assert_throws_dom("DataCloneError", () => carrier.port1.postMessage(null, [ch.port1]), "a port that is already detached");
  carrier.port1.close();
  ch.port2.close();
}, "Invalid port transfers throw DataCloneError");

test(() => {
  const carrier = new MessageChannel();
  const ch = new MessageChannel();
  const buffer = new ArrayBuffer(8);
  assert_throws_dom("DataCloneError", () => carrier.port1.postMessage(() => {}, [ch.port2, buffer]));
  assert_equals(buffer.byteLength, 8, "the buffer is not detached");
  // The port was not transferred either: it can still be transferred now.
  carrier.port1.postMessage(null, [ch.port2, buffer]);
  assert_equals(buffer.byteLength, 0);
  carrier.port1.close();
  ch.port1.close();
}, "A message that fails to serialize transfers nothing");
