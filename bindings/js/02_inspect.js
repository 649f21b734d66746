// Readable printing of values for the console (close to Node's util.inspect and
// what Chromium's console shows in text form): strings quoted when nested, objects as
// `{ a: 1 }`, arrays with holes, Map/Set/Date/RegExp/Error/typed arrays, cycles.

const INSPECT_DEPTH = 2;
const INSPECT_MAX_ITEMS = 100;
const INSPECT_LINE_WIDTH = 72;

function quoteString(s) {
  const quote = !s.includes("'") ? "'" : !s.includes('"') ? '"' : !s.includes("`") ? "`" : "'";
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0);
    if (ch === quote || ch === "\\") out += "\\" + ch;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\r") out += "\\r";
    else if (c < 0x20 || c === 0x7f) out += "\\x" + c.toString(16).padStart(2, "0").toUpperCase();
    else out += ch;
  }
  return quote + out + quote;
}

function formatKey(key) {
  if (typeof key === "symbol") return `[${String(key)}]`;
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : quoteString(key);
}

function formatPrimitive(v, nested) {
  switch (typeof v) {
    case "string": return nested ? quoteString(v) : v;
    case "number": return Object.is(v, -0) ? "-0" : String(v);
    case "bigint": return `${v}n`;
    case "symbol": return String(v);
    case "undefined": return "undefined";
    case "boolean": return String(v);
  }
  return v === null ? "null" : undefined;
}

function isBrand(proto, method, v) {
  try {
    ReflectApply(method, v, []);
    return true;
  } catch {
    return false;
  }
}

const getSize = (proto) => Object.getOwnPropertyDescriptor(proto, "size").get;
const mapSize = getSize(Map.prototype);
const setSize = getSize(Set.prototype);
const regexpSource = Object.getOwnPropertyDescriptor(RegExp.prototype, "source").get;
const typedArrayProto = Object.getPrototypeOf(Uint8Array.prototype);
const typedArrayTag = Object.getOwnPropertyDescriptor(typedArrayProto, Symbol.toStringTag).get;
const arrayBufferByteLength = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "byteLength").get;

function classify(v) {
  if (typeof v === "function") return "function";
  if (Array.isArray(v)) return "array";
  if (isBrand(Map.prototype, mapSize, v)) return "map";
  if (isBrand(Set.prototype, setSize, v)) return "set";
  if (isBrand(Date.prototype, Date.prototype.getTime, v)) return "date";
  if (v !== RegExp.prototype && isBrand(RegExp.prototype, regexpSource, v)) return "regexp";
  if (v instanceof Error || domExceptionData.has(v)) return "error";
  if (ReflectApply(typedArrayTag, v, []) !== undefined) return "typedarray";
  if (isBrand(ArrayBuffer.prototype, arrayBufferByteLength, v)) return "arraybuffer";
  if (v instanceof Promise) return "promise";
  for (const [Box, name] of [[Number, "Number"], [String, "String"], [Boolean, "Boolean"],
    [BigInt, "BigInt"], [Symbol, "Symbol"]]) {
    if (v !== Box.prototype && isBrand(Box.prototype, Box.prototype.valueOf, v)) return "boxed:" + name;
  }
  return "object";
}

function constructorName(v) {
  let proto = Object.getPrototypeOf(v);
  if (proto === null) return null;
  while (proto !== null) {
    const d = Object.getOwnPropertyDescriptor(proto, "constructor");
    if (d && typeof d.value === "function" && d.value.name !== "") return d.value.name;
    proto = Object.getPrototypeOf(proto);
  }
  return "";
}

function formatError(e) {
  let name, message;
  try {
    name = e.name;
    message = e.message;
  } catch {
    return "[Error]";
  }
  const head = message === "" || message === undefined ? String(name) : `${name}: ${message}`;
  const frames = stackFrames(e);
  return frames.length ? head + "\n" + frames.join("\n") : head;
}

// The "    at ..." lines of an error's stack, whatever the engine's format.
function stackFrames(e) {
  let stack;
  try {
    stack = e.stack;
  } catch {
    return [];
  }
  if (typeof stack !== "string") return [];
  // Frames inside our own bootstrap are implementation details: leave them out.
  return stack.split("\n")
    .filter((l) => /^\s+at /.test(l) && !l.includes("roundabout:"))
    // QuickJS's backend tells apart modules compiled under one name (a page's inline
    // module scripts) with a "#v8x:N" suffix: not part of the file's name.
    .map((l) => "    " + l.trim().replace(/#v8x:\d+(?=:\d+:\d+)/g, ""));
}

function ownEntries(v, skipIndices) {
  const out = [];
  for (const key of Reflect.ownKeys(v)) {
    const d = Object.getOwnPropertyDescriptor(v, key);
    if (!d || !d.enumerable) continue;
    if (skipIndices && typeof key === "string" && String(key >>> 0) === key) continue;
    if (d.get || d.set) {
      out.push([formatKey(key), d.get && d.set ? "[Getter/Setter]" : d.get ? "[Getter]" : "[Setter]"]);
    } else {
      out.push([formatKey(key), d.value]);
    }
  }
  return out;
}

function wrap(prefix, items, open, close) {
  if (items.length === 0) return prefix + open + close;
  const single = `${prefix}${open} ${items.join(", ")} ${close}`;
  if (single.length <= INSPECT_LINE_WIDTH && !items.some((i) => i.includes("\n"))) return single;
  const indented = items.map((i) => "  " + i.split("\n").join("\n  "));
  return `${prefix}${open}\n${indented.join(",\n")}\n${close}`;
}

function inspect(v, depth = 0, seen = []) {
  const prim = formatPrimitive(v, depth > 0);
  if (prim !== undefined) return prim;
  const kind = classify(v);
  if (kind === "function") {
    const src = Function.prototype.toString.call(v);
    if (/^class\b/.test(src)) return `[class ${v.name || "(anonymous)"}]`;
    return v.name ? `[Function: ${v.name}]` : "[Function (anonymous)]";
  }
  if (seen.includes(v)) return "[Circular]";
  switch (kind) {
    case "date":
      return Number.isNaN(v.getTime()) ? "Invalid Date" : v.toISOString();
    case "regexp":
      return RegExp.prototype.toString.call(v);
    case "error":
      return depth > 0 ? `[${formatError(v).split("\n")[0]}]` : formatError(v);
    case "promise":
      return "Promise {}";
  }
  if (kind.startsWith("boxed:")) {
    const name = kind.slice(6);
    return `[${name}: ${inspect(v.valueOf(), 1)}]`;
  }
  const ctor = constructorName(v);
  if (depth > INSPECT_DEPTH) {
    return kind === "array" ? "[Array]" : `[${ctor || "Object"}]`;
  }
  const next = [...seen, v];
  const sub = (x) => inspect(x, depth + 1, next);
  const props = (skipIndices) =>
    ownEntries(v, skipIndices).map(([k, val]) => `${k}: ${typeof val === "string" && val.startsWith("[Get") ? val : sub(val)}`);
  switch (kind) {
    case "array": {
      const items = [];
      let holes = 0;
      const flushHoles = () => {
        if (holes) items.push(`<${holes} empty item${holes > 1 ? "s" : ""}>`);
        holes = 0;
      };
      const n = Math.min(v.length, INSPECT_MAX_ITEMS);
      for (let i = 0; i < n; i++) {
        if (!Object.prototype.hasOwnProperty.call(v, i)) {
          holes++;
          continue;
        }
        flushHoles();
        items.push(sub(v[i]));
      }
      flushHoles();
      if (v.length > n) items.push(`... ${v.length - n} more item${v.length - n > 1 ? "s" : ""}`);
      const prefix = ctor === "Array" ? "" : `${ctor}(${v.length}) `;
      return wrap(prefix, items.concat(props(true)), "[", "]");
    }
    case "map": {
      const items = [...Map.prototype.entries.call(v)].map(([k, val]) => `${sub(k)} => ${sub(val)}`);
      return wrap(`${ctor}(${mapSize.call(v)}) `, items.concat(props(false)), "{", "}");
    }
    case "set": {
      const items = [...Set.prototype.values.call(v)].map(sub);
      return wrap(`${ctor}(${setSize.call(v)}) `, items.concat(props(false)), "{", "}");
    }
    case "typedarray": {
      const items = Array.from(v.subarray(0, INSPECT_MAX_ITEMS), (x) => formatPrimitive(x, true));
      if (v.length > INSPECT_MAX_ITEMS) items.push(`... ${v.length - INSPECT_MAX_ITEMS} more items`);
      return wrap(`${ReflectApply(typedArrayTag, v, [])}(${v.length}) `, items, "[", "]");
    }
    case "arraybuffer": {
      const bytes = new Uint8Array(v, 0, Math.min(v.byteLength, 50));
      const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join(" ");
      const more = v.byteLength > 50 ? ` ... ${v.byteLength - 50} more bytes` : "";
      return `ArrayBuffer { [Uint8Contents]: <${hex}${more}>, byteLength: ${v.byteLength} }`;
    }
  }
  const prefix = ctor === null ? "[Object: null prototype] " : ctor === "Object" ? "" : `${ctor || "Object"} `;
  return wrap(prefix, props(false), "{", "}");
}
