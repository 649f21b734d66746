// Leaves a rejection unhandled, without listening for it, then says so.
Promise.reject(new Error("unhandled inside the worker"));
setTimeout(() => postMessage("rejected and waited"), 20);
