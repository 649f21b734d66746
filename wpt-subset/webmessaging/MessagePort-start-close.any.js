// META: title=MessagePort: the port message queue is enabled by start() or onmessage; close() disentangles
// META: global=window,dedicatedworker
// Spec: https://html.spec.whatwg.org/multipage/web-messaging.html#dom-messageport-start
// Spec: https://html.spec.whatwg.org/multipage/web-messaging.html#handler-messageport-onmessage
// Spec: https://html.spec.whatwg.org/multipage/web-messaging.html#dom-messageport-close

function wait(t, ms) {
  return new Promise((resolve) => t.step_timeout(resolve, ms));
}

promise_test(async (t) => {
  const { port1, port2 } = new MessageChannel();
  const got = [];
  port2.addEventListener("message", (e) => got.push(e.data));
  port1.postMessage("waits");
  await wait(t, 30);
  assert_array_equals(got, [], "a listener alone does not enable the queue");
  port2.onmessage = (e) => got.push(`onmessage ${e.data}`);
  await wait(t, 30);
  assert_array_equals(got, ["waits", "onmessage waits"], "setting onmessage enabled it; both listeners ran, in order");
  port1.close();
}, "addEventListener does not start a port; setting onmessage does");

promise_test(async (t) => {
  const { port1, port2 } = new MessageChannel();
  const got = [];
  port2.addEventListener("message", (e) => got.push(e.data));
  port2.onmessageerror = () => got.push("messageerror handler");
  port1.postMessage("still waiting");
  await wait(t, 30);
  assert_array_equals(got, [], "onmessageerror does not start the port");
  port2.start();
  await wait(t, 30);
  assert_array_equals(got, ["still waiting"]);
  port1.close();
}, "Only the onmessage setter starts the port, not onmessageerror");

promise_test(async (t) => {
  const { port1, port2 } = new MessageChannel();
  const got = [];
  port2.onmessage = (e) => got.push(e.data);
  port1.postMessage(1);
  await wait(t, 20);
  const handler = port2.onmessage;
  port2.onmessage = null;
  port1.postMessage(2); // delivered to no listener: the port stays started
  await wait(t, 20);
  port2.onmessage = handler;
  port1.postMessage(3);
  await wait(t, 20);
  assert_array_equals(got, [1, 3], "message 2 was dispatched with no handler and is gone");
  port1.close();
}, "Unsetting onmessage does not stop a started port; its messages are dispatched to nobody");

promise_test(async (t) => {
  const { port1, port2 } = new MessageChannel();
  const at1 = [];
  const at2 = [];
  port1.onmessage = (e) => at1.push(e.data);
  port2.onmessage = (e) => at2.push(e.data);
  port2.close();
  port1.postMessage("to the closed port");
  port2.postMessage("from the closed port");
  await wait(t, 30);
  assert_array_equals(at2, [], "a closed port receives nothing posted after it closed");
  assert_array_equals(at1, [], "and sends nothing");
}, "After close(), nothing posted either way is delivered");

promise_test(async (t) => {
  const { port1, port2 } = new MessageChannel();
  const got = [];
  port2.onmessage = (e) => got.push(e.data);
  port1.postMessage("sent before close");
  port1.close();
  await wait(t, 30);
  assert_array_equals(got, ["sent before close"], "a message already sent is delivered even though the sender closed");
  port2.postMessage("to a closed partner"); // no exception
}, "Closing the sending port after posting does not recall the message");

test(() => {
  const { port1, port2 } = new MessageChannel();
  assert_equals(port1.start(), undefined);
  assert_equals(port1.close(), undefined);
  port1.close();
  port1.start();
  assert_equals(port1.postMessage("x"), undefined, "postMessage on a closed port returns normally");
  port2.close();
}, "start(), close() and postMessage() on a closed port are harmless no-ops");
