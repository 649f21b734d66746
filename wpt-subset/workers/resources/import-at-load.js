// Imports at its top level (relative to this script's URL), then reports.
self.importOrder = [];
importScripts("imports/leaf.js", "imports/counter.js");
postMessage(self.importOrder);
