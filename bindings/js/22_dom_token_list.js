// DOMTokenList (DOM § 7.1) for Element.classList, and Element.dataset (HTML § 3.2.6.6,
// DOMStringMap over the data-* attributes).

const tokenListOwner = new WeakMap();

function tokensOf(list) {
  const owner = tokenListOwner.get(list);
  if (owner === undefined) throw new TypeError("Illegal invocation");
  const value = owner.element.getAttribute(owner.attribute) ?? "";
  const seen = [];
  for (const t of value.split(/[\t\n\f\r ]+/)) if (t !== "" && !seen.includes(t)) seen.push(t);
  return seen;
}

function validateToken(token, what) {
  const t = toDOMString(token);
  if (t === "") throw new DOMException(`Failed to execute '${what}' on 'DOMTokenList': The token provided must not be empty.`, "SyntaxError");
  if (/[\t\n\f\r ]/.test(t)) {
    throw new DOMException(`Failed to execute '${what}' on 'DOMTokenList': The token provided ('${t}') contains HTML space characters, which are not valid in tokens.`, "InvalidCharacterError");
  }
  return t;
}

// The DOMTokenList "update steps".
function updateTokens(list, tokens) {
  const owner = tokenListOwner.get(list);
  if (owner.element.getAttribute(owner.attribute) === null && tokens.length === 0) return;
  owner.element.setAttribute(owner.attribute, tokens.join(" "));
}

class DOMTokenList {
  constructor() { illegal(); }
  get length() { return tokensOf(this).length; }
  item(index) { return tokensOf(this)[index >>> 0] ?? null; }
  contains(token) { return tokensOf(this).includes(toDOMString(token)); }
  add(...tokens) {
    const checked = tokens.map((t) => validateToken(t, "add"));
    const set = tokensOf(this);
    for (const t of checked) if (!set.includes(t)) set.push(t);
    updateTokens(this, set);
  }
  remove(...tokens) {
    const checked = tokens.map((t) => validateToken(t, "remove"));
    updateTokens(this, tokensOf(this).filter((t) => !checked.includes(t)));
  }
  toggle(token, force) {
    const t = validateToken(token, "toggle");
    const set = tokensOf(this);
    if (set.includes(t)) {
      if (force === undefined || force === false) {
        updateTokens(this, set.filter((x) => x !== t));
        return false;
      }
      return true;
    }
    if (force === undefined || force === true) {
      set.push(t);
      updateTokens(this, set);
      return true;
    }
    return false;
  }
  // DOM § 7.1 replace(): both tokens are checked for emptiness before either is
  // checked for whitespace; Infra "set replace" puts newToken where the first of
  // token/newToken was and drops the other.
  replace(token, newToken) {
    const t = toDOMString(token);
    const n = toDOMString(newToken);
    if (t === "" || n === "") validateToken("", "replace");
    validateToken(t, "replace");
    validateToken(n, "replace");
    const set = tokensOf(this);
    if (!set.includes(t)) return false;
    const first = set.findIndex((x) => x === t || x === n);
    const out = set.filter((x, k) => k === first || (x !== t && x !== n));
    out[out.indexOf(set[first])] = n;
    updateTokens(this, out.filter((x, k) => out.indexOf(x) === k));
    return true;
  }
  supports() {
    throw new TypeError("Failed to execute 'supports' on 'DOMTokenList': DOMTokenList has no supported tokens.");
  }
  get value() {
    const owner = tokenListOwner.get(this);
    return owner.element.getAttribute(owner.attribute) ?? "";
  }
  set value(v) {
    const owner = tokenListOwner.get(this);
    owner.element.setAttribute(owner.attribute, v);
  }
  toString() { return this.value; }
  [Symbol.iterator]() { return tokensOf(this).values(); }
  forEach(cb, thisArg) { tokensOf(this).forEach((t, i) => ReflectApply(cb, thisArg, [t, i, this])); }
}

const classLists = new WeakMap();
ObjectDefineProperty(Element.prototype, "classList", {
  get() {
    let list = classLists.get(this);
    if (list === undefined) {
      const raw = Object.create(DOMTokenList.prototype);
      tokenListOwner.set(raw, { element: this, attribute: "class" });
      list = new Proxy(raw, {
        get(t, p, r) {
          if (typeof p === "string" && String(p >>> 0) === p) return tokensOf(t)[p >>> 0];
          return Reflect.get(t, p, r === list ? t : r);
        },
      });
      tokenListOwner.set(list, { element: this, attribute: "class" });
      classLists.set(this, list);
      pinWrapper(this);
    }
    return list;
  },
  set(v) { this.classList.value = v; },
  enumerable: true, configurable: true,
});

// dataset: data-foo-bar <-> fooBar.
function dataAttributeName(prop) {
  if (/-[a-z]/.test(prop)) {
    throw new DOMException(`Failed to set a named property on 'DOMStringMap': '${prop}' is not a valid property name.`, "SyntaxError");
  }
  return "data-" + prop.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase());
}
function datasetKey(attr) {
  return attr.slice(5).replace(/-([a-z])/g, (_, c) => c.toUpperCase());
}
class DOMStringMap { constructor() { illegal(); } }
const datasets = new WeakMap();
ObjectDefineProperty(HTMLElement.prototype, "dataset", {
  get() {
    let map = datasets.get(this);
    if (map !== undefined) return map;
    const el = this;
    const names = () => el.getAttributeNames().filter((n) => n.startsWith("data-") && !/[A-Z]/.test(n));
    map = new Proxy(Object.create(DOMStringMap.prototype), {
      get(t, p, r) {
        if (typeof p !== "string") return Reflect.get(t, p, r);
        const a = names().find((n) => datasetKey(n) === p);
        return a === undefined ? Reflect.get(t, p, r) : el.getAttribute(a);
      },
      set(t, p, v) {
        if (typeof p !== "string") return Reflect.set(t, p, v);
        el.setAttribute(dataAttributeName(p), toDOMString(v));
        return true;
      },
      has(t, p) { return typeof p === "string" && names().some((n) => datasetKey(n) === p); },
      // HTML's DOMStringMap deleter has no validity step (unlike the setter).
      deleteProperty(t, p) {
        if (typeof p === "string") el.removeAttribute("data-" + p.replace(/[A-Z]/g, (c) => "-" + c.toLowerCase()));
        return true;
      },
      ownKeys() { return names().map(datasetKey); },
      getOwnPropertyDescriptor(t, p) {
        const a = typeof p === "string" ? names().find((n) => datasetKey(n) === p) : undefined;
        return a === undefined ? undefined : { value: el.getAttribute(a), writable: true, enumerable: true, configurable: true };
      },
    });
    datasets.set(this, map);
    pinWrapper(this);
    return map;
  },
  enumerable: true, configurable: true,
});

exposeInterface(DOMTokenList);
exposeInterface(DOMStringMap);
