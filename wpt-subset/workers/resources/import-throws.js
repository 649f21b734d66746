self.importLog.push("throws");
throw new RangeError("thrown by import-throws.js");
