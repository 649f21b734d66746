// META: title=The Event constructor and its EventInit dictionary
// Spec: https://dom.spec.whatwg.org/#dom-event-event
// Spec: https://dom.spec.whatwg.org/#dictdef-eventinit

test(() => {
  const e = new Event("type");
  assert_equals(e.type, "type");
  assert_false(e.bubbles);
  assert_false(e.cancelable);
  assert_false(e.composed);
  assert_false(e.defaultPrevented);
  assert_false(e.isTrusted, "a constructed event is not trusted");
  assert_equals(e.target, null);
  assert_equals(e.currentTarget, null);
  assert_equals(e.srcElement, null);
  assert_equals(e.eventPhase, Event.NONE);
  assert_true(e.returnValue);
  assert_false(e.cancelBubble);
}, "the state of a new event with no EventInit");

test(() => {
  const e = new Event("x", { bubbles: true, cancelable: true, composed: true });
  assert_true(e.bubbles);
  assert_true(e.cancelable);
  assert_true(e.composed);
  const f = new Event("x", { bubbles: 1, cancelable: "", composed: {} });
  assert_true(f.bubbles, "1 is true");
  assert_false(f.cancelable, "the empty string is false");
  assert_true(f.composed, "an object is true");
  const g = new Event("x", { unknown: true });
  assert_false(g.bubbles, "unknown members are ignored");
}, "the EventInit members are converted to booleans");

test(() => {
  assert_equals(new Event(null).type, "null");
  assert_equals(new Event(undefined).type, "undefined");
  assert_equals(new Event(1).type, "1");
  assert_equals(new Event("").type, "", "the empty string is a valid type");
  assert_equals(new Event({ toString: () => "custom" }).type, "custom");
}, "the type is converted to a string");

test(() => {
  assert_throws_js(TypeError, () => new Event(), "no type");
  assert_throws_js(TypeError, () => Event("x"), "called without new");
  assert_false(new Event("x", undefined).bubbles, "undefined EventInit");
  assert_false(new Event("x", null).bubbles, "null EventInit");
}, "the type is required; the EventInit may be undefined or null");

test(() => {
  const e = new Event("x", { bubbles: true });
  assert_readonly(e, "type");
  assert_readonly(e, "bubbles");
  assert_readonly(e, "cancelable");
  assert_readonly(e, "eventPhase");
  assert_readonly(e, "target");
  assert_equals(e.type, "x");
}, "the event attributes are read-only");

test(() => {
  assert_equals(Event.NONE, 0);
  assert_equals(Event.CAPTURING_PHASE, 1);
  assert_equals(Event.AT_TARGET, 2);
  assert_equals(Event.BUBBLING_PHASE, 3);
  assert_equals(new Event("x").AT_TARGET, 2, "on instances");
  const e = new Event("x");
  assert_equals(typeof e.timeStamp, "number");
  assert_greater_than_equal(e.timeStamp, 0);
  assert_class_string(e, "Event");
}, "the phase constants, timeStamp and the class string");
