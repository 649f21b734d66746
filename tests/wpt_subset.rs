//! The whole wpt-subset through `roundabout wpt`, as CI runs it: with the
//! expectations file, two jobs and a wptreport. Every test not listed in
//! wpt-subset/expectations.yaml must pass; the report must have the wptreport shape.

use std::path::{Path, PathBuf};
use std::process::Command;

#[path = "support/wptreport.rs"]
mod wptreport;

fn repo() -> PathBuf {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
        .canonicalize()
        .unwrap()
}

#[test]
fn the_subset_runs_green_with_its_expectations() {
    let report =
        std::env::temp_dir().join(format!("roundabout-subset-{}.json", std::process::id()));
    let started = std::time::Instant::now();
    let o = Command::new(env!("CARGO_BIN_EXE_roundabout"))
        .current_dir(repo())
        .args(["wpt", "--root", "wpt-subset", "--expectations"])
        .arg("wpt-subset/expectations.yaml")
        .args(["--jobs", "2", "--report"])
        .arg(&report)
        .output()
        .unwrap();
    let elapsed = started.elapsed();
    let stdout = String::from_utf8_lossy(&o.stdout);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert_eq!(
        o.status.code(),
        Some(0),
        "stdout:\n{stdout}\nstderr:\n{stderr}"
    );
    let last = stdout.lines().last().unwrap_or("");
    let (passed, failed) = last
        .split_once(" passed, ")
        .and_then(|(p, f)| {
            Some((
                p.parse::<usize>().ok()?,
                f.strip_suffix(" failed")?.parse::<usize>().ok()?,
            ))
        })
        .unwrap_or_else(|| panic!("last line is not 'N passed, N failed': {last:?}"));
    assert!(passed >= 500, "{passed} subtests passed");
    let text = std::fs::read_to_string(&report).unwrap();
    let value: serde_json::Value = serde_json::from_str(&text).unwrap();
    wptreport::validate(&value).unwrap();
    let results = value["results"].as_array().unwrap();
    assert!(results.len() >= 150, "{} tests", results.len());
    let subtests: usize = results
        .iter()
        .map(|r| r["subtests"].as_array().unwrap().len())
        .sum();
    assert_eq!(subtests, passed + failed);
    // The layout the issue asks for, each folder with tests in it.
    for dir in [
        "/html/webappapis/scripting/event-loops/",
        "/html/webappapis/microtask-queuing/",
        "/html/webappapis/timers/",
        "/html/webappapis/animation-frames/",
        "/dom/nodes/",
        "/dom/events/",
        "/workers/",
        "/webmessaging/",
        "/requestidlecallback/",
    ] {
        let n = results
            .iter()
            .filter(|r| r["test"].as_str().unwrap().starts_with(dir))
            .count();
        assert!(n >= 3, "{dir}: {n} tests");
    }
    // Worker variants of .any.js tests ran in workers.
    assert!(results
        .iter()
        .any(|r| r["test"].as_str().unwrap().ends_with(".any.worker.html")));
    eprintln!(
        "wpt-subset: {} tests, {passed} subtests passed in {:.1} s",
        results.len(),
        elapsed.as_secs_f64()
    );
    let _ = std::fs::remove_file(report);
}
