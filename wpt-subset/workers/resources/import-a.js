var importLog = self.importLog || (self.importLog = []);
importLog.push("a");
var fromA = "declared in import-a.js";
