// Location (HTML § 7.10.3) for the window, read-only: Roundabout does not navigate,
// so assign/replace/reload and the setters throw NotSupportedError rather than
// pretend. Also the window's browsing-context names a top-level window has
// (HTML § 7.2.2: parent, top and frames are the window itself, opener null).
// WorkerLocation (js/40_workers.js) shares the URL splitting.

// The parts of an absolute URL (the file: URLs of `roundabout run` and the http: URLs
// `roundabout wpt` gives pages; not a full URL parser).
function urlParts(href) {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*:)(?:\/\/([^/?#]*))?([^?#]*)(\?[^#]*)?(#.*)?$/.exec(href);
  if (m === null) return { href, protocol: "", host: "", hostname: "", port: "", pathname: href, search: "", hash: "", origin: "null" };
  const protocol = m[1].toLowerCase();
  const host = m[2] ?? "";
  const colon = host.lastIndexOf(":");
  const hasPort = colon >= 0 && !host.endsWith("]");
  const special = protocol === "http:" || protocol === "https:";
  return {
    href,
    protocol,
    host,
    hostname: hasPort ? host.slice(0, colon) : host,
    port: hasPort ? host.slice(colon + 1) : "",
    pathname: m[3] === "" && special ? "/" : m[3],
    search: m[4] === undefined || m[4] === "?" ? "" : m[4],
    hash: m[5] === undefined || m[5] === "#" ? "" : m[5],
    origin: special ? `${protocol}//${host}` : "null",
  };
}

const locationToken = Symbol("Location");
class Location {
  constructor(token) {
    if (token !== locationToken) illegal();
  }
  get href() { return documentURL; }
  get protocol() { return urlParts(documentURL).protocol; }
  get host() { return urlParts(documentURL).host; }
  get hostname() { return urlParts(documentURL).hostname; }
  get port() { return urlParts(documentURL).port; }
  get pathname() { return urlParts(documentURL).pathname; }
  get search() { return urlParts(documentURL).search; }
  get hash() { return urlParts(documentURL).hash; }
  get origin() { return urlParts(documentURL).origin; }
  get ancestorOrigins() { return []; }
  toString() { return documentURL; }
  valueOf() { return this; }
}
const noNavigation = (what) => function () {
  throw new DOMException(`Failed to execute '${what}' on 'Location': Roundabout does not navigate.`, "NotSupportedError");
};
for (const name of ["assign", "replace", "reload"]) {
  ObjectDefineProperty(Location.prototype, name, { value: named(name, noNavigation(name)), writable: true, configurable: true, enumerable: true });
}
for (const name of ["href", "protocol", "host", "hostname", "port", "pathname", "search", "hash"]) {
  const d = Object.getOwnPropertyDescriptor(Location.prototype, name);
  d.set = named(name, noNavigation(`set ${name}`));
  ObjectDefineProperty(Location.prototype, name, d);
}

if (!isWorker) {
  exposeInterface(Location);
  const location = new Location(locationToken);
  const windowNames = [
    ["location", () => location],
    ["parent", () => globalThis],
    ["top", () => globalThis],
    ["frames", () => globalThis],
    ["opener", () => null],
    ["length", () => 0],
    ["frameElement", () => null],
  ];
  // [Replaceable] parent, frames and length (and opener's setter): assigning makes
  // an own data property, so `var length = 5` works as in a browser. `top` is
  // [LegacyUnforgeable]: not configurable.
  const replaceable = ["parent", "frames", "length", "opener"];
  for (const [name, get] of windowNames) {
    const d = { get: named(name, get), enumerable: true, configurable: name !== "top" };
    if (replaceable.includes(name)) {
      d.set = named(name, function (v) {
        if (name === "opener" && v === null) return; // HTML: setting null does nothing here
        ObjectDefineProperty(globalThis, name, { value: v, writable: true, enumerable: true, configurable: true });
      });
    }
    ObjectDefineProperty(globalThis, name, d);
  }
  ObjectDefineProperty(Document.prototype, "location", {
    get: named("location", function () { return location; }), enumerable: true, configurable: true,
  });
}
