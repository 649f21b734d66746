// One level of a chain of nested workers. Messages: {depth} asks it to start a child
// (resources/nested/level.js, resolved against this script) until depth is 0, and
// report each level's href and name back up; {port} hands it a port to answer on;
// "ping" is answered with "pong".
onmessage = (e) => {
  if (e.data === "ping") {
    postMessage("pong");
    return;
  }
  if (e.data.port) {
    const port = e.data.port;
    port.onmessage = (m) => port.postMessage(`${self.name} heard ${m.data}`);
    postMessage("port received");
    return;
  }
  if (e.data.forwardPort) {
    const child = new Worker("level.js", { name: `${self.name}>child` });
    child.onmessage = (m) => postMessage(m.data);
    child.postMessage({ port: e.data.forwardPort }, [e.data.forwardPort]);
    return;
  }
  const here = { href: location.href, name: self.name, hasWorker: typeof Worker === "function" };
  if (e.data.depth === 0) {
    postMessage([here]);
    return;
  }
  const child = new Worker("level.js", { name: `${self.name}>child` });
  child.onmessage = (m) => postMessage([here, ...m.data]);
  child.postMessage({ depth: e.data.depth - 1 });
};
