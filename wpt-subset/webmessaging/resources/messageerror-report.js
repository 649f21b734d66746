// Reports on the onmessageerror handler of a worker's global, and runs a synthetic
// messageerror event through it.
const log = [];
const initial = self.onmessageerror;
self.onmessageerror = function (e) {
  log.push(`${e.type} ${e.constructor.name} ${this === self} ${e.data}`);
};
self.dispatchEvent(new MessageEvent("messageerror", { data: "synthetic" }));
postMessage({ initial, log, hasAttribute: "onmessageerror" in self });
