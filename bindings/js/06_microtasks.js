// queueMicrotask (HTML § 8.7 "Microtask queuing"). A resolved promise's reaction job
// is exactly one microtask, so this keeps the engine's own microtask order; an
// exception in the callback is reported, as "report the exception" requires.

const PromisePrototypeThen = Promise.prototype.then;
const resolvedPromise = Promise.resolve();
// `then` looks up the species constructor through `constructor`; an own property
// pointing at the captured Promise keeps page changes to Promise.prototype or
// Promise[Symbol.species] from reaching queueMicrotask.
ObjectDefineProperty(resolvedPromise, "constructor", { value: { [Symbol.species]: Promise } });

defineMethods(globalThis, {
  queueMicrotask: named("queueMicrotask", function queueMicrotask(callback) {
    if (typeof callback !== "function") {
      throw new TypeError("Failed to execute 'queueMicrotask': parameter 1 is not of type 'Function'.");
    }
    ReflectApply(PromisePrototypeThen, resolvedPromise, [() => {
      try {
        callback();
      } catch (e) {
        reportException(e);
      }
    }]);
  }),
});
