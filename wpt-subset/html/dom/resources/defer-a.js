// Loaded by ../script-defer.html (first defer script in the markup).
window.deferLog.push(`defer a: readyState=${document.readyState} tail=${document.getElementById("tail") !== null} current=${document.currentScript && document.currentScript.id}`);
