//! A checker for the wptreport JSON shape (what wptrunner's --log-wptreport writes
//! and wpt.fyi ingests): top-level `results` (array), `run_info` (object),
//! `time_start`/`time_end` (integers, ms); each result has `test` (a URL path
//! starting with `/`), `status` (a test status), `message` (string or null),
//! `duration` (integer ms) and `subtests` (array of `{name, status, message}` with
//! subtest statuses).

use serde_json::Value;

const TEST_STATUSES: &[&str] = &[
    "OK",
    "ERROR",
    "TIMEOUT",
    "CRASH",
    "PRECONDITION_FAILED",
    "SKIP",
];
const SUBTEST_STATUSES: &[&str] = &["PASS", "FAIL", "TIMEOUT", "NOTRUN", "PRECONDITION_FAILED"];

fn message_ok(v: &Value) -> bool {
    v.is_null() || v.is_string()
}

pub fn validate(report: &Value) -> Result<(), String> {
    let obj = report.as_object().ok_or("report is not an object")?;
    for key in ["time_start", "time_end"] {
        obj.get(key)
            .and_then(Value::as_u64)
            .ok_or(format!("{key}: missing or not an integer"))?;
    }
    if report["time_end"].as_u64() < report["time_start"].as_u64() {
        return Err("time_end before time_start".into());
    }
    let info = obj
        .get("run_info")
        .and_then(Value::as_object)
        .ok_or("run_info: missing or not an object")?;
    if !info.get("product").is_some_and(Value::is_string) {
        return Err("run_info.product: missing".into());
    }
    let results = obj
        .get("results")
        .and_then(Value::as_array)
        .ok_or("results: missing or not an array")?;
    for r in results {
        let test = r["test"]
            .as_str()
            .ok_or(format!("result without test: {r}"))?;
        if !test.starts_with('/') {
            return Err(format!("{test}: test ids are URL paths"));
        }
        let status = r["status"].as_str().unwrap_or("");
        if !TEST_STATUSES.contains(&status) {
            return Err(format!("{test}: bad status {status:?}"));
        }
        if !message_ok(&r["message"]) {
            return Err(format!("{test}: message must be a string or null"));
        }
        if r["duration"].as_u64().is_none() {
            return Err(format!("{test}: duration must be an integer"));
        }
        let subtests = r["subtests"]
            .as_array()
            .ok_or(format!("{test}: subtests missing"))?;
        for s in subtests {
            if !s["name"].is_string() {
                return Err(format!("{test}: subtest without a name: {s}"));
            }
            let st = s["status"].as_str().unwrap_or("");
            if !SUBTEST_STATUSES.contains(&st) {
                return Err(format!("{test}: subtest {}: bad status {st:?}", s["name"]));
            }
            if !message_ok(&s["message"]) {
                return Err(format!("{test}: subtest message must be a string or null"));
            }
        }
    }
    Ok(())
}
