// The DOM's node interfaces over the engine's arena (DOM § 4). A node crosses into
// JS as its id; `wrap` keeps one wrapper per live node (the same node is always the
// same object) in a table of WeakRefs, so unused wrappers can still be collected.

const {
  op_dom_node_type, op_dom_link, op_dom_name, op_dom_get_attribute, op_dom_set_attribute,
  op_dom_remove_attribute, op_dom_attribute_names, op_dom_create, op_dom_insert,
  op_dom_remove_child, op_dom_replace_child, op_dom_replace_children, op_dom_remove, op_dom_text_content,
  op_dom_set_text_content, op_dom_replace_data, op_dom_serialize, op_dom_set_inner_html,
  op_dom_element_by_id, op_dom_document_part, op_dom_clone, op_dom_template_content,
  op_dom_contains, op_dom_register_tags, op_dom_interface, op_dom_create_element_ns,
  op_dom_collect, op_dom_wants_gc,
} = ops;

const DOM_ERROR_NAMES = [null, "HierarchyRequestError", "NotFoundError", "IndexSizeError",
  "InvalidCharacterError", "NamespaceError", "InUseAttributeError", "NotSupportedError"];

// Insertion ops answer 100 when script elements became connected: HTML's
// post-connection steps prepare them (js/25_dynamic_scripts.js).
function check(code, what) {
  if (code === 100) {
    prepareConnectedScripts();
    return;
  }
  if (code === 8) throw new TypeError(`Failed to execute '${what}': Illegal invocation`);
  if (code !== 0) {
    const name = DOM_ERROR_NAMES[code];
    throw new DOMException(`Failed to execute '${what}': ${name}`, name);
  }
}

// The node id lives in a private field, added to wrappers by the return-override trick.
class IdCarrier { constructor(o) { return o; } }
class NodeIdSlot extends IdCarrier {
  #id;
  constructor(o, id) { super(o); this.#id = id; }
  // An ergonomic brand check: no exception (and no backtrace) for other objects.
  static get(o) {
    return #id in o ? o.#id : -1;
  }
}
function isNodeWrapper(o) { return o !== null && typeof o === "object" && NodeIdSlot.get(o) >= 0; }
function idOf(node, what = "parameter 1") {
  const id = (node !== null && typeof node === "object") ? NodeIdSlot.get(node) : -1;
  if (id < 0) throw new TypeError(`${what} is not of type 'Node'.`);
  return id;
}

// The node to insert, for pre-insert and replace. An Attr is a Node but never a
// child: DOM "ensure pre-insertion validity" throws HierarchyRequestError at step 4,
// after step 3 (a `child` that is not the parent's child: NotFoundError).
function insertableId(node, method, parent = -1, child = -1) {
  if (node !== null && typeof node === "object" && attrData.has(node)) {
    if (child >= 0 && op_dom_link(child, 0) !== parent) {
      throw new DOMException(`Failed to execute '${method}' on 'Node': The node before which the new node is to be inserted is not a child of this node.`, "NotFoundError");
    }
    throw new DOMException(`Failed to execute '${method}' on 'Node': Nodes of type 'Attr' may not be inserted.`, "HierarchyRequestError");
  }
  return idOf(node);
}

const wrappers = Object.create(null);
// Wrappers that must outlive script's references: the document's, and any node's
// that has event listeners (they live in a WeakMap keyed by the wrapper). Expando
// properties on other wrappers can be lost once script drops them (known gap).
const pinnedWrappers = Object.create(null);
function pinWrapper(obj) {
  const id = NodeIdSlot.get(obj);
  if (id >= 0) pinnedWrappers[id] = obj;
}

// Dead WeakRefs are swept when the table has grown by as much as it held after the
// last sweep: amortized O(1) per wrapper, cheaper than a FinalizationRegistry entry
// for every node (measured on the dom-mutate workload).
let wrappersSinceSweep = 0;
let wrappersAfterSweep = 1024;
// Also frees the DOM nodes no live wrapper (and nothing else) reaches any more
// (engine/src/dom/garbage.rs).
function sweepWrappers() {
  const collect = op_dom_wants_gc();
  const held = [];
  for (const key in wrappers) {
    if (wrappers[key].deref() === undefined) delete wrappers[key];
    else if (collect) held.push(Number(key));
  }
  wrappersAfterSweep = Math.max(1024, collect ? held.length : wrappersAfterSweep * 2);
  wrappersSinceSweep = 0;
  if (collect) {
    op_dom_collect(held);
    releaseOrphanedObservers();
  }
}

function newWrapper(id, Interface) {
  const obj = new NodeIdSlot(Object.create(Interface.prototype), id);
  wrappers[id] = new WeakRef(obj);
  if (++wrappersSinceSweep > wrappersAfterSweep) sweepWrappers();
  return obj;
}

function wrapNode(id) {
  if (id < 0) return null;
  const cached = wrappers[id]?.deref();
  if (cached !== undefined) return cached;
  return newWrapper(id, interfaceFor(id));
}

const illegal = () => { throw new TypeError("Illegal constructor"); };

// Live NodeList / HTMLCollection: indexed access through a Proxy over a query.
const liveLists = new WeakMap();
function liveList(owner, kind, Interface, query) {
  let lists = liveLists.get(owner);
  if (lists === undefined) liveLists.set(owner, (lists = {}));
  if (lists[kind]) return lists[kind];
  const list = Object.create(Interface.prototype);
  collectionQueries.set(list, query);
  const proxy = new Proxy(list, {
    get(t, p, r) {
      if (typeof p === "string" && String(p >>> 0) === p) return query()[p >>> 0] ?? undefined;
      return Reflect.get(t, p, r === proxy ? t : r);
    },
    has(t, p) {
      if (typeof p === "string" && String(p >>> 0) === p) return (p >>> 0) < query().length;
      return Reflect.has(t, p);
    },
    ownKeys(t) { return [...query().keys()].map(String).concat(Reflect.ownKeys(t)); },
    getOwnPropertyDescriptor(t, p) {
      if (typeof p === "string" && String(p >>> 0) === p) {
        const v = query()[p >>> 0];
        return v === undefined ? undefined : { value: v, writable: false, enumerable: true, configurable: true };
      }
      return Reflect.getOwnPropertyDescriptor(t, p);
    },
  });
  collectionQueries.set(proxy, query);
  lists[kind] = proxy;
  return proxy;
}
const collectionQueries = new WeakMap();
function queryOf(list) {
  const q = collectionQueries.get(list);
  if (q === undefined) throw new TypeError("Illegal invocation");
  return q();
}

class NodeList {
  constructor() { illegal(); }
  get length() { return queryOf(this).length; }
  item(i) { return queryOf(this)[i >>> 0] ?? null; }
  forEach(cb, thisArg) { queryOf(this).forEach((n, i) => ReflectApply(cb, thisArg, [n, i, this])); }
  entries() { return queryOf(this).entries(); }
  keys() { return queryOf(this).keys(); }
  values() { return queryOf(this).values(); }
  [Symbol.iterator]() { return queryOf(this).values(); }
}

class HTMLCollection {
  constructor() { illegal(); }
  get length() { return queryOf(this).length; }
  item(i) { return queryOf(this)[i >>> 0] ?? null; }
  namedItem(name) {
    name = String(name);
    if (name === "") return null;
    return queryOf(this).find((e) => e.id === name || e.getAttribute("name") === name) ?? null;
  }
  [Symbol.iterator]() { return queryOf(this).values(); }
}

function childIds(id) {
  const out = [];
  for (let c = op_dom_link(id, 1); c >= 0; c = op_dom_link(c, 4)) out.push(c);
  return out;
}

// Converts the nodes-or-strings arguments of append/prepend/before/after
// (DOM "convert nodes into a node").
function convertNodes(nodes) {
  // (Node or DOMString): an Attr is a Node, and no node may hold one as a child.
  for (const n of nodes) if (n !== null && typeof n === "object" && attrData.has(n)) insertableId(n, "append");
  if (nodes.length === 1 && isNodeWrapper(nodes[0])) return idOf(nodes[0]);
  const frag = op_dom_create(3, "");
  for (const n of nodes) {
    const id = isNodeWrapper(n) ? idOf(n) : op_dom_create(1, String(n));
    check(op_dom_insert(frag, id, -1), "append");
  }
  return frag;
}

class Node extends EventTarget {
  constructor() { illegal(); super(); }
  get nodeType() { return op_dom_node_type(idOf(this, "this")); }
  get nodeName() {
    const id = idOf(this, "this");
    switch (op_dom_node_type(id)) {
      case 1: return this.tagName;
      case 3: return "#text";
      case 7: return op_dom_name(id, 0);
      case 8: return "#comment";
      case 9: return "#document";
      case 10: return op_dom_name(id, 3);
      case 11: return "#document-fragment";
    }
    return "";
  }
  get nodeValue() {
    const t = this.nodeType;
    return t === 3 || t === 7 || t === 8 ? op_dom_text_content(idOf(this)) : null;
  }
  set nodeValue(v) {
    const t = this.nodeType;
    if (t === 3 || t === 7 || t === 8) op_dom_set_text_content(idOf(this), v === null ? "" : String(v));
  }
  get textContent() { return op_dom_text_content(idOf(this, "this")); }
  set textContent(v) {
    if (op_dom_set_text_content(idOf(this, "this"), v === null ? "" : toDOMString(v))) sweepWrappers();
  }
  get parentNode() { return wrapNode(op_dom_link(idOf(this, "this"), 0)); }
  get parentElement() {
    const p = op_dom_link(idOf(this, "this"), 0);
    return p >= 0 && op_dom_node_type(p) === 1 ? wrapNode(p) : null;
  }
  get firstChild() { return wrapNode(op_dom_link(idOf(this, "this"), 1)); }
  get lastChild() { return wrapNode(op_dom_link(idOf(this, "this"), 2)); }
  get previousSibling() { return wrapNode(op_dom_link(idOf(this, "this"), 3)); }
  get nextSibling() { return wrapNode(op_dom_link(idOf(this, "this"), 4)); }
  get childNodes() {
    idOf(this, "this");
    const owner = this; // the list keeps its node alive (garbage.rs)
    return liveList(this, "childNodes", NodeList, () => childIds(idOf(owner)).map(wrapNode));
  }
  hasChildNodes() { return op_dom_link(idOf(this, "this"), 1) >= 0; }
  get ownerDocument() { return this.nodeType === 9 ? null : wrapNode(0); }
  get isConnected() { return op_dom_contains(0, idOf(this, "this")); }
  getRootNode() {
    let n = idOf(this, "this");
    for (let p = op_dom_link(n, 0); p >= 0; p = op_dom_link(n, 0)) n = p;
    return wrapNode(n);
  }
  contains(other) { return other === null || other === undefined ? false : op_dom_contains(idOf(this, "this"), idOf(other)); }
  isSameNode(other) { return this === other; }
  appendChild(node) {
    check(op_dom_insert(idOf(this, "this"), insertableId(node, "appendChild"), -1), "appendChild");
    return node;
  }
  insertBefore(node, child) {
    const parent = idOf(this, "this");
    if (!(node !== null && typeof node === "object" && attrData.has(node))) idOf(node);
    const c = child === null || child === undefined ? -1 : idOf(child, "parameter 2");
    check(op_dom_insert(parent, insertableId(node, "insertBefore", parent, c), c), "insertBefore");
    return node;
  }
  removeChild(child) {
    check(op_dom_remove_child(idOf(this, "this"), idOf(child)), "removeChild");
    return child;
  }
  replaceChild(node, child) {
    // WebIDL converts both arguments before the method's steps run.
    const parent = idOf(this, "this");
    if (!(node !== null && typeof node === "object" && attrData.has(node))) idOf(node);
    const c = idOf(child, "parameter 2");
    check(op_dom_replace_child(parent, insertableId(node, "replaceChild", parent, c), c), "replaceChild");
    return child;
  }
  cloneNode(deep = false) { return clonedByScript(wrapNode(op_dom_clone(idOf(this, "this"), Boolean(deep))), Boolean(deep)); }
}

const NODE_TYPES = [["ELEMENT_NODE", 1], ["ATTRIBUTE_NODE", 2], ["TEXT_NODE", 3], ["CDATA_SECTION_NODE", 4],
  ["ENTITY_REFERENCE_NODE", 5], ["ENTITY_NODE", 6], ["PROCESSING_INSTRUCTION_NODE", 7], ["COMMENT_NODE", 8],
  ["DOCUMENT_NODE", 9], ["DOCUMENT_TYPE_NODE", 10], ["DOCUMENT_FRAGMENT_NODE", 11], ["NOTATION_NODE", 12]];
for (const [name, value] of NODE_TYPES) {
  const desc = { value, writable: false, enumerable: true, configurable: false };
  ObjectDefineProperty(Node, name, desc);
  ObjectDefineProperty(Node.prototype, name, desc);
}

// ParentNode / ChildNode mixins (DOM § 4.2.6, § 4.2.8).
const parentNodeMixin = {
  get children() {
    idOf(this, "this");
    const owner = this;
    return liveList(this, "children", HTMLCollection, () => childIds(idOf(owner)).filter((c) => op_dom_node_type(c) === 1).map(wrapNode));
  },
  get firstElementChild() { return this.children[0] ?? null; },
  get lastElementChild() { const c = this.children; return c[c.length - 1] ?? null; },
  get childElementCount() { return this.children.length; },
  append(...nodes) { check(op_dom_insert(idOf(this, "this"), convertNodes(nodes), -1), "append"); },
  prepend(...nodes) { check(op_dom_insert(idOf(this, "this"), convertNodes(nodes), op_dom_link(idOf(this), 1)), "prepend"); },
  // DOM § 4.2.6: convert, ensure pre-insertion validity, then "replace all" (one
  // mutation record), all in one op so nothing is removed when validation fails.
  replaceChildren(...nodes) {
    const id = idOf(this, "this");
    check(op_dom_replace_children(id, convertNodes(nodes)), "replaceChildren");
  },
  getElementById(elementId) { return wrapNode(op_dom_element_by_id(idOf(this, "this"), String(elementId))); },
};

// The first sibling of `id` in direction `link` (3 previous, 4 next) that is not one
// of `nodes` (DOM's "viable previous/next sibling"), or -1.
function viableSibling(id, link, nodes) {
  const excluded = new Set();
  for (const n of nodes) if (isNodeWrapper(n)) excluded.add(idOf(n));
  let s = op_dom_link(id, link);
  while (s >= 0 && excluded.has(s)) s = op_dom_link(s, link);
  return s;
}

// ChildNode (DOM § 4.2.8): the viable sibling is found before `nodes` are converted
// into a fragment (which may move this node's siblings, or this node itself).
const childNodeMixin = {
  remove() { op_dom_remove(idOf(this, "this")); },
  before(...nodes) {
    const id = idOf(this, "this");
    const parent = op_dom_link(id, 0);
    if (parent < 0) return;
    const previous = viableSibling(id, 3, nodes);
    const node = convertNodes(nodes);
    const before = previous < 0 ? op_dom_link(parent, 1) : op_dom_link(previous, 4);
    check(op_dom_insert(parent, node, before), "before");
  },
  after(...nodes) {
    const id = idOf(this, "this");
    const parent = op_dom_link(id, 0);
    if (parent < 0) return;
    const next = viableSibling(id, 4, nodes);
    check(op_dom_insert(parent, convertNodes(nodes), next), "after");
  },
  replaceWith(...nodes) {
    const id = idOf(this, "this");
    const parent = op_dom_link(id, 0);
    if (parent < 0) return;
    const next = viableSibling(id, 4, nodes);
    const node = convertNodes(nodes);
    if (op_dom_link(id, 0) === parent) check(op_dom_replace_child(parent, node, id), "replaceWith");
    else check(op_dom_insert(parent, node, next), "replaceWith");
  },
};

function mixin(target, source) {
  for (const key of Reflect.ownKeys(source)) {
    const d = Object.getOwnPropertyDescriptor(source, key);
    d.enumerable = true;
    ObjectDefineProperty(target.prototype, key, d);
  }
}

class CharacterData extends Node {
  constructor() { illegal(); super(); }
  get data() { return op_dom_text_content(idOf(this, "this")); }
  set data(v) { op_dom_set_text_content(idOf(this, "this"), v === null ? "" : String(v)); }
  get length() { return this.data.length; }
  substringData(offset, count) {
    const data = this.data;
    offset >>>= 0;
    if (offset > data.length) throw new DOMException("Failed to execute 'substringData': IndexSizeError", "IndexSizeError");
    return data.substring(offset, offset + (count >>> 0));
  }
  appendData(data) { check(op_dom_replace_data(idOf(this, "this"), this.length, 0, String(data)), "appendData"); }
  insertData(offset, data) { check(op_dom_replace_data(idOf(this, "this"), offset >>> 0, 0, String(data)), "insertData"); }
  deleteData(offset, count) { check(op_dom_replace_data(idOf(this, "this"), offset >>> 0, count >>> 0, ""), "deleteData"); }
  replaceData(offset, count, data) { check(op_dom_replace_data(idOf(this, "this"), offset >>> 0, count >>> 0, String(data)), "replaceData"); }
}

class Text extends CharacterData {
  constructor(data = "") { return wrapNode(op_dom_create(1, String(data))); }
  get wholeText() {
    let start = this;
    while (start.previousSibling?.nodeType === 3) start = start.previousSibling;
    let out = "";
    for (let n = start; n !== null && n.nodeType === 3; n = n.nextSibling) out += n.data;
    return out;
  }
}

class Comment extends CharacterData {
  constructor(data = "") { return wrapNode(op_dom_create(2, String(data))); }
}

class DocumentFragment extends Node {
  constructor() { return wrapNode(op_dom_create(3, "")); }
}

class DocumentType extends Node {
  constructor() { illegal(); super(); }
  get name() { return op_dom_name(idOf(this, "this"), 3); }
  get publicId() { return ""; }
  get systemId() { return ""; }
}

const HTML_NS = "http://www.w3.org/1999/xhtml";
// createElement's name check, made once (a literal is a new RegExp per evaluation).
const VALID_ELEMENT_NAME = /^[A-Za-z][^\t\n\f\r />]*$/;

class Element extends Node {
  constructor() { illegal(); super(); }
  get namespaceURI() { return op_dom_name(idOf(this, "this"), 1) || null; }
  get prefix() { return op_dom_name(idOf(this, "this"), 2) || null; }
  get localName() { return op_dom_name(idOf(this, "this"), 0); }
  get tagName() {
    const id = idOf(this, "this");
    const prefix = op_dom_name(id, 2);
    const q = prefix ? `${prefix}:${op_dom_name(id, 0)}` : op_dom_name(id, 0);
    return op_dom_name(id, 1) === HTML_NS ? q.toUpperCase() : q;
  }
  get id() { return this.getAttribute("id") ?? ""; }
  set id(v) { this.setAttribute("id", v); }
  get className() { return this.getAttribute("class") ?? ""; }
  set className(v) { this.setAttribute("class", v); }
  getAttribute(name) { return op_dom_get_attribute(idOf(this, "this"), String(name)) ?? null; }
  setAttribute(name, value) { check(op_dom_set_attribute(idOf(this, "this"), String(name), String(value)), "setAttribute"); }
  removeAttribute(name) { op_dom_remove_attribute(idOf(this, "this"), String(name)); }
  hasAttribute(name) { return op_dom_get_attribute(idOf(this, "this"), String(name)) != null; }
  hasAttributes() { return op_dom_attribute_names(idOf(this, "this")).length > 0; }
  getAttributeNames() { return op_dom_attribute_names(idOf(this, "this")); }
  toggleAttribute(name, force) {
    // DOM: "If qualifiedName is not a valid attribute local name, throw" first.
    name = toDOMString(name);
    if (!isValidAttributeLocalName(name)) {
      throw new DOMException(`Failed to execute 'toggleAttribute' on 'Element': '${name}' is not a valid attribute name.`, "InvalidCharacterError");
    }
    force = force === undefined ? undefined : Boolean(force); // optional boolean
    const has = this.hasAttribute(name);
    if (has && force !== true) { this.removeAttribute(name); return false; }
    if (!has && force !== false) { this.setAttribute(name, ""); return true; }
    return has;
  }
  get innerHTML() { return op_dom_serialize(idOf(this, "this"), false); }
  set innerHTML(v) {
    if (op_dom_set_inner_html(idOf(this, "this"), v === null ? "" : toDOMString(v))) sweepWrappers();
  }
  get outerHTML() { return op_dom_serialize(idOf(this, "this"), true); }
  set outerHTML(v) {
    const id = idOf(this, "this");
    const parent = op_dom_link(id, 0);
    if (parent < 0) return;
    if (op_dom_node_type(parent) === 9) {
      throw new DOMException("Failed to set 'outerHTML': the element's parent is the document.", "NoModificationAllowedError");
    }
    const holder = op_dom_create(0, op_dom_node_type(parent) === 1 ? op_dom_name(parent, 0) : "body");
    op_dom_set_inner_html(holder, v === null ? "" : String(v));
    const frag = op_dom_create(3, "");
    for (const c of childIds(holder)) check(op_dom_insert(frag, c, -1), "outerHTML");
    check(op_dom_replace_child(parent, frag, id), "outerHTML");
  }
  get previousElementSibling() {
    for (let n = op_dom_link(idOf(this, "this"), 3); n >= 0; n = op_dom_link(n, 3)) if (op_dom_node_type(n) === 1) return wrapNode(n);
    return null;
  }
  get nextElementSibling() {
    for (let n = op_dom_link(idOf(this, "this"), 4); n >= 0; n = op_dom_link(n, 4)) if (op_dom_node_type(n) === 1) return wrapNode(n);
    return null;
  }
}
mixin(Element, parentNodeMixin);
mixin(Element, childNodeMixin);
mixin(DocumentFragment, parentNodeMixin);
mixin(CharacterData, childNodeMixin);
// NonDocumentTypeChildNode (DOM § 4.2.7): Element and CharacterData.
for (const key of ["previousElementSibling", "nextElementSibling"]) {
  ObjectDefineProperty(CharacterData.prototype, key, Object.getOwnPropertyDescriptor(Element.prototype, key));
}
mixin(DocumentType, childNodeMixin);
delete Element.prototype.getElementById; // only Document and DocumentFragment have it

class HTMLElement extends Element {
  constructor() { illegal(); super(); }
  get hidden() { return this.hasAttribute("hidden"); }
  set hidden(v) { this.toggleAttribute("hidden", Boolean(v)); }
  get title() { return this.getAttribute("title") ?? ""; }
  set title(v) { this.setAttribute("title", v); }
  get lang() { return this.getAttribute("lang") ?? ""; }
  set lang(v) { this.setAttribute("lang", v); }
}

// HTML element interfaces by tag name (HTML § 4, each element's "DOM interface").
const HTML_INTERFACES = {
  HTMLHtmlElement: ["html"], HTMLHeadElement: ["head"], HTMLBodyElement: ["body"], HTMLTitleElement: ["title"],
  HTMLMetaElement: ["meta"], HTMLLinkElement: ["link"], HTMLStyleElement: ["style"], HTMLScriptElement: ["script"],
  HTMLDivElement: ["div"], HTMLSpanElement: ["span"], HTMLParagraphElement: ["p"], HTMLAnchorElement: ["a"],
  HTMLHeadingElement: ["h1", "h2", "h3", "h4", "h5", "h6"], HTMLUListElement: ["ul"], HTMLOListElement: ["ol"],
  HTMLLIElement: ["li"], HTMLDListElement: ["dl"], HTMLImageElement: ["img"], HTMLInputElement: ["input"],
  HTMLButtonElement: ["button"], HTMLFormElement: ["form"], HTMLLabelElement: ["label"], HTMLSelectElement: ["select"],
  HTMLOptionElement: ["option"], HTMLTextAreaElement: ["textarea"], HTMLTableElement: ["table"],
  HTMLTableRowElement: ["tr"], HTMLTableCellElement: ["td", "th"], HTMLTableSectionElement: ["thead", "tbody", "tfoot"],
  HTMLPreElement: ["pre", "listing", "xmp"], HTMLBRElement: ["br"], HTMLHRElement: ["hr"], HTMLIFrameElement: ["iframe"],
  HTMLCanvasElement: ["canvas"], HTMLTemplateElement: ["template"], HTMLQuoteElement: ["blockquote", "q"],
  HTMLSlotElement: ["slot"], HTMLVideoElement: ["video"], HTMLAudioElement: ["audio"], HTMLSourceElement: ["source"],
};
// Elements whose interface is HTMLElement itself (HTML § 3.2.2's list, abridged).
const PLAIN_HTML_ELEMENTS = new Set(["abbr", "address", "article", "aside", "b", "bdi", "bdo", "cite", "code", "dd",
  "dfn", "dt", "em", "figcaption", "figure", "footer", "header", "hgroup", "i", "kbd", "main", "mark", "nav",
  "noscript", "rp", "rt", "ruby", "s", "samp", "search", "section", "small", "strong", "sub", "summary", "sup", "u",
  "var", "wbr"]);
const interfaceByTag = Object.create(null);
for (const [name, tags] of Object.entries(HTML_INTERFACES)) {
  const C = { [name]: class extends HTMLElement { constructor() { illegal(); super(); } } }[name];
  exposeInterface(C);
  for (const t of tags) interfaceByTag[t] = C;
}
const HTMLUnknownElement = { HTMLUnknownElement: class extends HTMLElement { constructor() { illegal(); super(); } } }.HTMLUnknownElement;
ObjectDefineProperty(interfaceByTag.template.prototype, "content", {
  get() { return wrapNode(op_dom_template_content(idOf(this, "this"))); }, enumerable: true, configurable: true,
});

function htmlInterfaceFor(local) {
  return interfaceByTag[local] ?? (PLAIN_HTML_ELEMENTS.has(local) || local.includes("-") ? HTMLElement : HTMLUnknownElement);
}

// Tags with their own interface, registered with the ops once: one op call then
// names any node's interface (wrapping is on every first access to a node).
const registeredTags = Object.keys(interfaceByTag);
const interfaceByIndex = registeredTags.map((t) => interfaceByTag[t]);
op_dom_register_tags(registeredTags);

function interfaceFor(id) {
  const kind = op_dom_interface(id);
  if (kind >= 100) return interfaceByIndex[kind - 100];
  switch (kind) {
    case 1: return Element;
    case 2: return htmlInterfaceFor(op_dom_name(id, 0));
    case 3: return Text;
    case 8: return Comment;
    case 9: return HTMLDocument;
    case 10: return DocumentType;
    case 11: return DocumentFragment;
  }
  return Node;
}

class Document extends Node {
  constructor() { illegal(); super(); }
  get documentElement() { return wrapNode(op_dom_document_part(0)); }
  get head() { return wrapNode(op_dom_document_part(1)); }
  get body() { return wrapNode(op_dom_document_part(2)); }
  get title() {
    const head = this.documentElement;
    const t = head === null ? null : [...descendantElements(idOf(head))].find((e) => e.localName === "title");
    return t ? t.textContent.replace(/[\t\n\f\r ]+/g, " ").trim() : "";
  }
  // HTML § 3.1.3 document.title: the title element's text, or a new one in head.
  set title(value) {
    const root = this.documentElement;
    if (root === null) return;
    let title = [...descendantElements(idOf(root))].find((e) => e.localName === "title" && e.namespaceURI === HTML_NS);
    if (title === undefined) {
      const head = this.head;
      if (head === null) return;
      title = this.createElement("title");
      head.appendChild(title);
    }
    title.textContent = toDOMString(value);
  }
  get defaultView() { return globalThis; }
  get readyState() { return documentReadyState; }
  get currentScript() { return currentScript; }
  get doctype() { return childIds(0).map(wrapNode).find((n) => n.nodeType === 10) ?? null; }
  createElement(localName) {
    const name = String(localName);
    if (!VALID_ELEMENT_NAME.test(name)) {
      throw new DOMException(`Failed to execute 'createElement': The tag name provided ('${name}') is not a valid name.`, "InvalidCharacterError");
    }
    const local = name.toLowerCase();
    return createdByScript(newWrapper(op_dom_create(0, local), htmlInterfaceFor(local)));
  }
  createElementNS(namespace, qualifiedName) {
    const ns = namespace === null || namespace === undefined ? "" : toDOMString(namespace);
    const r = op_dom_create_element_ns(ns, toDOMString(qualifiedName));
    if (r < 0) {
      const name = DOM_ERROR_NAMES[-r];
      throw new DOMException(`Failed to execute 'createElementNS': ${name}`, name);
    }
    return createdByScript(wrapNode(r));
  }
  // document.write needs a script-inserted input stream in the parser; Roundabout
  // does not have one, so it says so instead of doing something else.
  write() {
    throw new DOMException("document.write() is not supported by Roundabout; build the DOM with createElement/append or innerHTML instead.", "NotSupportedError");
  }
  writeln() {
    throw new DOMException("document.writeln() is not supported by Roundabout; build the DOM with createElement/append or innerHTML instead.", "NotSupportedError");
  }
  get URL() { return documentURL; }
  get documentURI() { return documentURL; }
  createTextNode(data) { return newWrapper(op_dom_create(1, toDOMString(data)), Text); }
  createComment(data) { return wrapNode(op_dom_create(2, String(data))); }
  createDocumentFragment() { return wrapNode(op_dom_create(3, "")); }
}
mixin(Document, parentNodeMixin);
class HTMLDocument extends Document { constructor() { illegal(); super(); } }

function* descendantElements(id) {
  for (const c of childIds(id)) {
    if (op_dom_node_type(c) === 1) yield wrapNode(c);
    yield* descendantElements(c);
  }
}

let documentReadyState = "loading";
let documentURL = "about:blank";
let currentScript = null;

for (const C of [Node, NodeList, HTMLCollection, CharacterData, Text, Comment, DocumentFragment, DocumentType,
  Element, HTMLElement, HTMLUnknownElement, Document, HTMLDocument]) {
  exposeInterface(C);
}
pinWrapper(wrapNode(0));
ObjectDefineProperty(globalThis, "document", { get: named("document", () => wrapNode(0)), enumerable: true, configurable: true });
