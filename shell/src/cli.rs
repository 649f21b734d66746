//! The command line: `roundabout run FILE [options]` and its exit codes.

use std::path::PathBuf;
use std::process::ExitCode;
use std::rc::Rc;
use std::time::Duration;

use clap::{Parser, Subcommand};
use roundabout_bindings::StdOutput;

use crate::page_source::PageSource;
use crate::run::{run_page, RunOptions};

/// Exit codes of `roundabout run`.
pub mod exit {
    /// Ran to quiescence.
    pub const OK: u8 = 0;
    /// `--fail-on-error` and an uncaught error (or unhandled rejection) was reported.
    pub const SCRIPT_ERROR: u8 = 1;
    /// Bad usage or input: missing file, a directory, not UTF-8, bad option.
    pub const BAD_INPUT: u8 = 2;
    /// `--timeout` was reached (after the pending-work report).
    pub const TIMEOUT: u8 = 3;
    /// A script was stopped: by the watchdog (`--script-timeout`) or because it
    /// exceeded the heap limit (`--max-heap-mb`).
    pub const STOPPED: u8 = 4;
}

#[derive(Parser, Debug)]
#[command(
    name = "roundabout",
    version,
    about = "Run HTML pages under a browser-style event loop"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Run a page (.html/.htm) or a classic script (.js) until nothing is left to do.
    ///
    /// Exit codes: 0 ran to quiescence; 1 an uncaught error with --fail-on-error;
    /// 2 bad usage or input; 3 --timeout reached; 4 a script was stopped by the
    /// watchdog or the heap limit. When several apply, the highest wins.
    Run(RunArgs),
    /// Open a page in a window (X11), driven by the same event loop: frames follow
    /// the frame clock while something changes, input becomes DOM events; closing
    /// the window ends the run.
    ///
    /// Exit codes: 0 the window was closed (or --timeout passed); 2 bad usage, bad
    /// input or no display.
    Window(WindowArgs),
    /// Run web-platform-tests (testharness.js tests) from a WPT checkout: ours
    /// (`wpt-subset/`) or a real one. Each test runs in a fresh process.
    ///
    /// PATHs are files or folders inside the root (or URL paths such as `/dom/nodes`,
    /// or one variant such as `/x/y.any.worker.html`); none means the whole root.
    /// Exit codes: 0 every test did what was expected; 1 an unexpected failure or
    /// pass (or a stale expectation); 2 bad usage or input.
    Wpt(WptArgs),
    /// (internal) Run one test for `roundabout wpt` and print its results.
    #[command(hide = true)]
    WptChild(WptChildArgs),
}

#[derive(clap::Args, Debug)]
pub struct WptArgs {
    /// Test files or folders (default: everything under the root).
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// The WPT checkout: `/resources/testharness.js` and `/common/...` resolve
    /// inside it (default: the nearest folder above the first PATH, or the current
    /// folder, that holds resources/testharness.js).
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Write results as wptreport JSON (the format wpt.fyi ingests).
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Which tests are expected not to pass (YAML, see wpt-subset/README.md); any
    /// test not listed must pass.
    #[arg(long, value_name = "FILE")]
    pub expectations: Option<PathBuf>,
    /// Tests run at once (default: the number of CPUs).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
    /// The harness timeout of a normal test, in seconds (timeout=long tests get six
    /// times as much).
    #[arg(long, value_name = "S", default_value = "10", value_parser = parse_seconds)]
    pub timeout: Duration,
    /// Run only this chunk (1-based) of --total-chunks: tests are assigned by a
    /// stable hash of their id, so CI machines can split a run.
    #[arg(long, value_name = "I", default_value_t = 1)]
    pub this_chunk: usize,
    #[arg(long, value_name = "N", default_value_t = 1)]
    pub total_chunks: usize,
    /// Run each test on a virtual clock (timers fire at once, deterministically).
    #[arg(long)]
    pub virtual_time: bool,
}

#[derive(clap::Args, Debug)]
pub struct WptChildArgs {
    #[arg(long)]
    pub root: PathBuf,
    #[arg(long)]
    pub test: String,
    #[arg(long, default_value_t = 1.0)]
    pub timeout_multiplier: f64,
    #[arg(long, value_parser = parse_seconds, default_value = "70")]
    pub limit: Duration,
    #[arg(long)]
    pub virtual_time: bool,
}

#[derive(clap::Args, Debug)]
pub struct RunArgs {
    /// The page or script to run.
    pub file: PathBuf,
    /// Jump the clock to the next timer instead of sleeping: pages that wait seconds
    /// finish at once, deterministically. Date.now and performance.now follow it.
    #[arg(long)]
    pub virtual_time: bool,
    /// Stop after S seconds (agent clock or real time, whichever comes first) and
    /// print what was still pending.
    #[arg(long, value_name = "S", value_parser = parse_seconds)]
    pub timeout: Option<Duration>,
    /// Stop any single script or callback that runs longer than MS milliseconds
    /// (0 disables the watchdog).
    #[arg(long, value_name = "MS", default_value_t = 10_000)]
    pub script_timeout: u64,
    /// Stop script that grows the JS heap past MB megabytes (0: no limit).
    #[arg(long, value_name = "MB", default_value_t = 4096)]
    pub max_heap_mb: usize,
    /// Exit with code 1 if any uncaught error or unhandled rejection was reported.
    #[arg(long)]
    pub fail_on_error: bool,
    /// Print only warnings and errors: drop console.log/info/debug output.
    #[arg(long)]
    pub quiet: bool,
    /// The folder the page may read from (default: the page's own folder); script
    /// `src` paths starting with `/` resolve here, as under a web server's root.
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Another folder the page's scripts may be loaded from (repeatable); give
    /// `src` a path that leads there (e.g. `../lib/x.js`).
    #[arg(long, value_name = "DIR")]
    pub allow_read: Vec<PathBuf>,
    /// Rendering opportunities per second (requestAnimationFrame's frame rate), 1 to
    /// 1000. Frames are taken only while something needs one.
    #[arg(long, value_name = "N", default_value_t = 60.0, value_parser = parse_frame_rate)]
    pub frame_rate: f64,
    /// After quiescence, evaluate EXPR in the page and print its value.
    #[arg(long, value_name = "EXPR")]
    pub eval: Option<String>,
    /// After the run, print the serialized DOM (the HTML serialization of the
    /// document) to stdout.
    #[arg(long)]
    pub dump_dom: bool,
    /// Write a PNG of the page as painted after the run settles (quiescence, or
    /// the --timeout).
    #[arg(long, value_name = "FILE")]
    pub screenshot: Option<PathBuf>,
    /// Take the --screenshot at this page time (ms) instead; the run then goes on.
    #[arg(long, value_name = "MS", requires = "screenshot")]
    pub screenshot_at: Option<u64>,
    /// The viewport size in CSS pixels.
    #[arg(long, value_name = "WxH", default_value = "800x600", value_parser = parse_viewport)]
    pub viewport: (u32, u32),
    /// Use the host's fonts too (default: only the embedded DejaVu fonts, so output
    /// is the same on every machine).
    #[arg(long)]
    pub system_fonts: bool,
}

#[derive(clap::Args, Debug)]
pub struct WindowArgs {
    /// The page to open.
    pub file: PathBuf,
    /// The window's initial size (the viewport) in pixels.
    #[arg(long, value_name = "WxH", default_value = "800x600", value_parser = parse_viewport)]
    pub viewport: (u32, u32),
    /// Close after this long (seconds).
    #[arg(long, value_name = "S", value_parser = parse_seconds)]
    pub timeout: Option<Duration>,
    /// Rendering opportunities per second.
    #[arg(long, value_name = "N", default_value_t = 60.0, value_parser = parse_frame_rate)]
    pub frame_rate: f64,
    /// Serve files from this folder (see `run --root`).
    #[arg(long, value_name = "DIR")]
    pub root: Option<PathBuf>,
    /// Also allow reading files under DIR (repeatable).
    #[arg(long, value_name = "DIR")]
    pub allow_read: Vec<PathBuf>,
    /// Use the host's fonts too.
    #[arg(long)]
    pub system_fonts: bool,
    /// Write a PNG of the last frame when the window closes ...
    #[arg(long, value_name = "FILE")]
    pub screenshot: Option<PathBuf>,
    /// ... or of the frame at this page time (ms).
    #[arg(long, value_name = "MS", requires = "screenshot")]
    pub screenshot_at: Option<u64>,
    /// Print frame-time statistics (paint + present) to stderr at the end.
    #[arg(long)]
    pub frame_stats: bool,
    /// Don't print console output.
    #[arg(long)]
    pub quiet: bool,
}

/// `WxH`, each between 1 and 16384 CSS px.
pub fn parse_viewport(s: &str) -> Result<(u32, u32), String> {
    let (w, h) = s
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("'{s}' is not WIDTHxHEIGHT (e.g. 800x600)"))?;
    let dim = |v: &str| -> Result<u32, String> {
        let n: u32 = v
            .trim()
            .parse()
            .map_err(|_| format!("'{s}' is not WIDTHxHEIGHT (e.g. 800x600)"))?;
        if (1..=16384).contains(&n) {
            Ok(n)
        } else {
            Err(format!(
                "'{s}': each side must be between 1 and 16384 pixels"
            ))
        }
    };
    Ok((dim(w)?, dim(h)?))
}

fn parse_seconds(s: &str) -> Result<Duration, String> {
    let secs: f64 = s
        .parse()
        .map_err(|_| format!("'{s}' is not a number of seconds"))?;
    if !secs.is_finite() || secs < 0.0 {
        return Err(format!("'{s}' is not a non-negative number of seconds"));
    }
    // Limits beyond a century are as good as none (and would overflow Instant).
    const CENTURY: f64 = 100.0 * 365.0 * 86_400.0;
    Duration::try_from_secs_f64(secs.min(CENTURY)).map_err(|e| format!("'{s}': {e}"))
}

fn parse_frame_rate(s: &str) -> Result<f64, String> {
    let rate: f64 = s
        .parse()
        .map_err(|_| format!("'{s}' is not a number of frames per second"))?;
    if !(1.0..=1000.0).contains(&rate) {
        return Err(format!("'{s}': the frame rate must be between 1 and 1000"));
    }
    Ok(rate)
}

pub fn main_with(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Run(args) => ExitCode::from(run(args)),
        Command::Window(args) => ExitCode::from(window(args)),
        Command::Wpt(args) => ExitCode::from(crate::wpt::run(crate::wpt::WptOptions {
            paths: args.paths,
            root: args.root,
            report: args.report,
            expectations: args.expectations,
            jobs: args
                .jobs
                .filter(|j| *j > 0)
                .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())),
            timeout: args.timeout,
            this_chunk: args.this_chunk,
            total_chunks: args.total_chunks,
            virtual_time: args.virtual_time,
        })),
        Command::WptChild(args) => {
            let options = crate::wpt::child::ChildOptions {
                root: &args.root,
                id: &args.test,
                virtual_time: args.virtual_time,
                timeout_multiplier: args.timeout_multiplier,
                limit: args.limit,
            };
            match crate::wpt::child::run_child(&options) {
                Ok(code) => ExitCode::from(code),
                Err(why) => {
                    eprintln!("roundabout wpt-child: {why}");
                    ExitCode::from(exit::BAD_INPUT)
                }
            }
        }
    }
}

fn window(args: WindowArgs) -> u8 {
    let loaded = match &args.root {
        Some(root) => PageSource::load_with_root(&args.file, root),
        None => PageSource::load(&args.file),
    };
    let page = match loaded.and_then(|mut page| {
        for dir in &args.allow_read {
            page.allow_read(dir)?;
        }
        Ok(page)
    }) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("roundabout: {e}");
            return exit::BAD_INPUT;
        }
    };
    let options = RunOptions {
        timeout: args.timeout,
        script_timeout: Some(Duration::from_secs(10)),
        frame_rate: Some(args.frame_rate),
        viewport: Some(args.viewport),
        system_fonts: args.system_fonts,
        screenshot: args.screenshot.clone(),
        screenshot_at: args.screenshot_at.map(Duration::from_millis),
        ..RunOptions::default()
    };
    let output = Rc::new(StdOutput { quiet: args.quiet });
    match crate::window::run_window(page, &options, output) {
        Ok(stats) => {
            if args.frame_stats {
                eprintln!("roundabout: {}", stats.summary());
            }
            exit::OK
        }
        Err(e) => {
            eprintln!("roundabout: {e}");
            exit::BAD_INPUT
        }
    }
}

fn run(args: RunArgs) -> u8 {
    let loaded = match &args.root {
        Some(root) => PageSource::load_with_root(&args.file, root),
        None => PageSource::load(&args.file),
    };
    let loaded = loaded.and_then(|mut page| {
        for dir in &args.allow_read {
            page.allow_read(dir)?;
        }
        Ok(page)
    });
    let page = match loaded {
        Ok(p) => p,
        Err(e) => {
            eprintln!("roundabout: {e}");
            return exit::BAD_INPUT;
        }
    };
    let options = RunOptions {
        virtual_time: args.virtual_time,
        timeout: args.timeout,
        script_timeout: (args.script_timeout > 0)
            .then(|| Duration::from_millis(args.script_timeout)),
        heap_limit: (args.max_heap_mb > 0).then(|| args.max_heap_mb.saturating_mul(1024 * 1024)),
        eval: args.eval.clone(),
        frame_rate: Some(args.frame_rate),
        viewport: Some(args.viewport),
        system_fonts: args.system_fonts,
        screenshot: args.screenshot.clone(),
        screenshot_at: args.screenshot_at.map(Duration::from_millis),
    };
    let output = Rc::new(StdOutput { quiet: args.quiet });
    let report = match run_page(page, &options, output) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("roundabout: {e}");
            return exit::BAD_INPUT;
        }
    };
    if args.dump_dom {
        println!("{}", report.dom);
    }
    for label in &report.abandoned {
        eprintln!("roundabout: abandoned work: {label} never reported back");
    }
    if let Some(pending) = &report.timed_out {
        let limit = args.timeout.unwrap_or_default().as_secs_f64();
        eprintln!("roundabout: --timeout {limit}s reached; still pending: {pending}");
        return if report.errors.stopped > 0 {
            exit::STOPPED
        } else {
            exit::TIMEOUT
        };
    }
    if report.errors.stopped > 0 {
        return exit::STOPPED;
    }
    if args.fail_on_error && report.errors.uncaught > 0 {
        return exit::SCRIPT_ERROR;
    }
    exit::OK
}
