// Numbers what it receives: answers each message with [its own count, the data].
// On "contexts" it posts from a microtask, a timer, a MessageChannel task and the
// current task, then reports the order in which it posted them.
let received = 0;
onmessage = (e) => {
  if (e.data === "contexts") {
    const posted = [];
    const post = (what) => {
      postMessage(what);
      posted.push(what);
      if (posted.length === 4) postMessage({ posted });
    };
    setTimeout(() => post("timer"), 0);
    queueMicrotask(() => post("microtask"));
    const { port1, port2 } = new MessageChannel();
    port2.onmessage = () => {
      post("port task");
      port2.close();
    };
    port1.postMessage(null);
    post("same task");
    return;
  }
  received++;
  postMessage([received, e.data]);
};
