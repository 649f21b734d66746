// Shared internals of the web API layer. All bindings/js/*.js files are joined in
// name order into one function body (see src/bootstrap.rs), so the `ops` captured
// here stay private: page scripts never see `Deno`, `Deno.core` or any op.

const ops = core.ops;
const {
  op_rb_print,
  op_rb_report_exception,
  op_rb_now,
  op_rb_time_origin,
  op_rb_timer_start,
  op_rb_timer_clear,
  op_drain_pending_rejections,
  op_rb_queue_global_task,
  op_rb_promise_is_handled,
  op_rb_defer_error_report,
  op_rb_is_function_body,
  op_rb_is_proxy,
} = ops;

// Whether `s` parses as a URL (absolute, or relative to a file page) — a partial
// URL parser: the scheme, and for "scheme://" URLs the host (forbidden host code
// points, IPv6 brackets) and port, which is where parse failures come from in
// practice. (Roundabout has no URL parser yet.)
function parsesAsURL(s) {
  s = s.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, "").replace(/[\t\n\r]/g, "");
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(s);
  if (scheme === null) return true; // a relative reference against the page's URL
  const rest = s.slice(scheme[0].length);
  const special = ["http", "https", "ws", "wss", "ftp", "file"].includes(scheme[1].toLowerCase());
  if (!rest.startsWith("//") && !(special && rest.startsWith("\\"))) return !special || scheme[1].toLowerCase() === "file" || rest.length > 0;
  const authority = rest.slice(2).split(/[/?#\\]/)[0];
  const hostPort = authority.includes("@") ? authority.slice(authority.lastIndexOf("@") + 1) : authority;
  let host = hostPort;
  let port = "";
  if (hostPort.startsWith("[")) {
    const end = hostPort.indexOf("]");
    if (end < 0 || !/^[0-9a-fA-F:.]+$/.test(hostPort.slice(1, end))) return false;
    host = hostPort.slice(0, end + 1);
    port = hostPort.slice(end + 1).replace(/^:/, "");
    if (hostPort.slice(end + 1) !== "" && !hostPort.slice(end + 1).startsWith(":")) return false;
  } else {
    const colon = hostPort.lastIndexOf(":");
    if (colon >= 0) {
      host = hostPort.slice(0, colon);
      port = hostPort.slice(colon + 1);
    }
    if (/[\u0000-\u0020#%/:<>?@[\\\]^|]/.test(host)) return false;
    if (special && scheme[1].toLowerCase() !== "file" && host === "") return false;
  }
  return /^[0-9]*$/.test(port) && (port === "" || Number(port) <= 65535);
}

// HTML "queue a global task" on one of the engine's task sources
// (engine/src/task_source.rs, TaskSource::ALL order).
const TASK_SOURCE = { userInteraction: 0, postedMessage: 1, networking: 2, domManipulation: 3, timer: 4, rendering: 5, idle: 6 };
// Integer keys on a null-prototype object: faster than a Map on QuickJS for this
// set/delete pattern (see 05_timers.js).
const globalTasks = Object.create(null);
let nextGlobalTaskKey = 1;
function queueGlobalTask(source, steps) {
  const key = nextGlobalTaskKey++;
  globalTasks[key] = steps;
  op_rb_queue_global_task(source, key);
}
// Called by the host when the task runs (then it runs a microtask checkpoint).
function runGlobalTask(key) {
  const steps = globalTasks[key];
  delete globalTasks[key];
  if (steps === undefined) return false;
  try {
    // Steps that begin a stepped event dispatch return true: the host then runs
    // each listener with a checkpoint after it.
    return steps() === true;
  } catch (e) {
    reportExceptionFromCallback(e);
    return false;
  }
}

const ObjectDefineProperty = Object.defineProperty;
// Built-ins the web API layer calls after page code ran, captured before it could
// replace them ("primordials").
const uncurryThis = (fn) => (self, ...args) => ReflectApply(fn, self, args);
const MapPrototypeGet = uncurryThis(Map.prototype.get);
const MapPrototypeSet = uncurryThis(Map.prototype.set);
const MapPrototypeHas = uncurryThis(Map.prototype.has);
const MapPrototypeDelete = uncurryThis(Map.prototype.delete);
const MapPrototypeClear = uncurryThis(Map.prototype.clear);
const MapPrototypeForEach = uncurryThis(Map.prototype.forEach);
const MapPrototypeGetSize = uncurryThis(Object.getOwnPropertyDescriptor(Map.prototype, "size").get);
// The keys of a map, in order, without its (replaceable) iterator.
function mapKeys(map) {
  const keys = [];
  MapPrototypeForEach(map, (_value, key) => { keys[keys.length] = key; });
  return keys;
}
const ReflectApply = Reflect.apply;
const ObjectPrototypeIsPrototypeOf = Object.prototype.isPrototypeOf;
const ErrorPrototype = Error.prototype;
const ObjectPrototypeToStringFn = Object.prototype.toString;
const ObjectPrototypeToString = (v) => ReflectApply(ObjectPrototypeToStringFn, v, []);

// WebIDL DOMString conversion: ToString, which throws a TypeError for Symbols
// (String(symbol) would not).
const toDOMString = (v) => `${v}`;
const ReflectConstruct = Reflect.construct;

// Defines WebIDL-style operations: writable, enumerable, configurable.
function defineMethods(target, methods) {
  for (const [name, fn] of Object.entries(methods)) {
    ObjectDefineProperty(target, name, {
      value: fn,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }
}

function defineGlobal(name, value) {
  ObjectDefineProperty(globalThis, name, {
    value,
    writable: true,
    enumerable: false,
    configurable: true,
  });
}

// Sets a function's `name` (methods created from arrow functions get the right one).
function named(name, fn) {
  ObjectDefineProperty(fn, "name", { value: name, configurable: true });
  return fn;
}

// Puts an interface object on the global, with the class string WebIDL gives
// (`Object.prototype.toString.call(div)` is "[object HTMLDivElement]").
function exposeInterface(C) {
  ObjectDefineProperty(C.prototype, Symbol.toStringTag, { value: C.name, configurable: true });
  defineGlobal(C.name, C);
}

// NOTE: all files share one function scope; top-level names must be unique across
// files (bindings/tests/web_apis.rs checks).
