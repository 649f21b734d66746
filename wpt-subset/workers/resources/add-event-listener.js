// Listens with addEventListener only (no onmessage, no start()).
self.addEventListener("message", (e) => {
  postMessage({
    data: e.data,
    isMessageEvent: e instanceof MessageEvent,
    type: e.type,
    origin: e.origin,
    lastEventId: e.lastEventId,
    source: e.source,
    portsIsArray: Array.isArray(e.ports),
    portsLength: e.ports.length,
    isTrusted: e.isTrusted,
    bubbles: e.bubbles,
    cancelable: e.cancelable,
    targetIsSelf: e.target === self,
    currentTargetIsSelf: e.currentTarget === self,
  });
});
