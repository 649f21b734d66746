// Sets a handler, then fails an importScripts() call at its top level (line 4).
onmessage = (e) => postMessage(`handled ${e.data}`);
postMessage("before importScripts");
importScripts("imports/leaf.js", "imports/no-such-file.js");
postMessage("never: the exception ended the script");
