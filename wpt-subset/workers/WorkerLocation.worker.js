// META: title=WorkerLocation: the worker's script URL, broken into its parts
// Spec: https://html.spec.whatwg.org/multipage/workers.html#worker-locations
importScripts("/resources/testharness.js");

const SCRIPT_PATH = "/workers/WorkerLocation.worker.js";

test(() => {
  assert_true(location instanceof WorkerLocation, "instanceof WorkerLocation");
  assert_class_string(location, "WorkerLocation");
  assert_equals(self.location, location, "the same object on every access");
  assert_throws_js(TypeError, () => new WorkerLocation(), "not constructible");
}, "location is the global's one WorkerLocation object");

test(() => {
  assert_true(location.href.endsWith(SCRIPT_PATH), `href ${location.href}`);
  assert_true(location.pathname.endsWith(SCRIPT_PATH), `pathname ${location.pathname}`);
  assert_equals(location.search, "", "no query");
  assert_equals(location.hash, "", "no fragment");
  assert_regexp_match(location.protocol, /^[a-z][a-z0-9+.-]*:$/, "protocol is a scheme followed by ':'");
  assert_true(location.href.startsWith(location.protocol), "href starts with the protocol");
}, "href, pathname, search, hash and protocol describe this script's URL");

test(() => {
  const expectedHost = location.hostname + (location.port === "" ? "" : ":" + location.port);
  assert_equals(location.host, expectedHost, "host is hostname[:port]");
  if (location.protocol === "file:") {
    assert_equals(location.host, "", "a file URL has no host");
  } else {
    assert_true(location.href.startsWith(`${location.protocol}//${location.host}/`), "href contains the host");
  }
}, "host is hostname plus the port, if any");

test(() => {
  const expected = location.protocol === "http:" || location.protocol === "https:"
    ? `${location.protocol}//${location.host}` : "null";
  assert_equals(location.origin, expected);
}, "origin is the serialization of the URL's origin (opaque, 'null', for file: URLs)");

test(() => {
  assert_equals(String(location), location.href, "String()");
  assert_equals(location.toString(), location.href, "toString()");
  assert_equals(`${location}`, location.href, "template literal");
}, "WorkerLocation stringifies to its href");

test(() => {
  const before = location.href;
  for (const attr of ["href", "pathname", "protocol", "search", "hash", "host"]) {
    assert_throws_js(TypeError, () => {
      "use strict";
      location[attr] = "changed";
    }, `assigning ${attr} in strict mode`);
  }
  assert_equals(location.href, before, "nothing changed");
}, "WorkerLocation's attributes are all readonly");

done();
