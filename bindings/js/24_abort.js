// AbortController and AbortSignal (DOM § 3.1-3.2): abort(), throwIfAborted(),
// AbortSignal.abort(), AbortSignal.timeout() (a timer that fires a TimeoutError) and
// AbortSignal.any() (dependent signals), plus HTMLElement.click().

const signalState = new WeakMap();

function signalSlot(s) {
  const st = signalState.get(s);
  if (st === undefined) throw new TypeError("Illegal invocation");
  return st;
}

function createSignal() {
  const signal = ReflectConstruct(EventTarget, [], AbortSignal);
  signalState.set(signal, { aborted: false, reason: undefined, algorithms: [], dependents: [], dependent: false, sources: [] });
  return signal;
}

// DOM "signal abort".
function signalAbort(signal, reason) {
  const st = signalSlot(signal);
  if (st.aborted) return;
  st.aborted = true;
  st.reason = reason === undefined ? new DOMException("signal is aborted without reason", "AbortError") : reason;
  const dependentsToAbort = [];
  for (const d of st.dependents) {
    const ds = signalSlot(d);
    if (!ds.aborted) {
      ds.aborted = true;
      ds.reason = st.reason;
      dependentsToAbort.push(d);
    }
  }
  runAbortSteps(signal);
  for (const d of dependentsToAbort) runAbortSteps(d);
}

function runAbortSteps(signal) {
  const st = signalSlot(signal);
  for (const algorithm of st.algorithms.splice(0)) algorithm();
  const event = new Event("abort");
  dispatchTrusted(signal, event);
}

class AbortSignal extends EventTarget {
  constructor() { illegal(); super(); }
  get aborted() { return signalSlot(this).aborted; }
  get reason() { return signalSlot(this).reason; }
  throwIfAborted() {
    const st = signalSlot(this);
    if (st.aborted) throw st.reason;
  }
  static abort(reason) {
    const s = createSignal();
    signalAbort(s, reason);
    return s;
  }
  static timeout(milliseconds) {
    const ms = Number(milliseconds);
    if (!Number.isFinite(ms) || ms < 0 || ms > Number.MAX_SAFE_INTEGER) {
      throw new TypeError("Failed to execute 'timeout' on 'AbortSignal': Value is outside the 'unsigned long long' value range.");
    }
    const s = createSignal();
    setTimeout(() => signalAbort(s, new DOMException("signal timed out", "TimeoutError")), ms);
    return s;
  }
  static any(signals) {
    const result = createSignal();
    const rs = signalSlot(result);
    const list = [...signals];
    for (const s of list) {
      if (signalSlot(s).aborted) {
        rs.aborted = true;
        rs.reason = signalSlot(s).reason;
        return result;
      }
    }
    rs.dependent = true;
    for (const s of list) {
      const ss = signalSlot(s);
      const sources = ss.dependent ? ss.sources : [s];
      for (const source of sources) {
        if (!rs.sources.includes(source)) {
          rs.sources.push(source);
          signalSlot(source).dependents.push(result);
        }
      }
    }
    return result;
  }
}
defineEventHandlers(AbortSignal.prototype, ["onabort"]);

class AbortController {
  #signal = createSignal();
  get signal() { return this.#signal; }
  abort(reason) { signalAbort(this.#signal, reason); }
}

exposeInterface(AbortSignal);
exposeInterface(AbortController);

// addEventListener's `signal` option registers through the abort algorithms.
function addAbortAlgorithm(signal, algorithm) {
  const st = signalState.get(signal);
  if (st === undefined || st.aborted) return;
  st.algorithms.push(algorithm);
}

// HTMLElement.click(): a synthetic, bubbling, cancelable click (isTrusted false),
// ignored on disabled form controls and while already clicking.
const clickInProgress = new WeakSet();
ObjectDefineProperty(HTMLElement.prototype, "click", {
  value: function click() {
    if (this.hasAttribute("disabled") && ["BUTTON", "INPUT", "SELECT", "TEXTAREA"].includes(this.tagName)) return;
    if (clickInProgress.has(this)) return;
    clickInProgress.add(this);
    try {
      this.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, composed: true, view: globalThis }));
    } finally {
      clickInProgress.delete(this);
    }
  },
  writable: true, enumerable: true, configurable: true,
});
