// Event, CustomEvent and EventTarget (DOM § 2 "Events"). Dispatch is a generator
// that yields after each listener: script-called dispatchEvent() runs it to the end
// at once, while events the engine fires are stepped from Rust with a microtask
// checkpoint after every listener ("clean up after running a callback" with an empty
// JS stack), as in a browser.

const eventState = new WeakMap();

const NONE = 0, CAPTURING_PHASE = 1, AT_TARGET = 2, BUBBLING_PHASE = 3;

function eventSlot(e) {
  const s = eventState.get(e);
  if (s === undefined) throw new TypeError("Illegal invocation");
  return s;
}

class Event {
  constructor(type, eventInitDict = {}) {
    if (arguments.length < 1) throw new TypeError("Failed to construct 'Event': 1 argument required, but only 0 present.");
    eventState.set(this, {
      type: String(type),
      bubbles: Boolean(eventInitDict?.bubbles),
      cancelable: Boolean(eventInitDict?.cancelable),
      composed: Boolean(eventInitDict?.composed),
      target: null, currentTarget: null, eventPhase: NONE,
      stopPropagation: false, stopImmediate: false, canceled: false,
      inPassiveListener: false, dispatching: false, initialized: true,
      isTrusted: false, timeStamp: op_rb_now(), path: [],
    });
  }
  get type() { return eventSlot(this).type; }
  get target() { return eventSlot(this).target; }
  get srcElement() { return eventSlot(this).target; }
  get currentTarget() { return eventSlot(this).currentTarget; }
  get eventPhase() { return eventSlot(this).eventPhase; }
  get bubbles() { return eventSlot(this).bubbles; }
  get cancelable() { return eventSlot(this).cancelable; }
  get composed() { return eventSlot(this).composed; }
  get isTrusted() { return eventSlot(this).isTrusted; }
  get timeStamp() { return eventSlot(this).timeStamp; }
  get defaultPrevented() { return eventSlot(this).canceled; }
  get returnValue() { return !eventSlot(this).canceled; }
  set returnValue(v) { if (!v) cancelEvent(eventSlot(this)); }
  get cancelBubble() { return eventSlot(this).stopPropagation; }
  set cancelBubble(v) { if (v) eventSlot(this).stopPropagation = true; }
  composedPath() {
    const s = eventSlot(this);
    return s.dispatching ? copyList(s.path) : [];
  }
  stopPropagation() { eventSlot(this).stopPropagation = true; }
  stopImmediatePropagation() {
    const s = eventSlot(this);
    s.stopPropagation = true;
    s.stopImmediate = true;
  }
  preventDefault() { cancelEvent(eventSlot(this)); }
  // DOM § 2.2 initEvent() (legacy): ignored while dispatching.
  initEvent(type, bubbles = false, cancelable = false) {
    if (arguments.length < 1) throw new TypeError("Failed to execute 'initEvent' on 'Event': 1 argument required, but only 0 present.");
    initializeEvent(eventSlot(this), toDOMString(type), Boolean(bubbles), Boolean(cancelable));
  }
}

// DOM "initialize" an event (initEvent, initCustomEvent, initMessageEvent); false
// when the dispatch flag is set and nothing changed.
function initializeEvent(s, type, bubbles, cancelable) {
  if (s.dispatching) return false;
  s.initialized = true;
  s.stopPropagation = false;
  s.stopImmediate = false;
  s.canceled = false;
  s.isTrusted = false;
  s.target = null;
  s.type = type;
  s.bubbles = bubbles;
  s.cancelable = cancelable;
  return true;
}

function cancelEvent(s) {
  if (s.cancelable && !s.inPassiveListener) s.canceled = true;
}

for (const [name, value] of [["NONE", NONE], ["CAPTURING_PHASE", CAPTURING_PHASE], ["AT_TARGET", AT_TARGET], ["BUBBLING_PHASE", BUBBLING_PHASE]]) {
  const desc = { value, writable: false, enumerable: true, configurable: false };
  ObjectDefineProperty(Event, name, desc);
  ObjectDefineProperty(Event.prototype, name, desc);
}

class CustomEvent extends Event {
  #detail;
  constructor(type, eventInitDict = {}) {
    if (arguments.length < 1) throw new TypeError("Failed to construct 'CustomEvent': 1 argument required, but only 0 present.");
    super(type, eventInitDict);
    this.#detail = eventInitDict?.detail ?? null;
  }
  get detail() { return this.#detail; }
}

// Event listeners per target (DOM § 2.7 "event listener"). The lists are handled
// with plain loops: page code may have replaced Array.prototype methods.
function copyList(list) {
  const out = new Array(list.length);
  for (let i = 0; i < list.length; i++) out[i] = list[i];
  return out;
}
function findListener(list, type, callback, capture) {
  for (let i = 0; i < list.length; i++) {
    const l = list[i];
    if (l.type === type && l.callback === callback && l.capture === capture) return l;
  }
  return undefined;
}
const listenerLists = new WeakMap();

function flattenOptions(options, adding = false) {
  if (typeof options === "boolean") return { capture: options };
  // AddEventListenerOptions.signal is a (non-nullable) AbortSignal: WebIDL throws
  // for anything else that is present.
  if (adding && options !== null && typeof options === "object" && options.signal !== undefined && !signalState.has(options.signal)) {
    throw new TypeError("Failed to execute 'addEventListener' on 'EventTarget': member signal is not of type 'AbortSignal'.");
  }
  return { capture: Boolean(options?.capture), once: Boolean(options?.once), passive: options?.passive, signal: options?.signal };
}

class EventTarget {
  constructor() {}
  addEventListener(type, callback, options = {}) {
    // Called unqualified (`addEventListener(...)` in a script), `this` is the window.
    if (this === undefined || this === null) return ReflectApply(EventTarget.prototype.addEventListener, globalThis, arguments);
    // WebIDL converts every argument (options included) before the steps run.
    if (callback !== null && callback !== undefined && typeof callback !== "function" && typeof callback !== "object") {
      throw new TypeError("Failed to execute 'addEventListener': parameter 2 is not of type 'Object'.");
    }
    const o = flattenOptions(options, true);
    if (callback === null || callback === undefined) return;
    if (o.signal?.aborted) return;
    let list = listenerLists.get(this);
    if (list === undefined) listenerLists.set(this, (list = []));
    type = String(type);
    if (findListener(list, type, callback, o.capture) !== undefined) return;
    const listener = { type, callback, capture: o.capture, once: Boolean(o.once), passive: Boolean(o.passive), removed: false };
    list[list.length] = listener;
    if (isNodeWrapper(this)) pinWrapper(this);
    if (o.signal !== undefined) addAbortAlgorithm(o.signal, () => removeListener(this, listener));
  }
  removeEventListener(type, callback, options = {}) {
    if (this === undefined || this === null) return ReflectApply(EventTarget.prototype.removeEventListener, globalThis, arguments);
    const capture = flattenOptions(options).capture;
    const list = listenerLists.get(this);
    const l = list === undefined ? undefined : findListener(list, String(type), callback, capture);
    if (l) removeListener(this, l);
  }
  dispatchEvent(event) {
    if (this === undefined || this === null) return ReflectApply(EventTarget.prototype.dispatchEvent, globalThis, [event]);
    const s = eventState.get(event);
    if (s === undefined) throw new TypeError("Failed to execute 'dispatchEvent': parameter 1 is not of type 'Event'.");
    if (s.dispatching || !s.initialized) {
      throw new DOMException("Failed to execute 'dispatchEvent': The event is already being dispatched.", "InvalidStateError");
    }
    s.isTrusted = false;
    const steps = dispatchSteps(event, this);
    let r;
    do r = steps.next(); while (!r.done);
    return r.value;
  }
}

// Dispatches an event the engine (not script) fires, synchronously: isTrusted stays
// true, unlike through dispatchEvent.
function dispatchTrusted(target, event) {
  eventState.get(event).isTrusted = true;
  const steps = dispatchSteps(event, target);
  let r;
  do r = steps.next(); while (!r.done);
  return r.value;
}

function removeListener(target, listener) {
  listener.removed = true;
  const list = listenerLists.get(target);
  if (list === undefined) return;
  let j = 0;
  for (let i = 0; i < list.length; i++) if (list[i] !== listener) list[j++] = list[i];
  list.length = j;
}

// DOM "get the parent": a node's parent; a document's is the window (except for
// `load`); the window has none.
function eventParent(target, event) {
  if (target === globalThis) return null;
  if (isNodeWrapper(target)) {
    if (target.nodeType === 9) return eventState.get(event).type === "load" ? null : globalThis;
    return target.parentNode;
  }
  return null;
}

// DOM § 2.9 "dispatch", as a generator yielding after each listener call.
// `targetOverride`: DOM's "legacy target override flag" (HTML fires `load` and
// `pageshow` at the window with event.target the document).
function* dispatchSteps(event, target, targetOverride = target) {
  const s = eventState.get(event);
  s.dispatching = true;
  s.target = targetOverride;
  const path = [];
  for (let t = target; t !== null; t = eventParent(t, event)) path[path.length] = t;
  s.path = path;
  for (let i = path.length - 1; i >= 0; i--) {
    s.eventPhase = path[i] === target ? AT_TARGET : CAPTURING_PHASE;
    yield* invokeListeners(path[i], event, s, "capturing");
  }
  for (let i = 0; i < path.length; i++) {
    if (path[i] === target) s.eventPhase = AT_TARGET;
    else if (!s.bubbles) continue;
    else s.eventPhase = BUBBLING_PHASE;
    yield* invokeListeners(path[i], event, s, "bubbling");
  }
  s.eventPhase = NONE;
  s.currentTarget = null;
  s.path = [];
  s.dispatching = false;
  s.stopPropagation = false;
  s.stopImmediate = false;
  return !s.canceled;
}

// DOM "inner invoke" over a clone of the target's listener list.
function* invokeListeners(target, event, s, phase) {
  if (s.stopPropagation) return;
  s.currentTarget = target;
  ensureContentHandlers(target); // handlers from markup (js/29_event_handler_attributes.js)
  const listeners = copyList(listenerLists.get(target) ?? []);
  for (const l of listeners) {
    if (l.type !== s.type || l.removed) continue;
    if (phase === "capturing" && !l.capture) continue;
    if (phase === "bubbling" && l.capture) continue;
    if (l.once) removeListener(target, l);
    if (l.passive) s.inPassiveListener = true;
    try {
      if (typeof l.callback === "function") ReflectApply(l.callback, target, [event]);
      else {
        const handleEvent = l.callback.handleEvent;
        if (typeof handleEvent !== "function") throw new TypeError("The listener's handleEvent is not a function.");
        ReflectApply(handleEvent, l.callback, [event]);
      }
    } catch (e) {
      // In an event the engine fires, the listener's caller is the host: the
      // exception is reported once the step returns, with the JS stack empty.
      if (s.stepped) reportExceptionFromCallback(e);
      else reportException(e);
    }
    s.inPassiveListener = false;
    yield;
    if (s.stopImmediate) return;
  }
}

// Events the engine fires: trusted events stepped from Rust (see host.rs), one
// listener per step. A stack: reporting an exception from a listener fires `error`
// (stepped too) before the outer dispatch goes on.
const nativeDispatches = [];

function beginSteppedDispatch(target, event, targetOverride = target) {
  const s = eventState.get(event);
  s.isTrusted = true;
  s.stepped = true;
  nativeDispatches[nativeDispatches.length] = dispatchSteps(event, target, targetOverride);
}

function beginNativeEvent(target, type, bubbles, cancelable, targetOverride = target) {
  const init = { bubbles, cancelable };
  // HTML "fire a page transition event" uses PageTransitionEvent.
  const event = type === "pageshow" || type === "pagehide"
    ? new PageTransitionEvent(type, { ...init, persisted: false })
    : new Event(type, init);
  beginSteppedDispatch(target, event, targetOverride);
}

// Runs the next listener of the innermost native dispatch; false when it is over.
function stepNativeEvent() {
  const top = nativeDispatches[nativeDispatches.length - 1];
  if (top === undefined) return false;
  const r = top.next();
  if (r.done) nativeDispatches.length -= 1;
  return !r.done;
}

for (const C of [Event, CustomEvent, EventTarget]) {
  ObjectDefineProperty(C.prototype, Symbol.toStringTag, { value: C.name, configurable: true });
  defineGlobal(C.name, C);
}
