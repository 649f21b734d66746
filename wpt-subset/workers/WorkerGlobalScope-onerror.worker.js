// META: title=Error reporting inside a worker: ErrorEvent at the global, onerror's arguments, cancelation
// Spec: https://html.spec.whatwg.org/multipage/webappapis.html#report-an-exception
// Spec: https://html.spec.whatwg.org/multipage/webappapis.html#dom-reporterror
// Spec: https://html.spec.whatwg.org/multipage/webappapis.html#the-event-handler-processing-algorithm
importScripts("/resources/testharness.js");

// Every error below is canceled here, so none reaches the page's Worker object.
setup({ allow_uncaught_exception: true });

test((t) => {
  const err = new RangeError("reported");
  const seen = [];
  const listener = (e) => {
    seen.push(e);
    e.preventDefault();
  };
  self.addEventListener("error", listener);
  t.add_cleanup(() => self.removeEventListener("error", listener));
  const before = seen.length;
  reportError(err);
  assert_equals(seen.length, before + 1, "dispatched synchronously, inside reportError()");
  const e = seen[seen.length - 1];
  assert_true(e instanceof ErrorEvent, "an ErrorEvent");
  assert_equals(e.type, "error");
  assert_equals(e.error, err, "error is the reported value itself");
  assert_true(e.message.includes("reported"), `message: ${e.message}`);
  assert_true(e.cancelable, "cancelable");
  assert_false(e.bubbles, "bubbles");
  assert_true(e.isTrusted, "isTrusted");
  assert_equals(e.target, self, "fired at the worker's global");
}, "reportError() fires an ErrorEvent at the worker's global, synchronously");

test((t) => {
  let args = null;
  self.onerror = function (...a) {
    args = a;
    return true;
  };
  let canceled = null;
  const after = (e) => {
    canceled = e.defaultPrevented;
  };
  self.addEventListener("error", after);
  t.add_cleanup(() => {
    self.onerror = null;
    self.removeEventListener("error", after);
  });
  const err = new TypeError("five arguments");
  reportError(err);
  assert_not_equals(args, null, "onerror was called");
  assert_equals(args.length, 5, "message, source, lineno, colno, error");
  assert_equals(typeof args[0], "string", "message");
  assert_true(args[0].includes("five arguments"), `message: ${args[0]}`);
  assert_equals(typeof args[1], "string", "source");
  assert_equals(typeof args[2], "number", "lineno");
  assert_equals(typeof args[3], "number", "colno");
  assert_equals(args[4], err, "the error itself");
  assert_true(canceled, "returning true from onerror cancels the event");
}, "self.onerror gets five arguments; returning true cancels the event");

test((t) => {
  let canceled = null;
  self.onerror = () => false;
  const after = (e) => {
    canceled = e.defaultPrevented;
    e.preventDefault();
  };
  self.addEventListener("error", after);
  t.add_cleanup(() => {
    self.onerror = null;
    self.removeEventListener("error", after);
  });
  reportError(new Error("x"));
  assert_false(canceled, "only true cancels an error event, for onerror");
}, "self.onerror returning false does not cancel (unlike other event handlers)");

test((t) => {
  const seen = [];
  const listener = (e) => {
    seen.push(e.error);
    e.preventDefault();
  };
  self.addEventListener("error", listener);
  t.add_cleanup(() => self.removeEventListener("error", listener));
  reportError("a string");
  reportError(42);
  reportError(null);
  assert_array_equals(seen, ["a string", 42, null], "the reported values, in order");
}, "reportError() accepts any value; event.error is that value");

async_test((t) => {
  const thrown = new EvalError("thrown by a timer");
  const listener = t.step_func((e) => {
    if (e.error !== thrown) return;
    e.preventDefault();
    self.removeEventListener("error", listener);
    assert_true(e instanceof ErrorEvent);
    assert_true(e.filename.endsWith("/workers/WorkerGlobalScope-onerror.worker.js"), `filename: ${e.filename}`);
    assert_greater_than(e.lineno, 0, "lineno");
    assert_array_equals(log, ["timer threw"], "reported when the callback threw, before the next timer");
    t.step_timeout(() => {
      assert_array_equals(log, ["timer threw", "next timer"], "later tasks still run");
      t.done();
    }, 10);
  });
  const log = [];
  self.addEventListener("error", listener);
  setTimeout(() => {
    log.push("timer threw");
    throw thrown;
  }, 0);
  setTimeout(() => log.push("next timer"), 0);
}, "An exception thrown by a timer callback is reported at the worker's global");

done();
