// structuredClone (HTML § 2.7 "Safe passing of structured data"):
// StructuredSerializeWithTransfer into a plain record tree, then
// StructuredDeserializeWithTransfer from it. The record form is engine-independent,
// so postMessage can carry the same records between agents later.

const dataCloneError = (what) =>
  new DOMException(`${what} could not be cloned.`, "DataCloneError");

// The realm's own error constructors, captured before page code can replace them.
const ERROR_CONSTRUCTORS = { Error, EvalError, RangeError, ReferenceError, SyntaxError, TypeError, URIError };
const ERROR_NAMES = Object.keys(ERROR_CONSTRUCTORS);
const NativeDataView = DataView;
const NativeMap = Map;
const NativeSet = Set;
const NativeRegExp = RegExp;
const weakRefDeref = WeakRef.prototype.deref;
const finalizationRegistryUnregister = FinalizationRegistry.prototype.unregister;

// CreateDataProperty: defines, never assigns (no setters, no __proto__ special case).
function createDataProperty(o, key, value) {
  ObjectDefineProperty(o, key, { value, writable: true, enumerable: true, configurable: true });
}
const TYPED_ARRAYS = {
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array, Int32Array,
  Uint32Array, Float32Array, Float64Array, BigInt64Array, BigUint64Array,
};
const arrayBufferDetached = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "detached")?.get;
const arrayBufferTransfer = ArrayBuffer.prototype.transfer;

function isDetached(buffer) {
  if (arrayBufferDetached) return ReflectApply(arrayBufferDetached, buffer, []);
  try {
    new Uint8Array(buffer);
    return false;
  } catch {
    return true;
  }
}

function brandOf(v) {
  const kind = classify(v);
  if (kind !== "object") return kind;
  if (isBrand(WeakMap.prototype, WeakMap.prototype.has, v) || isBrand(WeakSet.prototype, WeakSet.prototype.has, v) ||
    isBrand(WeakRef.prototype, weakRefDeref, v) || isBrand(FinalizationRegistry.prototype, finalizationRegistryUnregister, v)) {
    return "uncloneable";
  }
  if (typeof DataView === "function" && isBrand(DataView.prototype, Object.getOwnPropertyDescriptor(DataView.prototype, "byteLength").get, v)) return "dataview";
  return "object";
}

// StructuredSerializeInternal (steps 1-26), with `memory` for cycles and shared refs.
function serialize(value, memory, transferred) {
  const prim = typeof value;
  if (prim === "symbol") throw dataCloneError(String(value));
  if (value === null || (prim !== "object" && prim !== "function")) return { t: "prim", v: value };
  if (memory.has(value)) return { t: "ref", id: memory.get(value) };
  const id = memory.size;
  memory.set(value, id);
  // Platform objects that are not serializable (DOM nodes, attributes) and exotic
  // objects with internal slots (a Proxy) throw (StructuredSerializeInternal
  // steps 20-25).
  if (isNodeWrapper(value) || value instanceof Attr) throw dataCloneError(`#<${constructorName(value) || "Node"}>`);
  if (op_rb_is_proxy(value)) throw dataCloneError("#<Object> (a Proxy)");
  // A MessagePort is transferable, not serializable (HTML § 9.4.4).
  if (isMessagePort(value)) {
    if (!transferred.has(value)) throw dataCloneError("A MessagePort not in the transfer list");
    return { t: "port", id, index: transferred.get(value) };
  }
  const kind = brandOf(value);
  switch (kind) {
    case "function":
      throw dataCloneError(inspect(value));
    case "promise":
    case "uncloneable":
      throw dataCloneError(`#<${constructorName(value) || "Object"}>`);
    case "boxed:Boolean": case "boxed:Number": case "boxed:BigInt": case "boxed:String":
      return { t: "boxed", id, v: value.valueOf() };
    case "boxed:Symbol":
      throw dataCloneError("Symbol object");
    case "date":
      return { t: "date", id, v: Date.prototype.getTime.call(value) };
    case "regexp":
      return { t: "regexp", id, source: ReflectApply(regexpSource, value, []), flags: RegExp.prototype.toString.call(value).replace(/^.*\//, "") };
    case "arraybuffer": {
      if (isDetached(value)) throw dataCloneError("An ArrayBuffer is detached and");
      if (transferred.has(value)) return { t: "transfer", id, index: transferred.get(value) };
      return { t: "arraybuffer", id, bytes: new Uint8Array(value).slice() };
    }
    case "typedarray":
    case "dataview": {
      const buffer = serialize(value.buffer, memory, transferred);
      const type = kind === "dataview" ? "DataView" : ReflectApply(typedArrayTag, value, []);
      const length = kind === "dataview" ? value.byteLength : value.length;
      return { t: "view", id, type, buffer, byteOffset: value.byteOffset, length };
    }
    case "map": {
      const rec = { t: "map", id, entries: [] };
      for (const [k, v] of [...Map.prototype.entries.call(value)]) {
        rec.entries.push([serialize(k, memory, transferred), serialize(v, memory, transferred)]);
      }
      return rec;
    }
    case "set": {
      const rec = { t: "set", id, values: [] };
      for (const v of [...Set.prototype.values.call(value)]) rec.values.push(serialize(v, memory, transferred));
      return rec;
    }
    case "error": {
      // "Let name be ? Get(value, "name")": through the prototype chain.
      const nameValue = value.name;
      const name = ERROR_NAMES.includes(nameValue) ? nameValue : "Error";
      const rec = { t: "error", id, name };
      // Only an own data property "message" is serialized (no getters run).
      const messageDesc = Object.getOwnPropertyDescriptor(value, "message");
      if (messageDesc !== undefined && "value" in messageDesc) rec.message = toDOMString(messageDesc.value);
      const stack = value.stack;
      if (typeof stack === "string") rec.stack = stack;
      if (domExceptionData.has(value)) {
        rec.t = "domexception";
        rec.name = value.name;
        rec.message = value.message;
      }
      return rec;
    }
    case "array": {
      const rec = { t: "array", id, length: value.length, props: [] };
      serializeProperties(value, rec, memory, transferred);
      return rec;
    }
  }
  const rec = { t: "object", id, props: [] };
  serializeProperties(value, rec, memory, transferred);
  return rec;
}

// StructuredSerializeInternal, ordinary objects and arrays: each own enumerable
// string key taken up front, skipped if an earlier getter deleted it
// ("If ! HasOwnProperty(value, key) is true").
function serializeProperties(value, rec, memory, transferred) {
  for (const key of Object.keys(value)) {
    if (!ObjectHasOwn(value, key)) continue;
    rec.props.push([key, serialize(value[key], memory, transferred)]);
  }
}
const ObjectHasOwn = Object.hasOwn;

// StructuredDeserialize.
function deserialize(rec, memory, transferredBuffers, ports = []) {
  const remember = (v) => {
    memory[rec.id] = v;
    return v;
  };
  switch (rec.t) {
    case "prim": return rec.v;
    case "ref": return memory[rec.id];
    case "boxed": return remember(Object(rec.v));
    case "date": return remember(new NativeDate(rec.v));
    case "regexp": return remember(new NativeRegExp(rec.source, rec.flags));
    case "arraybuffer": return remember(rec.bytes.slice().buffer);
    case "transfer": return remember(transferredBuffers[rec.index]);
    case "port": return remember(ports[rec.index]);
    case "view": {
      const buffer = deserialize(rec.buffer, memory, transferredBuffers, ports);
      const C = rec.type === "DataView" ? NativeDataView : TYPED_ARRAYS[rec.type];
      return remember(new C(buffer, rec.byteOffset, rec.length));
    }
    case "map": {
      const m = remember(new NativeMap());
      const set = NativeMap.prototype.set;
      for (const [k, v] of rec.entries) ReflectApply(set, m, [deserialize(k, memory, transferredBuffers, ports), deserialize(v, memory, transferredBuffers, ports)]);
      return m;
    }
    case "set": {
      const s = remember(new NativeSet());
      const add = NativeSet.prototype.add;
      for (const v of rec.values) ReflectApply(add, s, [deserialize(v, memory, transferredBuffers, ports)]);
      return s;
    }
    case "error":
    case "domexception": {
      const e = rec.t === "domexception"
        ? new DOMException(rec.message, rec.name)
        : new ERROR_CONSTRUCTORS[rec.name]();
      if (rec.t === "error" && "message" in rec) {
        ObjectDefineProperty(e, "message", { value: rec.message, writable: true, configurable: true, enumerable: false });
      }
      if (rec.stack !== undefined) {
        ObjectDefineProperty(e, "stack", { value: rec.stack, writable: true, configurable: true, enumerable: false });
      }
      return remember(e);
    }
    case "array": {
      const a = remember(new Array(rec.length));
      for (const [k, v] of rec.props) createDataProperty(a, k, deserialize(v, memory, transferredBuffers, ports));
      return a;
    }
    case "object": {
      const o = remember({});
      for (const [k, v] of rec.props) createDataProperty(o, k, deserialize(v, memory, transferredBuffers, ports));
      return o;
    }
  }
  throw new TypeError(`unknown clone record ${rec.t}`);
}

// StructuredSerializeWithTransfer: only ArrayBuffers are transferable until
// MessagePort exists.
// Set by js/41_message_channel.js (MessagePort's brand check, and whether a port
// was transferred already).
let isMessagePort = (_value) => false;
let portIsDetached = (_port) => false;

// StructuredSerializeWithTransfer: ArrayBuffers (detached here) and MessagePorts
// (moved: the receiving side gets new ports entangled with the same peers).
function structuredSerializeWithTransfer(value, transferList) {
  // The common case of messages: a primitive, nothing transferred.
  if (transferList.length === 0 && (value === null || (typeof value !== "object" && typeof value !== "function"))) {
    if (typeof value === "symbol") throw dataCloneError(String(value));
    return { record: { t: "prim", v: value }, buffers: [], ports: [] };
  }
  const transferred = new Map();
  const ports = [];
  for (const t of transferList) {
    // WebIDL sequence<object>.
    if (t === null || (typeof t !== "object" && typeof t !== "function")) {
      throw new TypeError("Failed to execute 'postMessage': the transfer list must contain only objects.");
    }
    if (transferred.has(t)) throw dataCloneError("A value is transferred twice and");
    if (isMessagePort(t)) {
      if (portIsDetached(t)) throw dataCloneError("A MessagePort that was already transferred");
      transferred.set(t, ports.length);
      ports.push(t);
      continue;
    }
    if (!isBrand(ArrayBuffer.prototype, arrayBufferByteLength, t)) {
      throw dataCloneError(`Value at index ${transferred.size} of the transfer list`);
    }
    if (isDetached(t)) throw dataCloneError("An ArrayBuffer is detached and");
    transferred.set(t, transferred.size - ports.length);
  }
  const record = serialize(value, new Map(), transferred);
  const bufferList = [...transferred.keys()].filter((t) => !isMessagePort(t));
  if (bufferList.length > 0 && typeof arrayBufferTransfer !== "function") {
    throw dataCloneError("ArrayBuffer transfer is not supported by this engine; the value");
  }
  const buffers = bufferList.map((b) => ReflectApply(arrayBufferTransfer, b, []));
  return { record, buffers, ports };
}

defineMethods(globalThis, {
  structuredClone: named("structuredClone", function structuredClone(value, options = undefined) {
    if (arguments.length < 1) throw new TypeError("structuredClone requires 1 argument");
    const transfer = options?.transfer === undefined ? [] : [...options.transfer];
    const { record, buffers, ports } = structuredSerializeWithTransfer(value, transfer);
    return deserialize(record, [], buffers, ports.map(movePort));
  }),
});
