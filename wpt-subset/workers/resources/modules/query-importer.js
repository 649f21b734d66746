// Imports one module under two URLs that differ only by their query.
const plain = await import("./dynamic-target.js");
const withQuery = await import("./dynamic-target.js?v=2");
postMessage({ distinct: plain !== withQuery, log: self.moduleLog });
