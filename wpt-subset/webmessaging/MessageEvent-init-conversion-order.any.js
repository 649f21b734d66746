// META: title=MessageEvent: a primitive init throws; initMessageEvent converts before it initializes
// Spec: https://html.spec.whatwg.org/multipage/comms.html#the-messageevent-interface
// Spec: https://webidl.spec.whatwg.org/#es-dictionary
test(() => {
  assert_throws_js(TypeError, () => new MessageEvent("m", 5));
  assert_throws_js(TypeError, () => new MessageEvent("m", "data"));
  assert_equals(new MessageEvent("m", null).data, null, "null is an empty dictionary");
}, "a primitive MessageEventInit is a TypeError");

test(() => {
  const e = new MessageEvent("before", { data: 1 });
  assert_throws_js(TypeError, () => e.initMessageEvent("after", true, true, 2, Symbol("origin")));
  assert_equals(e.type, "before", "the type did not change");
  assert_false(e.bubbles, "nor the flags");
  assert_equals(e.data, 1, "nor the data");
}, "initMessageEvent changes nothing when an argument fails to convert");

test(() => {
  if (GLOBAL.isWorker()) {
    assert_throws_js(TypeError, () => new MessageEvent("m", { source: self }), "a worker global is no MessageEventSource");
  } else {
    assert_equals(new MessageEvent("m", { source: window }).source, window);
  }
  const { port1 } = new MessageChannel();
  assert_equals(new MessageEvent("m", { source: port1 }).source, port1);
  port1.close();
}, "source: a window or a MessagePort");
