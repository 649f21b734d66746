// UI Events (UIEvent, MouseEvent, WheelEvent, KeyboardEvent, FocusEvent: UI Events
// § 3–6) and the hook the window shell uses to fire trusted input events
// (`beginInputEvent`, stepped from Rust with a microtask checkpoint after each
// listener, as the user-interaction task source requires).

const uiSlots = new WeakMap();
const uiSlot = (e) => {
  const s = uiSlots.get(e);
  if (s === undefined) throw new TypeError("Illegal invocation");
  return s;
};
const toLong = (v) => { const n = Math.trunc(+v); return Number.isFinite(n) ? n | 0 : 0; };

// Dictionary members of type `double` reject NaN and infinities (WebIDL).
const initDouble = (init, key) => (init[key] === undefined ? 0 : finiteDouble(init[key], key));
// `EventTarget? relatedTarget`.
function eventTargetOrNull(v) {
  if (v === undefined || v === null) return null;
  if (!(v instanceof EventTarget)) throw new TypeError("relatedTarget is not an EventTarget");
  return v;
}

class UIEvent extends Event {
  constructor(type, init = undefined) {
    if (arguments.length < 1) throw new TypeError("Failed to construct 'UIEvent': 1 argument required, but only 0 present.");
    init = dictionary(init, "UIEventInit");
    super(type, init);
    const view = init.view ?? null;
    if (view !== null && view !== globalThis) throw new TypeError("UIEvent: view is not a Window");
    uiSlots.set(this, { view, detail: toLong(init.detail ?? 0) });
  }
  get view() { return uiSlot(this).view; }
  get detail() { return uiSlot(this).detail; }
  get which() { return 0; }
}

// EventModifierInit (UI Events § 3.2): the four keys and the `modifier*` members.
const EXTRA_MODIFIERS = ["AltGraph", "CapsLock", "Fn", "FnLock", "Hyper", "NumLock", "ScrollLock", "Super", "Symbol",
  "SymbolLock"];
function modifierState(init) {
  const state = {
    ctrlKey: Boolean(init.ctrlKey), shiftKey: Boolean(init.shiftKey),
    altKey: Boolean(init.altKey), metaKey: Boolean(init.metaKey), modifiers: Object.create(null),
  };
  for (const m of EXTRA_MODIFIERS) state.modifiers[m] = Boolean(init[`modifier${m}`]);
  return state;
}
function getModifier(s, args) {
  if (args.length < 1) throw new TypeError("getModifierState: 1 argument required");
  const key = toDOMString(args[0]);
  switch (key) {
    case "Control": return s.ctrlKey;
    case "Shift": return s.shiftKey;
    case "Alt": return s.altKey;
    case "Meta": return s.metaKey;
    default: return EXTRA_MODIFIERS.includes(key) ? s.modifiers[key] : false;
  }
}

class MouseEvent extends UIEvent {
  constructor(type, init = undefined) {
    if (arguments.length < 1) throw new TypeError("Failed to construct 'MouseEvent': 1 argument required, but only 0 present.");
    init = dictionary(init, "MouseEventInit");
    super(type, init);
    const s = uiSlot(this);
    s.screenX = initDouble(init, "screenX"); s.screenY = initDouble(init, "screenY");
    s.clientX = initDouble(init, "clientX"); s.clientY = initDouble(init, "clientY");
    s.button = toLong(init.button ?? 0) << 16 >> 16;
    s.buttons = toLong(init.buttons ?? 0) & 0xffff;
    s.relatedTarget = eventTargetOrNull(init.relatedTarget);
    s.movementX = initDouble(init, "movementX"); s.movementY = initDouble(init, "movementY");
    Object.assign(s, modifierState(init));
  }
  get screenX() { return uiSlot(this).screenX; }
  get screenY() { return uiSlot(this).screenY; }
  get clientX() { return uiSlot(this).clientX; }
  get clientY() { return uiSlot(this).clientY; }
  // CSSOM View § 10: pageX/Y add the scroll position; x/y alias clientX/Y.
  get pageX() { return uiSlot(this).clientX + (isWorker ? 0 : op_render_viewport()[2]); }
  get pageY() { return uiSlot(this).clientY + (isWorker ? 0 : op_render_viewport()[3]); }
  get x() { return this.clientX; }
  get y() { return this.clientY; }
  // CSSOM View § 10: during dispatch, relative to the target's padding edge;
  // otherwise pageX/pageY.
  get offsetX() { return this.#offset(0); }
  get offsetY() { return this.#offset(1); }
  #offset(axis) {
    const target = this.target;
    if (!eventSlot(this).dispatching || !(target instanceof Element)) return axis ? this.pageY : this.pageX;
    const r = target.getBoundingClientRect();
    return axis ? this.clientY - r.y - target.clientTop : this.clientX - r.x - target.clientLeft;
  }
  get movementX() { return uiSlot(this).movementX; }
  get movementY() { return uiSlot(this).movementY; }
  get button() { return uiSlot(this).button; }
  get buttons() { return uiSlot(this).buttons; }
  get relatedTarget() { return uiSlot(this).relatedTarget; }
  get ctrlKey() { return uiSlot(this).ctrlKey; }
  get shiftKey() { return uiSlot(this).shiftKey; }
  get altKey() { return uiSlot(this).altKey; }
  get metaKey() { return uiSlot(this).metaKey; }
  getModifierState(key) { return getModifier(uiSlot(this), arguments); }
  // UI Events § 8.2 (legacy): which is button + 1 for mouse events.
  get which() { return uiSlot(this).button + 1; }
}

class WheelEvent extends MouseEvent {
  constructor(type, init = undefined) {
    if (arguments.length < 1) throw new TypeError("Failed to construct 'WheelEvent': 1 argument required, but only 0 present.");
    init = dictionary(init, "WheelEventInit");
    super(type, init);
    const s = uiSlot(this);
    s.deltaX = initDouble(init, "deltaX"); s.deltaY = initDouble(init, "deltaY"); s.deltaZ = initDouble(init, "deltaZ");
    s.deltaMode = (init.deltaMode ?? 0) >>> 0;
  }
  get deltaX() { return uiSlot(this).deltaX; }
  get deltaY() { return uiSlot(this).deltaY; }
  get deltaZ() { return uiSlot(this).deltaZ; }
  get deltaMode() { return uiSlot(this).deltaMode; }
}
for (const [k, v] of [["DOM_DELTA_PIXEL", 0], ["DOM_DELTA_LINE", 1], ["DOM_DELTA_PAGE", 2]]) {
  ObjectDefineProperty(WheelEvent, k, { value: v, enumerable: true });
  ObjectDefineProperty(WheelEvent.prototype, k, { value: v, enumerable: true });
}

class KeyboardEvent extends UIEvent {
  constructor(type, init = undefined) {
    if (arguments.length < 1) throw new TypeError("Failed to construct 'KeyboardEvent': 1 argument required, but only 0 present.");
    init = dictionary(init, "KeyboardEventInit");
    super(type, init);
    const s = uiSlot(this);
    s.key = init.key === undefined ? "" : toDOMString(init.key);
    s.code = init.code === undefined ? "" : toDOMString(init.code);
    // UI Events § 8 (legacy): keyCode and charCode from the init dictionary.
    s.keyCode = (init.keyCode ?? 0) >>> 0;
    s.charCode = (init.charCode ?? 0) >>> 0;
    s.location = (init.location ?? 0) >>> 0;
    s.repeat = Boolean(init.repeat);
    s.isComposing = Boolean(init.isComposing);
    Object.assign(s, modifierState(init));
  }
  get key() { return uiSlot(this).key; }
  get code() { return uiSlot(this).code; }
  get location() { return uiSlot(this).location; }
  get repeat() { return uiSlot(this).repeat; }
  get isComposing() { return uiSlot(this).isComposing; }
  get keyCode() { return uiSlot(this).keyCode; }
  get charCode() { return uiSlot(this).charCode; }
  // UI Events § 8.2 (legacy): which is keyCode, else charCode.
  get which() { const s = uiSlot(this); return s.keyCode || s.charCode; }
  get ctrlKey() { return uiSlot(this).ctrlKey; }
  get shiftKey() { return uiSlot(this).shiftKey; }
  get altKey() { return uiSlot(this).altKey; }
  get metaKey() { return uiSlot(this).metaKey; }
  getModifierState(key) { return getModifier(uiSlot(this), arguments); }
}
for (const [k, v] of [["DOM_KEY_LOCATION_STANDARD", 0], ["DOM_KEY_LOCATION_LEFT", 1], ["DOM_KEY_LOCATION_RIGHT", 2], ["DOM_KEY_LOCATION_NUMPAD", 3]]) {
  ObjectDefineProperty(KeyboardEvent, k, { value: v, enumerable: true });
  ObjectDefineProperty(KeyboardEvent.prototype, k, { value: v, enumerable: true });
}

class FocusEvent extends UIEvent {
  constructor(type, init = undefined) {
    if (arguments.length < 1) throw new TypeError("Failed to construct 'FocusEvent': 1 argument required, but only 0 present.");
    init = dictionary(init, "FocusEventInit");
    super(type, init);
    uiSlot(this).relatedTarget = eventTargetOrNull(init.relatedTarget);
  }
  get relatedTarget() { return uiSlot(this).relatedTarget; }
}

for (const C of [UIEvent, MouseEvent, WheelEvent, KeyboardEvent, FocusEvent]) exposeInterface(C);

// The window shell's input: `kind` is the event class, `target` a node id (-1: the
// window), `init` a JSON dictionary. Trusted; stepped like other native events.
const INPUT_CLASSES = { mouse: MouseEvent, wheel: WheelEvent, keyboard: KeyboardEvent, ui: UIEvent, event: Event };
function beginInputEvent(kind, type, target, initJson) {
  if (kind === "focus") {
    // Not an event: the focusing steps of a pointer press (nothing is dispatched
    // stepwise; focus events fire synchronously inside).
    focusFromPointer(target < 0 ? null : wrapNode(target));
    return;
  }
  const init = JSON.parse(initJson);
  if (kind !== "event") init.view = globalThis;
  const event = new INPUT_CLASSES[kind](type, init);
  beginSteppedDispatch(target < 0 ? globalThis : wrapNode(target), event);
}

// Focus (HTML § 6.6): focusable areas, focus()/blur(), document.activeElement and
// hasFocus(), and the focus update steps: `blur` then `focusout` (bubbling) at the
// element losing focus, `focus` then `focusin` at the one gaining it, all trusted
// FocusEvents with relatedTarget the other element. `:focus` and `:focus-within`
// match the focused element (the engine's Document::focused).
const { op_dom_focused, op_dom_set_focused } = ops;

// HTML § 6.6.2 "focusable area": links with href, enabled form controls (not hidden
// inputs), and elements with a tabindex attribute, while they are being rendered.
function isFocusable(el) {
  if (!(el instanceof HTMLElement) || !el.isConnected) return false;
  const name = el.localName;
  let focusable = el.hasAttribute("tabindex") && /^\s*[-+]?\d+/.test(el.getAttribute("tabindex"));
  if (!focusable && (name === "a" || name === "area")) focusable = el.hasAttribute("href");
  if (!focusable && ["button", "input", "select", "textarea"].includes(name)) {
    focusable = !el.hasAttribute("disabled") && !(name === "input" && el.getAttribute("type")?.toLowerCase() === "hidden");
  }
  return focusable && el.getClientRects().length > 0;
}

function focusedElement() {
  const id = op_dom_focused();
  return id < 0 ? null : wrapNode(id);
}

// HTML § 6.6.4 "focus update steps" (one element losing focus, one gaining it).
function moveFocus(to) {
  const from = focusedElement();
  if (from === to) return;
  op_dom_set_focused(to === null ? -1 : idOf(to));
  if (from !== null) {
    dispatchTrusted(from, new FocusEvent("blur", { relatedTarget: to, view: globalThis, composed: true }));
    dispatchTrusted(from, new FocusEvent("focusout", { bubbles: true, relatedTarget: to, view: globalThis, composed: true }));
  }
  if (to !== null && focusedElement() === to) {
    dispatchTrusted(to, new FocusEvent("focus", { relatedTarget: from, view: globalThis, composed: true }));
    dispatchTrusted(to, new FocusEvent("focusin", { bubbles: true, relatedTarget: from, view: globalThis, composed: true }));
  }
}

// The focusing steps for a pointer press (HTML § 6.6.4, "click focusable"): the
// nearest focusable inclusive ancestor of the target gets focus, else focus leaves.
function focusFromPointer(target) {
  let el = target;
  while (el !== null && !isFocusable(el)) el = el.parentElement;
  moveFocus(el);
}

if (!isWorker) {
  ObjectDefineProperty(HTMLElement.prototype, "focus", {
    value: named("focus", function focus(options = undefined) {
      idOf(this, "this");
      if (isFocusable(this)) moveFocus(this);
    }),
    writable: true, enumerable: true, configurable: true,
  });
  ObjectDefineProperty(HTMLElement.prototype, "blur", {
    value: named("blur", function blur() {
      idOf(this, "this");
      if (focusedElement() === this) moveFocus(null);
    }),
    writable: true, enumerable: true, configurable: true,
  });
  ObjectDefineProperty(Document.prototype, "activeElement", {
    get: named("activeElement", function () {
      return focusedElement() ?? this.body ?? this.documentElement;
    }),
    enumerable: true, configurable: true,
  });
  ObjectDefineProperty(Document.prototype, "hasFocus", {
    value: named("hasFocus", function hasFocus() { return true; }),
    writable: true, enumerable: true, configurable: true,
  });
}
