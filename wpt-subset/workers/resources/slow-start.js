// Takes a while to run its script, and only listens for messages at its very end.
// Anything the page posted meanwhile must still be delivered, in order, afterwards.
var scriptFinished = false;
const start = Date.now();
while (Date.now() - start < 60) {
  // busy
}
onmessage = (e) => {
  postMessage({ data: e.data, scriptFinished });
};
scriptFinished = true;
