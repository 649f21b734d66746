// Top-level declarations of a classic script, seen by the worker's later scripts.
var importedVar = "var";
let importedLet = "let";
const importedConst = "const";
function importedFunction() {
  return "function";
}
class ImportedClass {}
