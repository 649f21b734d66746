//! Running tests: each in a fresh `roundabout wpt-child` process (so a crash, a
//! hang or a leak stays with its test), `jobs` at a time. A test's time limit is its
//! harness timeout (10 s, `timeout=long` 60 s, times the multiplier) plus a grace
//! period for the harness to report its own TIMEOUT first; past it the process is
//! killed and the test is TIMEOUT.

use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use super::discovery::TestEntry;
use super::results::{TestResult, TestStatus};

pub struct ExecOptions {
    /// The roundabout binary to start children from.
    pub exe: PathBuf,
    pub root: PathBuf,
    pub virtual_time: bool,
    /// The harness timeout of a normal test (long tests get six times as much).
    pub timeout: Duration,
    pub jobs: usize,
}

/// The standard harness timeout of a normal test; `--timeout` scales from it.
pub const STANDARD_TIMEOUT: Duration = Duration::from_secs(10);
const GRACE: Duration = Duration::from_secs(5);
/// At most this much of a crashed test's stderr goes into its message.
const STDERR_KEPT: usize = 2000;

/// Runs `tests`, calling `on_result` on this thread as each one finishes (in the
/// order they finish). Returns the results in the order of `tests`.
pub fn run_tests(
    tests: &[TestEntry],
    options: &ExecOptions,
    mut on_result: impl FnMut(&TestResult),
) -> Vec<TestResult> {
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::channel::<(usize, TestResult)>();
    let mut results: Vec<Option<TestResult>> = vec![None; tests.len()];
    std::thread::scope(|scope| {
        for _ in 0..options.jobs.max(1).min(tests.len().max(1)) {
            let sender = sender.clone();
            let next = &next;
            scope.spawn(move || loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(test) = tests.get(i) else { break };
                let result = run_one(test, options);
                if sender.send((i, result)).is_err() {
                    break;
                }
            });
        }
        drop(sender);
        for (i, result) in receiver {
            on_result(&result);
            results[i] = Some(result);
        }
    });
    results.into_iter().flatten().collect()
}

enum Line {
    Results(String),
    Eof,
}

fn run_one(test: &TestEntry, options: &ExecOptions) -> TestResult {
    let started = Instant::now();
    let multiplier = options.timeout.as_secs_f64() / STANDARD_TIMEOUT.as_secs_f64();
    let harness_timeout = options.timeout * if test.meta.long { 6 } else { 1 };
    let limit = harness_timeout + GRACE;
    let mut command = Command::new(&options.exe);
    command
        .arg("wpt-child")
        .arg("--root")
        .arg(&options.root)
        .arg("--test")
        .arg(&test.id)
        .arg("--timeout-multiplier")
        .arg(multiplier.to_string())
        .arg("--limit")
        .arg(limit.as_secs_f64().to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    if options.virtual_time {
        command.arg("--virtual-time");
    }
    let mut child = match command.spawn() {
        Ok(c) => c,
        Err(e) => {
            return TestResult::without_results(
                &test.id,
                TestStatus::Crash,
                format!("could not start {}: {e}", options.exe.display()),
                started.elapsed(),
            )
        }
    };
    let stdout = child.stdout.take().expect("piped stdout");
    let mut stderr = child.stderr.take().expect("piped stderr");
    let (lines, line_receiver) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if let Some(json) = line.strip_prefix("ROUNDABOUT-WPT ") {
                let _ = lines.send(Line::Results(json.to_string()));
                return;
            }
        }
        let _ = lines.send(Line::Eof);
    });
    let stderr_reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let got = line_receiver.recv_timeout(limit.saturating_sub(started.elapsed()));
    // Results in hand (or out of time): the page is done with, like a closed tab.
    let _ = child.kill();
    let exit = child.wait();
    let stderr_text = stderr_reader.join().unwrap_or_default();
    let duration = started.elapsed();
    match got {
        Ok(Line::Results(json)) => TestResult::from_report(&test.id, &json, duration)
            .unwrap_or_else(|why| {
                TestResult::without_results(&test.id, TestStatus::Error, why, duration)
            }),
        Ok(Line::Eof) | Err(mpsc::RecvTimeoutError::Disconnected) => {
            let code = exit.ok().and_then(|s| s.code());
            // `roundabout run` exits 3 when its own time limit stopped it.
            let status = if code == Some(3) {
                TestStatus::Timeout
            } else {
                TestStatus::Crash
            };
            let tail = tail_of(&stderr_text);
            let message = match code {
                Some(c) => format!("exited with code {c} without results. {tail}"),
                None => format!("killed by a signal without results. {tail}"),
            };
            TestResult::without_results(&test.id, status, message.trim().to_string(), duration)
        }
        Err(mpsc::RecvTimeoutError::Timeout) => TestResult::without_results(
            &test.id,
            TestStatus::Timeout,
            format!(
                "no results after {:.0} s (harness timeout {:.0} s); killed. {}",
                limit.as_secs_f64(),
                harness_timeout.as_secs_f64(),
                tail_of(&stderr_text)
            )
            .trim()
            .to_string(),
            duration,
        ),
    }
}

fn tail_of(text: &str) -> String {
    let text = text.trim();
    if text.len() <= STDERR_KEPT {
        return text.to_string();
    }
    let mut start = text.len() - STDERR_KEPT;
    while !text.is_char_boundary(start) {
        start += 1;
    }
    format!("...{}", &text[start..])
}
