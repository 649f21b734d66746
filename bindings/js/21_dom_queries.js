// Selector queries (DOM § 4.2.6 ParentNode: querySelector/All; Element: matches,
// closest), the getElementsBy* collections, and the remaining Node methods.

const {
  op_dom_query, op_dom_matches, op_dom_closest, op_dom_collection, op_dom_normalize,
  op_dom_split_text, op_dom_compare_position, op_dom_is_equal, op_dom_parse_fragment,
} = ops;

function syntaxError(what, selectors) {
  return new DOMException(`Failed to execute '${what}': '${selectors}' is not a valid selector.`, "SyntaxError");
}

// A static NodeList (querySelectorAll's result).
function staticNodeList(nodes) {
  const list = Object.create(NodeList.prototype);
  const frozen = [...nodes];
  const query = () => frozen;
  collectionQueries.set(list, query);
  const proxy = new Proxy(list, {
    get(t, p, r) {
      if (typeof p === "string" && String(p >>> 0) === p) return frozen[p >>> 0];
      return Reflect.get(t, p, r);
    },
    has(t, p) {
      if (typeof p === "string" && String(p >>> 0) === p) return (p >>> 0) < frozen.length;
      return Reflect.has(t, p);
    },
  });
  collectionQueries.set(proxy, query); // methods and getters see the proxy as `this`
  return proxy;
}

const queryMixin = {
  querySelector(selectors) {
    const s = toDOMString(selectors);
    const found = op_dom_query(idOf(this, "this"), s, true);
    if (found === null || found === undefined) throw syntaxError("querySelector", s);
    return found.length ? wrapNode(found[0]) : null;
  },
  querySelectorAll(selectors) {
    const s = toDOMString(selectors);
    const found = op_dom_query(idOf(this, "this"), s, false);
    if (found === null || found === undefined) throw syntaxError("querySelectorAll", s);
    return staticNodeList(found.map(wrapNode));
  },
};
mixin(Element, queryMixin);
mixin(Document, queryMixin);
mixin(DocumentFragment, queryMixin);

const collectionMixin = {
  getElementsByTagName(qualifiedName) {
    idOf(this, "this");
    const owner = this;
    const name = toDOMString(qualifiedName);
    return liveList(this, `tag:${name}`, HTMLCollection, () => op_dom_collection(idOf(owner), 0, name).map(wrapNode));
  },
  getElementsByClassName(classNames) {
    idOf(this, "this");
    const owner = this;
    const names = toDOMString(classNames);
    return liveList(this, `class:${names}`, HTMLCollection, () => op_dom_collection(idOf(owner), 1, names).map(wrapNode));
  },
};
mixin(Element, collectionMixin);
mixin(Document, collectionMixin);

const elementQueryMethods = {
  matches(selectors) {
    const s = toDOMString(selectors);
    const r = op_dom_matches(idOf(this, "this"), s);
    if (r < 0) throw syntaxError("matches", s);
    return r === 1;
  },
  closest(selectors) {
    const s = toDOMString(selectors);
    const r = op_dom_closest(idOf(this, "this"), s);
    if (r === -2) throw syntaxError("closest", s);
    return wrapNode(r);
  },
  // HTML § 8.5 insertAdjacentHTML; DOM "insert adjacent".
  insertAdjacentHTML(position, text) {
    const id = idOf(this, "this");
    const where = toDOMString(position).toLowerCase();
    const parent = op_dom_link(id, 0);
    const outside = where === "beforebegin" || where === "afterend";
    if (!["beforebegin", "afterbegin", "beforeend", "afterend"].includes(where)) {
      throw new DOMException(`Failed to execute 'insertAdjacentHTML': The value provided ('${position}') is not one of 'beforeBegin', 'afterBegin', 'beforeEnd', or 'afterEnd'.`, "SyntaxError");
    }
    if (outside && (parent < 0 || op_dom_node_type(parent) === 9)) {
      throw new DOMException("Failed to execute 'insertAdjacentHTML': The element has no parent.", "NoModificationAllowedError");
    }
    const fragment = op_dom_parse_fragment(outside ? parent : id, toDOMString(text));
    insertAdjacent(id, where, fragment);
  },
  insertAdjacentElement(position, element) {
    const r = insertAdjacent(idOf(this, "this"), toDOMString(position).toLowerCase(), idOf(element, "parameter 2"));
    return r ? element : null;
  },
  insertAdjacentText(position, data) {
    insertAdjacent(idOf(this, "this"), toDOMString(position).toLowerCase(), op_dom_create(1, toDOMString(data)));
  },
};
mixin(Element, elementQueryMethods);

function insertAdjacent(id, where, node) {
  const parent = op_dom_link(id, 0);
  switch (where) {
    case "beforebegin":
      if (parent < 0) return false;
      check(op_dom_insert(parent, node, id), "insertAdjacent");
      return true;
    case "afterbegin":
      check(op_dom_insert(id, node, op_dom_link(id, 1)), "insertAdjacent");
      return true;
    case "beforeend":
      check(op_dom_insert(id, node, -1), "insertAdjacent");
      return true;
    case "afterend":
      if (parent < 0) return false;
      check(op_dom_insert(parent, node, op_dom_link(id, 4)), "insertAdjacent");
      return true;
  }
  throw new DOMException(`'${where}' is not a valid position.`, "SyntaxError");
}

const moreNodeMethods = {
  normalize() { op_dom_normalize(idOf(this, "this")); },
  compareDocumentPosition(other) { return op_dom_compare_position(idOf(this, "this"), idOf(other)); },
  isEqualNode(other) { return other === null || other === undefined ? false : op_dom_is_equal(idOf(this, "this"), idOf(other)); },
};
mixin(Node, moreNodeMethods);

ObjectDefineProperty(Text.prototype, "splitText", {
  value: function splitText(offset) {
    const n = op_dom_split_text(idOf(this, "this"), offset >>> 0);
    if (n < 0) throw new DOMException("Failed to execute 'splitText': IndexSizeError", "IndexSizeError");
    return wrapNode(n);
  },
  writable: true, enumerable: true, configurable: true,
});
for (const [name, value] of [["DOCUMENT_POSITION_DISCONNECTED", 1], ["DOCUMENT_POSITION_PRECEDING", 2],
  ["DOCUMENT_POSITION_FOLLOWING", 4], ["DOCUMENT_POSITION_CONTAINS", 8], ["DOCUMENT_POSITION_CONTAINED_BY", 16],
  ["DOCUMENT_POSITION_IMPLEMENTATION_SPECIFIC", 32]]) {
  const desc = { value, writable: false, enumerable: true, configurable: false };
  ObjectDefineProperty(Node, name, desc);
  ObjectDefineProperty(Node.prototype, name, desc);
}
