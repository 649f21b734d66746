// META: title=reportError(): report an exception without throwing it
// Spec: https://html.spec.whatwg.org/multipage/webappapis.html#dom-reporterror
// Spec: https://html.spec.whatwg.org/multipage/webappapis.html#report-an-exception

setup({ allow_uncaught_exception: true });

function captureErrors(t) {
  const events = [];
  const listener = (e) => {
    events.push(e);
    e.preventDefault();
  };
  self.addEventListener("error", listener);
  t.add_cleanup(() => self.removeEventListener("error", listener));
  return events;
}

test((t) => {
  const events = captureErrors(t);
  const error = new TypeError("reported, not thrown");
  const result = reportError(error);
  assert_equals(result, undefined, "returns undefined");
  assert_equals(events.length, 1, "the error event was fired before reportError() returned");
  const e = events[0];
  assert_true(e instanceof ErrorEvent);
  assert_equals(e.error, error);
  assert_true(e.message.includes("reported, not thrown"), e.message);
  assert_true(e.isTrusted, "trusted");
  assert_true(e.cancelable, "cancelable");
  assert_equals(e.target, self);
}, "reportError() fires an error event at the global synchronously");

test((t) => {
  const events = captureErrors(t);
  const values = [42, "str", null, undefined, { a: 1 }];
  for (const v of values) reportError(v);
  assert_equals(events.length, values.length);
  for (let i = 0; i < values.length; i++) assert_equals(events[i].error, values[i], `value ${i}`);
}, "any value can be reported");

test(() => {
  assert_throws_js(TypeError, () => reportError());
}, "reportError() requires an argument");

test((t) => {
  const events = captureErrors(t);
  const log = [];
  queueMicrotask(() => log.push("microtask"));
  reportError(new Error("x"));
  log.push("after reportError");
  assert_array_equals(log, ["after reportError"], "no microtask checkpoint inside reportError()");
  assert_equals(events.length, 1);
}, "reportError() does not run microtasks");

test((t) => {
  const log = [];
  const first = () => log.push("first listener");
  const second = (e) => {
    log.push(`second listener, canceled: ${e.defaultPrevented}`);
  };
  const canceler = (e) => {
    log.push("canceler");
    e.preventDefault();
  };
  self.addEventListener("error", first);
  self.addEventListener("error", canceler);
  self.addEventListener("error", second);
  t.add_cleanup(() => {
    self.removeEventListener("error", first);
    self.removeEventListener("error", canceler);
    self.removeEventListener("error", second);
  });
  reportError(new Error("order"));
  assert_array_equals(log, ["first listener", "canceler", "second listener, canceled: true"]);
}, "listeners run in order and can cancel the reported error");

test((t) => {
  const seen = [];
  self.onerror = (...args) => {
    seen.push(args);
    return true;
  };
  t.add_cleanup(() => { self.onerror = null; });
  const error = new RangeError("to onerror");
  reportError(error);
  assert_equals(seen.length, 1);
  assert_equals(seen[0].length, 5);
  assert_true(seen[0][0].includes("to onerror"));
  assert_equals(seen[0][4], error);
}, "onerror receives the five-argument form");
