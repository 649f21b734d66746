// A module worker: static imports, `this`, import.meta and importScripts.
import { value as a, counter as counterSeenByA } from "./module-a.js";
import { value as b, counter as counterSeenByB } from "./module-b.js";

const thisValue = this;
let importScriptsError = null;
try {
  importScripts("import-a.js");
} catch (e) {
  importScriptsError = e.constructor === TypeError ? "TypeError" : String(e && e.name);
}
postMessage({
  thisIsUndefined: thisValue === undefined,
  metaUrl: import.meta.url,
  a, b, counterSeenByA, counterSeenByB,
  importScriptsError,
  strict: (function () { return this; })() === undefined,
  name: self.name,
});
