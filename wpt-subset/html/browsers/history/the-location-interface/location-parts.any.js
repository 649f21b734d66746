// META: title=location's URL parts, in a window and in a worker
// Spec: https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-location-interface
// Spec: https://html.spec.whatwg.org/multipage/workers.html#worker-locations
test(() => {
  const expected = GLOBAL.isWindow()
    ? "/html/browsers/history/the-location-interface/location-parts.any.html"
    : "/html/browsers/history/the-location-interface/location-parts.any.worker.js";
  assert_equals(location.pathname, expected);
  assert_true(location.href.endsWith(expected), location.href);
  assert_equals(String(location), location.href, "stringifies to href");
}, "pathname is the test's path under the WPT root");

test(() => {
  assert_equals(location.search, "");
  assert_equals(location.hash, "");
  assert_equals(location.origin, location.protocol + "//" + location.host);
  assert_equals(location.host, location.port ? location.hostname + ":" + location.port : location.hostname);
}, "origin, host, hostname and port agree with each other");

test(() => {
  if (GLOBAL.isWindow()) {
    assert_equals(document.location, location, "document.location");
    assert_equals(Object.prototype.toString.call(location), "[object Location]");
  } else {
    assert_equals(Object.prototype.toString.call(location), "[object WorkerLocation]");
  }
}, "the interface");
