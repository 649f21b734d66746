// META: title=Adding and removing listeners while an event is dispatched
// Spec: https://dom.spec.whatwg.org/#concept-event-listener-invoke
// Spec: https://dom.spec.whatwg.org/#concept-event-listener-inner-invoke

test(() => {
  const t = new EventTarget();
  const log = [];
  const second = () => log.push("second");
  t.addEventListener("x", () => { log.push("first"); t.removeEventListener("x", second); });
  t.addEventListener("x", second);
  t.dispatchEvent(new Event("x"));
  assert_array_equals(log, ["first"], "a listener removed before its turn is not called");
}, "removing a later listener during dispatch");

test(() => {
  const t = new EventTarget();
  const log = [];
  t.addEventListener("x", () => {
    log.push("first");
    t.addEventListener("x", () => log.push("added"));
  });
  t.addEventListener("x", () => log.push("second"));
  t.dispatchEvent(new Event("x"));
  assert_array_equals(log, ["first", "second"], "a listener added to the current target is not called");
  log.length = 0;
  t.dispatchEvent(new Event("x"));
  assert_array_equals(log, ["first", "second", "added"], "it is called by the next dispatch");
}, "adding a listener to the current target during dispatch");

test(() => {
  const t = new EventTarget();
  const log = [];
  function self_removing() {
    log.push("self");
    t.removeEventListener("x", self_removing);
  }
  t.addEventListener("x", self_removing);
  t.addEventListener("x", () => log.push("other"));
  t.dispatchEvent(new Event("x"));
  t.dispatchEvent(new Event("x"));
  assert_array_equals(log, ["self", "other", "other"]);
}, "a listener that removes itself");

test(() => {
  const t = new EventTarget();
  const log = [];
  const a = () => log.push("a");
  t.addEventListener("x", () => {
    log.push("remove and re-add a");
    t.removeEventListener("x", a);
    t.addEventListener("x", a);
  });
  t.addEventListener("x", a);
  t.dispatchEvent(new Event("x"));
  assert_array_equals(log, ["remove and re-add a"], "the re-added listener is a new one, not in this dispatch's list");
}, "removing and re-adding a listener during dispatch");

test(() => {
  const t = new EventTarget();
  const log = [];
  const bubble = () => log.push("non-capture");
  t.addEventListener("x", () => {
    log.push("capture");
    t.removeEventListener("x", bubble);
  }, true);
  t.addEventListener("x", bubble);
  t.dispatchEvent(new Event("x"));
  assert_array_equals(log, ["capture"], "removal in the capturing pass affects the later pass");
}, "a capturing listener removes a non-capturing one at the target");
