// Loaded by ../script-parser-blocking.html.
window.blockingLog.push(`external: later element parsed=${document.getElementById("after-blocking") !== null}`);
