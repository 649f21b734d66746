// Posts 200 messages from one task.
for (let i = 0; i < 200; i++) postMessage(i);
