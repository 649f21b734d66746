// Closes itself on request; reports what still runs afterwards.
onmessage = (e) => {
  if (e.data === "close") {
    postMessage("before close");
    self.close();
    postMessage("after close, same task");
    queueMicrotask(() => postMessage("microtask after close"));
    Promise.resolve().then(() => postMessage("promise job after close"));
    setTimeout(() => postMessage("timeout after close"), 0);
    return;
  }
  postMessage("echo:" + e.data);
};
