// META: title=DedicatedWorkerGlobalScope.postMessage(): arguments, serialization and transfer inside the worker
// Spec: https://html.spec.whatwg.org/multipage/workers.html#dom-dedicatedworkerglobalscope-postmessage
// Spec: https://html.spec.whatwg.org/multipage/web-messaging.html#message-port-post-message-steps
importScripts("/resources/testharness.js");

// The page running this file ignores messages that are not from the harness, so
// the postMessage calls below that succeed are harmless.

test(() => {
  assert_equals(typeof postMessage, "function");
  assert_equals(postMessage, self.postMessage, "a global function");
  assert_equals(postMessage.length, 1, "one required argument");
  assert_throws_js(TypeError, () => postMessage(), "the message argument is required");
}, "postMessage requires its message argument");

test(() => {
  assert_equals(postMessage("a string"), undefined);
  assert_equals(postMessage(undefined), undefined, "undefined is a valid message");
  assert_equals(postMessage({ nested: [1, { deep: true }] }, []), undefined, "with an empty transfer list");
  assert_equals(postMessage(null, {}), undefined, "with an empty options dictionary");
}, "postMessage returns undefined for any cloneable message");

test(() => {
  const log = [];
  const message = {
    get first() { log.push("first"); return 1; },
    get second() { log.push("second"); return 2; },
  };
  postMessage(message);
  assert_array_equals(log, ["first", "second"], "serialized synchronously, reading each getter once");
  assert_throws_dom("DataCloneError", () => postMessage({ f: () => {} }));
  assert_throws_dom("DataCloneError", () => postMessage(Symbol("x")));
}, "The message is serialized synchronously; uncloneable values throw DataCloneError");

test(() => {
  const buffer = new ArrayBuffer(8);
  const view = new Float64Array(buffer);
  postMessage({ view }, [buffer]);
  assert_equals(buffer.byteLength, 0, "detached");
  assert_equals(view.length, 0, "the view sees a detached buffer");
  const second = new ArrayBuffer(2);
  postMessage(null, { transfer: [second] });
  assert_equals(second.byteLength, 0, "the options form transfers too");
}, "Transferring from the worker detaches the worker's buffers");

test(() => {
  const { port1, port2 } = new MessageChannel();
  postMessage(null, [port2]);
  assert_throws_dom("DataCloneError", () => postMessage(null, [port2]), "a port already transferred");
  assert_throws_dom("DataCloneError", () => postMessage({ port: port1 }), "a port outside the transfer list");
  port1.close();
}, "MessagePorts sent from the worker follow the transfer rules");

test(() => {
  assert_throws_js(TypeError, () => postMessage("x", [null]), "null is not an object");
  assert_throws_js(TypeError, () => postMessage("x", { transfer: "abc" }), "a string is not a sequence of objects");
}, "A transfer argument that is not a sequence of objects throws TypeError");

done();
