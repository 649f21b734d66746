// The `style` IDL attribute: a CSSStyleDeclaration over the element's style content
// attribute (CSSOM § 6.6 "CSSStyleDeclaration", § 6.7 "ElementCSSInlineStyle").
// Declarations are parsed from the attribute on each access (so setAttribute("style")
// is always seen) and every change is written back to it ("update style attribute").
// Property names are checked against the list below (unknown ones are dropped, as
// browsers do); values are kept as written: no CSS value parsing, no shorthand
// expansion and no normalisation (e.g. colors are not turned into rgb()) yet.

const CSS_PROPERTIES = new Set(`align-content align-items align-self all animation animation-delay
animation-direction animation-duration animation-fill-mode animation-iteration-count animation-name
animation-play-state animation-timing-function appearance aspect-ratio backface-visibility background
background-attachment background-blend-mode background-clip background-color background-image
background-origin background-position background-repeat background-size block-size border border-block
border-bottom border-bottom-color border-bottom-left-radius border-bottom-right-radius border-bottom-style
border-bottom-width border-collapse border-color border-image border-inline border-left border-left-color
border-left-style border-left-width border-radius border-right border-right-color border-right-style
border-right-width border-spacing border-style border-top border-top-color border-top-left-radius
border-top-right-radius border-top-style border-top-width border-width bottom box-shadow box-sizing
break-after break-before break-inside caption-side caret-color clear clip clip-path color column-count
column-gap column-rule column-width columns contain content counter-increment counter-reset cursor
direction display empty-cells filter flex flex-basis flex-direction flex-flow flex-grow flex-shrink
flex-wrap float font font-family font-feature-settings font-kerning font-size font-stretch font-style
font-variant font-weight gap grid grid-area grid-auto-columns grid-auto-flow grid-auto-rows grid-column
grid-column-end grid-column-start grid-row grid-row-end grid-row-start grid-template grid-template-areas
grid-template-columns grid-template-rows height hyphens inline-size inset isolation justify-content
justify-items justify-self left letter-spacing line-height list-style list-style-image list-style-position
list-style-type margin margin-block margin-bottom margin-inline margin-left margin-right margin-top
mask max-height max-width min-height min-width mix-blend-mode object-fit object-position opacity order
outline outline-color outline-offset outline-style outline-width overflow overflow-wrap overflow-x
overflow-y padding padding-block padding-bottom padding-inline padding-left padding-right padding-top
perspective place-content place-items place-self pointer-events position quotes resize right rotate
row-gap scale scroll-behavior tab-size table-layout text-align text-decoration text-decoration-color
text-decoration-line text-decoration-style text-indent text-overflow text-shadow text-transform top
transform transform-origin transition transition-delay transition-duration transition-property
transition-timing-function translate unicode-bidi user-select vertical-align visibility white-space
width will-change word-break word-spacing word-wrap writing-mode z-index`.split(/\s+/));

// CSS Syntax "parse a list of declarations", reduced to what a style attribute
// needs: split on top-level `;` (outside strings, brackets and comments), then
// `name: value [!important]`.
function parseDeclarations(text) {
  const decls = [];
  let start = 0, depth = 0, quote = "";
  const flush = (end) => {
    const d = parseDeclaration(text.slice(start, end));
    if (d !== null) {
      const i = decls.findIndex((x) => x.name === d.name);
      if (i >= 0) decls.splice(i, 1);
      decls.push(d);
    }
    start = end + 1;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = "";
    } else if (c === "/" && text[i + 1] === "*") {
      const end = text.indexOf("*/", i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === "\"" || c === "'") quote = c;
    else if (c === "(" || c === "[" || c === "{") depth++;
    else if ((c === ")" || c === "]" || c === "}") && depth > 0) depth--;
    else if (c === ";" && depth === 0) flush(i);
  }
  flush(text.length);
  return decls;
}

const stripComments = (s) => s.replace(/\/\*[\s\S]*?(\*\/|$)/g, "");

function parseDeclaration(text) {
  const colon = text.indexOf(":");
  if (colon < 0) return null;
  const name = propertyName(stripComments(text.slice(0, colon)).trim());
  if (name === null) return null;
  let value = stripComments(text.slice(colon + 1)).trim();
  let important = false;
  const m = /!\s*important\s*$/i.exec(value);
  if (m) {
    important = true;
    value = value.slice(0, m.index).trim();
  }
  if (value === "") return null;
  return { name, value, important };
}

// A supported property's canonical name: custom properties as written, others
// ASCII-lowercased and checked against the list; null when unsupported.
function propertyName(name) {
  if (name.startsWith("--")) return name.length > 2 ? name : null;
  const lower = name.toLowerCase();
  return CSS_PROPERTIES.has(lower) ? lower : null;
}

function serializeDeclarations(decls) {
  return decls.map((d) => `${d.name}: ${d.value}${d.important ? " !important" : ""};`).join(" ");
}

const styleOwners = new WeakMap(); // CSSStyleDeclaration (target and proxy) -> element
const styleObjects = new WeakMap(); // element -> its CSSStyleDeclaration

// getComputedStyle() results (CSSOM § 9): read-only declarations whose values come
// from the renderer on each read (live, as the spec's "computed flag" object is).
const computedOwners = new WeakMap(); // computed CSSStyleDeclaration -> element
const { op_render_computed_style, op_render_style_names } = ops;

function styleOwner(style) {
  const el = styleOwners.get(style) ?? computedOwners.get(style);
  if (el === undefined) throw new TypeError("Illegal invocation");
  return el;
}
const COMPUTED_NAMES = op_render_style_names();
function declarationsOf(style) {
  if (computedOwners.has(style)) {
    const id = idOf(styleOwner(style));
    return COMPUTED_NAMES.map((name) => ({ name, value: op_render_computed_style(id, name), important: false }));
  }
  return parseDeclarations(op_dom_get_attribute(idOf(styleOwner(style)), "style") ?? "");
}
function writeDeclarations(style, decls) {
  if (computedOwners.has(style)) {
    throw new DOMException("This CSSStyleDeclaration is read-only (a computed style).", "NoModificationAllowedError");
  }
  styleOwner(style).setAttribute("style", serializeDeclarations(decls));
}

class CSSStyleDeclaration {
  constructor() { illegal(); }
  get cssText() {
    if (computedOwners.has(this)) return "";
    return serializeDeclarations(declarationsOf(this));
  }
  set cssText(v) { writeDeclarations(this, parseDeclarations(v === null ? "" : toDOMString(v))); }
  get length() { return declarationsOf(this).length; }
  get parentRule() { styleOwner(this); return null; }
  item(index) { return declarationsOf(this)[index >>> 0]?.name ?? ""; }
  getPropertyValue(property) {
    if (computedOwners.has(this)) {
      return op_render_computed_style(idOf(styleOwner(this)), toDOMString(property).toLowerCase());
    }
    const name = propertyName(toDOMString(property));
    return declarationsOf(this).find((d) => d.name === name)?.value ?? "";
  }
  getPropertyPriority(property) {
    const name = propertyName(toDOMString(property));
    return declarationsOf(this).find((d) => d.name === name)?.important ? "important" : "";
  }
  // CSSOM setProperty(property, value, priority).
  setProperty(property, value, priority = "") {
    if (computedOwners.has(this)) writeDeclarations(this, []);
    const name = propertyName(toDOMString(property));
    if (name === null) return;
    value = value === null ? "" : toDOMString(value);
    if (value === "") {
      this.removeProperty(name);
      return;
    }
    priority = toDOMString(priority);
    if (priority !== "" && priority.toLowerCase() !== "important") return;
    const parsed = parseDeclaration(`${name}: ${value}`);
    if (parsed === null || /[;{}]/.test(parsed.value) || parsed.important) return;
    const decls = declarationsOf(this);
    const existing = decls.find((d) => d.name === name);
    if (existing) {
      existing.value = parsed.value;
      existing.important = priority !== "";
    } else {
      decls.push({ name, value: parsed.value, important: priority !== "" });
    }
    writeDeclarations(this, decls);
  }
  removeProperty(property) {
    if (computedOwners.has(this)) writeDeclarations(this, []);
    const name = propertyName(toDOMString(property));
    const decls = declarationsOf(this);
    const i = decls.findIndex((d) => d.name === name);
    if (i < 0) return "";
    const [removed] = decls.splice(i, 1);
    writeDeclarations(this, decls);
    return removed.value;
  }
  *[Symbol.iterator]() { for (const d of declarationsOf(this)) yield d.name; }
}

// One accessor per property: camelCase (`backgroundColor`), the dashed name
// (`background-color`), and `cssFloat` for float.
const camelCase = (name) => name.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
function defineStyleAccessor(attribute, property) {
  ObjectDefineProperty(CSSStyleDeclaration.prototype, attribute, {
    get() { return this.getPropertyValue(property); },
    set(v) { this.setProperty(property, v === null ? "" : v); },
    enumerable: true,
    configurable: true,
  });
}
for (const property of CSS_PROPERTIES) {
  defineStyleAccessor(camelCase(property), property);
  if (property.includes("-")) defineStyleAccessor(property, property);
}
defineStyleAccessor("cssFloat", "float");

function styleFor(element, computed = false) {
  let style = computed ? undefined : styleObjects.get(element);
  if (style !== undefined) return style;
  const target = Object.create(CSSStyleDeclaration.prototype);
  (computed ? computedOwners : styleOwners).set(target, element);
  style = new Proxy(target, {
    get(t, p, r) {
      if (isIndex(p)) return t.item(Number(p)) || undefined;
      return Reflect.get(t, p, r === style ? t : r);
    },
    set(t, p, v, r) { return Reflect.set(t, p, v, r === style ? t : r); },
    has(t, p) { return isIndex(p) ? Number(p) < t.length : Reflect.has(t, p); },
  });
  if (computed) {
    computedOwners.set(style, element);
  } else {
    styleOwners.set(style, element);
    styleObjects.set(element, style);
  }
  return style;
}

ObjectDefineProperty(HTMLElement.prototype, "style", {
  get() { idOf(this, "this"); return styleFor(this); },
  set(v) { styleFor(this).cssText = v; },
  enumerable: true,
  configurable: true,
});

exposeInterface(CSSStyleDeclaration);
