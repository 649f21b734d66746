// META: title=new MessageEvent(): defaults, init members and their conversions, in any global
// META: global=window,dedicatedworker
// Spec: https://html.spec.whatwg.org/multipage/comms.html#the-messageevent-interface
// Spec: https://dom.spec.whatwg.org/#constructing-events

test(() => {
  const e = new MessageEvent("message");
  assert_equals(e.data, null);
  assert_equals(e.origin, "");
  assert_equals(e.lastEventId, "");
  assert_equals(e.source, null);
  assert_array_equals(e.ports, []);
  assert_false(e.isTrusted, "script-created");
  assert_false(e.bubbles);
  assert_false(e.cancelable);
  assert_equals(Object.getPrototypeOf(MessageEvent.prototype), Event.prototype, "inherits from Event");
  assert_equals(MessageEvent.length, 1, "one required argument");
}, "Defaults of a MessageEvent created with only a type");

test(() => {
  const { port1, port2 } = new MessageChannel();
  const e = new MessageEvent("custom", { data: [1], origin: "o", lastEventId: "id", source: port1, ports: [port2, port1] });
  assert_array_equals(e.data, [1]);
  assert_equals(e.origin, "o");
  assert_equals(e.lastEventId, "id");
  assert_equals(e.source, port1, "a MessagePort is a valid source");
  assert_array_equals(e.ports, [port2, port1], "ports in the given order");
  assert_true(Object.isFrozen(e.ports), "frozen");
  port1.close();
}, "The init members are reflected");

test(() => {
  const e = new MessageEvent("m", { origin: 42, lastEventId: null, data: undefined });
  assert_equals(e.origin, "42", "origin is converted to a string");
  assert_equals(e.lastEventId, "null", "lastEventId is converted to a string");
  assert_equals(e.data, null, "undefined data is the default, null");
  const payload = { identity: true };
  assert_equals(new MessageEvent("m", { data: payload }).data, payload, "data is not cloned by the constructor");
  assert_true(Number.isNaN(new MessageEvent("m", { data: NaN }).data), "any value is allowed as data");
}, "Members are converted to their IDL types; data is kept as it is");

test(() => {
  assert_throws_js(TypeError, () => new MessageEvent("m", { ports: [{}] }), "a non-port in ports");
  assert_throws_js(TypeError, () => new MessageEvent("m", { ports: 1 }), "ports is not a sequence");
  assert_throws_js(TypeError, () => new MessageEvent("m", { source: {} }), "source is not a MessageEventSource");
  assert_throws_js(TypeError, () => new MessageEvent(), "the type is required");
}, "Invalid init members throw TypeError");

test(() => {
  const e = new MessageEvent("m", { data: "d" });
  for (const attr of ["data", "origin", "lastEventId", "source", "ports"]) {
    const before = e[attr];
    assert_throws_js(TypeError, () => {
      "use strict";
      e[attr] = "changed";
    }, `${attr} is readonly`);
    assert_equals(e[attr], before, `${attr} unchanged`);
  }
}, "MessageEvent's attributes are readonly");

test(() => {
  const target = new EventTarget();
  const seen = [];
  target.addEventListener("message", (e) => seen.push([e.data, e.isTrusted, e.target === target]));
  const result = target.dispatchEvent(new MessageEvent("message", { data: "dispatched" }));
  assert_true(result, "not canceled");
  assert_equals(seen.length, 1, "the listener ran synchronously");
  assert_array_equals(seen[0], ["dispatched", false, true]);
}, "A constructed MessageEvent can be dispatched at any EventTarget");
