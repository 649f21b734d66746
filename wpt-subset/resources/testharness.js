// Roundabout's own testharness-compatible harness, written from the documented
// testharness.js API (https://web-platform-tests.org/writing-tests/testharness-api.html).
// Subtest statuses PASS/FAIL/TIMEOUT/NOTRUN/PRECONDITION_FAILED; harness statuses
// OK/ERROR/TIMEOUT. Results go to completion callbacks (testharnessreport.js prints).
(function (global) {
  "use strict";

  const SUBTEST = { PASS: 0, FAIL: 1, TIMEOUT: 2, NOTRUN: 3, PRECONDITION_FAILED: 4 };
  const SUBTEST_NAMES = ["PASS", "FAIL", "TIMEOUT", "NOTRUN", "PRECONDITION_FAILED"];
  const HARNESS = { OK: 0, ERROR: 1, TIMEOUT: 2, PRECONDITION_FAILED: 3 };
  const HARNESS_NAMES = ["OK", "ERROR", "TIMEOUT", "PRECONDITION_FAILED"];

  class AssertionError extends Error {
    constructor(message) {
      super(message);
      this.name = "AssertionError";
    }
  }
  class OptionalFeatureUnsupportedError extends AssertionError {}

  const state = {
    tests: [],
    completionCallbacks: [],
    explicitDone: false,
    doneCalled: false,
    loaded: false,
    complete: false,
    allowUncaught: false,
    harnessStatus: HARNESS.OK,
    harnessMessage: null,
    timeoutMultiplier: 1,
    singleTest: null,
    remotes: [],
    startCallbacks: [],
    resultCallbacks: [],
    started: false,
    promiseQueue: Promise.resolve(),
  };

  // Which global this is: a window (has a document) or a dedicated worker.
  const IN_WORKER = typeof WorkerGlobalScope === "function" && global instanceof WorkerGlobalScope;
  // `<meta name="timeout" content="long">` makes the harness timeout 60 s, not 10 s.
  function metaTimeout() {
    if (IN_WORKER || typeof document === "undefined") return 10000;
    const meta = document.querySelector('meta[name="timeout"]');
    return meta && meta.getAttribute("content") === "long" ? 60000 : 10000;
  }
  state.timeoutMs = metaTimeout();

  function formatValue(v, seen = []) {
    switch (typeof v) {
      case "string":
        return JSON.stringify(v);
      case "number":
        return Object.is(v, -0) ? "-0" : String(v);
      case "bigint":
        return `${v}n`;
      case "symbol":
        return String(v);
      case "function":
        return `function "${v.name}"`;
      case "undefined":
        return "undefined";
      case "boolean":
        return String(v);
    }
    if (v === null) return "null";
    if (seen.includes(v)) return "[cycle]";
    try {
      if (typeof Node === "function" && v instanceof Node) {
        if (v.nodeType === 1) return `Element node <${v.localName}${v.id ? ` id="${v.id}"` : ""}>`;
        if (v.nodeType === 3) return `Text node ${JSON.stringify(v.data)}`;
        return `${v.nodeName} node`;
      }
      if (Array.isArray(v)) return `[${v.map((x) => formatValue(x, [...seen, v])).join(", ")}]`;
      if (v instanceof Error) return `object "${v.name}: ${v.message}"`;
      return `object "${String(v)}"`;
    } catch {
      return "[unprintable]";
    }
  }

  function assert(cond, fnName, description, message, subs) {
    if (cond) return;
    let text = message;
    for (const [k, val] of Object.entries(subs || {})) text = text.split(`\${${k}}`).join(formatValue(val));
    throw new AssertionError(`${fnName}: ${description ? description + " " : ""}${text}`);
  }

  function sameValue(a, b) {
    return Object.is(a, b) || (a === b && a !== 0);
  }

  class Test {
    constructor(name, properties) {
      this.name = name;
      this.properties = properties || {};
      this.status = SUBTEST.NOTRUN;
      this.message = null;
      this.stack = null;
      this.phase = "initial";
      this.cleanups = [];
      this.timer = null;
      this.index = state.tests.length;
      if (!state.started) {
        state.started = true;
        for (const cb of state.startCallbacks) cb();
      }
      state.tests.push(this);
    }
    step(fn, thisObj, ...args) {
      if (this.phase === "complete") return undefined;
      this.phase = "started";
      try {
        return fn.apply(thisObj === undefined ? this : thisObj, args);
      } catch (e) {
        this.fail(e);
        return undefined;
      }
    }
    step_func(fn, thisObj) {
      const t = this;
      return function (...args) {
        return t.step(fn, thisObj === undefined ? this : thisObj, ...args);
      };
    }
    step_func_done(fn, thisObj) {
      const t = this;
      return function (...args) {
        const r = fn ? t.step(fn, thisObj === undefined ? this : thisObj, ...args) : undefined;
        t.done();
        return r;
      };
    }
    unreached_func(description) {
      return this.step_func(() => {
        assert_unreached(description);
      });
    }
    step_timeout(fn, ms, ...args) {
      return setTimeout(this.step_func(() => fn(...args)), ms);
    }
    add_cleanup(fn) {
      this.cleanups.push(fn);
    }
    fail(e) {
      if (this.phase === "complete") return;
      this.status = e instanceof OptionalFeatureUnsupportedError ? SUBTEST.PRECONDITION_FAILED : SUBTEST.FAIL;
      this.message = e && typeof e === "object" && "message" in e ? String(e.message) : String(e);
      this.stack = e && e.stack ? String(e.stack) : null;
      this.finish();
    }
    done() {
      if (this.phase === "complete") return;
      if (this.status === SUBTEST.NOTRUN) this.status = SUBTEST.PASS;
      this.finish();
    }
    finish() {
      this.phase = "complete";
      if (this.timer !== null) clearTimeout(this.timer);
      const pending = [];
      for (const c of this.cleanups.splice(0)) {
        try {
          const r = c();
          if (r && typeof r.then === "function") pending.push(r);
        } catch (e) {
          cleanupFailed(this, e);
        }
      }
      const finished = () => {
        for (const cb of state.resultCallbacks) cb(this);
        if (IN_WORKER) postToParent({ kind: "result", test: this.summary() });
        maybeComplete();
      };
      // Cleanups that return promises (promise_test) finish before the next test.
      if (pending.length === 0) return finished();
      this.cleanupsDone = Promise.all(pending.map((p) => p.catch((e) => cleanupFailed(this, e)))).then(finished);
      return undefined;
    }
    summary() {
      return { name: this.name, status: this.status, message: this.message, stack: this.stack, index: this.index };
    }
    step_wait_func(cond, func, description, timeout = 3000, interval = 100) {
      const t = this;
      const deadline = Date.now() + timeout * state.timeoutMultiplier;
      const poll = t.step_func(() => {
        if (cond()) return func();
        if (Date.now() >= deadline) assert_unreached(description || "step_wait_func: timed out waiting");
        return setTimeout(poll, interval);
      });
      poll();
    }
    step_wait_func_done(cond, func, description, timeout, interval) {
      this.step_wait_func(cond, () => {
        if (func) func();
        this.done();
      }, description, timeout, interval);
    }
    step_wait(cond, description, timeout = 3000, interval = 100) {
      return new Promise((resolve, reject) => {
        const deadline = Date.now() + timeout * state.timeoutMultiplier;
        const poll = () => {
          let ok;
          try {
            ok = cond();
          } catch (e) {
            return reject(e);
          }
          if (ok) return resolve();
          if (Date.now() >= deadline) return reject(new AssertionError(`step_wait: ${description || "timed out waiting"}`));
          return setTimeout(poll, interval);
        };
        poll();
      });
    }
    force_timeout() {
      if (this.phase === "complete") return;
      this.status = SUBTEST.TIMEOUT;
      this.message = "Test timed out";
      this.finish();
    }
    get timeout_length() {
      return state.timeoutMs * state.timeoutMultiplier;
    }
  }

  function cleanupFailed(t, e) {
    state.harnessStatus = HARNESS.ERROR;
    state.harnessMessage = `Test named "${t.name}" specified 1 'cleanup' function, and 1 threw: ${e}`;
  }

  function test(fn, name, properties) {
    const t = new Test(name ?? "Untitled", properties);
    t.step(fn, t, t);
    if (t.phase !== "complete") t.done();
    return t;
  }

  function async_test(fn, name, properties) {
    if (typeof fn !== "function") {
      properties = name;
      name = fn;
      fn = null;
    }
    const t = new Test(name ?? "Untitled", properties);
    if (fn) t.step(fn, t, t);
    return t;
  }

  // promise_tests run one after another, as in WPT.
  function promise_test(fn, name, properties) {
    const t = new Test(name ?? "Untitled", properties);
    t.queued = true;
    state.promiseQueue = state.promiseQueue.then(() => {
      t.queued = false;
      if (t.phase === "complete") return undefined;
      t.phase = "started";
      let p;
      try {
        p = fn.call(t, t);
      } catch (e) {
        t.fail(e);
        return undefined;
      }
      if (!p || typeof p.then !== "function") {
        t.fail(new AssertionError("promise_test: test body must return a 'thenable' object"));
        return undefined;
      }
      return Promise.resolve(p).then(() => t.done(), (e) => t.fail(e)).then(() => t.cleanupsDone);
    });
    return t;
  }

  // promise_setup(func): later promise_tests wait for its promise; a rejection is a
  // harness error and the waiting tests do not run.
  function promise_setup(func, properties) {
    if (properties) setup(properties);
    state.promiseQueue = state.promiseQueue.then(() => {
      let p;
      try {
        p = func();
      } catch (e) {
        return setupFailed(e);
      }
      if (!p || typeof p.then !== "function") return setupFailed(new Error("promise_setup: function must return a 'thenable'"));
      return Promise.resolve(p).catch(setupFailed);
    });
  }
  function setupFailed(e) {
    state.harnessStatus = HARNESS.ERROR;
    state.harnessMessage = `setup failed: ${e && e.message !== undefined ? e.message : e}`;
    for (const t of state.tests) if (t.phase !== "complete") t.phase = "complete";
    complete();
    return new Promise(() => {});
  }

  function setup(funcOrProperties, maybeProperties) {
    let props = funcOrProperties;
    if (typeof funcOrProperties === "function") {
      props = maybeProperties;
      try {
        funcOrProperties();
      } catch (e) {
        state.harnessStatus = HARNESS.ERROR;
        state.harnessMessage = `setup threw: ${e}`;
      }
    }
    props = props || {};
    if (props.explicit_done) state.explicitDone = true;
    if (props.allow_uncaught_exception) state.allowUncaught = true;
    if (props.single_test && !state.singleTest) {
      state.explicitDone = true;
      state.singleTest = new Test(typeof document !== "undefined" && document.title ? document.title : "Untitled");
    }
    if (typeof props.timeout_multiplier === "number" && props.timeout_multiplier > 0) {
      state.timeoutMultiplier = props.timeout_multiplier;
      armHarnessTimer();
    }
    if (typeof props.timeout === "number") {
      state.timeoutMs = props.timeout;
      armHarnessTimer();
    }
    if (props.explicit_timeout) clearTimeout(harnessTimer);
  }

  function done() {
    if (state.singleTest && state.singleTest.phase !== "complete") state.singleTest.done();
    state.doneCalled = true;
    maybeComplete();
  }

  function maybeComplete() {
    if (state.complete) return;
    // In a worker there is no load event: done() (the wrappers call it) ends the file.
    const ready = state.explicitDone || IN_WORKER ? state.doneCalled : state.loaded;
    if (!ready) return;
    if (state.tests.some((t) => t.phase !== "complete")) return;
    if (state.remotes.some((r) => !r.done)) return;
    complete();
  }

  function complete() {
    if (state.complete) return;
    state.complete = true;
    clearTimeout(harnessTimer);
    const status = { status: state.harnessStatus, message: state.harnessMessage };
    if (IN_WORKER) postToParent({ kind: "complete", tests: state.tests.map((t) => t.summary()), status });
    for (const cb of state.completionCallbacks) cb(state.tests, status);
  }

  function add_completion_callback(cb) {
    state.completionCallbacks.push(cb);
  }
  function add_start_callback(cb) {
    state.startCallbacks.push(cb);
  }
  function add_result_callback(cb) {
    state.resultCallbacks.push(cb);
  }
  // timeout(): the page declares the harness timed out now.
  function timeout() {
    harnessTimedOut();
  }

  // ---- tests in dedicated workers (fetch_tests_from_worker). The worker's harness
  // posts {__roundabout_wpt: kind, ...} messages; the window's harness shows each of
  // its results as a test of its own and waits for the worker's completion.
  const PROTOCOL = "__roundabout_wpt";
  function postToParent(message) {
    try {
      global.postMessage({ [PROTOCOL]: message.kind, ...message });
    } catch (e) {
      // A result that cannot be cloned is reported without its stack.
      global.postMessage({ [PROTOCOL]: message.kind, kind: message.kind, status: message.status, tests: [] });
    }
  }
  function fetch_tests_from_worker(worker) {
    const remote = { done: false, tests: new Map() };
    state.remotes.push(remote);
    const show = (r) => {
      let t = remote.tests.get(r.index);
      if (!t) {
        t = new Test(r.name);
        remote.tests.set(r.index, t);
      }
      if (t.phase === "complete") return;
      t.status = r.status;
      t.message = r.message;
      t.stack = r.stack;
      t.finish();
    };
    const finish = (status, message) => {
      if (remote.done) return;
      remote.done = true;
      if (status !== HARNESS.OK && state.harnessStatus === HARNESS.OK) {
        state.harnessStatus = status;
        state.harnessMessage = message;
      }
      maybeComplete();
    };
    const port = worker;
    port.addEventListener("message", (e) => {
      const data = e.data;
      if (!data || typeof data !== "object" || !(PROTOCOL in data)) return;
      if (data.kind === "result") show(data.test);
      if (data.kind === "complete") {
        for (const r of data.tests) show(r);
        finish(data.status.status, data.status.message);
      }
    });
    if (typeof port.start === "function") port.start();
    // The worker failed to load, or threw outside any test.
    worker.addEventListener("error", (e) => {
      e.preventDefault();
      finish(HARNESS.ERROR, `Error in remote: ${e.message}`);
    });
    return new Promise((resolve) => {
      const check = () => (remote.done ? resolve() : setTimeout(check, 10));
      check();
    });
  }

  // An exception that escapes every test step is a harness error (unless the page
  // said setup({allow_uncaught_exception: true})).
  global.addEventListener("error", (e) => {
    if (state.complete) return;
    if (state.singleTest && state.singleTest.phase !== "complete") {
      state.singleTest.fail(e.error instanceof Error ? e.error : new Error(e.message));
      return;
    }
    if (state.allowUncaught) return;
    state.harnessStatus = HARNESS.ERROR;
    state.harnessMessage = e.message;
    if (IN_WORKER) {
      // The worker's harness reports it; the window must not also see an error event.
      e.preventDefault();
      state.doneCalled = true;
      for (const t of state.tests) if (t.phase !== "complete") t.fail(new Error(e.message));
      complete();
    }
  });
  global.addEventListener("unhandledrejection", (e) => {
    if (state.allowUncaught || state.complete) return;
    state.harnessStatus = HARNESS.ERROR;
    state.harnessMessage = `Unhandled rejection: ${formatValue(e.reason)}`;
  });

  if (!IN_WORKER) {
    global.addEventListener("load", () => {
      state.loaded = true;
      // Let tests started by load listeners register first.
      setTimeout(maybeComplete, 0);
    });
  }

  // The harness timeout; setup({timeout}) re-arms it.
  let harnessTimer;
  function armHarnessTimer() {
    clearTimeout(harnessTimer);
    harnessTimer = setTimeout(harnessTimedOut, state.timeoutMs * state.timeoutMultiplier);
  }
  function harnessTimedOut() {
    if (state.complete) return;
    for (const t of state.tests) {
      if (t.phase !== "complete") {
        // A promise_test still queued behind others never ran.
        t.status = t.queued ? SUBTEST.NOTRUN : SUBTEST.TIMEOUT;
        t.message = t.status === SUBTEST.TIMEOUT ? "Test timed out" : null;
        t.phase = "complete";
      }
    }
    state.harnessStatus = HARNESS.TIMEOUT;
    complete();
  }
  armHarnessTimer();

  // ---- assertions
  function assert_true(actual, description) {
    assert(actual === true, "assert_true", description, "expected true got ${actual}", { actual });
  }
  function assert_false(actual, description) {
    assert(actual === false, "assert_false", description, "expected false got ${actual}", { actual });
  }
  function assert_equals(actual, expected, description) {
    assert(typeof actual === typeof expected, "assert_equals", description,
      "expected (" + typeof expected + ") ${expected} but got (" + typeof actual + ") ${actual}", { expected, actual });
    assert(sameValue(actual, expected), "assert_equals", description, "expected ${expected} but got ${actual}", { expected, actual });
  }
  function assert_not_equals(actual, expected, description) {
    assert(!sameValue(actual, expected), "assert_not_equals", description, "got disallowed value ${actual}", { actual });
  }
  function assert_in_array(actual, expected, description) {
    assert(expected.indexOf(actual) !== -1, "assert_in_array", description, "value ${actual} not in array ${expected}", { actual, expected });
  }
  function assert_array_equals(actual, expected, description) {
    assert(typeof actual === "object" && actual !== null && "length" in actual, "assert_array_equals", description, "value is ${actual}, expected array", { actual });
    assert(actual.length === expected.length, "assert_array_equals", description,
      "lengths differ, expected array ${expected} length " + expected.length + ", got ${actual} length " + actual.length, { expected, actual });
    for (let i = 0; i < actual.length; i++) {
      assert(sameValue(actual[i], expected[i]), "assert_array_equals", description,
        "expected array ${expected} got ${actual} (index " + i + ")", { expected, actual });
    }
  }
  function assert_approx_equals(actual, expected, epsilon, description) {
    assert(typeof actual === "number", "assert_approx_equals", description, "expected a number but got ${actual}", { actual });
    assert(Math.abs(actual - expected) <= epsilon, "assert_approx_equals", description,
      "expected ${expected} +/- ${epsilon} but got ${actual}", { expected, epsilon, actual });
  }
  function compare(name, op, sym) {
    return function (actual, expected, description) {
      assert(typeof actual === "number" || typeof actual === "bigint", name, description, "expected a number but got ${actual}", { actual });
      assert(op(actual, expected), name, description, "expected a number " + sym + " ${expected} but got ${actual}", { expected, actual });
    };
  }
  const assert_less_than = compare("assert_less_than", (a, b) => a < b, "less than");
  const assert_greater_than = compare("assert_greater_than", (a, b) => a > b, "greater than");
  const assert_less_than_equal = compare("assert_less_than_equal", (a, b) => a <= b, "less than or equal to");
  const assert_greater_than_equal = compare("assert_greater_than_equal", (a, b) => a >= b, "greater than or equal to");
  function assert_between_exclusive(actual, lower, upper, description) {
    assert(actual > lower && actual < upper, "assert_between_exclusive", description, "expected a number between ${lower} and ${upper} but got ${actual}", { lower, upper, actual });
  }
  function assert_between_inclusive(actual, lower, upper, description) {
    assert(actual >= lower && actual <= upper, "assert_between_inclusive", description, "expected a number between ${lower} and ${upper} but got ${actual}", { lower, upper, actual });
  }
  function assert_regexp_match(actual, expected, description) {
    assert(expected.test(actual), "assert_regexp_match", description, "expected ${expected} but got ${actual}", { expected, actual });
  }
  function assert_class_string(object, className, description) {
    const actual = Object.prototype.toString.call(object);
    assert(actual === `[object ${className}]`, "assert_class_string", description, "expected ${expected} but got ${actual}", { expected: `[object ${className}]`, actual });
  }
  function assert_own_property(object, name, description) {
    assert(Object.prototype.hasOwnProperty.call(object, name), "assert_own_property", description, "expected property ${p} missing", { p: name });
  }
  function assert_not_own_property(object, name, description) {
    assert(!Object.prototype.hasOwnProperty.call(object, name), "assert_not_own_property", description, "unexpected property ${p} is found on object", { p: name });
  }
  function assert_inherits(object, name, description) {
    assert(!Object.prototype.hasOwnProperty.call(object, name) && name in object, "assert_inherits", description, "property ${p} not found in prototype chain", { p: name });
  }
  function assert_idl_attribute(object, name, description) {
    assert_inherits(object, name, description);
  }
  function assert_readonly(object, name, description) {
    const before = object[name];
    try {
      object[name] = before + "a";
    } catch {
      // strict-mode setters may throw
    }
    assert(sameValue(object[name], before), "assert_readonly", description, "changing property ${p} succeeded", { p: name });
  }
  function assert_object_equals(actual, expected, description) {
    assert(typeof actual === "object" && actual !== null, "assert_object_equals", description, "value is ${actual}, expected object", { actual });
    const check = (a, e, path, stack) => {
      for (const p of Object.keys(e)) {
        assert(Object.prototype.hasOwnProperty.call(a, p), "assert_object_equals", description,
          "unexpected property ${p}", { p: path.concat(p).join(".") });
        if (typeof e[p] === "object" && e[p] !== null && !stack.includes(e[p])) {
          check(a[p], e[p], path.concat(p), stack.concat([e[p]]));
        } else {
          assert(sameValue(a[p], e[p]), "assert_object_equals", description,
            "property ${p} expected ${expected} got ${actual}", { p: path.concat(p).join("."), expected: e[p], actual: a[p] });
        }
      }
      for (const p of Object.keys(a)) {
        assert(Object.prototype.hasOwnProperty.call(e, p), "assert_object_equals", description,
          "unexpected property ${p}", { p: path.concat(p).join(".") });
      }
    };
    check(actual, expected, [], [expected]);
  }
  function assert_array_approx_equals(actual, expected, epsilon, description) {
    assert(actual.length === expected.length, "assert_array_approx_equals", description,
      "lengths differ, expected " + expected.length + " got " + actual.length);
    for (let i = 0; i < actual.length; i++) {
      assert(typeof actual[i] === "number" && Math.abs(actual[i] - expected[i]) <= epsilon, "assert_array_approx_equals", description,
        "expected ${expected} +/- ${epsilon} but got ${actual} at index " + i, { expected: expected[i], epsilon, actual: actual[i] });
    }
  }
  // generate_tests(fn, [[name, ...args], ...]): one test per row.
  function generate_tests(func, args, properties) {
    for (const [i, row] of args.entries()) {
      const [name, ...rest] = row;
      test(function () {
        func.apply(this, rest);
      }, name, Array.isArray(properties) ? properties[i] : properties);
    }
  }
  function step_timeout(fn, ms, ...args) {
    return setTimeout(() => fn(...args), ms * state.timeoutMultiplier);
  }
  function assert_unreached(description) {
    assert(false, "assert_unreached", description, "Reached unreachable code");
  }
  function assert_implements(condition, description) {
    assert(!!condition, "assert_implements", description, "");
  }
  function assert_implements_optional(condition, description) {
    if (!condition) throw new OptionalFeatureUnsupportedError(`assert_implements_optional: ${description}`);
  }

  function assert_throws_js(constructor, func, description) {
    let thrown = false;
    try {
      func();
    } catch (e) {
      thrown = true;
      assert(typeof e === "object" && e !== null, "assert_throws_js", description, "${func} threw ${e}, not an object", { func, e });
      assert(e.constructor === constructor, "assert_throws_js", description,
        "${func} threw ${actual} (" + (e.constructor && e.constructor.name) + ") expected instance of ${expected}", { func, actual: e, expected: constructor });
    }
    assert(thrown, "assert_throws_js", description, "${func} did not throw", { func });
  }
  const DOM_CODES = { IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
    NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InUseAttributeError: 10, InvalidStateError: 11,
    SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14, InvalidAccessError: 15, TypeMismatchError: 17,
    SecurityError: 18, NetworkError: 19, AbortError: 20, URLMismatchError: 21, QuotaExceededError: 22, TimeoutError: 23,
    InvalidNodeTypeError: 24, DataCloneError: 25 };
  const DOM_NAME_BY_CONSTANT = { INDEX_SIZE_ERR: "IndexSizeError", HIERARCHY_REQUEST_ERR: "HierarchyRequestError",
    INVALID_CHARACTER_ERR: "InvalidCharacterError", NOT_FOUND_ERR: "NotFoundError", SYNTAX_ERR: "SyntaxError",
    INVALID_STATE_ERR: "InvalidStateError", NAMESPACE_ERR: "NamespaceError", DATA_CLONE_ERR: "DataCloneError",
    NOT_SUPPORTED_ERR: "NotSupportedError", NO_MODIFICATION_ALLOWED_ERR: "NoModificationAllowedError" };
  function checkDomException(e, type, func, description, fnName) {
    const name = typeof type === "number"
      ? Object.keys(DOM_CODES).find((k) => DOM_CODES[k] === type)
      : (DOM_NAME_BY_CONSTANT[type] || type);
    assert(typeof e === "object" && e !== null, fnName, description, "${func} threw ${e}, not an object", { func, e });
    assert(e instanceof DOMException, fnName, description, "${func} threw ${e} which is not a DOMException", { func, e });
    assert(e.name === name, fnName, description, "${func} threw ${actual} that is not a DOMException " + name + ": property name is ${n}", { func, actual: e, n: e.name });
    if (name in DOM_CODES) assert(e.code === DOM_CODES[name], fnName, description, "${func} threw an exception with the wrong code ${c}", { func, c: e.code });
  }
  function assert_throws_dom(type, funcOrConstructor, maybeFunc, maybeDescription) {
    let func = funcOrConstructor;
    let description = maybeFunc;
    if (typeof maybeFunc === "function") {
      func = maybeFunc;
      description = maybeDescription;
    }
    let thrown = false;
    try {
      func();
    } catch (e) {
      thrown = true;
      checkDomException(e, type, func, description, "assert_throws_dom");
    }
    assert(thrown, "assert_throws_dom", description, "${func} did not throw", { func });
  }
  function assert_throws_exactly(exception, func, description) {
    let thrown = false;
    try {
      func();
    } catch (e) {
      thrown = true;
      assert(sameValue(e, exception), "assert_throws_exactly", description, "${func} threw ${e} but we expected it to throw ${exception}", { func, e, exception });
    }
    assert(thrown, "assert_throws_exactly", description, "${func} did not throw", { func });
  }
  function promise_rejects_js(t, constructor, promise, description) {
    return promise.then(t.unreached_func("Should have rejected: " + description), (e) => {
      assert_throws_js(constructor, () => { throw e; }, description);
    });
  }
  function promise_rejects_dom(t, type, promise, description) {
    return promise.then(t.unreached_func("Should have rejected: " + description), (e) => {
      checkDomException(e, type, promise, description, "promise_rejects_dom");
    });
  }
  function promise_rejects_exactly(t, exception, promise, description) {
    return promise.then(t.unreached_func("Should have rejected: " + description), (e) => {
      assert_throws_exactly(exception, () => { throw e; }, description);
    });
  }

  // EventWatcher: waits for events in order on a target.
  class EventWatcher {
    constructor(t, target, types) {
      this.t = t;
      this.target = target;
      this.waiting = null;
      this.types = typeof types === "string" ? [types] : types;
      this.listener = t.step_func((e) => {
        if (!this.waiting) assert_unreached(`Not expecting event, but got ${e.type} event`);
        const { expected, resolve, received } = this.waiting;
        assert_equals(e.type, expected[received.length], "Event type");
        received.push(e);
        if (received.length === expected.length) {
          this.waiting = null;
          resolve(received.length === 1 ? received[0] : received);
        }
      });
      for (const type of this.types) target.addEventListener(type, this.listener);
      t.add_cleanup(() => this.stop_watching());
    }
    wait_for(types) {
      const expected = typeof types === "string" ? [types] : types;
      return new Promise((resolve) => {
        this.waiting = { expected, resolve, received: [] };
      });
    }
    stop_watching() {
      for (const type of this.types) this.target.removeEventListener(type, this.listener);
    }
  }

  // GLOBAL: which kind of global the test runs in (used by .any.js tests).
  const GLOBAL = {
    isWindow: () => !IN_WORKER && typeof document !== "undefined",
    isWorker: () => IN_WORKER,
    isShadowRealm: () => false,
  };

  Object.assign(global, {
    test, async_test, promise_test, promise_setup, setup, done, add_completion_callback,
    add_start_callback, add_result_callback, timeout, fetch_tests_from_worker, generate_tests,
    step_timeout, GLOBAL, format_value: formatValue, assert_object_equals, assert_array_approx_equals,
    assert_true, assert_false, assert_equals, assert_not_equals, assert_in_array, assert_array_equals,
    assert_approx_equals, assert_less_than, assert_greater_than, assert_less_than_equal, assert_greater_than_equal,
    assert_between_exclusive, assert_between_inclusive, assert_regexp_match, assert_class_string,
    assert_own_property, assert_not_own_property, assert_inherits, assert_idl_attribute, assert_readonly,
    assert_unreached, assert_implements, assert_implements_optional, assert_throws_js, assert_throws_dom,
    assert_throws_exactly, promise_rejects_js, promise_rejects_dom, promise_rejects_exactly, EventWatcher,
    AssertionError, OptionalFeatureUnsupportedError,
  });
  global.__roundabout_harness = { SUBTEST_NAMES, HARNESS_NAMES };
})(globalThis);
