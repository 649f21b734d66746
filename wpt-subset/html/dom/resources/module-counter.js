// Evaluated once per page however many times and however it is imported.
window.moduleLog.push("counter evaluated");
let count = 0;
export function next() { return ++count; }
export const url = import.meta.url;
