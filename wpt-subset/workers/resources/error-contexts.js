// Throws from the context the page asks for. The line numbers of the two throws
// below are asserted by ../Worker-error-event-contexts.html: lines 5 and 8.
onmessage = (e) => {
  if (e.data === "microtask") {
    queueMicrotask(() => { throw new URIError("thrown from a microtask"); });
  } else if (e.data === "timer") {
    setTimeout(() => {
      throw new EvalError("thrown from a timer");
    }, 0);
  } else if (e.data === "ping") {
    postMessage("pong");
  }
};
