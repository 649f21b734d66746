//! `--report FILE`: results in the wptreport JSON format that wpt.fyi ingests
//! (wptrunner's `--log-wptreport`): `results[]` of `{test, status, message,
//! subtests[{name, status, message}], duration}`, `run_info`, `time_start`,
//! `time_end` (milliseconds since the epoch).

use std::path::Path;
use std::time::SystemTime;

use serde_json::{json, Value};

use super::results::TestResult;

pub struct RunInfo {
    pub virtual_time: bool,
    pub total_chunks: usize,
    pub this_chunk: usize,
}

pub fn millis(t: SystemTime) -> u64 {
    t.duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

pub fn build(
    results: &[TestResult],
    info: &RunInfo,
    started: SystemTime,
    ended: SystemTime,
) -> Value {
    let engine = if cfg!(feature = "v8") {
        "v8"
    } else {
        "quickjs"
    };
    let results: Vec<Value> = results
        .iter()
        .map(|r| {
            json!({
                "test": r.id,
                "status": r.status.as_str(),
                "message": r.message,
                "duration": r.duration.as_millis() as u64,
                "subtests": r.subtests.iter().map(|s| json!({
                    "name": s.name,
                    "status": s.status,
                    "message": s.message,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    json!({
        "time_start": millis(started),
        "time_end": millis(ended),
        "run_info": {
            "product": "roundabout",
            "browser_version": env!("CARGO_PKG_VERSION"),
            "revision": option_env!("ROUNDABOUT_REVISION").unwrap_or("unknown"),
            "os": std::env::consts::OS,
            "processor": std::env::consts::ARCH,
            "bits": usize::BITS,
            "debug": cfg!(debug_assertions),
            "js_engine": engine,
            "virtual_time": info.virtual_time,
            "this_chunk": info.this_chunk,
            "total_chunks": info.total_chunks,
        },
        "results": results,
    })
}

pub fn write(path: &Path, report: &Value) -> Result<(), String> {
    let text = serde_json::to_string_pretty(report).map_err(|e| e.to_string())?;
    std::fs::write(path, text + "\n").map_err(|e| format!("{}: {e}", path.display()))
}
