//! `roundabout wpt`: runs web-platform-tests (testharness.js tests) from a WPT
//! checkout — ours (`wpt-subset/`) or a real one — and reports results.
//!
//! - [`discovery`]: which files are tests, and their variants and META;
//! - [`wrappers`]: the pages a WPT server generates for `.any.js` & co.;
//! - [`child`]: one test in one process (`roundabout wpt-child`, hidden);
//! - [`executor`]: processes in parallel, time limits, crashes;
//! - [`expectations`]: which tests may fail, and how;
//! - [`report`]: wptreport JSON.

pub mod child;
pub mod discovery;
pub mod executor;
pub mod expectations;
pub mod report;
pub mod results;
pub mod wrappers;

use std::collections::BTreeMap;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use discovery::{discover, entry_for_id, in_chunk, Skipped, TestEntry};
use executor::{run_tests, ExecOptions};
use expectations::{Expectations, Verdict};
use results::{Outcome, TestResult, TestStatus};

/// Exit codes of `roundabout wpt`.
pub mod exit {
    /// Every test did what was expected of it.
    pub const OK: u8 = 0;
    /// An unexpected failure, an unexpected pass, or a stale expectation.
    pub const UNEXPECTED: u8 = 1;
    /// Bad usage or input: no such path, no root, a broken expectations file.
    pub const BAD_INPUT: u8 = 2;
}

pub struct WptOptions {
    pub paths: Vec<PathBuf>,
    pub root: Option<PathBuf>,
    pub report: Option<PathBuf>,
    pub expectations: Option<PathBuf>,
    pub jobs: usize,
    pub timeout: Duration,
    pub this_chunk: usize,
    pub total_chunks: usize,
    pub virtual_time: bool,
}

pub fn run(options: WptOptions) -> u8 {
    match run_inner(options) {
        Ok(code) => code,
        Err(why) => {
            eprintln!("roundabout wpt: {why}");
            exit::BAD_INPUT
        }
    }
}

/// The folder above `start` (or `start` itself) that holds `resources/testharness.js`.
fn find_root(start: &Path) -> Option<PathBuf> {
    let start = start.canonicalize().ok()?;
    start
        .ancestors()
        .find(|d| d.join("resources/testharness.js").is_file())
        .map(Path::to_path_buf)
}

/// The tests the user's PATH arguments name (every test under the root if none).
fn select(root: &Path, paths: &[PathBuf]) -> Result<(Vec<TestEntry>, Skipped), String> {
    let mut tests: BTreeMap<String, TestEntry> = BTreeMap::new();
    let mut skipped = Skipped::default();
    let mut add = |found: discovery::Discovery| {
        skipped.reftests += found.skipped.reftests;
        skipped.manual += found.skipped.manual;
        skipped.unsupported_globals += found.skipped.unsupported_globals;
        for t in found.tests {
            tests.insert(t.id.clone(), t);
        }
    };
    if paths.is_empty() {
        add(discover(root, root)?);
    }
    for path in paths {
        let shown = path.display().to_string();
        // A path on disk, or a URL path under the root (`/dom/nodes`), or the id of
        // one generated variant (`/x/y.any.worker.html`).
        let on_disk = if path.exists() {
            Some(path.clone())
        } else {
            let rel = shown.trim_start_matches('/');
            root.join(rel).exists().then(|| root.join(rel))
        };
        match on_disk {
            Some(p) => {
                let p = p.canonicalize().map_err(|e| format!("{shown}: {e}"))?;
                if !p.starts_with(root) {
                    return Err(format!("{shown}: not inside the root {}", root.display()));
                }
                add(discover(root, &p)?);
            }
            None => {
                let id = format!("/{}", shown.trim_start_matches('/'));
                let entry = entry_for_id(root, &id)
                    .map_err(|_| format!("{shown}: no such file, folder or test"))?;
                add(discovery::Discovery {
                    tests: vec![entry],
                    skipped: Skipped::default(),
                });
            }
        }
    }
    Ok((tests.into_values().collect(), skipped))
}

fn run_inner(options: WptOptions) -> Result<u8, String> {
    if options.total_chunks == 0
        || options.this_chunk == 0
        || options.this_chunk > options.total_chunks
    {
        return Err(format!(
            "--this-chunk {} --total-chunks {}: chunks are numbered 1 to the total",
            options.this_chunk, options.total_chunks
        ));
    }
    let root = match &options.root {
        Some(r) => r
            .canonicalize()
            .map_err(|e| format!("--root {}: {e}", r.display()))?,
        None => {
            let start = options
                .paths
                .first()
                .cloned()
                .unwrap_or_else(|| PathBuf::from("."));
            find_root(&start).ok_or_else(|| {
                format!(
                    "no --root given and no folder above {} holds resources/testharness.js",
                    start.display()
                )
            })?
        }
    };
    if !root.is_dir() {
        return Err(format!("--root {}: not a folder", root.display()));
    }
    let expectations = match &options.expectations {
        Some(p) => Expectations::load(p)?,
        None => Expectations::default(),
    };
    let (found, skipped) = select(&root, &options.paths)?;
    if found.is_empty() {
        return Err(format!(
            "no testharness tests found ({} reftests, {} manual tests skipped)",
            skipped.reftests, skipped.manual
        ));
    }
    let whole_root = options.paths.is_empty() && options.total_chunks == 1;
    let stale: Vec<String> = if whole_root {
        expectations
            .entries
            .iter()
            .filter(|e| {
                !found.iter().any(|t| {
                    expectations
                        .lookup(&t.id)
                        .is_some_and(|hit| std::ptr::eq(hit, *e))
                })
            })
            .map(|e| {
                format!(
                    "{}/{}: [{}] matches no test",
                    e.dir,
                    e.glob,
                    e.expected.as_str()
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    let mut skipped_by_expectations = 0;
    let tests: Vec<TestEntry> = found
        .into_iter()
        .filter(|t| in_chunk(&t.id, options.this_chunk, options.total_chunks))
        .filter(|t| {
            let skip = expectations
                .lookup(&t.id)
                .is_some_and(|e| e.expected == expectations::Expected::Skip);
            skipped_by_expectations += usize::from(skip);
            !skip
        })
        .collect();

    let exe =
        std::env::current_exe().map_err(|e| format!("cannot find the roundabout binary: {e}"))?;
    let exec = ExecOptions {
        exe,
        root: root.clone(),
        virtual_time: options.virtual_time,
        timeout: options.timeout,
        jobs: options.jobs,
    };
    let started_at = SystemTime::now();
    let started = Instant::now();
    let progress = Progress::new(tests.len());
    let results = run_tests(&tests, &exec, |r| {
        progress.result(r, expectations.verdict(&r.id, r.outcome()));
    });
    progress.finish();
    let elapsed = started.elapsed();

    if let Some(path) = &options.report {
        let info = report::RunInfo {
            virtual_time: options.virtual_time,
            this_chunk: options.this_chunk,
            total_chunks: options.total_chunks,
        };
        report::write(
            path,
            &report::build(&results, &info, started_at, SystemTime::now()),
        )?;
    }

    let summary = Summary::of(&results, &expectations);
    summary.print_unexpected(&results, &expectations);
    for s in &stale {
        println!("stale expectation: {s}");
    }
    let mut by_status: BTreeMap<TestStatus, usize> = BTreeMap::new();
    for r in &results {
        *by_status.entry(r.status).or_default() += 1;
    }
    let statuses: Vec<String> = by_status
        .iter()
        .map(|(s, n)| format!("{n} {}", s.as_str()))
        .collect();
    println!(
        "Ran {} tests in {:.1} s with {} job{}{}: {}",
        results.len(),
        elapsed.as_secs_f64(),
        options.jobs,
        if options.jobs == 1 { "" } else { "s" },
        if options.total_chunks > 1 {
            format!(
                " (chunk {} of {})",
                options.this_chunk, options.total_chunks
            )
        } else {
            String::new()
        },
        if statuses.is_empty() {
            "none".to_string()
        } else {
            statuses.join(", ")
        }
    );
    println!(
        "{} as expected ({} expected not to pass), {} unexpected failures, {} unexpected passes; skipped: {} reftests, {} manual, {} unsupported globals, {} by expectations",
        summary.expected,
        summary.expected_not_passing,
        summary.unexpected_failures,
        summary.unexpected_passes,
        skipped.reftests,
        skipped.manual,
        skipped.unsupported_globals,
        skipped_by_expectations
    );
    println!(
        "{} passed, {} failed",
        summary.subtests_passed, summary.subtests_failed
    );
    let clean =
        summary.unexpected_failures == 0 && summary.unexpected_passes == 0 && stale.is_empty();
    Ok(if clean { exit::OK } else { exit::UNEXPECTED })
}

#[derive(Default)]
struct Summary {
    expected: usize,
    expected_not_passing: usize,
    unexpected_failures: usize,
    unexpected_passes: usize,
    subtests_passed: usize,
    subtests_failed: usize,
}

impl Summary {
    fn of(results: &[TestResult], expectations: &Expectations) -> Summary {
        let mut s = Summary::default();
        for r in results {
            match expectations.verdict(&r.id, r.outcome()) {
                Verdict::Expected => {
                    s.expected += 1;
                    if r.outcome() != Outcome::Pass {
                        s.expected_not_passing += 1;
                    }
                }
                Verdict::UnexpectedFailure => s.unexpected_failures += 1,
                Verdict::UnexpectedPass => s.unexpected_passes += 1,
            }
            for t in &r.subtests {
                if t.status == "PASS" {
                    s.subtests_passed += 1;
                } else {
                    s.subtests_failed += 1;
                }
            }
        }
        s
    }

    fn print_unexpected(&self, results: &[TestResult], expectations: &Expectations) {
        if self.unexpected_failures + self.unexpected_passes == 0 {
            return;
        }
        println!("\nUnexpected results:");
        for r in results {
            match expectations.verdict(&r.id, r.outcome()) {
                Verdict::Expected => {}
                Verdict::UnexpectedPass => {
                    let e = expectations
                        .lookup(&r.id)
                        .map(|e| e.expected.as_str())
                        .unwrap_or("");
                    println!("  {} passed but is expected to {e}: remove its entry", r.id);
                }
                Verdict::UnexpectedFailure => {
                    let message = r
                        .message
                        .as_deref()
                        .map(|m| format!(": {m}"))
                        .unwrap_or_default();
                    println!("  {} {}{message}", r.id, r.status.as_str());
                    let failing: Vec<_> =
                        r.subtests.iter().filter(|t| t.status != "PASS").collect();
                    for t in failing.iter().take(10) {
                        let m = t.message.as_deref().unwrap_or("");
                        println!("    {} {}: {m}", t.status, t.name);
                    }
                    if failing.len() > 10 {
                        println!("    ... and {} more", failing.len() - 10);
                    }
                }
            }
        }
        println!();
    }
}

/// Progress: a bar on a terminal, a line per test otherwise (CI logs).
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    total: usize,
    done: std::cell::Cell<usize>,
}

impl Progress {
    fn new(total: usize) -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new(total as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template(
                    "{elapsed_precise} [{bar:40}] {pos}/{len} {wide_msg}",
                )
                .expect("a valid template")
                .progress_chars("=> "),
            );
            bar
        });
        Progress {
            bar,
            total,
            done: std::cell::Cell::new(0),
        }
    }

    fn result(&self, r: &TestResult, verdict: Verdict) {
        self.done.set(self.done.get() + 1);
        let passed = r.subtests.iter().filter(|t| t.status == "PASS").count();
        let word = match r.outcome() {
            Outcome::Pass => "PASS",
            Outcome::Fail => "FAIL",
            Outcome::Timeout => "TIMEOUT",
            Outcome::Crash => "CRASH",
        };
        let note = match verdict {
            Verdict::Expected if r.outcome() != Outcome::Pass => " (expected)",
            Verdict::Expected => "",
            Verdict::UnexpectedFailure => " (UNEXPECTED)",
            Verdict::UnexpectedPass => " (UNEXPECTED PASS)",
        };
        let line = format!(
            "[{:>w$}/{}] {word}{note} {} ({passed}/{} subtests, {} ms)",
            self.done.get(),
            self.total,
            r.id,
            r.subtests.len(),
            r.duration.as_millis(),
            w = self.total.to_string().len()
        );
        match &self.bar {
            Some(bar) => {
                if verdict != Verdict::Expected {
                    bar.println(line);
                }
                bar.set_message(r.id.clone());
                bar.inc(1);
            }
            None => println!("{line}"),
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
