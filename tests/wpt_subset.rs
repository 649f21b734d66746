//! Runs every WPT-format test under wpt-subset/ (except resources/) through
//! `roundabout run --root wpt-subset` and requires harness status OK with every
//! subtest PASS. (The full `roundabout wpt` runner is a separate piece of work; this
//! is the "small test that loads each file and checks it reports success".)

use std::path::{Path, PathBuf};
use std::process::Command;

fn wpt_root() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../wpt-subset"))
        .canonicalize()
        .unwrap()
}

fn test_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            if path.file_name().is_some_and(|n| n != "resources") {
                test_files(&path, out);
            }
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
}

/// (harness status, [(subtest name, status, message)]) of one file.
fn run(root: &Path, file: &Path) -> (String, Vec<(String, String, String)>) {
    let o = Command::new(env!("CARGO_BIN_EXE_roundabout"))
        .args(["run", "--timeout", "30", "--root"])
        .arg(root)
        .arg(file)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&o.stdout);
    let line = stdout
        .lines()
        .find_map(|l| l.strip_prefix("ROUNDABOUT-WPT "))
        .unwrap_or_else(|| {
            panic!(
                "{}: no results\nstdout:\n{stdout}\nstderr:\n{}",
                file.display(),
                String::from_utf8_lossy(&o.stderr)
            )
        });
    parse(line)
}

/// A tiny reader for the one JSON shape testharnessreport.js prints.
fn parse(json: &str) -> (String, Vec<(String, String, String)>) {
    let field = |obj: &str, key: &str| -> String {
        let pat = format!("\"{key}\":");
        let start = obj.find(&pat).map(|i| i + pat.len()).unwrap_or(0);
        let rest = &obj[start..];
        if let Some(stripped) = rest.strip_prefix('"') {
            let mut out = String::new();
            let mut chars = stripped.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\\' => out.push(chars.next().unwrap_or('\\')),
                    '"' => break,
                    c => out.push(c),
                }
            }
            out
        } else {
            rest.split([',', '}']).next().unwrap_or("").to_string()
        }
    };
    let status = field(json, "status");
    let tests_part = &json[json.find("\"tests\":[").expect("tests") + 9..];
    let tests = tests_part
        .split("},{")
        .filter(|t| t.contains("\"name\""))
        .map(|t| (field(t, "name"), field(t, "status"), field(t, "message")))
        .collect();
    (status, tests)
}

#[test]
fn every_wpt_subset_test_passes() {
    let root = wpt_root();
    let mut files = Vec::new();
    test_files(&root, &mut files);
    files.sort();
    assert!(files.len() >= 7, "found {files:?}");
    let mut problems = Vec::new();
    let mut subtests = 0;
    for file in &files {
        let (status, tests) = run(&root, file);
        let name = file.strip_prefix(&root).unwrap().display().to_string();
        if status != "OK" {
            problems.push(format!("{name}: harness {status}"));
        }
        if tests.is_empty() {
            problems.push(format!("{name}: no subtests"));
        }
        for (test, st, message) in tests {
            subtests += 1;
            if st != "PASS" {
                problems.push(format!("{name}: {st} {test}: {message}"));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "{} of {subtests} subtests:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn a_failing_subtest_is_reported_as_fail() {
    // The harness must be able to fail: a copy of resources/ next to a failing test.
    let dir = std::env::temp_dir().join(format!("roundabout-wpt-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("resources")).unwrap();
    for f in ["testharness.js", "testharnessreport.js"] {
        std::fs::copy(
            wpt_root().join("resources").join(f),
            dir.join("resources").join(f),
        )
        .unwrap();
    }
    let page = dir.join("fail.html");
    std::fs::write(
        &page,
        r#"<script src="/resources/testharness.js"></script><script src="/resources/testharnessreport.js"></script>
<script>
test(() => assert_equals(1, 2), "fails");
async_test((t) => setTimeout(t.step_func(() => { throw new Error("boom"); }), 0), "async fails");
promise_test(() => Promise.reject(new Error("rejected")), "promise fails");
test(() => {}, "passes");
</script>"#,
    )
    .unwrap();
    let (status, tests) = run(&dir, &page);
    assert_eq!(status, "OK");
    let statuses: Vec<&str> = tests.iter().map(|t| t.1.as_str()).collect();
    assert_eq!(statuses, ["FAIL", "FAIL", "FAIL", "PASS"]);
    assert_eq!(tests[0].2, "assert_equals: expected 2 but got 1");
}
