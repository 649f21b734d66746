// Throws on request. The worker's name picks how it handles its own errors.
// ../Worker-errors-and-lifecycle.html asserts the line of the throw below: line 4.
function fail(message) {
  throw new RangeError(message);
}

function describe(e) {
  return {
    type: e.type,
    isErrorEvent: e instanceof ErrorEvent,
    message: e.message,
    filename: e.filename,
    lineno: e.lineno,
    colno: e.colno,
    errorIsRangeError: e.error instanceof RangeError,
    errorMessage: e.error && e.error.message,
    cancelable: e.cancelable,
    isTrusted: e.isTrusted,
    targetIsSelf: e.target === self,
  };
}

if (self.name === "cancel-with-listener") {
  self.addEventListener("error", (e) => {
    postMessage({ seen: describe(e) });
    e.preventDefault();
  });
} else if (self.name === "cancel-with-onerror") {
  self.onerror = function (message, filename, lineno, colno, error) {
    postMessage({ args: arguments.length, message, filename, lineno, colno, errorIsRangeError: error instanceof RangeError });
    return true;
  };
} else if (self.name === "listener-does-not-cancel") {
  self.addEventListener("error", (e) => {
    postMessage({ seen: describe(e) });
  });
}

onmessage = (e) => {
  if (e.data === "where") postMessage({ href: location.href });
  else if (e.data === "throw") fail(`thrown in a message handler of ${self.name}`);
  else if (e.data === "ping") postMessage("pong");
};
