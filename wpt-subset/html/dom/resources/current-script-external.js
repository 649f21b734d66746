// Loaded by ../document-currentScript.html.
window.currentScriptSeenByExternal = document.currentScript;
