// META: title=The abort steps: abort algorithms run before the abort event
// Spec: https://dom.spec.whatwg.org/#run-the-abort-steps
// Spec: https://dom.spec.whatwg.org/#abortsignal-signal-abort

test(() => {
  const c = new AbortController();
  let calls = 0;
  c.signal.addEventListener("abort", () => calls++, { signal: c.signal });
  c.abort();
  assert_equals(calls, 0, "the listener was removed by an abort algorithm before the event fired");
}, "an abort listener added with its own signal is not called");

test(() => {
  const c = new AbortController();
  const log = [];
  c.signal.addEventListener("abort", () => log.push("listener 1"));
  c.signal.onabort = () => log.push("onabort");
  c.signal.addEventListener("abort", () => log.push("listener 2"));
  c.abort();
  assert_array_equals(log, ["listener 1", "onabort", "listener 2"], "in registration order");
}, "onabort and abort listeners run in registration order");

test(() => {
  const c = new AbortController();
  const log = [];
  c.signal.addEventListener("abort", (e) => {
    log.push([e.type, e.bubbles, e.cancelable, e.target === c.signal, c.signal.aborted, c.signal.reason]);
    c.abort("nested");
  });
  c.abort("outer");
  assert_equals(log.length, 1, "aborting again inside the listener fires nothing");
  assert_array_equals(log[0], ["abort", false, false, true, true, "outer"]);
  assert_equals(c.signal.reason, "outer");
}, "the abort event and the signal state during it");

test(() => {
  const c = new AbortController();
  const div = document.createElement("div");
  const log = [];
  div.addEventListener("click", () => log.push("click 1"));
  div.addEventListener("click", () => { log.push("click 2"); c.abort(); }, { signal: c.signal });
  div.addEventListener("click", () => log.push("click 3"), { signal: c.signal });
  div.dispatchEvent(new Event("click"));
  div.dispatchEvent(new Event("click"));
  assert_array_equals(log, ["click 1", "click 2", "click 1"],
    "aborting during dispatch removes the later listeners at once");
}, "aborting during a dispatch removes listeners registered with the signal");

test(() => {
  const c = new AbortController();
  const outer = document.createElement("div");
  const inner = outer.appendChild(document.createElement("span"));
  const log = [];
  outer.addEventListener("x", () => log.push("capture"), { capture: true, signal: c.signal });
  inner.addEventListener("x", () => log.push("target"), { once: true, signal: c.signal });
  outer.addEventListener("x", () => log.push("bubble"), { signal: c.signal });
  c.abort();
  inner.dispatchEvent(new Event("x", { bubbles: true }));
  assert_array_equals(log, [], "every listener registered with the signal is gone");
  const l = () => log.push("re-added");
  outer.addEventListener("x", l);
  inner.dispatchEvent(new Event("x", { bubbles: true }));
  assert_array_equals(log, ["re-added"]);
}, "one signal removes listeners on several targets and phases");
