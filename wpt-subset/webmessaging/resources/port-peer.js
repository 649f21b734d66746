// Gets a MessagePort from the page. "send N" makes it post N numbered messages on
// the port; everything it receives on the port is collected, and "report" sends the
// collection to the page.
let port = null;
const received = [];
onmessage = (e) => {
  if (e.ports.length) {
    port = e.ports[0];
    port.onmessage = (m) => received.push(m.data);
    postMessage(`${self.name} has its port`);
  } else if (typeof e.data === "object" && e.data.send) {
    for (let i = 1; i <= e.data.send; i++) port.postMessage(`${self.name} #${i}`);
    postMessage(`${self.name} sent ${e.data.send}`);
  } else if (e.data === "report") {
    postMessage(received);
  }
};
