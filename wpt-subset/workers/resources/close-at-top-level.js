// Calls close() from its top-level script and reports, by postMessage, what still runs.
setTimeout(() => postMessage("timer set before close"), 0);
postMessage("before close");
self.close();
postMessage("after close, same script");
setTimeout(() => postMessage("timer set after close"), 0);
onmessage = (e) => postMessage(`handled ${e.data} after close`);
Promise.resolve().then(() => postMessage("microtask after close"));
self.close(); // a second call is harmless
postMessage("end of script");
