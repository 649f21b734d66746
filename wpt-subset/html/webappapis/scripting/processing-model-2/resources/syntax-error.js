// Loaded by ../script-errors.html: a parse error, so none of this runs.
window.syntaxErrorScriptRan = true;
let = = 1;
