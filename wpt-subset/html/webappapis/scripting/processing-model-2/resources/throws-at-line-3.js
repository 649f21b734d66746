// Loaded by ../script-errors.html; throws at line 3.
window.externalScriptStarted = true;
throw new URIError("from an external classic script");
