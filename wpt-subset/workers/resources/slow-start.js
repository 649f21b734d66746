// Takes a while to run its script, and only listens for messages at its very end.
// Anything the page posted meanwhile must still be delivered, in order, afterwards.
var scriptFinished = false;
const start = Date.now();
// Bounded by iterations too: on a virtual clock (--virtual-time) Date.now() does
// not move while script runs.
for (let i = 0; i < 3e6 && Date.now() - start < 60; i++) {
  // busy
}
onmessage = (e) => {
  postMessage({ data: e.data, scriptFinished });
};
scriptFinished = true;
