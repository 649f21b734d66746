// MessageChannel and MessagePort within one agent (HTML § 9.4), and
// window.postMessage to the page itself (§ 9.3.3). Each message is serialized when
// posted and deserialized in its own posted-message task, where `message` (or
// `messageerror`) is fired with a microtask checkpoint after each listener.

const portData = new WeakMap(); // MessagePort -> state

class MessagePort extends EventTarget {
  constructor() { illegal(); super(); }
  postMessage(message, options = undefined) {
    const s = portOf(this);
    if (arguments.length < 1) throw new TypeError("Failed to execute 'postMessage' on 'MessagePort': 1 argument required, but only 0 present.");
    const transfer = transferListOf(options);
    if (transfer.includes(this)) throw new DOMException("Failed to execute 'postMessage': a port cannot transfer itself.", "DataCloneError");
    const target = s.entangled;
    const { record, buffers, ports } = structuredSerializeWithTransfer(message, transfer);
    const moved = ports.map(movePort);
    if (target === null || s.closed) return; // the message is lost, as for a closed port
    enqueuePortMessage(target, { record, buffers, ports: moved });
  }
  // HTML: enables the port message queue.
  start() {
    const s = portOf(this);
    if (s.enabled) return;
    s.enabled = true;
    for (const m of s.queue.splice(0)) queuePortDelivery(this, m);
  }
  close() {
    const s = portOf(this);
    s.closed = true;
    const other = s.entangled;
    s.entangled = null;
    if (other !== null) portOf(other).entangled = null;
  }
}
defineEventHandlers(MessagePort.prototype, ["onmessageerror"]);
// Setting onmessage starts the port (HTML § 9.4.4 "onmessage").
ObjectDefineProperty(MessagePort.prototype, "onmessage", {
  get() { return currentHandlerValue(this, "onmessage"); },
  set(value) {
    setHandlerValue(this, "onmessage", typeof value === "function" || (value !== null && typeof value === "object") ? value : null);
    this.start();
  },
  enumerable: true,
  configurable: true,
});

function portOf(port) {
  const s = portData.get(port);
  if (s === undefined) throw new TypeError("Illegal invocation");
  return s;
}

function newPort() {
  const port = Object.create(MessagePort.prototype);
  portData.set(port, { entangled: null, enabled: false, closed: false, queue: [] });
  return port;
}

// Transferring a port moves it: a new port takes its place in the pair, with the
// messages still waiting in its queue; the old one is left closed.
function movePort(port) {
  const old = portOf(port);
  const fresh = newPort();
  const s = portOf(fresh);
  s.entangled = old.entangled;
  if (old.entangled !== null) portOf(old.entangled).entangled = fresh;
  s.queue = old.queue.splice(0);
  old.entangled = null;
  old.closed = true;
  old.detached = true;
  return fresh;
}
isMessagePort = (v) => v !== null && typeof v === "object" && portData.has(v);
portIsDetached = (port) => portOf(port).detached === true;

function enqueuePortMessage(target, message) {
  const s = portOf(target);
  if (s.enabled) queuePortDelivery(target, message);
  else s.queue.push(message);
}

function queuePortDelivery(port, message) {
  queueGlobalTask(TASK_SOURCE.postedMessage, () => {
    let event;
    try {
      const data = deserialize(message.record, [], message.buffers, message.ports);
      event = newMessageEvent(data, { ports: message.ports });
    } catch {
      event = new MessageEvent("messageerror", {});
    }
    beginSteppedDispatch(port, event);
    return true; // the host steps the dispatch
  });
}

class MessageChannel {
  #port1; #port2;
  constructor() {
    this.#port1 = newPort();
    this.#port2 = newPort();
    portOf(this.#port1).entangled = this.#port2;
    portOf(this.#port2).entangled = this.#port1;
  }
  get port1() { return this.#port1; }
  get port2() { return this.#port2; }
}

exposeInterface(MessagePort);
exposeInterface(MessageChannel);

// window.postMessage(message, targetOrigin, transfer) / (message, options): a
// MessageEvent at this window, with origin (the page's: "null" for a file) and
// source (the window). A targetOrigin other than "*", "/" or this origin drops it.
const PAGE_ORIGIN = "null";
function windowPostMessage(message, targetOrigin = undefined, transfer = []) {
  if (arguments.length < 1) throw new TypeError("Failed to execute 'postMessage' on 'Window': 1 argument required, but only 0 present.");
  let options = targetOrigin;
  if (typeof targetOrigin === "string" || targetOrigin === undefined) {
    options = { targetOrigin: targetOrigin ?? "/", transfer };
  } else if (options === null || typeof options !== "object") {
    options = { targetOrigin: toDOMString(targetOrigin), transfer };
  }
  const target = options.targetOrigin === undefined ? "/" : toDOMString(options.targetOrigin);
  if (target !== "*" && target !== "/" && !(/^[a-z][a-z0-9+.-]*:/i.test(target) && parsesAsURL(target))) {
    throw new DOMException(`Failed to execute 'postMessage' on 'Window': Invalid target origin '${target}'.`, "SyntaxError");
  }
  const { record, buffers, ports } = structuredSerializeWithTransfer(message, transferListOf(options));
  const moved = ports.map(movePort);
  // A file page's origin is opaque: only "*" and "/" reach it.
  if (target !== "*" && target !== "/") return;
  queueGlobalTask(TASK_SOURCE.postedMessage, () => {
    let event;
    try {
      const data = deserialize(record, [], buffers, moved);
      event = newMessageEvent(data, { origin: PAGE_ORIGIN, source: globalThis, ports: moved });
    } catch {
      event = new MessageEvent("messageerror", { origin: PAGE_ORIGIN, source: globalThis });
    }
    beginSteppedDispatch(globalThis, event);
    return true;
  });
}
if (!isWorker) {
  defineMethods(globalThis, { postMessage: named("postMessage", windowPostMessage) });
}

// ---- BroadcastChannel (HTML § 9.5): the page and its workers, by name.

const { op_bc_open, op_bc_close, op_bc_post } = ops;
const openBroadcastChannels = new Map(); // id -> BroadcastChannel (kept while open)

class BroadcastChannel extends EventTarget {
  #id; #name; #closed = false;
  constructor(name) {
    if (arguments.length < 1) throw new TypeError("Failed to construct 'BroadcastChannel': 1 argument required, but only 0 present.");
    super();
    this.#name = toDOMString(name);
    this.#id = op_bc_open(this.#name);
    openBroadcastChannels.set(this.#id, this);
  }
  get name() { return this.#name; }
  postMessage(message) {
    if (arguments.length < 1) throw new TypeError("Failed to execute 'postMessage' on 'BroadcastChannel': 1 argument required, but only 0 present.");
    if (this.#closed) throw new DOMException("Failed to execute 'postMessage' on 'BroadcastChannel': Channel is closed", "InvalidStateError");
    op_bc_post(this.#id, encodeMessage(message, []));
  }
  close() {
    if (this.#closed) return;
    this.#closed = true;
    op_bc_close(this.#id);
    openBroadcastChannels.delete(this.#id);
  }
}
defineEventHandlers(BroadcastChannel.prototype, ["onmessage", "onmessageerror"]);
exposeInterface(BroadcastChannel);

// The host delivers a message to this agent's channel `id` (a posted-message task).
function beginBroadcast(id, text) {
  const channel = openBroadcastChannels.get(id);
  if (channel === undefined) return false; // closed meanwhile
  const decoded = decodeMessage(text);
  const event = decoded.ok
    ? newMessageEvent(decoded.value, { origin: PAGE_ORIGIN })
    : new MessageEvent("messageerror", { origin: PAGE_ORIGIN });
  beginSteppedDispatch(channel, event);
  return true;
}
