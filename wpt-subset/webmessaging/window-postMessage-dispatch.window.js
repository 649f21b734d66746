// META: title=window.postMessage: how the message event is dispatched at the window
// Spec: https://html.spec.whatwg.org/multipage/web-messaging.html#window-post-message-steps
// Spec: https://html.spec.whatwg.org/multipage/web-messaging.html#dom-window-postmessage

// Message events at this window whose data has the given tag, in arrival order.
function collect(t, tag) {
  const events = [];
  const listener = (e) => {
    if (e.data && e.data.tag === tag) events.push(e);
  };
  window.addEventListener("message", listener);
  t.add_cleanup(() => window.removeEventListener("message", listener));
  return events;
}
function wait(t, ms) {
  return new Promise((resolve) => t.step_timeout(resolve, ms));
}

test(() => {
  assert_equals(window.postMessage.length, 1, "the shortest overload has one required argument");
  // Window is a [Global] interface: its operations live on the window object itself.
  assert_own_property(window, "postMessage");
}, "window.postMessage has the overloaded IDL shape and is an own property of the window");

promise_test(async (t) => {
  const seen = [];
  const listener = (e) => {
    if (!e.data || e.data.tag !== "phase") return;
    seen.push({ phase: e.eventPhase, current: e.currentTarget, target: e.target, path: e.composedPath() });
  };
  window.addEventListener("message", listener, true);
  window.addEventListener("message", listener);
  t.add_cleanup(() => {
    window.removeEventListener("message", listener, true);
    window.removeEventListener("message", listener);
  });
  window.postMessage({ tag: "phase" }, "*");
  await wait(t, 30);
  assert_equals(seen.length, 2, "capturing and non-capturing listeners both run");
  for (const s of seen) {
    assert_equals(s.phase, Event.AT_TARGET, "at target");
    assert_equals(s.current, window);
    assert_equals(s.target, window);
    assert_array_equals(s.path, [window], "the window is the whole path");
  }
}, "The event is dispatched at the window only, at target");

promise_test(async (t) => {
  const log = [];
  const listener = (e) => {
    if (!e.data || e.data.tag !== "nested") return;
    log.push(e.data.n);
    if (e.data.n === 1) e.source.postMessage({ tag: "nested", n: 3 }, "*");
  };
  window.addEventListener("message", listener);
  t.add_cleanup(() => window.removeEventListener("message", listener));
  window.postMessage({ tag: "nested", n: 1 }, "*");
  window.postMessage({ tag: "nested", n: 2 }, "*");
  await wait(t, 40);
  assert_array_equals(log, [1, 2, 3], "a reply posted via event.source queues behind message 2");
}, "event.source can be used to reply; the reply is queued behind pending messages");

promise_test(async (t) => {
  const log = [];
  const events = collect(t, "listeners");
  window.addEventListener("message", function first(e) {
    if (!e.data || e.data.tag !== "listeners") return;
    window.removeEventListener("message", first);
    log.push("first");
    queueMicrotask(() => log.push("microtask from first"));
  });
  const second = (e) => {
    if (!e.data || e.data.tag !== "listeners") return;
    log.push("second");
  };
  window.addEventListener("message", second);
  t.add_cleanup(() => window.removeEventListener("message", second));
  window.postMessage({ tag: "listeners" }, "*");
  while (events.length < 1) await wait(t, 5);
  assert_array_equals(log, ["first", "microtask from first", "second"],
    "the dispatch comes from a task: a microtask checkpoint runs after each listener");
}, "Listeners of a posted message run with a microtask checkpoint between them");

promise_test(async (t) => {
  const events = collect(t, "iterable");
  const buffer = new Uint8Array([1, 2]).buffer;
  window.postMessage({ tag: "iterable", buffer }, "*", new Set([buffer]));
  assert_equals(buffer.byteLength, 0, "the transfer argument may be any iterable");
  await wait(t, 30);
  assert_equals(events.length, 1);
  assert_array_equals(Array.from(new Uint8Array(events[0].data.buffer)), [1, 2]);
}, "The transfer list is a sequence: any iterable of transferables works");

promise_test(async (t) => {
  const events = collect(t, "handler-order");
  const log = [];
  t.add_cleanup(() => { window.onmessage = null; });
  const before = (e) => { if (e.data && e.data.tag === "handler-order") log.push("listener added before"); };
  window.addEventListener("message", before);
  window.onmessage = (e) => { if (e.data && e.data.tag === "handler-order") log.push("onmessage"); };
  const after = (e) => { if (e.data && e.data.tag === "handler-order") log.push("listener added after"); };
  window.addEventListener("message", after);
  t.add_cleanup(() => {
    window.removeEventListener("message", before);
    window.removeEventListener("message", after);
  });
  window.postMessage({ tag: "handler-order" }, "*");
  while (events.length < 1) await wait(t, 5);
  assert_array_equals(log, ["listener added before", "onmessage", "listener added after"]);
}, "window.onmessage runs in the order it was first set, among the listeners");
