//! `roundabout wpt` end to end, on small WPT checkouts written into temporary
//! folders: discovery and variants, statuses, expectations, chunks, reports, bad
//! input, and a checkout whose harness is not ours.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[path = "support/wptreport.rs"]
mod wptreport;

fn subset_resources() -> PathBuf {
    Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../wpt-subset/resources"
    ))
    .canonicalize()
    .unwrap()
}

/// A fresh folder laid out as a WPT checkout, with our harness in resources/.
fn checkout(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("roundabout-wpt-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("resources")).unwrap();
    std::fs::copy(
        subset_resources().join("testharness.js"),
        dir.join("resources/testharness.js"),
    )
    .unwrap();
    // A checkout's own report script is replaced by the runner's: this one would
    // print nothing useful.
    std::fs::write(
        dir.join("resources/testharnessreport.js"),
        "/* the checkout's own */",
    )
    .unwrap();
    for (path, text) in files {
        let p = dir.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }
    dir
}

fn wpt(root: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_roundabout"))
        .arg("wpt")
        .arg("--root")
        .arg(root)
        .args(args)
        .output()
        .unwrap()
}

fn text(o: &Output) -> String {
    format!(
        "exit {:?}\nstdout:\n{}\nstderr:\n{}",
        o.status.code(),
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

fn report(root: &Path, args: &[&str]) -> (Output, serde_json::Value) {
    let file = root.join("report.json");
    let mut all = args.to_vec();
    let f = file.to_str().unwrap().to_string();
    all.extend(["--report", &f]);
    let o = wpt(root, &all);
    let value: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(&file).unwrap_or_else(|_| panic!("no report\n{}", text(&o))),
    )
    .unwrap();
    wptreport::validate(&value).unwrap();
    (o, value)
}

fn result<'a>(report: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    report["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["test"] == id)
        .unwrap_or_else(|| panic!("{id} not in {report:#}"))
}

fn ids(report: &serde_json::Value) -> Vec<String> {
    report["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["test"].as_str().unwrap().to_string())
        .collect()
}

const HARNESS: &str = "<script src=\"/resources/testharness.js\"></script>\n<script src=\"/resources/testharnessreport.js\"></script>\n";

fn page(body: &str) -> String {
    format!("<!doctype html>\n{HARNESS}<script>\n{body}\n</script>\n")
}

#[test]
fn discovery_follows_wpt_file_names_and_runs_every_variant() {
    let root = checkout(
        "discovery",
        &[
            ("a/plain.html", &page("test(() => assert_true(true), 'plain');")),
            (
                "a/both.any.js",
                "// META: title=both globals\n// META: script=/common/helper.js\n// META: script=local-helper.js\ntest(() => {\n  assert_equals(helper(), 42);\n  assert_equals(localHelper(), 'local');\n  assert_equals(GLOBAL.isWorker(), typeof document === 'undefined');\n}, 'in ' + (GLOBAL.isWindow() ? 'window' : 'worker'));\n",
            ),
            ("a/local-helper.js", "function localHelper() { return 'local'; }"),
            ("common/helper.js", "function helper() { return 42; }"),
            ("a/window-only.any.js", "// META: global=window\ntest(() => assert_equals(typeof document, 'object'), 'window');\n"),
            ("a/shared.any.js", "// META: global=sharedworker,dedicatedworker\ntest(() => assert_equals(typeof document, 'undefined'), 'worker');\n"),
            ("a/w.window.js", "test(() => assert_true(GLOBAL.isWindow()), 'window.js');\n"),
            (
                "a/d.worker.js",
                "importScripts('/resources/testharness.js');\ntest(() => assert_equals(typeof postMessage, 'function'), 'worker.js');\ndone();\n",
            ),
            ("a/ref.html", "<link rel=match href=ref-ref.html><p>x"),
            ("a/ref-ref.html", "<p>x"),
            ("a/thing-manual.html", &page("test(() => {}, 'manual');")),
            ("a/support-page.html", "<p>not a test"),
            ("a/resources/ignored.html", &page("test(() => assert_true(false), 'never');")),
            ("a/support/ignored.html", &page("test(() => assert_true(false), 'never');")),
            ("tools/ignored.html", &page("test(() => assert_true(false), 'never');")),
        ],
    );
    let (o, rep) = report(&root, &["--jobs", "2"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let mut got = ids(&rep);
    got.sort();
    assert_eq!(
        got,
        [
            "/a/both.any.html",
            "/a/both.any.worker.html",
            "/a/d.worker.html",
            "/a/plain.html",
            "/a/shared.any.worker.html",
            "/a/w.window.html",
            "/a/window-only.any.html",
        ]
    );
    let both = result(&rep, "/a/both.any.worker.html");
    assert_eq!(both["subtests"][0]["name"], "in worker");
    assert_eq!(both["subtests"][0]["status"], "PASS", "{both}");
    assert_eq!(
        result(&rep, "/a/both.any.html")["subtests"][0]["name"],
        "in window"
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(
        out.contains("skipped: 1 reftests, 1 manual, 1 unsupported globals"),
        "{out}"
    );
    assert!(out.trim_end().ends_with("7 passed, 0 failed"), "{out}");
    // One variant alone, by its id.
    let o = wpt(&root, &["/a/both.any.worker.html"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("Ran 1 tests"),
        "{}",
        text(&o)
    );
}

const MIXED: &[(&str, &str)] = &[
    ("t/pass.html", "<!doctype html>\n<script src=\"/resources/testharness.js\"></script>\n<script src=\"/resources/testharnessreport.js\"></script>\n<script>test(() => {}, 'ok');</script>"),
    ("t/fail.html", "<!doctype html>\n<script src=\"/resources/testharness.js\"></script>\n<script src=\"/resources/testharnessreport.js\"></script>\n<script>test(() => assert_equals(1, 2), 'one is two'); test(() => {}, 'fine');</script>"),
    ("t/error.html", "<!doctype html>\n<script src=\"/resources/testharness.js\"></script>\n<script src=\"/resources/testharnessreport.js\"></script>\n<script>test(() => {}, 'fine'); throw new Error('outside any test');</script>"),
    ("t/hang.html", "<!doctype html>\n<script src=\"/resources/testharness.js\"></script>\n<script src=\"/resources/testharnessreport.js\"></script>\n<script>async_test(() => {}, 'never done'); test(() => {}, 'fine');</script>"),
    ("t/crash.html", "<!doctype html>\n<script src=\"/resources/testharness.js\"></script>\n<script src=\"/resources/testharnessreport.js\"></script>\n<script>test(() => {}, 'fine');</script>"),
    ("t/worker-error.any.js", "// META: global=dedicatedworker\ntest(() => {}, 'before');\nthrow new Error('worker top level');\n"),
];

#[test]
fn statuses_crashes_and_hangs_are_each_tests_own_result() {
    let root = checkout("statuses", MIXED);
    let file = root.join("report.json");
    let o = Command::new(env!("CARGO_BIN_EXE_roundabout"))
        .env("ROUNDABOUT_TEST_CRASH_WPT", "/t/crash.html")
        .arg("wpt")
        .arg("--root")
        .arg(&root)
        .args(["--timeout", "1", "--jobs", "2", "--report"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let rep: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    wptreport::validate(&rep).unwrap();
    assert_eq!(result(&rep, "/t/pass.html")["status"], "OK");
    let fail = result(&rep, "/t/fail.html");
    assert_eq!(fail["status"], "OK");
    assert_eq!(fail["subtests"][0]["status"], "FAIL");
    assert_eq!(
        fail["subtests"][0]["message"],
        "assert_equals: expected 2 but got 1"
    );
    assert_eq!(fail["subtests"][1]["status"], "PASS");
    let error = result(&rep, "/t/error.html");
    assert_eq!(error["status"], "ERROR", "{error}");
    assert!(
        error["message"]
            .as_str()
            .unwrap()
            .contains("outside any test"),
        "{error}"
    );
    let hang = result(&rep, "/t/hang.html");
    assert_eq!(hang["status"], "TIMEOUT", "{hang}");
    assert_eq!(hang["subtests"][0]["status"], "TIMEOUT");
    assert_eq!(hang["subtests"][1]["status"], "PASS");
    let crash = result(&rep, "/t/crash.html");
    assert_eq!(crash["status"], "CRASH", "{crash}");
    let worker = result(&rep, "/t/worker-error.any.worker.html");
    assert_eq!(worker["status"], "ERROR", "{worker}");
    assert!(
        worker["message"]
            .as_str()
            .unwrap()
            .contains("worker top level"),
        "{worker}"
    );
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.contains("Unexpected results:"), "{out}");
    assert!(
        out.contains("FAIL one is two: assert_equals: expected 2 but got 1"),
        "{out}"
    );
    assert!(out.trim_end().ends_with("5 passed, 2 failed"), "{out}");

    // The same run with every failure expected is green ...
    let expectations = root.join("expectations.yaml");
    std::fs::write(
        &expectations,
        "DIR: t\n\nfail.html: [fail, one is not two]\nerror.html: [fail, throws at top level]\nhang.html: [timeout, never calls done]\ncrash.html: [crash, the test hook aborts it]\nworker-error.any.*: [fail, throws at top level]\n",
    )
    .unwrap();
    let run = |extra: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_roundabout"))
            .env("ROUNDABOUT_TEST_CRASH_WPT", "/t/crash.html")
            .arg("wpt")
            .arg("--root")
            .arg(&root)
            .args(["--timeout", "1", "--expectations"])
            .arg(&expectations)
            .args(extra)
            .output()
            .unwrap()
    };
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("6 as expected (5 expected not to pass)"),
        "{}",
        text(&o)
    );
    // ... and an expectation for a test that passes is an unexpected pass.
    std::fs::write(
        &expectations,
        "DIR: t\n\npass.html: [fail, stale]\nfail.html: [fail, one is not two]\nerror.html: [fail, throws at top level]\nhang.html: [timeout, never calls done]\ncrash.html: [crash, the test hook aborts it]\nworker-error.any.*: [fail, throws]\n",
    )
    .unwrap();
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("/t/pass.html passed but is expected to fail"),
        "{}",
        text(&o)
    );
    // An entry matching nothing is stale on a whole-root run.
    std::fs::write(
        &expectations,
        "DIR: t\n\ngone.html: [fail, removed test]\n\"*\": [flaky, anything goes]\n",
    )
    .unwrap();
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("stale expectation: t/gone.html"),
        "{}",
        text(&o)
    );
    // `skip` entries are not run.
    std::fs::write(&expectations, "DIR: t\n\n\"*\": [skip, not today]\n").unwrap();
    let o = run(&[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("Ran 0 tests"),
        "{}",
        text(&o)
    );
}

#[test]
fn chunks_split_a_run_deterministically() {
    let files: Vec<(String, String)> = (0..12)
        .map(|i| {
            (
                format!("c/t{i}.html"),
                page(&format!("test(() => {{}}, 't{i}');")),
            )
        })
        .collect();
    let borrowed: Vec<(&str, &str)> = files
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let root = checkout("chunks", &borrowed);
    let mut all = Vec::new();
    for chunk in ["1", "2", "3"] {
        let (o, rep) = report(&root, &["--this-chunk", chunk, "--total-chunks", "3"]);
        assert_eq!(o.status.code(), Some(0), "{}", text(&o));
        let got = ids(&rep);
        assert!(!got.is_empty() && got.len() < 12, "chunk {chunk}: {got:?}");
        assert_eq!(rep["run_info"]["this_chunk"], chunk.parse::<u64>().unwrap());
        // The same chunk again: the same tests.
        let (_, again) = report(&root, &["--this-chunk", chunk, "--total-chunks", "3"]);
        assert_eq!(ids(&again), got);
        all.extend(got);
    }
    all.sort();
    let mut expected: Vec<String> = (0..12).map(|i| format!("/c/t{i}.html")).collect();
    expected.sort();
    assert_eq!(all, expected);
}

#[test]
fn a_checkout_with_its_own_harness_runs_unchanged() {
    // Not our harness: a different implementation of the documented API, as a real
    // checkout has. The runner only relies on add_completion_callback and setup.
    let root = checkout(
        "other-harness",
        &[
            (
                "resources/testharness.js",
                r#"(function () {
  var tests = [], callbacks = [], loaded = false;
  self.setup = function () {};
  self.add_completion_callback = function (f) { callbacks.push(f); };
  self.assert_equals = function (a, b) { if (a !== b) throw new Error("other harness: " + a + " !== " + b); };
  self.test = function (f, name) {
    var t = { name: name, status: 0, message: null };
    try { f(); } catch (e) { t.status = 1; t.message = e.message; }
    tests.push(t);
  };
  addEventListener("load", function () {
    setTimeout(function () { callbacks.forEach(function (f) { f(tests, { status: 0, message: null }); }); });
  });
})();"#,
            ),
            ("dom/a.html", &page("test(() => assert_equals(1, 1), 'one'); test(() => assert_equals(1, 2), 'two');")),
        ],
    );
    let (o, rep) = report(&root, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let a = result(&rep, "/dom/a.html");
    assert_eq!(a["subtests"][0]["status"], "PASS");
    assert_eq!(a["subtests"][1]["status"], "FAIL");
    assert_eq!(a["subtests"][1]["message"], "other harness: 1 !== 2");
}

#[test]
fn harness_assertions_fail_when_they_should() {
    let checks = [
        "assert_true(1)",
        "assert_false(0)",
        "assert_equals(0, -0)",
        "assert_equals('1', 1)",
        "assert_not_equals(NaN, NaN)",
        "assert_in_array(3, [1, 2])",
        "assert_array_equals([1, 2], [1, 3])",
        "assert_array_equals([1], [1, 1])",
        "assert_approx_equals(1, 2, 0.5)",
        "assert_less_than(2, 1)",
        "assert_greater_than(1, 2)",
        "assert_less_than_equal(2, 1)",
        "assert_greater_than_equal(1, 2)",
        "assert_between_inclusive(3, 1, 2)",
        "assert_between_exclusive(2, 1, 2)",
        "assert_regexp_match('abc', /d/)",
        "assert_class_string([], 'Object')",
        "assert_own_property({}, 'x')",
        "assert_not_own_property({x: 1}, 'x')",
        "assert_inherits({x: 1}, 'x')",
        "assert_readonly({x: 1}, 'x')",
        "assert_throws_js(TypeError, () => { throw new RangeError('r'); })",
        "assert_throws_js(TypeError, () => {})",
        "assert_throws_dom('NotFoundError', () => { throw new DOMException('m', 'SyntaxError'); })",
        "assert_throws_exactly(1, () => { throw 2; })",
        "assert_object_equals({a: {b: 1}}, {a: {b: 2}})",
        "assert_array_approx_equals([1, 2], [1, 3], 0.5)",
        "assert_unreached('here')",
        "assert_implements(false, 'feature')",
    ];
    let mut body = String::new();
    for c in &checks {
        body.push_str(&format!("test(() => {{ {c}; }}, {c:?});\n"));
    }
    body.push_str("test(() => assert_implements_optional(false, 'optional'), 'optional');\n");
    body.push_str("promise_test((t) => promise_rejects_js(t, TypeError, Promise.resolve(1)), 'promise_rejects_js on a fulfilled promise');\n");
    body.push_str("promise_test((t) => promise_rejects_dom(t, 'AbortError', Promise.reject(new TypeError())), 'promise_rejects_dom on a TypeError');\n");
    body.push_str("promise_test(() => 1, 'promise_test body not returning a thenable');\n");
    body.push_str("async_test((t) => t.step_timeout(() => { throw new Error('late'); }, 0), 'step_timeout throwing');\n");
    body.push_str("test(() => { assert_equals(format_value('a\\nb'), '\"a\\\\nb\"'); assert_equals(format_value(-0), '-0'); assert_equals(format_value([1, 'x']), '[1, \"x\"]'); }, 'format_value');\n");
    let root = checkout("asserts", &[("h/asserts.html", &page(&body))]);
    let (o, rep) = report(&root, &[]);
    assert_eq!(o.status.code(), Some(1), "{}", text(&o));
    let subtests = result(&rep, "/h/asserts.html")["subtests"]
        .as_array()
        .unwrap()
        .clone();
    assert_eq!(subtests.len(), checks.len() + 6);
    for s in &subtests {
        let name = s["name"].as_str().unwrap();
        let want = match name {
            "format_value" => "PASS",
            "optional" => "PRECONDITION_FAILED",
            _ => "FAIL",
        };
        assert_eq!(s["status"], want, "{name}: {s}");
    }
}

#[test]
fn bad_input_gets_a_clear_error_and_exit_2() {
    let root = checkout("bad-input", &[("x/a.html", &page("test(() => {}, 'a');"))]);
    let cases: &[(&[&str], &str)] = &[
        (&["no/such/dir"], "no such file, folder or test"),
        (
            &["--this-chunk", "3", "--total-chunks", "2"],
            "chunks are numbered 1 to the total",
        ),
        (
            &["--expectations", "/nonexistent/expectations.yaml"],
            "expectations.yaml",
        ),
    ];
    for (args, needle) in cases {
        let o = wpt(&root, args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", text(&o));
        assert!(
            String::from_utf8_lossy(&o.stderr).contains(needle),
            "{args:?}: {}",
            text(&o)
        );
    }
    let broken = root.join("broken.yaml");
    std::fs::write(&broken, "DIR: x\na.html: [sometimes, why]\n").unwrap();
    let o = wpt(&root, &["--expectations", broken.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("unknown kind 'sometimes'"),
        "{}",
        text(&o)
    );
    // No --root and nothing above the path holds resources/testharness.js.
    let o = Command::new(env!("CARGO_BIN_EXE_roundabout"))
        .args(["wpt", "/"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", text(&o));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("resources/testharness.js"),
        "{}",
        text(&o)
    );
    // Without --root, the checkout is found above the path.
    let o = Command::new(env!("CARGO_BIN_EXE_roundabout"))
        .arg("wpt")
        .arg(root.join("x"))
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
}

#[test]
fn variants_run_once_each_with_their_query_in_the_url() {
    let root = checkout(
        "variants",
        &[
            (
                "v/q.any.js",
                "// META: variant=?first\n// META: variant=?second\ntest(() => assert_in_array(location.search, ['?first', '?second']), 'search ' + location.search);\n",
            ),
            (
                "v/page.html",
                "<!doctype html>\n<meta name=\"variant\" content=\"?a=1\">\n<meta name=variant content=\"#frag\">\n<script src=\"/resources/testharness.js\"></script>\n<script src=\"/resources/testharnessreport.js\"></script>\n<script>test(() => assert_true(location.search === '?a=1' || location.hash === '#frag'), 'variant ' + (location.search || location.hash));</script>\n",
            ),
        ],
    );
    let (o, rep) = report(&root, &[]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    let mut got = ids(&rep);
    got.sort();
    assert_eq!(
        got,
        [
            "/v/page.html#frag",
            "/v/page.html?a=1",
            "/v/q.any.html?first",
            "/v/q.any.html?second",
            "/v/q.any.worker.html?first",
            "/v/q.any.worker.html?second",
        ]
    );
    assert_eq!(
        result(&rep, "/v/q.any.worker.html?second")["subtests"][0]["name"],
        "search ?second"
    );
    assert_eq!(
        result(&rep, "/v/page.html#frag")["subtests"][0]["name"],
        "variant #frag"
    );
    // One variant by its id.
    let o = wpt(&root, &["/v/q.any.worker.html?first"]);
    assert_eq!(o.status.code(), Some(0), "{}", text(&o));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("Ran 1 tests"),
        "{}",
        text(&o)
    );
}
