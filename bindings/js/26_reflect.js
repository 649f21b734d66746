// Reflected content attributes (HTML § 2.6.1 "Reflecting content attributes in IDL
// attributes") for the element interfaces pages use most. URL attributes (src,
// href) return the attribute as written: there is no URL parser here yet.

function reflectString(C, prop, attr = prop.toLowerCase()) {
  ObjectDefineProperty(C.prototype, prop, {
    get() { return this.getAttribute(attr) ?? ""; },
    set(v) { this.setAttribute(attr, toDOMString(v)); },
    enumerable: true, configurable: true,
  });
}

function reflectBoolean(C, prop, attr = prop.toLowerCase()) {
  ObjectDefineProperty(C.prototype, prop, {
    get() { return this.hasAttribute(attr); },
    set(v) { this.toggleAttribute(attr, Boolean(v)); },
    enumerable: true, configurable: true,
  });
}

// Enumerated attributes with a fixed set of values: the canonical keyword or "".
function reflectEnumerated(C, prop, attr, keywords, missing = "") {
  ObjectDefineProperty(C.prototype, prop, {
    get() {
      const v = this.getAttribute(attr);
      if (v === null) return missing;
      const k = v.toLowerCase();
      return keywords.includes(k) ? k : missing;
    },
    set(v) { this.setAttribute(attr, toDOMString(v)); },
    enumerable: true, configurable: true,
  });
}

const I = interfaceByTag;
for (const p of ["src", "type", "charset"]) reflectString(I.script, p);
reflectString(I.script, "crossOrigin", "crossorigin");
reflectBoolean(I.script, "defer");
reflectBoolean(I.script, "noModule", "nomodule");
// HTML § 4.12.1 "force async": true for script elements that script creates
// (createElement, createElementNS, cloneNode), false for the parser's; the `async`
// setter clears it.
const scriptForceAsync = new WeakSet();
// A deep clone's script descendants are new elements too.
function clonedByScript(node, deep) {
  createdByScript(node);
  if (deep && (node.nodeType === 1 || node.nodeType === 11)) {
    for (const s of node.querySelectorAll("script")) createdByScript(s);
  }
  return node;
}
function createdByScript(node) {
  if (node === null) return node;
  if (node.localName === "script" && node.namespaceURI === "http://www.w3.org/1999/xhtml") {
    scriptForceAsync.add(node);
  }
  return node;
}
ObjectDefineProperty(I.script.prototype, "async", {
  get() {
    // Adding an async attribute clears force async (seen here, when read).
    if (this.hasAttribute("async")) {
      scriptForceAsync.delete(this);
      return true;
    }
    return scriptForceAsync.has(this);
  },
  set(v) {
    scriptForceAsync.delete(this);
    this.toggleAttribute("async", Boolean(v));
  },
  enumerable: true, configurable: true,
});
ObjectDefineProperty(I.script.prototype, "text", {
  get() { return this.textContent; },
  set(v) { this.textContent = toDOMString(v); },
  enumerable: true, configurable: true,
});
for (const p of ["href", "target", "rel", "download", "hreflang", "type"]) reflectString(I.a, p);
for (const p of ["src", "alt", "srcset", "sizes"]) reflectString(I.img, p);
for (const p of ["name", "placeholder", "min", "max", "step", "pattern", "accept", "alt", "src"]) reflectString(I.input, p);
reflectEnumerated(I.input, "type", "type", ["hidden", "text", "search", "tel", "url", "email", "password", "date",
  "month", "week", "time", "datetime-local", "number", "range", "color", "checkbox", "radio", "file", "submit",
  "image", "reset", "button"], "text");
for (const p of ["disabled", "required", "readOnly", "multiple", "autofocus"]) reflectBoolean(I.input, p);
ObjectDefineProperty(I.input.prototype, "defaultValue", {
  get() { return this.getAttribute("value") ?? ""; },
  set(v) { this.setAttribute("value", toDOMString(v)); },
  enumerable: true, configurable: true,
});
ObjectDefineProperty(I.input.prototype, "defaultChecked", {
  get() { return this.hasAttribute("checked"); },
  set(v) { this.toggleAttribute("checked", Boolean(v)); },
  enumerable: true, configurable: true,
});
for (const p of ["name", "value"]) reflectString(I.button, p);
reflectEnumerated(I.button, "type", "type", ["submit", "reset", "button"], "submit");
reflectBoolean(I.button, "disabled");
for (const p of ["href", "rel", "media", "type", "as"]) reflectString(I.link, p);
for (const p of ["name", "content"]) reflectString(I.meta, p);
ObjectDefineProperty(I.meta.prototype, "httpEquiv", {
  get() { return this.getAttribute("http-equiv") ?? ""; },
  set(v) { this.setAttribute("http-equiv", toDOMString(v)); },
  enumerable: true, configurable: true,
});
for (const p of ["action", "name", "target"]) reflectString(I.form, p);
reflectEnumerated(I.form, "method", "method", ["get", "post", "dialog"], "get");
reflectString(I.label, "htmlFor", "for");
for (const p of ["src", "name"]) reflectString(I.iframe, p);
reflectBoolean(I.option, "defaultSelected", "selected");
reflectBoolean(I.option, "disabled");
for (const p of ["name"]) reflectString(I.select, p);
reflectBoolean(I.select, "disabled");
for (const p of ["name", "placeholder"]) reflectString(I.textarea, p);
reflectBoolean(I.textarea, "disabled");
