onmessage = (e) => {
  if (e.data === "throw") throw new RangeError("thrown in the innermost worker");
  postMessage(`inner: ${e.data}`);
};
