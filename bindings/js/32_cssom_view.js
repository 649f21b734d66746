// Geometry from the renderer: DOMRect (Geometry Interfaces 1 § 2), CSSOM View's
// window extensions (§ 4: innerWidth, scrolling), elementFromPoint (§ 5),
// getBoundingClientRect/getClientRects and client*/scroll* (§ 6), offset* (§ 7), and
// getComputedStyle (CSSOM § 9; the declaration object is in 28_css_style.js). Every
// read asks the renderer, which redoes style and layout only if the DOM changed.

const {
  op_render_client_rect, op_render_client_rects, op_render_offsets, op_render_viewport, op_render_scroll_to,
  op_render_element_from_point, op_render_scroll_size, op_render_element_scroll, op_render_element_scroll_to,
} = ops;
const rectSlots = new WeakMap();
function rectOf(r) {
  const s = rectSlots.get(r);
  if (s === undefined) throw new TypeError("Illegal invocation");
  return s;
}
const unrestricted = (v) => +v;

class DOMRectReadOnly {
  constructor(x = 0, y = 0, width = 0, height = 0) {
    rectSlots.set(this, { x: unrestricted(x), y: unrestricted(y), width: unrestricted(width), height: unrestricted(height) });
  }
  // DOMRectInit is a dictionary: undefined and null are empty; other non-objects
  // are a TypeError (WebIDL § 3.2.17).
  static fromRect(other = undefined) {
    const init = dictionary(other, "DOMRectInit");
    return new this(init.x ?? 0, init.y ?? 0, init.width ?? 0, init.height ?? 0);
  }
  get x() { return rectOf(this).x; }
  get y() { return rectOf(this).y; }
  get width() { return rectOf(this).width; }
  get height() { return rectOf(this).height; }
  // § 2.1: top/left are the min of the origin and origin + size (NaN propagates).
  get top() { const r = rectOf(this); return MathMin(r.y, r.y + r.height); }
  get right() { const r = rectOf(this); return MathMax(r.x, r.x + r.width); }
  get bottom() { const r = rectOf(this); return MathMax(r.y, r.y + r.height); }
  get left() { const r = rectOf(this); return MathMin(r.x, r.x + r.width); }
  toJSON() {
    const { x, y, width, height, top, right, bottom, left } = this;
    return { x, y, width, height, top, right, bottom, left };
  }
}
function dictionary(v, name) {
  if (v === undefined || v === null) return {};
  if (typeof v !== "object" && typeof v !== "function") throw new TypeError(`${name} must be an object`);
  return v;
}
// WebIDL `double`: a finite number, else a TypeError.
function finiteDouble(v, what) {
  const n = +v;
  if (!Number.isFinite(n)) throw new TypeError(`${what} is not a finite number`);
  return n;
}
const MathMin = (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.min(a, b));
const MathMax = (a, b) => (Number.isNaN(a) || Number.isNaN(b) ? NaN : Math.max(a, b));

class DOMRect extends DOMRectReadOnly {
  get x() { return rectOf(this).x; }
  set x(v) { rectOf(this).x = unrestricted(v); }
  get y() { return rectOf(this).y; }
  set y(v) { rectOf(this).y = unrestricted(v); }
  get width() { return rectOf(this).width; }
  set width(v) { rectOf(this).width = unrestricted(v); }
  get height() { return rectOf(this).height; }
  set height(v) { rectOf(this).height = unrestricted(v); }
}

const rectLists = new WeakMap();
class DOMRectList {
  constructor() { illegal(); }
  get length() { return rectLists.get(this).length; }
  item(index) { return rectLists.get(this)[index >>> 0] ?? null; }
  *[Symbol.iterator]() { yield* rectLists.get(this); }
}
function makeRectList(rects) {
  const list = Object.create(DOMRectList.prototype);
  rectLists.set(list, rects);
  rects.forEach((r, i) => ObjectDefineProperty(list, i, { value: r, enumerable: true }));
  return list;
}

exposeInterface(DOMRectReadOnly);
exposeInterface(DOMRect);

function defineGetters(proto, getters) {
  for (const [name, get] of Object.entries(getters)) {
    ObjectDefineProperty(proto, name, { get: named(name, get), enumerable: true, configurable: true });
  }
}

if (!isWorker) {
  exposeInterface(DOMRectList);

  const viewport = () => op_render_viewport();

  // CSSOM § 9: getComputedStyle(elt, pseudoElt). Pseudo-elements have no boxes here:
  // their declarations are empty.
  ObjectDefineProperty(globalThis, "getComputedStyle", {
    value: named("getComputedStyle", function getComputedStyle(elt, pseudoElt = undefined) {
      if (arguments.length < 1) throw new TypeError("getComputedStyle: 1 argument required");
      if (!(elt instanceof Element)) throw new TypeError("getComputedStyle: parameter 1 is not of type 'Element'");
      return styleFor(elt, true);
    }),
    writable: true, enumerable: true, configurable: true,
  });

  // [Replaceable] window attributes (assigning makes an own data property).
  const windowGetters = {
    innerWidth: () => viewport()[0],
    innerHeight: () => viewport()[1],
    outerWidth: () => viewport()[0],
    outerHeight: () => viewport()[1],
    scrollX: () => viewport()[2],
    scrollY: () => viewport()[3],
    pageXOffset: () => viewport()[2],
    pageYOffset: () => viewport()[3],
    devicePixelRatio: () => 1,
    screenX: () => 0,
    screenY: () => 0,
    screenLeft: () => 0,
    screenTop: () => 0,
  };
  for (const [name, get] of Object.entries(windowGetters)) {
    ObjectDefineProperty(globalThis, name, {
      get: named(name, get),
      set: named(name, function (v) {
        ObjectDefineProperty(globalThis, name, { value: v, writable: true, enumerable: true, configurable: true });
      }),
      enumerable: true,
      configurable: true,
    });
  }

  // § 4: scroll(x, y) / scroll(options), scrollTo = scroll, scrollBy adds.
  const scrollArgs = (args, relative) => {
    const [sx, sy] = viewport().slice(2, 4);
    let x, y;
    if (args.length >= 2) {
      [x, y] = [+args[0], +args[1]];
    } else {
      const o = args[0] ?? {};
      if (typeof o !== "object" && typeof o !== "function") throw new TypeError("scroll: options must be an object");
      x = o.left === undefined ? (relative ? 0 : sx) : +o.left;
      y = o.top === undefined ? (relative ? 0 : sy) : +o.top;
    }
    const fix = (v) => (Number.isFinite(v) ? v : 0);
    return relative ? [sx + fix(x), sy + fix(y)] : [fix(x), fix(y)];
  };
  const scrollTo = named("scrollTo", function (...args) {
    op_render_scroll_to(...scrollArgs(args, false));
  });
  for (const [name, fn] of [
    ["scroll", scrollTo],
    ["scrollTo", scrollTo],
    ["scrollBy", named("scrollBy", function (...args) { op_render_scroll_to(...scrollArgs(args, true)); })],
  ]) {
    ObjectDefineProperty(globalThis, name, { value: named(name, fn), writable: true, enumerable: true, configurable: true });
  }

  // § 6 Element extensions.
  const clientRect = (el) => {
    const [x, y, w, h] = op_render_client_rect(idOf(el, "this"));
    return new DOMRect(x, y, w, h);
  };
  const isRoot = (el) => el === el.ownerDocument?.documentElement;
  ObjectDefineProperty(Element.prototype, "getBoundingClientRect", {
    value: named("getBoundingClientRect", function getBoundingClientRect() { return clientRect(this); }),
    writable: true, enumerable: true, configurable: true,
  });
  ObjectDefineProperty(Element.prototype, "getClientRects", {
    value: named("getClientRects", function getClientRects() {
      // One rect per fragment (an inline element: per line); none without a box.
      const flat = op_render_client_rects(idOf(this, "this"));
      const rects = [];
      for (let i = 0; i + 3 < flat.length; i += 4) rects.push(new DOMRect(flat[i], flat[i + 1], flat[i + 2], flat[i + 3]));
      return makeRectList(rects);
    }),
    writable: true, enumerable: true, configurable: true,
  });
  defineGetters(Element.prototype, {
    clientTop() { return op_render_offsets(idOf(this, "this"))[5]; },
    clientLeft() { return op_render_offsets(idOf(this, "this"))[6]; },
    clientWidth() { return op_render_offsets(idOf(this, "this"))[7]; },
    clientHeight() { return op_render_offsets(idOf(this, "this"))[8]; },
    scrollWidth() { return isRoot(this) ? viewport()[4] : op_render_scroll_size(idOf(this, "this"))[0]; },
    scrollHeight() { return isRoot(this) ? viewport()[5] : op_render_scroll_size(idOf(this, "this"))[1]; },
  });
  // scrollTop/scrollLeft (CSSOM View § 6): the root element's are the viewport's;
  // other elements scroll when they are scroll containers (overflow not visible).
  const elementScroll = (el) => op_render_element_scroll(idOf(el, "this")); // [left, top]
  for (const [name, axis] of [["scrollLeft", 0], ["scrollTop", 1]]) {
    ObjectDefineProperty(Element.prototype, name, {
      get: named(name, function () {
        return isRoot(this) ? viewport()[2 + axis] : elementScroll(this)[axis];
      }),
      set: named(name, function (v) {
        const n = Number.isFinite(+v) ? +v : 0;
        const [x, y] = isRoot(this) ? viewport().slice(2, 4) : elementScroll(this);
        const to = axis === 0 ? [n, y] : [x, n];
        if (isRoot(this)) op_render_scroll_to(...to);
        else op_render_element_scroll_to(idOf(this, "this"), ...to);
      }),
      enumerable: true,
      configurable: true,
    });
  }
  for (const [name, relative] of [["scroll", false], ["scrollTo", false], ["scrollBy", true]]) {
    ObjectDefineProperty(Element.prototype, name, {
      value: named(name, function (...args) {
        idOf(this, "this");
        if (isRoot(this)) return globalThis[name](...args);
        const [sx, sy] = elementScroll(this);
        let x, y;
        if (args.length >= 2) {
          [x, y] = [+args[0], +args[1]];
        } else {
          const o = dictionary(args[0], "ScrollToOptions");
          x = o.left === undefined ? (relative ? 0 : sx) : +o.left;
          y = o.top === undefined ? (relative ? 0 : sy) : +o.top;
        }
        const fix = (v) => (Number.isFinite(v) ? v : 0);
        op_render_element_scroll_to(idOf(this, "this"), fix(x) + (relative ? sx : 0), fix(y) + (relative ? sy : 0));
      }),
      writable: true, enumerable: true, configurable: true,
    });
  }
  // § 7 HTMLElement extensions.
  defineGetters(HTMLElement.prototype, {
    offsetParent() {
      const id = op_render_offsets(idOf(this, "this"))[0];
      return id < 0 ? null : wrapNode(id);
    },
    offsetTop() { return op_render_offsets(idOf(this, "this"))[1]; },
    offsetLeft() { return op_render_offsets(idOf(this, "this"))[2]; },
    offsetWidth() { return op_render_offsets(idOf(this, "this"))[3]; },
    offsetHeight() { return op_render_offsets(idOf(this, "this"))[4]; },
  });
  // § 5 Document extensions.
  ObjectDefineProperty(Document.prototype, "elementFromPoint", {
    value: named("elementFromPoint", function elementFromPoint(x, y) {
      if (arguments.length < 2) throw new TypeError("elementFromPoint: 2 arguments required");
      const id = op_render_element_from_point(finiteDouble(x, "x"), finiteDouble(y, "y"));
      return id < 0 ? null : wrapNode(id);
    }),
    writable: true, enumerable: true, configurable: true,
  });
}
