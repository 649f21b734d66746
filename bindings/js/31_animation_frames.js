// requestAnimationFrame (HTML § 8.10.1 "Animation frames"), requestIdleCallback
// (W3C "Cooperative Scheduling of Background Tasks") and the page's visibility.
// The loop takes frames while animation frame callbacks exist (engine/src/
// frame_clock.rs) and runs "update the rendering" as a rendering task; the host
// steps through the callbacks with a microtask checkpoint after each
// (bindings/src/host.rs `update_the_rendering`).

const { op_rb_set_frame_callbacks, op_rb_set_idle_callbacks } = ops;

// The window's map of animation frame callbacks and its callback identifier.
const animationFrameCallbacks = new Map();
let animationFrameCallbackIdentifier = 0;

defineMethods(globalThis, {
  requestAnimationFrame: named("requestAnimationFrame", function requestAnimationFrame(callback) {
    if (typeof callback !== "function") {
      throw new TypeError("Failed to execute 'requestAnimationFrame' on 'Window': The callback provided as parameter 1 is not a function.");
    }
    const handle = ++animationFrameCallbackIdentifier;
    MapPrototypeSet(animationFrameCallbacks, handle, callback);
    op_rb_set_frame_callbacks(MapPrototypeGetSize(animationFrameCallbacks));
    return handle;
  }),
  cancelAnimationFrame: named("cancelAnimationFrame", function cancelAnimationFrame(handle) {
    if (arguments.length < 1) throw new TypeError("cancelAnimationFrame requires 1 argument");
    MapPrototypeDelete(animationFrameCallbacks, Number(handle) >>> 0);
    op_rb_set_frame_callbacks(MapPrototypeGetSize(animationFrameCallbacks));
  }),
});

// "Run the animation frame callbacks": the handles are snapshotted when the frame
// starts, so callbacks requested during it wait for the next frame; cancelled ones
// are skipped; every callback of the frame gets the same timestamp.
let frameHandles = [];
let frameHandleIndex = 0;
let frameTimestamp = 0;

function beginAnimationFrames(timestamp) {
  frameHandles = mapKeys(animationFrameCallbacks);
  frameHandleIndex = 0;
  frameTimestamp = timestamp;
}

// Runs the next callback of the frame; false when none is left.
function stepAnimationFrame() {
  while (frameHandleIndex < frameHandles.length) {
    const handle = frameHandles[frameHandleIndex++];
    const callback = MapPrototypeGet(animationFrameCallbacks, handle);
    if (callback === undefined) continue;
    MapPrototypeDelete(animationFrameCallbacks, handle);
    op_rb_set_frame_callbacks(MapPrototypeGetSize(animationFrameCallbacks));
    try {
      ReflectApply(callback, undefined, [frameTimestamp]); // WebIDL: no callback this value
    } catch (e) {
      reportExceptionFromCallback(e);
    }
    return true;
  }
  frameHandles = [];
  return false;
}

// ---- requestIdleCallback

const idleRequestCallbacks = new Map(); // handle -> { callback, timer }
const runnableIdleCallbacks = []; // handles, in order
let idleCallbackIdentifier = 0;

function countIdleCallbacks() {
  op_rb_set_idle_callbacks(MapPrototypeGetSize(idleRequestCallbacks) + runnableIdleCallbacks.length);
}

const idleDeadlines = new WeakMap();
class IdleDeadline {
  constructor() { illegal(); }
  timeRemaining() {
    const d = idleDeadlines.get(this);
    if (d === undefined) throw new TypeError("Illegal invocation");
    if (d.didTimeout) return 0;
    return Math.max(0, d.deadline - op_rb_now());
  }
  get didTimeout() {
    const d = idleDeadlines.get(this);
    if (d === undefined) throw new TypeError("Illegal invocation");
    return d.didTimeout;
  }
}

function newIdleDeadline(deadline, didTimeout) {
  const o = Object.create(IdleDeadline.prototype);
  idleDeadlines.set(o, { deadline, didTimeout });
  return o;
}

const idleEntries = new Map(); // handle -> { callback, timer } (pending or runnable)

// Removes a handle from the runnable list without Array.prototype methods (page code
// may have replaced them).
function removeRunnable(handle) {
  let j = 0;
  for (let i = 0; i < runnableIdleCallbacks.length; i++) {
    if (runnableIdleCallbacks[i] !== handle) runnableIdleCallbacks[j++] = runnableIdleCallbacks[i];
  }
  runnableIdleCallbacks.length = j;
}

function invokeIdleCallback(entry, deadline) {
  if (entry.timer !== undefined) clearInternalTimer(entry.timer);
  try {
    ReflectApply(entry.callback, undefined, [deadline]); // WebIDL: no callback this value
  } catch (e) {
    reportExceptionFromCallback(e);
  }
}

defineMethods(globalThis, {
  requestIdleCallback: named("requestIdleCallback", function requestIdleCallback(callback, options = {}) {
    if (typeof callback !== "function") {
      throw new TypeError("Failed to execute 'requestIdleCallback' on 'Window': The callback provided as parameter 1 is not a function.");
    }
    // WebIDL dictionary conversion: undefined and null are an empty dictionary,
    // other non-objects a TypeError.
    if (options !== undefined && options !== null && typeof options !== "object" && typeof options !== "function") {
      throw new TypeError("Failed to execute 'requestIdleCallback' on 'Window': The provided value is not of type 'IdleRequestOptions'.");
    }
    const timeout = Number(options?.timeout ?? 0) >>> 0;
    const handle = ++idleCallbackIdentifier;
    const entry = { callback, timer: undefined };
    MapPrototypeSet(idleEntries, handle, entry);
    MapPrototypeSet(idleRequestCallbacks, handle, entry);
    // "Invoke idle callback timeout algorithm", queued on the idle task source.
    if (timeout > 0) {
      // An unsigned long: more than a timer's `long` can hold waits the longest it can.
      entry.timer = startInternalTimer(() => queueGlobalTask(TASK_SOURCE.idle, () => {
        if (!MapPrototypeHas(idleEntries, handle)) return;
        MapPrototypeDelete(idleEntries, handle);
        MapPrototypeDelete(idleRequestCallbacks, handle);
        removeRunnable(handle);
        countIdleCallbacks();
        entry.timer = undefined;
        invokeIdleCallback(entry, newIdleDeadline(op_rb_now(), true));
      }), Math.min(timeout, 0x7fffffff));
    }
    countIdleCallbacks();
    return handle;
  }),
  cancelIdleCallback: named("cancelIdleCallback", function cancelIdleCallback(handle) {
    if (arguments.length < 1) {
      throw new TypeError("Failed to execute 'cancelIdleCallback' on 'Window': 1 argument required, but only 0 present.");
    }
    handle = Number(handle) >>> 0;
    const entry = MapPrototypeGet(idleEntries, handle);
    if (entry === undefined) return;
    if (entry.timer !== undefined) clearInternalTimer(entry.timer);
    MapPrototypeDelete(idleEntries, handle);
    MapPrototypeDelete(idleRequestCallbacks, handle);
    removeRunnable(handle);
    countIdleCallbacks();
  }),
});

// "Start an idle period" (called by the host when nothing is runnable): the pending
// callbacks become runnable and a task on the idle task source invokes them, one
// per task, while the deadline (ms on the agent clock) has not passed.
function startIdlePeriod(deadline) {
  const pending = mapKeys(idleRequestCallbacks);
  for (let i = 0; i < pending.length; i++) runnableIdleCallbacks[runnableIdleCallbacks.length] = pending[i];
  MapPrototypeClear(idleRequestCallbacks);
  if (runnableIdleCallbacks.length === 0) return false;
  queueGlobalTask(TASK_SOURCE.idle, () => invokeIdleCallbacks(deadline));
  return true;
}

function invokeIdleCallbacks(deadline) {
  if (op_rb_now() >= deadline || runnableIdleCallbacks.length === 0) return;
  const handle = runnableIdleCallbacks[0];
  removeRunnable(handle);
  const entry = MapPrototypeGet(idleEntries, handle);
  MapPrototypeDelete(idleEntries, handle);
  countIdleCallbacks();
  if (entry !== undefined) invokeIdleCallback(entry, newIdleDeadline(deadline, false));
  if (runnableIdleCallbacks.length > 0) {
    queueGlobalTask(TASK_SOURCE.idle, () => invokeIdleCallbacks(deadline));
  }
}

// ---- visibility: a run is a foreground tab (HTML § 6.2 "Page visibility").
ObjectDefineProperty(Document.prototype, "visibilityState", {
  get() { idOf(this, "this"); return "visible"; }, enumerable: true, configurable: true,
});
ObjectDefineProperty(Document.prototype, "hidden", {
  get() { idOf(this, "this"); return false; }, enumerable: true, configurable: true,
});

exposeInterface(IdleDeadline);
