// Transfer checks made inside the worker, on request.
function errorName(f) {
  try {
    f();
    return "no exception";
  } catch (e) {
    return `${e.name}`;
  }
}
onmessage = (e) => {
  const { op } = e.data;
  if (op === "return") {
    // Gets {op, buffer, port}: increments every byte, sends the buffer back
    // transferred (with the port), and reports what is left here.
    const { buffer, port } = e.data;
    const bytes = new Uint8Array(buffer);
    bytes.forEach((b, i) => { bytes[i] = b + 1; });
    postMessage({ buffer, port }, { transfer: port ? [buffer, port] : [buffer] });
    postMessage({ byteLengthAfter: buffer.byteLength, viewLengthAfter: bytes.length });
  } else if (op === "errors") {
    const buffer = new ArrayBuffer(4);
    const report = {
      twice: errorName(() => postMessage(null, [buffer, buffer])),
      nonTransferable: errorName(() => postMessage(null, [{}])),
      primitive: errorName(() => postMessage(null, [1])),
      stillAttached: buffer.byteLength,
    };
    postMessage("the one transfer that worked", [buffer]);
    report.detachedAgain = errorName(() => postMessage(null, [buffer]));
    report.detachedInMessage = errorName(() => postMessage(buffer));
    postMessage({ report });
  }
};
