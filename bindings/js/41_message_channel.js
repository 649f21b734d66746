// MessageChannel and MessagePort within one agent (HTML § 9.4), and
// window.postMessage to the page itself (§ 9.3.3). Each message is serialized when
// posted and deserialized in its own posted-message task, where `message` (or
// `messageerror`) is fired with a microtask checkpoint after each listener.

const portData = new WeakMap(); // MessagePort -> state
// Ports with an end in another agent (a hub id; bindings/src/message_ports.rs), by
// their local id: kept while open, since messages reach them by that id.
const portsByLocal = new Map();
let lastLocalPortId = 0;
const { op_port_export_pair, op_port_send_away, op_port_claim, op_port_post, op_port_close } = ops;

class MessagePort extends EventTarget {
  constructor() { illegal(); super(); }
  postMessage(message, options = undefined) {
    const s = portOf(this);
    if (arguments.length < 1) throw new TypeError("Failed to execute 'postMessage' on 'MessagePort': 1 argument required, but only 0 present.");
    const transfer = transferListOf(options);
    if (transfer.includes(this)) throw new DOMException("Failed to execute 'postMessage': a port cannot transfer itself.", "DataCloneError");
    if (s.hubId !== 0) {
      // The peer lives in another agent (or is on its way there).
      const data = encodeMessage(message, transfer);
      if (!s.closed) op_port_post(s.hubId, data);
      return;
    }
    const target = s.entangled;
    // HTML "message port post message steps": transferring the target port dooms
    // the message (the channel is lost); the transfer still happens.
    const doomed = target !== null && transfer.includes(target);
    const { record, buffers, ports } = structuredSerializeWithTransfer(message, transfer);
    const moved = ports.map(movePort);
    if (target === null || s.closed || doomed) return; // the message is lost
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
    if (s.hubId !== 0) {
      op_port_close(s.hubId);
      portsByLocal.delete(s.localId);
    }
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
  portData.set(port, { entangled: null, enabled: false, closed: false, queue: [], hubId: 0, localId: 0 });
  return port;
}

function registerLocalPort(port) {
  const s = portOf(port);
  if (s.localId === 0) s.localId = ++lastLocalPortId;
  portsByLocal.set(s.localId, port);
  return s.localId;
}

// A queued message as wire text (it travels with a port that leaves the agent).
function queuedMessageText(m) {
  if (m.text !== undefined) return m.text;
  return JSON.stringify({ r: m.record, b: m.buffers.map((b) => new Uint8Array(b)), p: m.ports.map(exportPort) }, wireReplacer);
}

// A port leaves this agent in a message: its end (and, the first time, its peer's)
// gets a hub id; messages it had not dispatched go with it. Returns its hub id.
function exportPort(port) {
  const s = portOf(port);
  const queued = s.queue.splice(0).map(queuedMessageText);
  let id;
  if (s.hubId === 0) {
    const peer = s.entangled;
    const [moving, staying] = op_port_export_pair(peer === null ? -1 : registerLocalPort(peer));
    if (peer !== null) {
      const ps = portOf(peer);
      ps.hubId = staying;
      ps.entangled = null;
    }
    id = moving;
  } else {
    id = s.hubId;
    portsByLocal.delete(s.localId);
  }
  op_port_send_away(id, queued);
  s.entangled = null;
  s.closed = true;
  s.detached = true;
  s.hubId = 0;
  return id;
}

// A port arrives from another agent: a new local end for hub id `id`, with the
// messages that waited for it.
function claimPort(id) {
  const port = newPort();
  const s = portOf(port);
  s.hubId = id;
  const pending = op_port_claim(id, registerLocalPort(port));
  for (const text of pending.slice(1)) s.queue.push({ text });
  return port;
}

// The host delivers a message from the peer in another agent (a posted-message task).
function beginPortMessage(local, text) {
  const port = portsByLocal.get(local);
  if (port === undefined) return false;
  const s = portOf(port);
  if (s.closed) return false;
  if (!s.enabled) {
    s.queue.push({ text });
    return false;
  }
  beginSteppedDispatch(port, decodedMessageEvent(text));
  return true;
}

function decodedMessageEvent(text) {
  const decoded = decodeMessage(text);
  return decoded.ok
    ? newMessageEvent(decoded.value, { ports: decoded.ports })
    : new MessageEvent("messageerror", {});
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
  if (old.hubId !== 0) {
    s.hubId = old.hubId;
    s.localId = old.localId;
    portsByLocal.set(s.localId, fresh);
    old.hubId = 0;
  }
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
    if (message.text !== undefined) {
      beginSteppedDispatch(port, decodedMessageEvent(message.text));
      return true;
    }
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
