// Runs importScripts() in the ways the page asks for and reports what happened.
function describe(e) {
  return { name: e && e.name, isDOMException: e instanceof DOMException, code: e && e.code, isRangeError: e instanceof RangeError, message: e && e.message };
}
onmessage = (e) => {
  self.importLog = [];
  const report = { returned: "not called", error: null };
  try {
    const args = e.data;
    report.returned = importScripts(...args);
    report.logRightAfter = self.importLog.slice();
  } catch (err) {
    report.error = describe(err);
  }
  report.log = self.importLog.slice();
  report.fromA = typeof fromA === "undefined" ? null : fromA;
  report.fromB = typeof fromB === "function" ? fromB() : null;
  postMessage(report);
};
