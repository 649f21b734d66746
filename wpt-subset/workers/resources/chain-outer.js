// Owns chain-inner.js. Its name says where it handles the inner worker's errors:
// "ignore" (an onerror that does not cancel), "no-handler" (no onerror at all),
// "cancel-at-worker" (the inner Worker object), or "cancel-at-global" (its own
// global's onerror). It reports what it saw once both
// the error event and the inner worker's reply to "ping" have arrived (they come
// from different task sources, in either order).
const inner = new Worker("chain-inner.js");
const seen = [];
let errorSeen = false;
let reply = null;
function maybeReport() {
  if (errorSeen && reply !== null) setTimeout(() => postMessage({ seen, reply }), 0);
}
inner.addEventListener("error", (e) => {
  seen.push(`inner Worker object: ${e.constructor.name}`);
  if (self.name === "cancel-at-worker") e.preventDefault();
  // Any report at this worker's global happens while this event is dispatched;
  // wait until that is over.
  setTimeout(() => {
    errorSeen = true;
    maybeReport();
  }, 0);
});
if (self.name !== "no-handler") self.onerror = (message) => {
  seen.push(`outer global onerror: ${String(message).includes("thrown in the innermost worker")}`);
  return self.name === "cancel-at-global";
};
inner.onmessage = (e) => {
  reply = e.data;
  maybeReport();
};
onmessage = () => {
  inner.postMessage("throw");
  inner.postMessage("ping");
};
