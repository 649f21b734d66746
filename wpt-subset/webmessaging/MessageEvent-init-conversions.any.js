// META: title=MessageEvent: MessageEventInit conversion (member order, null ports) and initMessageEvent()
// META: global=window,dedicatedworker
// Spec: https://html.spec.whatwg.org/multipage/comms.html#the-messageevent-interface
// Spec: https://webidl.spec.whatwg.org/#es-dictionary
// Spec: https://webidl.spec.whatwg.org/#es-sequence

test(() => {
  const log = [];
  const init = {};
  for (const key of ["source", "ports", "origin", "lastEventId", "data", "composed", "cancelable", "bubbles"]) {
    Object.defineProperty(init, key, { get() { log.push(key); return undefined; } });
  }
  new MessageEvent("m", init);
  // Inherited dictionary (EventInit) first, then MessageEventInit, each in
  // lexicographical order.
  assert_array_equals(log, ["bubbles", "cancelable", "composed", "data", "lastEventId", "origin", "ports", "source"]);
}, "MessageEventInit members are read in order: EventInit's, then MessageEventInit's, each sorted");

test(() => {
  assert_throws_js(TypeError, () => new MessageEvent("m", { ports: null }), "null is not an object");
}, "ports: null is not a sequence and throws TypeError");

test(() => {
  assert_equals(typeof MessageEvent.prototype.initMessageEvent, "function", "initMessageEvent exists");
  const { port1, port2 } = new MessageChannel();
  const e = new MessageEvent("before");
  e.initMessageEvent("after", true, true, { d: 1 }, "origin", "id", port1, [port2]);
  assert_equals(e.type, "after");
  assert_true(e.bubbles);
  assert_true(e.cancelable);
  assert_equals(e.data.d, 1);
  assert_equals(e.origin, "origin");
  assert_equals(e.lastEventId, "id");
  assert_equals(e.source, port1);
  assert_array_equals(e.ports, [port2]);
  port1.close();
}, "initMessageEvent() initializes a MessageEvent that was not dispatched");
