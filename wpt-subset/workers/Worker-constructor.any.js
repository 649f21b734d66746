// META: title=The Worker constructor, from a window and from a dedicated worker
// META: global=window,dedicatedworker
// Spec: https://html.spec.whatwg.org/multipage/workers.html#dom-worker
// Spec: https://html.spec.whatwg.org/multipage/workers.html#the-worker's-lifetime

function firstMessage(w) {
  return new Promise((resolve, reject) => {
    w.onmessage = (e) => resolve(e.data);
    w.onerror = (e) => {
      e.preventDefault();
      reject(new Error(`worker error: ${e.message}`));
    };
  });
}

test(() => {
  assert_equals(typeof Worker, "function", "Worker is exposed here");
  assert_equals(Worker.length, 1, "one required argument");
  assert_equals(Worker.prototype.postMessage.length, 1, "postMessage: one required argument");
  assert_equals(Worker.prototype.terminate.length, 0);
  assert_equals(Object.getPrototypeOf(Worker.prototype), EventTarget.prototype, "Worker inherits from EventTarget");
}, `Worker is exposed in this global (${GLOBAL.isWindow() ? "window" : "worker"}) with the IDL shape`);

promise_test(async (t) => {
  const w = new Worker("resources/report-name.js");
  t.add_cleanup(() => w.terminate());
  const r = await firstMessage(w);
  assert_true(r.href.endsWith("/workers/resources/report-name.js"), `the worker's URL: ${r.href}`);
}, "A relative script URL resolves against the creator's base URL");

promise_test(async (t) => {
  const w = new Worker("/workers/resources/report-name.js");
  t.add_cleanup(() => w.terminate());
  const r = await firstMessage(w);
  assert_true(r.href.endsWith("/workers/resources/report-name.js"), `the worker's URL: ${r.href}`);
}, "A root-relative script URL works");

test(() => {
  assert_throws_js(TypeError, () => new Worker(), "no URL");
  assert_throws_js(TypeError, () => new Worker("resources/echo.js", { type: "json" }), "a type that is not a WorkerType");
  assert_throws_dom("SyntaxError", () => new Worker("https://exa mple.org/"), "a URL that does not parse");
}, "Invalid arguments throw: TypeError for the options, SyntaxError for the URL");

test(() => {
  // IDL conversion of the options happens before the URL is parsed.
  assert_throws_js(TypeError, () => new Worker("http://[", { type: "bogus" }));
}, "The options are converted (and rejected) before the URL is parsed");

promise_test(async (t) => {
  const w = new Worker("resources/echo.js");
  t.add_cleanup(() => w.terminate());
  const received = [];
  const all = new Promise((resolve) => {
    w.onmessage = (e) => {
      received.push(e.data);
      if (received.length === 4) resolve();
    };
  });
  w.postMessage("a");
  w.postMessage({ b: [1, 2] });
  w.postMessage(3);
  w.postMessage(null);
  await all;
  assert_equals(JSON.stringify(received), JSON.stringify(["a", { b: [1, 2] }, 3, null]));
}, "A worker created here echoes messages back in order");

promise_test(async (t) => {
  const a = new Worker("resources/report-name.js", { name: "first" });
  const b = new Worker("resources/report-name.js", { name: "second" });
  t.add_cleanup(() => { a.terminate(); b.terminate(); });
  const [ra, rb] = await Promise.all([firstMessage(a), firstMessage(b)]);
  assert_array_equals([ra.name, rb.name], ["first", "second"], "each worker has its own global");
}, "Each Worker gets its own global, with its own name");
