// Posts ten numbered messages from one task, then one from a later task.
for (let i = 0; i < 10; i++) postMessage(i);
setTimeout(() => postMessage("later"), 0);
