//! Test and subtest results, with the statuses wptreport uses.

use std::time::Duration;

/// A test's (harness) status. `Crash`: the process ended without reporting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum TestStatus {
    Ok,
    Error,
    Timeout,
    PreconditionFailed,
    Crash,
}

impl TestStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TestStatus::Ok => "OK",
            TestStatus::Error => "ERROR",
            TestStatus::Timeout => "TIMEOUT",
            TestStatus::PreconditionFailed => "PRECONDITION_FAILED",
            TestStatus::Crash => "CRASH",
        }
    }

    fn parse(s: &str) -> TestStatus {
        match s {
            "OK" => TestStatus::Ok,
            "TIMEOUT" => TestStatus::Timeout,
            "PRECONDITION_FAILED" => TestStatus::PreconditionFailed,
            _ => TestStatus::Error,
        }
    }
}

pub const SUBTEST_STATUSES: &[&str] = &["PASS", "FAIL", "TIMEOUT", "NOTRUN", "PRECONDITION_FAILED"];

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SubtestResult {
    pub name: String,
    /// One of [`SUBTEST_STATUSES`].
    pub status: &'static str,
    pub message: Option<String>,
}

#[derive(Clone, Debug)]
pub struct TestResult {
    pub id: String,
    pub status: TestStatus,
    pub message: Option<String>,
    pub subtests: Vec<SubtestResult>,
    pub duration: Duration,
}

/// What a test's result amounts to, for expectations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Harness OK and every subtest PASS.
    Pass,
    /// Anything else that finished: a failing subtest, ERROR, PRECONDITION_FAILED.
    Fail,
    Timeout,
    Crash,
}

impl TestResult {
    pub fn outcome(&self) -> Outcome {
        match self.status {
            TestStatus::Ok if self.subtests.iter().all(|s| s.status == "PASS") => Outcome::Pass,
            TestStatus::Timeout => Outcome::Timeout,
            TestStatus::Crash => Outcome::Crash,
            _ => Outcome::Fail,
        }
    }

    /// Parses the JSON the report script prints after `ROUNDABOUT-WPT `.
    pub fn from_report(id: &str, json: &str, duration: Duration) -> Result<TestResult, String> {
        let value: serde_json::Value =
            serde_json::from_str(json).map_err(|e| format!("unreadable results: {e}"))?;
        let text = |v: &serde_json::Value| v.as_str().map(str::to_string);
        let status = TestStatus::parse(value["status"].as_str().unwrap_or("ERROR"));
        let subtests = value["tests"]
            .as_array()
            .ok_or("results without a tests array")?
            .iter()
            .map(|t| SubtestResult {
                name: t["name"].as_str().unwrap_or("").to_string(),
                status: SUBTEST_STATUSES
                    .iter()
                    .find(|s| Some(**s) == t["status"].as_str())
                    .copied()
                    .unwrap_or("FAIL"),
                message: text(&t["message"]),
            })
            .collect();
        Ok(TestResult {
            id: id.to_string(),
            status,
            message: text(&value["message"]),
            subtests,
            duration,
        })
    }

    /// A test that produced no results (crash or runner timeout).
    pub fn without_results(
        id: &str,
        status: TestStatus,
        message: String,
        duration: Duration,
    ) -> TestResult {
        TestResult {
            id: id.to_string(),
            status,
            message: Some(message),
            subtests: Vec::new(),
            duration,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcome_needs_ok_and_every_subtest_passing() {
        let json = r#"{"status":"OK","message":null,"tests":[{"name":"a","status":"PASS","message":null},{"name":"b","status":"FAIL","message":"x"}]}"#;
        let r = TestResult::from_report("/t.html", json, Duration::ZERO).unwrap();
        assert_eq!(r.outcome(), Outcome::Fail);
        assert_eq!(r.subtests[1].message.as_deref(), Some("x"));
        let json = r#"{"status":"OK","message":null,"tests":[{"name":"a","status":"PASS","message":null}]}"#;
        let r = TestResult::from_report("/t.html", json, Duration::ZERO).unwrap();
        assert_eq!(r.outcome(), Outcome::Pass);
        let json = r#"{"status":"TIMEOUT","message":null,"tests":[]}"#;
        let r = TestResult::from_report("/t.html", json, Duration::ZERO).unwrap();
        assert_eq!(r.outcome(), Outcome::Timeout);
        assert!(TestResult::from_report("/t.html", "{", Duration::ZERO).is_err());
    }
}
