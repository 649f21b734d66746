// setTimeout / setInterval / clearTimeout / clearInterval (HTML § 8.6 "Timers").
// The engine keeps ids, deadlines and nesting levels (engine/src/timers.rs); this
// side keeps each timer's handler and arguments until the engine runs it.

// A null-prototype object keyed by id: on QuickJS, integer-keyed objects are ~8x
// faster than a Map for this set/delete pattern (measured: 100k set+delete 22 ms vs 181 ms).
const timerHandlers = Object.create(null);
const globalEval = eval;
const { op_rb_run_classic_script } = ops;
// The name string handlers and inserted inline scripts run under (the document's
// URL, as their errors' filename); replaced once the DOM layer knows the URL.
let documentURLForScripts = () => "";

function startTimer(handler, timeout, args, repeat) {
  // WebIDL TimerHandler: a Function stays one, anything else becomes a DOMString
  // (compiled like a classic script when the timer fires).
  const fn = typeof handler === "function" ? handler : toDOMString(handler);
  // WebIDL `long`: ToNumber, then ToInt32 (NaN → 0, 2^31 wraps to negative → 0).
  const ms = timeout | 0;
  const id = op_rb_timer_start(ms, repeat);
  timerHandlers[id] = { fn, args };
  return id;
}

// A timer for the web API layer itself (requestIdleCallback's timeout): page code
// cannot clear it with clearTimeout.
function startInternalTimer(fn, timeout) {
  const id = op_rb_timer_start(timeout | 0, false);
  timerHandlers[id] = { fn, args: [], internal: true };
  return id;
}

function clearInternalTimer(id) {
  if (timerHandlers[id]?.internal) {
    delete timerHandlers[id];
    op_rb_timer_clear(id);
  }
}

function clearTimer(id) {
  const key = id | 0;
  if (timerHandlers[key] !== undefined && !timerHandlers[key].internal) {
    delete timerHandlers[key];
    op_rb_timer_clear(key);
  }
}

// Called by the engine when timer `id`'s task runs (steps 9.5-9.6); exceptions are
// reported and never escape.
function runTimer(id, repeat) {
  const entry = timerHandlers[id];
  if (entry === undefined) return;
  if (!repeat) delete timerHandlers[id];
  try {
    if (typeof entry.fn === "function") {
      ReflectApply(entry.fn, globalThis, entry.args);
    } else {
      // HTML timer initialization steps: a string is a classic script, run in the
      // global scope (its let/const are global lexical bindings).
      op_rb_run_classic_script(documentURLForScripts(), entry.fn);
    }
  } catch (e) {
    reportExceptionFromCallback(e);
  }
}

defineMethods(globalThis, {
  setTimeout: named("setTimeout", function setTimeout(handler, timeout = 0, ...args) {
    if (arguments.length < 1) throw new TypeError("setTimeout requires at least 1 argument");
    return startTimer(handler, timeout, args, false);
  }),
  setInterval: named("setInterval", function setInterval(handler, timeout = 0, ...args) {
    if (arguments.length < 1) throw new TypeError("setInterval requires at least 1 argument");
    return startTimer(handler, timeout, args, true);
  }),
  clearTimeout: named("clearTimeout", function clearTimeout(id = 0) {
    clearTimer(id);
  }),
  clearInterval: named("clearInterval", function clearInterval(id = 0) {
    clearTimer(id);
  }),
});
