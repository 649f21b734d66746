// importScripts() resolves URLs against the worker's URL (its API base URL), not
// against this file's URL: from a test in /workers/, this is /workers/resources/imports/leaf.js.
(self.importOrder = self.importOrder || []).push("nested-importer start");
importScripts("resources/imports/leaf.js");
self.importOrder.push("nested-importer end");
