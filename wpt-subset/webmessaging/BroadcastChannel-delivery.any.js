// META: title=BroadcastChannel: who receives a message, in what order, with which event fields
// META: global=window,dedicatedworker
// Spec: https://html.spec.whatwg.org/multipage/web-messaging.html#broadcasting-to-other-browsing-contexts
// Spec: https://html.spec.whatwg.org/multipage/web-messaging.html#dom-broadcastchannel-postmessage

// A channel name unique to this test and this global.
let counter = 0;
function uniqueName(label) {
  return `${label}-${GLOBAL.isWindow() ? "window" : "worker"}-${counter++}-${Math.random()}`;
}
function wait(t, ms) {
  return new Promise((resolve) => t.step_timeout(resolve, ms));
}

promise_test(async (t) => {
  const name = uniqueName("fields");
  const sender = new BroadcastChannel(name);
  const receiver = new BroadcastChannel(name);
  t.add_cleanup(() => { sender.close(); receiver.close(); });
  const received = new Promise((resolve) => { receiver.onmessage = resolve; });
  const data = { list: [1, 2], when: new Date(5) };
  sender.postMessage(data);
  data.list.push(3);
  const e = await received;
  assert_true(e instanceof MessageEvent, "a MessageEvent");
  assert_equals(e.type, "message");
  assert_array_equals(e.data.list, [1, 2], "a clone taken at postMessage time");
  assert_true(e.data.when instanceof Date && e.data.when.getTime() === 5, "structured clone keeps a Date");
  assert_equals(typeof e.origin, "string", "origin is the sender's serialized origin");
  assert_equals(e.lastEventId, "");
  assert_equals(e.source, null, "no source");
  assert_equals(e.ports.length, 0, "no ports");
  assert_equals(e.target, receiver);
  assert_true(e.isTrusted);
  assert_false(e.bubbles);
  assert_false(e.cancelable);
}, "The message event: a clone of the data, no source, no ports");

promise_test(async (t) => {
  const name = uniqueName("not-self");
  const a = new BroadcastChannel(name);
  const b = new BroadcastChannel(name);
  t.add_cleanup(() => { a.close(); b.close(); });
  const log = [];
  a.onmessage = (e) => log.push(`a got ${e.data}`);
  b.onmessage = (e) => log.push(`b got ${e.data}`);
  a.postMessage("from a");
  b.postMessage("from b");
  await wait(t, 30);
  assert_array_equals(log.slice().sort(), ["a got from b", "b got from a"], "each hears only the other");
}, "A channel does not receive its own messages");

promise_test(async (t) => {
  const name = uniqueName("order");
  const sender = new BroadcastChannel(name);
  const first = new BroadcastChannel(name);
  const second = new BroadcastChannel(name);
  const third = new BroadcastChannel(name);
  t.add_cleanup(() => [sender, first, second, third].forEach((c) => c.close()));
  const log = [];
  third.onmessage = (e) => log.push(`third ${e.data}`);
  first.onmessage = (e) => log.push(`first ${e.data}`);
  second.onmessage = (e) => log.push(`second ${e.data}`);
  sender.postMessage(1);
  sender.postMessage(2);
  await wait(t, 30);
  assert_array_equals(log, ["first 1", "second 1", "third 1", "first 2", "second 2", "third 2"],
    "destinations are sorted by creation order; each message reaches all of them before the next");
}, "Messages reach the other channels in creation order, message by message");

promise_test(async (t) => {
  const name = uniqueName("late");
  const sender = new BroadcastChannel(name);
  sender.postMessage("before the receiver existed");
  const late = new BroadcastChannel(name);
  t.add_cleanup(() => { sender.close(); late.close(); });
  const got = [];
  late.onmessage = (e) => got.push(e.data);
  sender.postMessage("after");
  await wait(t, 30);
  assert_array_equals(got, ["after"], "the destinations are chosen when postMessage is called");
}, "A channel created after postMessage does not receive that message");

promise_test(async (t) => {
  const name = uniqueName("names");
  const a = new BroadcastChannel(name);
  const differentCase = new BroadcastChannel(name.toUpperCase());
  const b = new BroadcastChannel(name);
  t.add_cleanup(() => { a.close(); b.close(); differentCase.close(); });
  const got = [];
  differentCase.onmessage = () => got.push("different case");
  b.onmessage = (e) => got.push(e.data);
  a.postMessage("same name");
  await wait(t, 30);
  assert_array_equals(got, ["same name"], "names are compared exactly");
}, "Only channels with exactly the same name receive the message");

promise_test(async (t) => {
  const name = uniqueName("sender-closes");
  const sender = new BroadcastChannel(name);
  const receiver = new BroadcastChannel(name);
  t.add_cleanup(() => receiver.close());
  const got = [];
  receiver.onmessage = (e) => got.push(e.data);
  sender.postMessage("sent, then the sender closed");
  sender.close();
  await wait(t, 30);
  assert_array_equals(got, ["sent, then the sender closed"]);
  assert_throws_dom("InvalidStateError", () => sender.postMessage("closed"), "a closed channel cannot post");
}, "Closing the sender after posting does not cancel the message; a closed channel cannot post");

promise_test(async (t) => {
  const name = uniqueName("listener");
  const a = new BroadcastChannel(name);
  const b = new BroadcastChannel(name);
  t.add_cleanup(() => { a.close(); b.close(); });
  const got = new Promise((resolve) => b.addEventListener("message", (e) => resolve(e.data)));
  a.postMessage("no start() needed");
  assert_equals(await got, "no start() needed");
}, "addEventListener alone receives messages (a BroadcastChannel has no start())");
