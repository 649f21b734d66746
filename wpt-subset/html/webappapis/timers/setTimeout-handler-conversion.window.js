// META: title=setTimeout(): TimerHandler conversion (Function or DOMString)
// Spec: https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timerhandler
// Spec: https://webidl.spec.whatwg.org/#es-union

test(() => {
  assert_throws_js(TypeError, () => setTimeout());
  assert_throws_js(TypeError, () => setInterval());
}, "the handler argument is required");

test(() => {
  assert_throws_js(TypeError, () => setTimeout(Symbol("handler"), 0));
  assert_throws_js(TypeError, () => setInterval(Symbol("handler"), 0));
}, "a symbol cannot be converted to a string");

async_test((t) => {
  const log = [];
  window.handlerLog = log;
  const handler = {
    toString() {
      log.push("toString");
      return "handlerLog.push('ran')";
    },
  };
  setTimeout(handler, 0);
  log.push("setTimeout returned");
  setTimeout(t.step_func_done(() => {
    assert_array_equals(log, ["toString", "setTimeout returned", "ran"]);
  }), 0);
}, "a non-callable object is converted with ToString once, during the setTimeout() call");

async_test((t) => {
  const log = [];
  window.handlerLog2 = log;
  const callable = () => log.push("called");
  callable.toString = () => "handlerLog2.push('stringified')";
  setTimeout(callable, 0);
  setTimeout(t.step_func_done(() => {
    assert_array_equals(log, ["called"]);
  }), 0);
}, "a callable is kept as a function, never stringified");

test(() => {
  const error = new Error("from toString");
  assert_throws_exactly(error, () => setTimeout({ toString() { throw error; } }, 0));
}, "an exception from ToString is thrown by setTimeout()");

async_test((t) => {
  window.numberHandlerRan = false;
  const errors = [];
  const onerror = (e) => {
    errors.push(e);
    e.preventDefault();
  };
  window.addEventListener("error", onerror);
  const id = setTimeout(12345, 0);
  assert_true(Number.isInteger(id) && id > 0, "still starts a timer");
  setTimeout(t.step_func_done(() => {
    window.removeEventListener("error", onerror);
    assert_equals(errors.length, 0, "the script '12345' runs without error");
  }), 0);
}, "a number is converted to a string and run as a script");
