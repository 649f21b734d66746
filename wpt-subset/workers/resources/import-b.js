self.importLog.push("b");
function fromB() { return "function from import-b.js"; }
