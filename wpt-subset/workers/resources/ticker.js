// Ticks every 5 ms: posts the count to its parent and announces it on the
// BroadcastChannel named by its worker name (so ticks are seen even when the
// parent's Worker object drops messages).
const channel = new BroadcastChannel(self.name);
let count = 0;
setInterval(() => {
  count++;
  postMessage(count);
  channel.postMessage(count);
}, 5);
