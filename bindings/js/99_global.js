// The global object's own names (window, self) and the hooks the Rust side calls.

for (const name of ["window", "self"]) {
  ObjectDefineProperty(globalThis, name, {
    get: named(name, () => globalThis), enumerable: true, configurable: true,
  });
}
defineGlobal("globalThis", globalThis);

// Returned to src/bootstrap.rs; not reachable from page scripts.
return { runTimer, notifyAboutRejectedPromises };
