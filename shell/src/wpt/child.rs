//! One test in one process: `roundabout wpt-child` (hidden) opens the test's page in
//! a fresh agent, with the generated wrapper files and our report script, and runs it.
//! The report script prints the `ROUNDABOUT-WPT {...}` line the runner reads; the
//! runner kills the process once it has that line (as a browser closes the tab).

use std::path::Path;
use std::rc::Rc;
use std::time::Duration;

use roundabout_bindings::StdOutput;

use super::discovery::entry_for_id;
use super::wrappers::{report_script, wrap};
use crate::page_source::{read_utf8, PageSource};
use crate::run::{run_page, RunOptions};

/// The origin of test pages, as in wptrunner's default configuration.
pub const WPT_ORIGIN: &str = "http://web-platform.test:8000";

pub struct ChildOptions<'a> {
    pub root: &'a Path,
    pub id: &'a str,
    pub virtual_time: bool,
    pub timeout_multiplier: f64,
    /// The whole run's limit (a backstop: the runner kills the process first).
    pub limit: Duration,
}

/// Runs the test; returns `roundabout run`'s exit code for how the run ended (3 if
/// the limit stopped it).
pub fn run_child(options: &ChildOptions) -> Result<u8, String> {
    let root = options
        .root
        .canonicalize()
        .map_err(|e| format!("{}: {e}", options.root.display()))?;
    let entry = entry_for_id(&root, options.id)?;
    // For the runner's crash test: the test whose id is this variable's value aborts
    // its process (the run must go on and report it as CRASH).
    if std::env::var("ROUNDABOUT_TEST_CRASH_WPT").is_ok_and(|id| id == options.id) {
        std::process::abort();
    }
    let wrapped = wrap(&entry);
    let html = match wrapped.html {
        Some(html) => html,
        None => read_utf8(&entry.source, options.id).map_err(|e| e.to_string())?,
    };
    let mut generated = wrapped.generated;
    generated.push((
        "resources/testharnessreport.js".into(),
        report_script(options.timeout_multiplier),
    ));
    let mut page = PageSource::generated_page(&root, &wrapped.page_path, html, generated)
        .map_err(|e| e.to_string())?;
    // Tests see the URLs wptrunner's server gives them (location.pathname is the
    // test's path under the root).
    page.url_base = Some(WPT_ORIGIN.to_string());
    page.url_suffix = entry.variant.clone();
    let run = RunOptions {
        virtual_time: options.virtual_time,
        timeout: Some(options.limit),
        script_timeout: Some(Duration::from_secs(10)),
        ..RunOptions::default()
    };
    let report =
        run_page(page, &run, Rc::new(StdOutput { quiet: false })).map_err(|e| e.to_string())?;
    Ok(if report.timed_out.is_some() {
        crate::cli::exit::TIMEOUT
    } else {
        crate::cli::exit::OK
    })
}
