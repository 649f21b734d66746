onmessage = (e) => {
  if (e.data === "throw") throw new Error("thrown in the inner worker");
  postMessage(`inner (${self.name}) got ${e.data}`);
};
