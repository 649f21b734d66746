// Posts before throwing from its top level; the page answers "ping" afterwards.
postMessage("started");
onmessage = (e) => postMessage("still alive: " + e.data);
undefinedFunctionCall();
