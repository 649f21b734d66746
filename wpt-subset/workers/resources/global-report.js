// Reports, in one message, what a dedicated worker's global looks like from the
// inside. Used by ../Worker-basics.html.
var topLevelThis = this;
function kind(name) {
  return typeof self[name];
}
postMessage({
  selfIsGlobal: self === globalThis,
  thisIsSelf: topLevelThis === self,
  isDedicated: typeof DedicatedWorkerGlobalScope === "function" && self instanceof DedicatedWorkerGlobalScope,
  isWorkerGlobal: typeof WorkerGlobalScope === "function" && self instanceof WorkerGlobalScope,
  isEventTarget: self instanceof EventTarget,
  classString: Object.prototype.toString.call(self),
  name: self.name,
  href: location.href,
  locationString: String(location),
  pathname: location.pathname,
  locationClass: Object.prototype.toString.call(location),
  navigatorClass: Object.prototype.toString.call(navigator),
  userAgent: typeof navigator.userAgent,
  onLine: navigator.onLine,
  hardwareConcurrency: navigator.hardwareConcurrency,
  language: typeof navigator.language,
  absent: ["document", "window", "Document", "Window", "Node", "Element", "HTMLElement", "HTMLDivElement",
    "Text", "MutationObserver"].filter((n) => kind(n) !== "undefined"),
  functions: ["postMessage", "close", "importScripts", "setTimeout", "clearTimeout", "setInterval",
    "clearInterval", "queueMicrotask", "structuredClone", "addEventListener", "dispatchEvent", "atob",
    "btoa"].filter((n) => kind(n) !== "function"),
  objects: ["performance", "console", "navigator", "location"].filter((n) => kind(n) !== "object"),
  nowIsNumber: typeof performance.now() === "number" && performance.now() >= 0,
  handlers: { onmessage: self.onmessage, onerror: self.onerror, onmessageerror: self.onmessageerror },
});
