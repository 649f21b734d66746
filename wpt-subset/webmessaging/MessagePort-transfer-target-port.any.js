// META: title=MessagePort.postMessage with the target port in the transfer list: the message is doomed
// META: global=window,dedicatedworker
// Spec: https://html.spec.whatwg.org/multipage/web-messaging.html#message-port-post-message-steps
// "If targetPort is not null and transfer contains targetPort, then set doomed to true"
// (no exception); the message is still serialized with its transfer list (detaching
// targetPort), and then "if targetPort is null, or if doomed is true, then return".

function wait(t, ms) {
  return new Promise((resolve) => t.step_timeout(resolve, ms));
}

test(() => {
  const { port1, port2 } = new MessageChannel();
  port2.postMessage("doomed", [port1]);
  const other = new MessageChannel();
  assert_throws_dom("DataCloneError", () => other.port1.postMessage(null, [port1]), "port1 was detached by the transfer");
  other.port1.close();
  port2.close();
}, "Transferring the target port does not throw, and detaches it");

promise_test(async (t) => {
  const { port1, port2 } = new MessageChannel();
  const got = [];
  port1.onmessage = (e) => got.push(e.data);
  port2.postMessage("doomed", [port1]);
  port2.postMessage("after the doomed message");
  await wait(t, 30);
  assert_array_equals(got, [], "nothing reaches the old port1 object, which was transferred away");
  port2.close();
}, "A doomed message is never delivered");
