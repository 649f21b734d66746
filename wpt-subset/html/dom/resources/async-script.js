// Loaded by ../script-async.html.
window.asyncRuns = (window.asyncRuns || 0) + 1;
window.asyncCurrentScript = document.currentScript;
