// A module worker using top-level await and dynamic import().
var notAGlobal = "module-scoped";
self.moduleLog = ["worker start"];
const first = await import("./dynamic-target.js");
const same = await import("./dynamic-target.js");
let missing = null;
try {
  await import("./does-not-exist.js");
} catch (e) {
  missing = e.constructor.name;
}
self.moduleLog.push("after awaits");
postMessage({
  value: first.value,
  targetUrl: first.url,
  sameNamespace: first === same,
  missing,
  varIsGlobal: "notAGlobal" in self,
  log: self.moduleLog,
});
