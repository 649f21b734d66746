// Loaded by ../script-defer.html (second defer script in the markup).
window.deferLog.push(`defer b: readyState=${document.readyState}`);
