window.moduleLog.push("tla start");
await new Promise((resolve) => setTimeout(resolve, 10));
window.moduleLog.push("tla end");
export const done = true;
