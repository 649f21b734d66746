// Starts a nested worker (its URL relative to this script) and relays its messages.
const inner = new Worker("nested-inner.js", { name: "inner" });
inner.onmessage = (e) => postMessage(`relayed: ${e.data}`);
inner.onerror = (e) => { postMessage(`inner error: ${e.message}`); e.preventDefault(); };
onmessage = (e) => {
  if (e.data === "terminate-inner") { inner.terminate(); postMessage("inner terminated"); return; }
  inner.postMessage(e.data);
};
postMessage(`outer has Worker: ${typeof Worker}`);
