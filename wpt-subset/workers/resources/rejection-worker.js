// An unhandled rejection in a worker fires unhandledrejection at its global.
self.addEventListener("unhandledrejection", (e) => {
  postMessage({
    isPromiseRejectionEvent: e instanceof PromiseRejectionEvent,
    reason: e.reason && e.reason.message,
    promiseMatches: e.promise === rejected,
    cancelable: e.cancelable,
  });
  e.preventDefault();
});
const rejected = Promise.reject(new Error("nobody caught this"));
