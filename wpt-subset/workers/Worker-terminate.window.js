// META: title=Worker.terminate(): the worker stops running and its messages stop arriving
// Spec: https://html.spec.whatwg.org/multipage/workers.html#dom-worker-terminate
// Spec: https://html.spec.whatwg.org/multipage/workers.html#terminate-a-worker

function wait(t, ms) {
  return new Promise((resolve) => t.step_timeout(resolve, ms));
}
function uniqueName(label) {
  return `${label}-${Math.random()}`;
}

promise_test(async (t) => {
  const name = uniqueName("ticker");
  const w = new Worker("resources/ticker.js", { name });
  const channel = new BroadcastChannel(name);
  t.add_cleanup(() => channel.close());
  let lastBroadcast = 0;
  channel.onmessage = (e) => { lastBroadcast = e.data; };
  let messages = 0;
  await new Promise((resolve) => {
    w.onmessage = () => {
      messages++;
      if (messages === 3) resolve();
    };
  });
  w.terminate();
  const messagesAtTerminate = messages;
  await wait(t, 40);
  const broadcastAfterSettling = lastBroadcast;
  await wait(t, 60);
  assert_equals(messages, messagesAtTerminate, "no message event after terminate()");
  assert_equals(lastBroadcast, broadcastAfterSettling, "the worker's interval stopped: no more broadcasts");
}, "terminate() stops the worker's timers, not only the delivery of its messages");

test(() => {
  const w = new Worker("resources/echo.js");
  assert_equals(w.terminate(), undefined);
  assert_equals(w.terminate(), undefined, "a second call is harmless");
  assert_equals(w.postMessage("ignored"), undefined, "postMessage to a terminated worker does not throw");
}, "terminate() returns undefined and may be called repeatedly");

test(() => {
  const w = new Worker("resources/echo.js");
  w.terminate();
  assert_throws_dom("DataCloneError", () => w.postMessage(Symbol("s")), "the message is still serialized");
  const buffer = new ArrayBuffer(16);
  w.postMessage(buffer, [buffer]);
  assert_equals(buffer.byteLength, 0, "and its transfer list still detached");
}, "postMessage() after terminate() still serializes the message and transfers");

promise_test(async (t) => {
  const w = new Worker("resources/echo.js");
  let errors = 0;
  let messages = 0;
  w.onerror = () => errors++;
  w.onmessage = () => messages++;
  w.postMessage("posted before terminate");
  w.terminate();
  await wait(t, 80);
  assert_equals(messages, 0, "a message posted just before terminate() gets no reply");
  assert_equals(errors, 0, "terminate() is not an error");
}, "Terminating right after posting: no reply and no error event");

promise_test(async (t) => {
  const outer = new Worker("resources/terminate-inner.js");
  t.add_cleanup(() => outer.terminate());
  const report = new Promise((resolve) => { outer.onmessage = (e) => resolve(e.data); });
  outer.postMessage("go");
  assert_array_equals(await report, ["before terminate"], "the nested worker answered before terminate(), not after");
}, "A worker can terminate the worker it created");
