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

class UIEvent extends Event {
  constructor(type, init = {}) {
    if (arguments.length < 1) throw new TypeError("Failed to construct 'UIEvent': 1 argument required, but only 0 present.");
    super(type, init);
    init = init ?? {};
    const view = init.view ?? null;
    if (view !== null && view !== globalThis) throw new TypeError("UIEvent: view is not a Window");
    uiSlots.set(this, { view, detail: toLong(init.detail ?? 0) });
  }
  get view() { return uiSlot(this).view; }
  get detail() { return uiSlot(this).detail; }
  get which() { return 0; }
}

// EventModifierInit (UI Events § 3.2).
function modifierState(init) {
  return {
    ctrlKey: Boolean(init.ctrlKey), shiftKey: Boolean(init.shiftKey),
    altKey: Boolean(init.altKey), metaKey: Boolean(init.metaKey),
  };
}

class MouseEvent extends UIEvent {
  constructor(type, init = {}) {
    if (arguments.length < 1) throw new TypeError("Failed to construct 'MouseEvent': 1 argument required, but only 0 present.");
    super(type, init);
    init = init ?? {};
    const s = uiSlot(this);
    s.screenX = +(init.screenX ?? 0); s.screenY = +(init.screenY ?? 0);
    s.clientX = +(init.clientX ?? 0); s.clientY = +(init.clientY ?? 0);
    s.button = toLong(init.button ?? 0) << 16 >> 16;
    s.buttons = toLong(init.buttons ?? 0) & 0xffff;
    s.relatedTarget = init.relatedTarget ?? null;
    s.movementX = +(init.movementX ?? 0); s.movementY = +(init.movementY ?? 0);
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
  get offsetX() { return this.clientX - (this.target?.getBoundingClientRect?.().x ?? 0); }
  get offsetY() { return this.clientY - (this.target?.getBoundingClientRect?.().y ?? 0); }
  get movementX() { return uiSlot(this).movementX; }
  get movementY() { return uiSlot(this).movementY; }
  get button() { return uiSlot(this).button; }
  get buttons() { return uiSlot(this).buttons; }
  get relatedTarget() { return uiSlot(this).relatedTarget; }
  get ctrlKey() { return uiSlot(this).ctrlKey; }
  get shiftKey() { return uiSlot(this).shiftKey; }
  get altKey() { return uiSlot(this).altKey; }
  get metaKey() { return uiSlot(this).metaKey; }
  getModifierState(key) {
    const s = uiSlot(this);
    return { Control: s.ctrlKey, Shift: s.shiftKey, Alt: s.altKey, Meta: s.metaKey }[key] ?? false;
  }
}

class WheelEvent extends MouseEvent {
  constructor(type, init = {}) {
    if (arguments.length < 1) throw new TypeError("Failed to construct 'WheelEvent': 1 argument required, but only 0 present.");
    super(type, init);
    init = init ?? {};
    const s = uiSlot(this);
    s.deltaX = +(init.deltaX ?? 0); s.deltaY = +(init.deltaY ?? 0); s.deltaZ = +(init.deltaZ ?? 0);
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
  constructor(type, init = {}) {
    if (arguments.length < 1) throw new TypeError("Failed to construct 'KeyboardEvent': 1 argument required, but only 0 present.");
    super(type, init);
    init = init ?? {};
    const s = uiSlot(this);
    s.key = toDOMString(init.key ?? "");
    s.code = toDOMString(init.code ?? "");
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
  get ctrlKey() { return uiSlot(this).ctrlKey; }
  get shiftKey() { return uiSlot(this).shiftKey; }
  get altKey() { return uiSlot(this).altKey; }
  get metaKey() { return uiSlot(this).metaKey; }
  getModifierState(key) {
    const s = uiSlot(this);
    return { Control: s.ctrlKey, Shift: s.shiftKey, Alt: s.altKey, Meta: s.metaKey }[key] ?? false;
  }
}
for (const [k, v] of [["DOM_KEY_LOCATION_STANDARD", 0], ["DOM_KEY_LOCATION_LEFT", 1], ["DOM_KEY_LOCATION_RIGHT", 2], ["DOM_KEY_LOCATION_NUMPAD", 3]]) {
  ObjectDefineProperty(KeyboardEvent, k, { value: v, enumerable: true });
  ObjectDefineProperty(KeyboardEvent.prototype, k, { value: v, enumerable: true });
}

class FocusEvent extends UIEvent {
  constructor(type, init = {}) {
    if (arguments.length < 1) throw new TypeError("Failed to construct 'FocusEvent': 1 argument required, but only 0 present.");
    super(type, init);
    uiSlot(this).relatedTarget = init?.relatedTarget ?? null;
  }
  get relatedTarget() { return uiSlot(this).relatedTarget; }
}

for (const C of [UIEvent, MouseEvent, WheelEvent, KeyboardEvent, FocusEvent]) exposeInterface(C);

// The window shell's input: `kind` is the event class, `target` a node id (-1: the
// window), `init` a JSON dictionary. Trusted; stepped like other native events.
const INPUT_CLASSES = { mouse: MouseEvent, wheel: WheelEvent, keyboard: KeyboardEvent, ui: UIEvent, event: Event };
function beginInputEvent(kind, type, target, initJson) {
  const init = JSON.parse(initJson);
  if (kind !== "event") init.view = globalThis;
  const event = new INPUT_CLASSES[kind](type, init);
  beginSteppedDispatch(target < 0 ? globalThis : wrapNode(target), event);
}
