// MutationObserver and MutationRecord (DOM § 4.3). Registrations, record queues and
// "queue a mutation record" are in the engine (engine/src/dom/mutation_observer.rs),
// so records come from every mutation path, the parser's included. The ops that
// mutate queue `notifyMutationObservers` as a microtask when the agent's flag was
// unset (bindings/src/mutation_observer_ops.rs).

const {
  op_mo_install, op_mo_create, op_mo_observe, op_mo_disconnect, op_mo_begin_notify, op_mo_take,
  op_mo_take_orphaned,
} = ops;

// After the arena freed nodes (20_dom_nodes.js sweepWrappers): observers that no
// longer observe anything are no longer kept alive by their nodes.
function releaseOrphanedObservers() {
  if (MapPrototypeGetSize(observingObservers) === 0) return;
  const orphaned = op_mo_take_orphaned();
  for (let i = 0; i < orphaned.length; i++) MapPrototypeDelete(observingObservers, orphaned[i]);
}

const observerData = new WeakMap(); // MutationObserver -> { id, callback }
const observersById = new Map(); // id -> WeakRef(MutationObserver)
// Observers registered on some node stay alive with it (nodes hold their registered
// observers strongly); a disconnected one can be collected.
const observingObservers = new Map(); // id -> MutationObserver

function observerOf(mo) {
  const d = observerData.get(mo);
  if (d === undefined) throw new TypeError("Illegal invocation");
  return d;
}

const MUTATION_TYPES = ["childList", "attributes", "characterData"];
// Records are made by this file only: the constructor wants this token. (Private
// fields, not a WeakMap: QuickJS's WeakMap insertion is slow with many entries,
// and an observer can get tens of thousands of records.)
const recordToken = Symbol("MutationRecord");

class MutationRecord {
  #type; #target; #addedList; #removedList; #previous; #next; #name; #namespace; #old;
  #added = null; #removed = null;
  constructor(token, type, target, added, removed, previous, next, name, namespace, old) {
    if (token !== recordToken) illegal();
    this.#type = type;
    this.#target = target;
    this.#addedList = added;
    this.#removedList = removed;
    this.#previous = previous;
    this.#next = next;
    this.#name = name;
    this.#namespace = namespace;
    this.#old = old;
  }
  get type() { return this.#type; }
  get target() { return this.#target; }
  // Static NodeLists, made on first access (the same object each time).
  get addedNodes() { return (this.#added ??= staticNodeList(this.#addedList)); }
  get removedNodes() { return (this.#removed ??= staticNodeList(this.#removedList)); }
  get previousSibling() { return this.#previous; }
  get nextSibling() { return this.#next; }
  get attributeName() { return this.#name; }
  get attributeNamespace() { return this.#namespace; }
  get oldValue() { return this.#old; }
}

// Decodes op_mo_take's flat list. The records hold the nodes' wrappers, which keeps
// the nodes alive while script holds the records (engine/src/dom/garbage.rs treats
// held wrappers as roots).
function makeRecords(flat) {
  const records = [];
  const wrap = (id) => (id === null ? null : wrapNode(id));
  let i = 0;
  while (i < flat.length) {
    const type = MUTATION_TYPES[flat[i]];
    const target = wrapNode(flat[i + 1]);
    const previous = wrap(flat[i + 2]);
    const next = wrap(flat[i + 3]);
    const name = flat[i + 4], namespace = flat[i + 5], old = flat[i + 6];
    i += 7;
    const added = [];
    for (let n = flat[i++]; n > 0; n--) added[added.length] = wrapNode(flat[i++]);
    const removed = [];
    for (let n = flat[i++]; n > 0; n--) removed[removed.length] = wrapNode(flat[i++]);
    records[records.length] = new MutationRecord(recordToken, type, target, added, removed, previous, next, name, namespace, old);
  }
  return records;
}

// WebIDL: an optional dictionary member is "present" unless undefined.
const present = (v) => v !== undefined;

class MutationObserver {
  constructor(callback) {
    if (typeof callback !== "function") {
      throw new TypeError("Failed to construct 'MutationObserver': parameter 1 is not of type 'Function'.");
    }
    const id = op_mo_create();
    observerData.set(this, { id, callback });
    MapPrototypeSet(observersById, id, new WeakRef(this));
  }

  // DOM § 4.3.1 observe(target, options).
  observe(target, options = {}) {
    const { id } = observerOf(this);
    const targetId = idOf(target, "parameter 1");
    if (options === null || options === undefined) options = {};
    if (typeof options !== "object" && typeof options !== "function") {
      throw new TypeError("Failed to execute 'observe' on 'MutationObserver': parameter 2 is not of type 'MutationObserverInit'.");
    }
    // Dictionary members are read in lexicographic order.
    const filterValue = options.attributeFilter;
    let attributeFilter;
    if (present(filterValue)) {
      if (filterValue === null || typeof filterValue !== "object" || typeof filterValue[Symbol.iterator] !== "function") {
        throw new TypeError("Failed to execute 'observe' on 'MutationObserver': The provided value cannot be converted to a sequence.");
      }
      attributeFilter = [...filterValue].map(toDOMString);
    }
    const attributeOldValueValue = options.attributeOldValue;
    const attributesValue = options.attributes;
    const characterDataValue = options.characterData;
    const characterDataOldValueValue = options.characterDataOldValue;
    const childList = Boolean(options.childList);
    const subtree = Boolean(options.subtree);
    const attributeOldValue = present(attributeOldValueValue) ? Boolean(attributeOldValueValue) : undefined;
    let attributes = present(attributesValue) ? Boolean(attributesValue) : undefined;
    let characterData = present(characterDataValue) ? Boolean(characterDataValue) : undefined;
    const characterDataOldValue = present(characterDataOldValueValue) ? Boolean(characterDataOldValueValue) : undefined;
    // Steps 1–6.
    if ((present(attributeOldValue) || present(attributeFilter)) && !present(attributes)) attributes = true;
    if (present(characterDataOldValue) && !present(characterData)) characterData = true;
    const fail = (why) => new TypeError(`Failed to execute 'observe' on 'MutationObserver': ${why}`);
    if (!childList && attributes !== true && characterData !== true) {
      throw fail("The options object must set at least one of 'attributes', 'characterData', or 'childList' to true.");
    }
    if (attributeOldValue === true && attributes !== true) {
      throw fail("The options object may only set 'attributeOldValue' to true when 'attributes' is true or not present.");
    }
    if (present(attributeFilter) && attributes !== true) {
      throw fail("The options object may only set 'attributeFilter' when 'attributes' is true or not present.");
    }
    if (characterDataOldValue === true && characterData !== true) {
      throw fail("The options object may only set 'characterDataOldValue' to true when 'characterData' is true or not present.");
    }
    const flags = (childList ? 1 : 0) | (attributes ? 2 : 0) | (characterData ? 4 : 0) | (subtree ? 8 : 0) |
      (attributeOldValue ? 16 : 0) | (characterDataOldValue ? 32 : 0);
    op_mo_observe(id, targetId, flags, attributeFilter ?? null);
    MapPrototypeSet(observingObservers, id, this);
  }

  disconnect() {
    const { id } = observerOf(this);
    op_mo_disconnect(id);
    MapPrototypeDelete(observingObservers, id);
  }

  takeRecords() {
    return makeRecords(op_mo_take(observerOf(this).id, false));
  }
}

// DOM § 4.3.2 "notify mutation observers", queued as a microtask.
function notifyMutationObservers() {
  const ids = op_mo_begin_notify();
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k];
    const flat = op_mo_take(id, true);
    if (flat.length === 0) continue;
    const mo = MapPrototypeGet(observersById, id)?.deref();
    if (mo === undefined) continue;
    const records = makeRecords(flat);
    try {
      ReflectApply(observerData.get(mo).callback, mo, [records, mo]);
    } catch (e) {
      reportException(e);
    }
  }
}
op_mo_install(notifyMutationObservers);

exposeInterface(MutationObserver);
exposeInterface(MutationRecord);
