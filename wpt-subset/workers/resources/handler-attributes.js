// Exercises the onmessage IDL attribute of the worker's global, then reports.
const report = {};
function viaGlobalAssignment() {}
onmessage = viaGlobalAssignment; // an assignment to the global's accessor
report.globalAssignment = self.onmessage === viaGlobalAssignment;
self.onmessage = "a string";
report.stringGivesNull = self.onmessage === null;
self.onmessage = 42;
report.numberGivesNull = self.onmessage === null;
const log = [];
self.addEventListener("message", function () {
  log.push(`listener, this is self: ${this === self}`);
});
self.onmessage = function (e) {
  log.push(`handler, this is self: ${this === self}`);
  if (e.data === "report") postMessage({ report, log });
};
