// Receives MessagePorts and answers on each: "echo: <data>" for every message;
// "send-back" makes it return a new channel's port to the page.
onmessage = (e) => {
  for (const port of e.ports) {
    port.onmessage = (m) => {
      if (m.data === "send-back") {
        const ch = new MessageChannel();
        ch.port1.onmessage = (x) => ch.port1.postMessage(`worker side heard ${x.data}`);
        port.postMessage("here is a port", [ch.port2]);
      } else {
        port.postMessage(`echo: ${m.data}`);
      }
    };
  }
  postMessage(`got ${e.ports.length} port(s)`);
};
