// Attributes as objects (DOM § 4.9.1 NamedNodeMap, § 4.9.2 Attr) and the namespaced
// attribute methods. The arena keeps the attributes; an Attr is a JS object naming
// one of them (element + namespace + local name), created on demand and cached per
// element so `el.attributes[0] === el.attributes[0]`. A detached Attr (removed, or
// made by document.createAttribute) holds its own value.

const {
  op_dom_attributes, op_dom_get_attribute_ns, op_dom_set_attribute_ns, op_dom_remove_attribute_ns,
} = ops;

const XML_NS = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

// Event handler content attributes (no namespace, "on...") have attribute change
// steps (js/29_event_handler_attributes.js): markup handlers are activated first
// (lazily), then the change is applied, then the steps run.
const mayHaveChangeSteps = (name) => name.length > 2 && (name[0] === "o" || name[0] === "O") &&
  (name[1] === "n" || name[1] === "N") && !name.includes(":");

function changingAttribute(element, ns, local, change) {
  const steps = ns === "" && mayHaveChangeSteps(local);
  if (steps) ensureContentHandlers(element);
  const r = change();
  if (steps) eventHandlerAttributeChanged(element, local);
  return r;
}

const attrData = new WeakMap(); // Attr -> { element, ns, prefix, local, value }
const attrCaches = new WeakMap(); // element wrapper -> Map("ns local" -> Attr)

function attrOf(attr) {
  const d = attrData.get(attr);
  if (d === undefined) throw new TypeError("Illegal invocation: not an Attr");
  return d;
}

class Attr extends Node {
  constructor() { illegal(); super(); }
  get namespaceURI() { return attrOf(this).ns || null; }
  get prefix() { return attrOf(this).prefix || null; }
  get localName() { return attrOf(this).local; }
  get name() { const d = attrOf(this); return d.prefix ? `${d.prefix}:${d.local}` : d.local; }
  get value() {
    const d = attrOf(this);
    if (d.element !== null) {
      const v = op_dom_get_attribute_ns(idOf(d.element), d.ns, d.local);
      if (v !== null && v !== undefined) d.value = v;
    }
    return d.value;
  }
  // DOM "set an existing attribute value".
  set value(v) {
    const d = attrOf(this);
    v = toDOMString(v);
    if (d.element === null) {
      d.value = v;
      return;
    }
    changingAttribute(d.element, d.ns, d.local,
      () => check(op_dom_set_attribute_ns(idOf(d.element), d.ns, this.name, v), "value"));
    d.value = v;
  }
  get ownerElement() { return attrOf(this).element; }
  get specified() { return true; }
  // Attr is a Node with no tree position.
  get nodeType() { attrOf(this); return 2; }
  get nodeName() { return this.name; }
  get nodeValue() { return this.value; }
  set nodeValue(v) { this.value = v === null ? "" : v; }
  get textContent() { return this.value; }
  set textContent(v) { this.value = v === null ? "" : v; }
  get ownerDocument() { attrOf(this); return wrapNode(0); }
  get parentNode() { attrOf(this); return null; }
  get parentElement() { attrOf(this); return null; }
  get firstChild() { attrOf(this); return null; }
  get lastChild() { attrOf(this); return null; }
  get previousSibling() { attrOf(this); return null; }
  get nextSibling() { attrOf(this); return null; }
  get isConnected() { attrOf(this); return false; }
  get childNodes() {
    attrOf(this);
    return liveList(this, "childNodes", NodeList, () => []);
  }
  hasChildNodes() { attrOf(this); return false; }
  getRootNode() { attrOf(this); return this; }
  contains(other) { attrOf(this); return other === this; }
  cloneNode() {
    const d = attrOf(this);
    return newAttr(null, d.ns, d.prefix, d.local, this.value);
  }
  isEqualNode(other) {
    if (!(other instanceof Attr)) return false;
    return this.namespaceURI === other.namespaceURI && this.localName === other.localName && this.value === other.value;
  }
}

function newAttr(element, ns, prefix, local, value) {
  const attr = Object.create(Attr.prototype);
  attrData.set(attr, { element, ns, prefix, local, value });
  return attr;
}

// The element's attributes: [{ ns, prefix, local, value }] in order.
function attributeList(element) {
  const flat = op_dom_attributes(idOf(element, "this"));
  const out = [];
  for (let i = 0; i < flat.length; i += 4) {
    out.push({ ns: flat[i], prefix: flat[i + 1], local: flat[i + 2], value: flat[i + 3] });
  }
  return out;
}

// The (cached) Attr for one of the element's attributes.
function attrFor(element, a) {
  let cache = attrCaches.get(element);
  if (cache === undefined) attrCaches.set(element, (cache = new Map()));
  const key = `${a.ns} ${a.local}`;
  let attr = cache.get(key);
  if (attr === undefined) {
    attr = newAttr(element, a.ns, a.prefix, a.local, a.value);
    cache.set(key, attr);
  }
  return attr;
}

// Before an attribute is removed: its cached Attr (if any) keeps the value, detached.
function detachAttr(element, ns, local) {
  const cache = attrCaches.get(element);
  const attr = cache?.get(`${ns} ${local}`);
  if (attr === undefined) return;
  const d = attrData.get(attr);
  d.value = attr.value;
  d.element = null;
  cache.delete(`${ns} ${local}`);
}

// DOM "get an attribute by name": the qualified name is lowercased on HTML elements.
function findByName(element, qualifiedName) {
  let name = toDOMString(qualifiedName);
  if (element.namespaceURI === HTML_NS) name = name.toLowerCase();
  return attributeList(element).find((a) => (a.prefix ? `${a.prefix}:${a.local}` : a.local) === name);
}

const nsArg = (namespace) => (namespace === null || namespace === undefined ? "" : toDOMString(namespace));

function findByNS(element, namespace, local) {
  const ns = nsArg(namespace);
  local = toDOMString(local);
  return attributeList(element).find((a) => a.ns === ns && a.local === local);
}

// DOM "remove an attribute" for one found attribute.
function removeFound(element, a) {
  detachAttr(element, a.ns, a.local);
  changingAttribute(element, a.ns, a.local, () => op_dom_remove_attribute_ns(idOf(element), a.ns, a.local));
}

// DOM "set an attribute" (setAttributeNode / setNamedItem).
function setAttributeNode(element, attr) {
  const d = attrOf(attr);
  idOf(element, "this");
  if (d.element !== null && d.element !== element) {
    throw new DOMException("Failed to execute 'setAttributeNode': The attribute is in use by another element.", "InUseAttributeError");
  }
  const found = attributeList(element).find((a) => a.ns === d.ns && a.local === d.local);
  const old = found === undefined ? null : attrFor(element, found);
  if (old === attr) return attr;
  const value = attr.value;
  if (old !== null) detachAttr(element, d.ns, d.local);
  changingAttribute(element, d.ns, d.local,
    () => check(op_dom_set_attribute_ns(idOf(element), d.ns, attr.name, value), "setAttributeNode"));
  d.element = element;
  let cache = attrCaches.get(element);
  if (cache === undefined) attrCaches.set(element, (cache = new Map()));
  cache.set(`${d.ns} ${d.local}`, attr);
  return old;
}

function notFound(what) {
  return new DOMException(`Failed to execute '${what}': The attribute was not found.`, "NotFoundError");
}

class NamedNodeMap {
  constructor() { illegal(); }
  get length() { return attributeList(mapOwner(this)).length; }
  item(index) {
    const el = mapOwner(this);
    const a = attributeList(el)[index >>> 0];
    return a === undefined ? null : attrFor(el, a);
  }
  getNamedItem(qualifiedName) {
    const el = mapOwner(this);
    const a = findByName(el, qualifiedName);
    return a === undefined ? null : attrFor(el, a);
  }
  getNamedItemNS(namespace, localName) {
    const el = mapOwner(this);
    const a = findByNS(el, namespace, localName);
    return a === undefined ? null : attrFor(el, a);
  }
  setNamedItem(attr) { return setAttributeNode(mapOwner(this), attr); }
  setNamedItemNS(attr) { return setAttributeNode(mapOwner(this), attr); }
  removeNamedItem(qualifiedName) {
    const el = mapOwner(this);
    const a = findByName(el, qualifiedName);
    if (a === undefined) throw notFound("removeNamedItem");
    const attr = attrFor(el, a);
    removeFound(el, a);
    return attr;
  }
  removeNamedItemNS(namespace, localName) {
    const el = mapOwner(this);
    const a = findByNS(el, namespace, localName);
    if (a === undefined) throw notFound("removeNamedItemNS");
    const attr = attrFor(el, a);
    removeFound(el, a);
    return attr;
  }
  *[Symbol.iterator]() {
    const el = mapOwner(this);
    for (const a of attributeList(el)) yield attrFor(el, a);
  }
}

const mapOwners = new WeakMap(); // NamedNodeMap (target and proxy) -> element
const namedNodeMaps = new WeakMap(); // element -> its NamedNodeMap
function mapOwner(map) {
  const el = mapOwners.get(map);
  if (el === undefined) throw new TypeError("Illegal invocation");
  return el;
}

const isIndex = (p) => typeof p === "string" && String(p >>> 0) === p && p !== "4294967295";

// Indexed properties, then named ones (qualified names) not shadowed by the prototype.
function namedNodeMapFor(element) {
  let map = namedNodeMaps.get(element);
  if (map !== undefined) return map;
  const target = Object.create(NamedNodeMap.prototype);
  mapOwners.set(target, element);
  const lookup = (t, p) => {
    if (isIndex(p)) return t.item(Number(p));
    if (typeof p !== "string" || p in t) return null;
    return t.getNamedItem(p);
  };
  map = new Proxy(target, {
    get(t, p, r) {
      const v = lookup(t, p);
      if (v !== null) return v;
      return Reflect.get(t, p, r === map ? t : r);
    },
    has(t, p) { return lookup(t, p) !== null || Reflect.has(t, p); },
    ownKeys(t) {
      const list = attributeList(element);
      const names = list.map((a) => (a.prefix ? `${a.prefix}:${a.local}` : a.local));
      return [...list.keys()].map(String).concat(names.filter((n, i) => names.indexOf(n) === i && !(n in t)), Reflect.ownKeys(t));
    },
    getOwnPropertyDescriptor(t, p) {
      const v = lookup(t, p);
      if (v !== null) return { value: v, writable: false, enumerable: isIndex(p), configurable: true };
      return Reflect.getOwnPropertyDescriptor(t, p);
    },
    set(t, p, v, r) {
      if (lookup(t, p) !== null) return false;
      return Reflect.set(t, p, v, r === map ? t : r);
    },
    defineProperty(t, p, desc) {
      if (isIndex(p)) return false;
      return Reflect.defineProperty(t, p, desc);
    },
  });
  mapOwners.set(map, element);
  namedNodeMaps.set(element, map);
  return map;
}

// setAttribute / removeAttribute keep cached Attrs and the change steps in step.
const elementSetAttribute = Element.prototype.setAttribute;
const elementRemoveAttribute = Element.prototype.removeAttribute;

defineMethods(Element.prototype, {
  setAttribute(name, value) {
    name = toDOMString(name);
    if (!mayHaveChangeSteps(name)) {
      // The common case, without the extra call (setAttribute is hot).
      check(op_dom_set_attribute(idOf(this, "this"), name, toDOMString(value)), "setAttribute");
      return;
    }
    const local = this.namespaceURI === HTML_NS ? name.toLowerCase() : name;
    changingAttribute(this, "", local, () => ReflectApply(elementSetAttribute, this, [name, value]));
  },
  removeAttribute(name) {
    name = toDOMString(name);
    const a = attrCaches.has(this) || mayHaveChangeSteps(name) ? findByName(this, name) : undefined;
    if (a === undefined) {
      ReflectApply(elementRemoveAttribute, this, [name]);
      return;
    }
    removeFound(this, a);
  },
  getAttributeNS(namespace, localName) {
    return op_dom_get_attribute_ns(idOf(this, "this"), nsArg(namespace), toDOMString(localName)) ?? null;
  },
  hasAttributeNS(namespace, localName) {
    return op_dom_get_attribute_ns(idOf(this, "this"), nsArg(namespace), toDOMString(localName)) != null;
  },
  setAttributeNS(namespace, qualifiedName, value) {
    const ns = nsArg(namespace);
    const qn = toDOMString(qualifiedName);
    const local = qn.includes(":") ? qn.slice(qn.indexOf(":") + 1) : qn;
    const v = toDOMString(value);
    changingAttribute(this, ns, local, () => check(op_dom_set_attribute_ns(idOf(this, "this"), ns, qn, v), "setAttributeNS"));
  },
  removeAttributeNS(namespace, localName) {
    const a = findByNS(this, namespace, localName);
    if (a !== undefined) removeFound(this, a);
  },
  getAttributeNode(qualifiedName) {
    const a = findByName(this, qualifiedName);
    return a === undefined ? null : attrFor(this, a);
  },
  getAttributeNodeNS(namespace, localName) {
    const a = findByNS(this, namespace, localName);
    return a === undefined ? null : attrFor(this, a);
  },
  setAttributeNode(attr) { return setAttributeNode(this, attr); },
  setAttributeNodeNS(attr) { return setAttributeNode(this, attr); },
  removeAttributeNode(attr) {
    const d = attrOf(attr);
    if (d.element !== this) throw notFound("removeAttributeNode");
    const a = attributeList(this).find((x) => x.ns === d.ns && x.local === d.local);
    if (a === undefined) throw notFound("removeAttributeNode");
    removeFound(this, a);
    return attr;
  },
});
ObjectDefineProperty(Element.prototype, "attributes", {
  get() { idOf(this, "this"); return namedNodeMapFor(this); }, enumerable: true, configurable: true,
});

// DOM "validate and extract" for createAttributeNS.
function validateAndExtract(namespace, qualifiedName) {
  const ns = nsArg(namespace);
  const colon = qualifiedName.indexOf(":");
  const prefix = colon < 0 ? "" : qualifiedName.slice(0, colon);
  const local = colon < 0 ? qualifiedName : qualifiedName.slice(colon + 1);
  const fail = (name) => new DOMException(`Failed to execute 'createAttributeNS': ${name}`, name);
  if ((colon >= 0 && (prefix === "" || /[\t\n\f\r \0/>]/.test(prefix))) || !isValidAttributeLocalName(local)) {
    throw fail("InvalidCharacterError");
  }
  if (prefix !== "" && ns === "") throw fail("NamespaceError");
  if (prefix === "xml" && ns !== XML_NS) throw fail("NamespaceError");
  if ((qualifiedName === "xmlns" || prefix === "xmlns") !== (ns === XMLNS_NS)) throw fail("NamespaceError");
  return { ns, prefix, local };
}

const isValidAttributeLocalName = (name) => name !== "" && !/[\t\n\f\r \0/=>]/.test(name);

defineMethods(Document.prototype, {
  createAttribute(localName) {
    let name = toDOMString(localName);
    if (!isValidAttributeLocalName(name)) {
      throw new DOMException(`Failed to execute 'createAttribute': The localName provided ('${name}') is not a valid attribute name.`, "InvalidCharacterError");
    }
    name = name.toLowerCase(); // an HTML document
    return newAttr(null, "", "", name, "");
  },
  createAttributeNS(namespace, qualifiedName) {
    const { ns, prefix, local } = validateAndExtract(namespace, toDOMString(qualifiedName));
    return newAttr(null, ns, prefix, local, "");
  },
});

exposeInterface(Attr);
exposeInterface(NamedNodeMap);
