// Spec: https://html.spec.whatwg.org/multipage/nav-history-apis.html#the-location-interface
// Roundabout has no navigation: assign/replace/reload and the setters throw instead
// of silently doing nothing.
test(() => {
  for (const method of ["assign", "replace", "reload"]) {
    assert_throws_dom("NotSupportedError", () => location[method]("elsewhere.html"), method);
  }
}, "assign, replace and reload throw NotSupportedError");

test(() => {
  const before = location.href;
  assert_throws_dom("NotSupportedError", () => { location.hash = "#x"; }, "hash");
  assert_throws_dom("NotSupportedError", () => { location.href = "other.html"; }, "href");
  assert_equals(location.href, before, "unchanged");
}, "setting a part throws and changes nothing");
