// Describes the ports of each message it gets, answers on each port, and on
// "give" sends two fresh ports of its own back to the page.
onmessage = (e) => {
  if (e.data && e.data.give) {
    const a = new MessageChannel();
    const b = new MessageChannel();
    a.port1.onmessage = (m) => a.port1.postMessage(`a heard ${m.data}`);
    b.port1.onmessage = (m) => b.port1.postMessage(`b heard ${m.data}`);
    postMessage({ label: "two ports", first: a.port2 }, [a.port2, b.port2]);
    return;
  }
  const ports = e.ports;
  postMessage({
    count: ports.length,
    allPorts: ports.every((p) => p instanceof MessagePort),
    frozen: Object.isFrozen(ports),
    sameArray: e.ports === ports,
    dataPortIsFirst: e.data && e.data.port !== undefined ? e.data.port === ports[0] : null,
  });
  ports.forEach((p, i) => {
    p.postMessage(`worker says hi on port ${i}`);
  });
};
