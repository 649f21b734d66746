// Posts, then throws while the module evaluates. The throw is on line 4.
postMessage("evaluated up to the throw");
onmessage = (e) => postMessage(`still listening: ${e.data}`);
throw new TypeError("thrown while the module evaluated");
