// Dedicated workers (HTML § 10.2) and MessageEvent (§ 9.3). A page's `Worker`
// objects and a worker's global talk through ops (bindings/src/worker_ops.rs); each
// worker runs on its own thread and loop (bindings/src/workers.rs). Messages cross
// threads as strings: the structured-clone record (10_structured_clone.js) with the
// values JSON cannot carry tagged.

const {
  op_worker_create, op_worker_post, op_worker_terminate, op_worker_was_terminated, op_worker_post_to_page,
  op_worker_close, op_worker_report_error, op_worker_info, op_worker_import_script,
} = ops;

// Events the engine makes carry their data as is (a message of `undefined` stays
// undefined; the init dictionary would turn it into the default, null).
const messageEventToken = Symbol("MessageEvent");
let engineMessageData;

class MessageEvent extends Event {
  #data; #origin; #lastEventId; #source; #ports;
  constructor(type, init = {}) {
    if (arguments.length < 1) throw new TypeError("Failed to construct 'MessageEvent': 1 argument required, but only 0 present.");
    // WebIDL: the dictionary (undefined/null: empty; other primitives: TypeError);
    // MessageEventInit's members read and converted in order after EventInit's:
    // data, lastEventId, origin, ports, source.
    if (init !== undefined && init !== null && typeof init !== "object" && typeof init !== "function") {
      throw new TypeError("Failed to construct 'MessageEvent': The provided value is not of type 'MessageEventInit'.");
    }
    super(type, init);
    const data = init?.data;
    const lastEventIdValue = init?.lastEventId;
    const lastEventId = lastEventIdValue === undefined ? "" : toDOMString(lastEventIdValue);
    const originValue = init?.origin;
    const origin = originValue === undefined ? "" : toDOMString(originValue);
    const portsValue = init?.ports;
    const ports = messagePortSequence(portsValue === undefined ? [] : portsValue, "construct 'MessageEvent'");
    const source = init?.source ?? null;
    // MessageEventSource: a WindowProxy or a MessagePort (no ServiceWorker here).
    if (source !== null && !isMessageEventSource(source)) {
      throw new TypeError("Failed to construct 'MessageEvent': The provided value is not of type '(MessagePort or ServiceWorker or WindowProxy)'.");
    }
    if (init?.[messageEventToken] === true) {
      this.#data = engineMessageData;
      engineMessageData = undefined;
    } else {
      this.#data = data === undefined ? null : data;
    }
    this.#origin = origin;
    this.#lastEventId = lastEventId;
    this.#source = source;
    this.#ports = ObjectFreeze(ports);
  }
  get data() { return this.#data; }
  get origin() { return this.#origin; }
  get lastEventId() { return this.#lastEventId; }
  get source() { return this.#source; }
  get ports() { return this.#ports; }
  // HTML § 9.2.1 initMessageEvent() (legacy).
  initMessageEvent(type, bubbles = false, cancelable = false, data = null, origin = "", lastEventId = "", source = null, ports = []) {
    if (arguments.length < 1) throw new TypeError("Failed to execute 'initMessageEvent' on 'MessageEvent': 1 argument required, but only 0 present.");
    // WebIDL: every argument is converted, in order, before the steps run.
    type = toDOMString(type);
    bubbles = Boolean(bubbles);
    cancelable = Boolean(cancelable);
    origin = toDOMString(origin);
    lastEventId = toDOMString(lastEventId);
    if (source !== null && !isMessageEventSource(source)) {
      throw new TypeError("Failed to execute 'initMessageEvent' on 'MessageEvent': parameter 7 is not of type '(MessagePort or ServiceWorker or WindowProxy)'.");
    }
    const list = messagePortSequence(ports, "execute 'initMessageEvent' on 'MessageEvent'");
    if (!initializeEvent(eventSlot(this), type, bubbles, cancelable)) return;
    this.#data = data;
    this.#origin = origin;
    this.#lastEventId = lastEventId;
    this.#source = source;
    this.#ports = ObjectFreeze(list);
  }
}
const ObjectFreeze = Object.freeze;
// (MessagePort or ServiceWorker or WindowProxy): a worker's global is none of them.
function isMessageEventSource(v) {
  return (v === globalThis && !isWorker) || isMessagePort(v);
}

// WebIDL sequence<MessagePort>: an iterable object of MessagePorts.
function messagePortSequence(value, what) {
  if (value === null || (typeof value !== "object" && typeof value !== "function") || typeof value[Symbol.iterator] !== "function") {
    throw new TypeError(`Failed to ${what}: The provided value cannot be converted to a sequence.`);
  }
  const ports = [...value];
  if (!ports.every((p) => isMessagePort(p))) {
    throw new TypeError(`Failed to ${what}: Failed to read the 'ports' property: a member is not a MessagePort.`);
  }
  return ports;
}
exposeInterface(MessageEvent);

// A `message` event the engine fires: `data` exactly as deserialized.
function newMessageEvent(data, init = {}) {
  engineMessageData = data;
  return new MessageEvent("message", { ...init, [messageEventToken]: true });
}

// ---- the wire format

function bytesToBase64(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function base64ToBytes(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function wireReplacer(key, value) {
  switch (typeof value) {
    case "undefined": return { $u: 1 };
    case "bigint": return { $bi: value.toString() };
    case "number":
      if (Number.isNaN(value)) return { $n: "NaN" };
      if (value === Infinity) return { $n: "Infinity" };
      if (value === -Infinity) return { $n: "-Infinity" };
      if (Object.is(value, -0)) return { $n: "-0" };
      return value;
    case "object":
      if (value instanceof Uint8Array) return { $b: bytesToBase64(value) };
      return value;
  }
  return value;
}

function wireReviver(key, value) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  if ("$u" in value) return undefined;
  if ("$bi" in value) return BigInt(value.$bi);
  if ("$n" in value) return value.$n === "-0" ? -0 : Number(value.$n);
  if ("$b" in value) return base64ToBytes(value.$b);
  return value;
}

// StructuredSerializeWithTransfer, then the wire form. Transferred ArrayBuffers are
// detached here and their bytes travel with the message.
function encodeMessage(message, transfer) {
  const { record, buffers, ports } = structuredSerializeWithTransfer(message, transfer);
  // Transferred MessagePorts leave this agent (js/41_message_channel.js).
  const p = ports.map(exportPort);
  const json = JSON.stringify({ r: record, b: buffers.map((b) => new Uint8Array(b)), p }, wireReplacer);
  // An undefined inside an array/object round-trips through { $u: 1 }; a top-level
  // undefined message is a { t: "prim" } record whose v is replaced the same way.
  return json;
}

// Returns { ok: true, value } or { ok: false } ("messageerror").
function decodeMessage(text) {
  try {
    const wire = JSON.parse(text, wireReviver);
    const buffers = wire.b.map((bytes) => bytes.buffer);
    const ports = (wire.p ?? []).map(claimPort);
    return { ok: true, value: deserialize(wire.r, [], buffers, ports), ports };
  } catch {
    return { ok: false };
  }
}

// postMessage(message, transfer) / postMessage(message, { transfer }).
function transferListOf(options) {
  if (options === undefined || options === null) return [];
  if (typeof options[Symbol.iterator] === "function") return [...options];
  if (typeof options === "object" && options.transfer !== undefined) return [...options.transfer];
  return [];
}

// ---- the page side: Worker

const workerIds = new WeakMap(); // Worker -> id
const workersById = new Map(); // id -> Worker, while it may still fire events

class Worker extends EventTarget {
  constructor(scriptURL, options = {}) {
    super();
    if (arguments.length < 1) throw new TypeError("Failed to construct 'Worker': 1 argument required, but only 0 present.");
    const url = toDOMString(scriptURL);
    // WebIDL: WorkerOptions is a dictionary (undefined/null: empty; other
    // non-objects: TypeError), its members read in order: credentials, name, type.
    if (options !== undefined && options !== null && typeof options !== "object" && typeof options !== "function") {
      throw new TypeError("Failed to construct 'Worker': The provided value is not of type 'WorkerOptions'.");
    }
    // One Get per member, each converted at once.
    const credentialsValue = options?.credentials;
    const credentials = credentialsValue === undefined ? "same-origin" : toDOMString(credentialsValue);
    if (credentials !== "omit" && credentials !== "same-origin" && credentials !== "include") {
      throw new TypeError(`Failed to construct 'Worker': The provided value '${credentials}' is not a valid enum value of type RequestCredentials.`);
    }
    const nameValue = options?.name;
    const name = nameValue === undefined ? "" : toDOMString(nameValue);
    const typeValue = options?.type;
    const type = typeValue === undefined ? "classic" : toDOMString(typeValue);
    if (type !== "classic" && type !== "module") {
      throw new TypeError(`Failed to construct 'Worker': The provided value '${type}' is not a valid enum value of type WorkerType.`);
    }
    if (!parsesAsURL(url)) throw new DOMException(`Failed to construct 'Worker': The URL '${url}' is invalid.`, "SyntaxError");
    const id = op_worker_create(url, type === "module", name);
    if (id === -2) throw new DOMException(`Failed to construct 'Worker': The URL '${url}' is invalid.`, "SyntaxError");
    if (id < 0) throw new DOMException("Failed to construct 'Worker': the worker could not be started.", "NotSupportedError");
    workerIds.set(this, id);
    workersById.set(id, this);
  }
  postMessage(message, options = undefined) {
    const id = workerIds.get(this);
    if (id === undefined) throw new TypeError("Illegal invocation");
    if (arguments.length < 1) throw new TypeError("Failed to execute 'postMessage' on 'Worker': 1 argument required, but only 0 present.");
    const data = encodeMessage(message, transferListOf(options));
    op_worker_post(id, data);
  }
  terminate() {
    const id = workerIds.get(this);
    if (id === undefined) throw new TypeError("Illegal invocation");
    op_worker_terminate(id);
  }
}
defineEventHandlers(Worker.prototype, ["onmessage", "onmessageerror", "onerror"]);
exposeInterface(Worker);

// The host delivers a posted message: to the worker global (target -1) or to the
// page's Worker object `target`. Returns whether a stepped dispatch began.
function beginMessage(target, text) {
  const at = target < 0 ? globalThis : workersById.get(target);
  if (at === undefined) return false;
  if (target >= 0 && op_worker_was_terminated(target)) return false; // terminated: dropped
  const decoded = decodeMessage(text);
  const event = decoded.ok
    ? newMessageEvent(decoded.value, { ports: decoded.ports })
    : new MessageEvent("messageerror", {});
  beginSteppedDispatch(at, event);
  return true;
}

// A worker's unhandled error arrives at its Worker object: an ErrorEvent (or, for a
// script that could not be fetched, a plain `error` Event).
let workerErrorEvent = null;
function beginWorkerError(id, message, filename, lineno, colno) {
  workerErrorEvent = null;
  const worker = workersById.get(id);
  if (worker === undefined) return false;
  workerErrorEvent = message === ""
    ? new Event("error")
    : new ErrorEvent("error", { cancelable: true, message, filename, lineno, colno, error: null });
  beginSteppedDispatch(worker, workerErrorEvent);
  return true;
}

// Nobody canceled it at the Worker: HTML "report an exception" in the page (its
// window gets an ErrorEvent without the error object). Whether the console must
// still have it.
function finishWorkerError() {
  const event = workerErrorEvent;
  workerErrorEvent = null;
  if (event === null || !event.cancelable || event.defaultPrevented) return false;
  // HTML § 10.2.5: not canceled at the Worker object, the error is reported again
  // "one level up", in the global the Worker object lives in ...
  const again = new ErrorEvent("error", {
    cancelable: true, message: event.message, filename: event.filename, lineno: event.lineno, colno: event.colno, error: null,
  });
  const notHandled = dispatchTrusted(globalThis, again);
  if (notHandled && isWorker) {
    // ... which, in a worker, goes on to that worker's own Worker object.
    reportUnhandled(event.message, again);
    return false;
  }
  return notHandled;
}

// ---- the worker side: DedicatedWorkerGlobalScope (set up by 99_global.js)

class WorkerGlobalScope extends EventTarget {
  constructor() { illegal(); super(); }
}
class DedicatedWorkerGlobalScope extends WorkerGlobalScope {
  constructor() { illegal(); super(); }
}
class WorkerNavigator {
  constructor(token) { if (token !== workerLocationToken) illegal(); }
  // NavigatorID's fixed values (HTML § 8.9.1.1), NavigatorLanguage.
  get appCodeName() { return "Mozilla"; }
  get appName() { return "Netscape"; }
  get appVersion() { return "5.0 (X11; Linux x86_64)"; }
  get product() { return "Gecko"; }
  get userAgent() { return "Mozilla/5.0 (X11; Linux x86_64) Roundabout"; }
  get language() { return "en-US"; }
  // A FrozenArray attribute: the same frozen array on every read.
  get languages() { return workerLanguages; }
  get hardwareConcurrency() { return 2; }
  get onLine() { return true; }
  get platform() { return "Linux x86_64"; }
}

class WorkerLocation {
  #href;
  constructor(token, href) {
    if (token !== workerLocationToken) illegal();
    this.#href = href;
  }
  get href() { return this.#href; }
  get protocol() { return urlParts(this.#href).protocol; }
  get host() { return urlParts(this.#href).host; }
  get hostname() { return urlParts(this.#href).hostname; }
  get port() { return urlParts(this.#href).port; }
  get pathname() { return urlParts(this.#href).pathname; }
  get search() { return urlParts(this.#href).search; }
  get hash() { return urlParts(this.#href).hash; }
  get origin() { return urlParts(this.#href).origin; }
  toString() { return this.#href; }
}
const workerLocationToken = Symbol("WorkerLocation");
const workerLanguages = Object.freeze(["en-US"]);

// Names a worker does not have (no DOM, no window, no rendering).
const WINDOW_ONLY_GLOBALS = ["window", "document", "Window", "Node", "NodeList", "HTMLCollection", "CharacterData",
  "Text", "Comment", "DocumentFragment", "DocumentType", "Element", "HTMLElement", "HTMLUnknownElement", "Document",
  "HTMLDocument", "Attr", "NamedNodeMap", "CSSStyleDeclaration", "DOMTokenList", "DOMStringMap", "MutationObserver",
  "MutationRecord", "requestIdleCallback", "cancelIdleCallback", "IdleDeadline", "PageTransitionEvent",
  "requestAnimationFrame", "cancelAnimationFrame"];

function setUpWorkerGlobal() {
  const [name, request, url, kind] = op_worker_info();
  for (const key of WINDOW_ONLY_GLOBALS) delete globalThis[key];
  for (const key of Object.getOwnPropertyNames(globalThis)) {
    if (/^HTML\w*Element$/.test(key)) delete globalThis[key];
  }
  exposeInterface(WorkerGlobalScope);
  exposeInterface(DedicatedWorkerGlobalScope);
  exposeInterface(WorkerLocation);
  exposeInterface(WorkerNavigator);
  Object.setPrototypeOf(globalThis, DedicatedWorkerGlobalScope.prototype);
  const location = new WorkerLocation(workerLocationToken, url);
  const navigator = new WorkerNavigator(workerLocationToken);
  for (const [key, get] of [["self", () => globalThis], ["location", () => location], ["navigator", () => navigator], ["name", () => name]]) {
    ObjectDefineProperty(globalThis, key, { get: named(key, get), enumerable: true, configurable: true });
  }
  // DedicatedWorkerGlobalScope's `name` is [Replaceable]: assigning makes an own
  // data property (`self` is a plain readonly attribute).
  for (const key of ["name"]) {
    const d = Object.getOwnPropertyDescriptor(globalThis, key);
    d.set = named(key, function (v) {
      ObjectDefineProperty(globalThis, key, { value: v, writable: true, enumerable: true, configurable: true });
    });
    ObjectDefineProperty(globalThis, key, d);
  }
  defineMethods(globalThis, {
    postMessage: named("postMessage", function postMessage(message, options = undefined) {
      if (arguments.length < 1) throw new TypeError("Failed to execute 'postMessage': 1 argument required, but only 0 present.");
      op_worker_post_to_page(encodeMessage(message, transferListOf(options)));
    }),
    // HTML "close a worker": the current task and its microtasks finish; later
    // tasks (queued messages, timers) are dropped.
    close: named("close", function close() {
      op_worker_close();
    }),
    // Synchronous, in order; a file that cannot be read throws NetworkError.
    // (HTML "import scripts into worker global scope": each URL is fetched and run
    // in turn; a module worker has none.)
    importScripts: named("importScripts", function importScripts(...urls) {
      if (kind === "module") {
        throw new TypeError("Failed to execute 'importScripts': Module scripts don't support importScripts().");
      }
      // HTML "import scripts into worker global scope": every URL is parsed
      // first (a failure is a SyntaxError), then each is fetched and run in turn as
      // a classic script of the global scope.
      const list = urls.map(toDOMString);
      for (const u of list) {
        if (!parsesAsURL(u)) throw new DOMException(`Failed to execute 'importScripts': The URL '${u}' is invalid.`, "SyntaxError");
      }
      for (const u of list) {
        const r = op_worker_import_script(u);
        if (r.length === 1) throw new DOMException(`Failed to execute 'importScripts': ${r[0]}`, "NetworkError");
        op_rb_run_classic_script(workerFileURL(r[0]), r[1]);
      }
    }),
  });
  defineEventHandlers(DedicatedWorkerGlobalScope.prototype, ["onmessage", "onmessageerror", "onerror",
    "onunhandledrejection", "onrejectionhandled"]);
  // Error locations name files by their URL, as location.href does.
  const base = url.endsWith(request) ? url.slice(0, url.length - request.length) : "";
  documentURLForScripts = () => url;
  workerFileURL = (file) => (file === "" || /^[a-z][a-z0-9+.-]*:/i.test(file) || file.startsWith("/") ? file : base + file);
  // An error the worker's own listeners did not cancel goes to the Worker object.
  reportUnhandled = (text, event) => {
    op_worker_report_error(text.split("\n")[0], event?.filename ?? "", event?.lineno ?? 0, event?.colno ?? 0);
  };
}
