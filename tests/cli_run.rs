//! `roundabout run` end to end: the binary on fixture pages, exact output and exit
//! codes.

use std::path::Path;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn fixtures() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures"))
}

fn roundabout(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_roundabout"))
        .args(args)
        .current_dir(fixtures())
        .output()
        .expect("run roundabout")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn lines(s: &str) -> Vec<&str> {
    s.lines().collect()
}

#[track_caller]
fn assert_run(args: &[&str], code: i32, out: &[&str], err: &[&str]) {
    let o = roundabout(args);
    assert_eq!(
        lines(&stdout(&o)),
        out,
        "stdout of {args:?}\nstderr:\n{}",
        stderr(&o)
    );
    assert_eq!(lines(&stderr(&o)), err, "stderr of {args:?}");
    assert_eq!(o.status.code(), Some(code), "exit code of {args:?}");
}

#[test]
fn sync_then_microtasks_then_timers_and_a_checkpoint_between_scripts() {
    assert_run(
        &["run", "order.html"],
        0,
        &[
            "sync 1",
            "sync 2",
            "microtask 1",
            "microtask 2",
            "second script",
            "second script's microtask",
            "timeout",
        ],
        &[],
    );
}

#[test]
fn nested_microtasks_run_before_the_next_task() {
    assert_run(
        &["run", "nested-microtasks.js"],
        0,
        &[
            "async start",
            "sync end",
            "m1",
            "m2",
            "after await",
            "m1.1",
            "m1.1.1",
            "task",
            "task's microtask",
            "next task",
        ],
        &[],
    );
}

#[test]
fn timers_fire_by_delay_with_fifo_ties_and_idl_conversions() {
    assert_run(
        &["run", "--virtual-time", "timers-by-delay.js"],
        0,
        &[
            "ids positive and distinct: true",
            "zero @0",
            "negative -> 0 @0",
            "NaN -> 0 @0",
            "2^31 wraps negative -> 0 @0",
            "extra arguments: x y",
            "2^32 + 5 wraps to 5 @5",
            "a 10ms @10",
            "'15' string -> 15 @15",
            "tie 1 (20ms) @20",
            "tie 2 (20ms) @20",
            "tie 3 (20ms) @20",
            "c 30ms @30",
        ],
        &[],
    );
}

#[test]
fn set_interval_until_cleared_from_its_callback() {
    assert_run(
        &["run", "--virtual-time", "interval.js"],
        0,
        &[
            "tick 1 @100",
            "tick 2 @200",
            "tick 3 @300",
            "tick 4 @400",
            "cleared from inside the callback",
        ],
        &[],
    );
}

#[test]
fn nested_zero_timeouts_show_the_clamp_exactly_under_virtual_time() {
    let expected: Vec<String> = (1..=10)
        .map(|i| format!("step {i}: +{}", if i <= 6 { 0 } else { 4 }))
        .collect();
    let expected: Vec<&str> = expected.iter().map(String::as_str).collect();
    assert_run(
        &["run", "--virtual-time", "clamp-chain.js"],
        0,
        &expected,
        &[],
    );
}

#[test]
fn real_time_clamp_chain_takes_at_least_the_clamped_time() {
    let started = Instant::now();
    let o = roundabout(&["run", "clamp-chain.js"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(stdout(&o).lines().count(), 10);
    assert!(
        started.elapsed() >= Duration::from_millis(16),
        "4 clamped steps of 4 ms"
    );
}

#[test]
fn virtual_time_finishes_an_hour_long_wait_at_once() {
    let started = Instant::now();
    assert_run(
        &["run", "--virtual-time", "virtual-time.js"],
        0,
        &[
            "performance.now advanced 3600000 ms",
            "Date.now advanced 3600000 ms",
            "new Date() agrees: true",
        ],
        &[],
    );
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn watchdog_stops_an_infinite_loop_and_the_loop_goes_on() {
    let started = Instant::now();
    assert_run(
        &["run", "--script-timeout", "200", "infinite-loop.js"],
        4,
        &["before the loop", "the event loop goes on after the watchdog"],
        &["Uncaught Error: script ran longer than 200 ms and was stopped by the watchdog (--script-timeout)"],
    );
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn heap_limit_stops_a_runaway_allocation_and_the_loop_goes_on() {
    let started = Instant::now();
    assert_run(
        &["run", "--max-heap-mb", "64", "out-of-memory.js"],
        4,
        &["allocating", "the event loop goes on after the heap limit"],
        &["Uncaught RangeError: out of memory: the script exceeded the 64 MB heap limit and was stopped (--max-heap-mb)"],
    );
    assert!(
        started.elapsed() < Duration::from_secs(9),
        "stopped by the heap limit, not the watchdog"
    );
}

#[test]
fn uncaught_errors_are_reported_with_locations_and_the_loop_goes_on() {
    let expected_err = [
        "Uncaught TypeError: boom",
        "    at uncaught.html:10:9",
        "Uncaught (in promise) RangeError: nobody handles this",
        "    at uncaught.html:8:18",
        "Uncaught TypeError: Cannot read properties of null (reading 'property')",
        "    at boom (uncaught.html:4:5)",
    ];
    let out = ["handled", "next script runs", "later timer still runs"];
    assert_run(&["run", "uncaught.html"], 0, &out, &expected_err);
    assert_run(
        &["run", "--fail-on-error", "uncaught.html"],
        1,
        &out,
        &expected_err,
    );
}

#[test]
fn hostile_values_and_blocking_calls_are_contained() {
    assert_run(
        &["run", "--fail-on-error", "hostile.js"],
        1,
        &[
            "Atomics.wait: TypeError",
            "SharedArrayBuffer: undefined",
            "still running",
        ],
        &[
            "Uncaught <a value that could not be described>",
            "Uncaught <a value that could not be described>",
            "Uncaught Error: after hasInstance was replaced",
            "    at hostile.js:9:28",
        ],
    );
}

#[test]
fn dom_methods_called_on_the_wrong_node_throw_instead_of_crashing() {
    assert_run(
        &["run", "hostile-dom.js"],
        0,
        &[
            "setAttribute on Text: TypeError",
            "NS: TypeError",
            "appendData on element: TypeError",
            "innerHTML on Text ignored: 0",
            "splitText on element: IndexSizeError",
            "fake this: TypeError",
            "still alive",
        ],
        &[],
    );
}

#[test]
fn page_code_cannot_reach_deno_or_ops() {
    assert_run(
        &["run", "hidden-internals.js"],
        0,
        &[
            "undefined undefined false",
            "undefined undefined undefined undefined",
            "undefined undefined",
            "0",
            "undefined",
            "ReferenceError",
        ],
        &[],
    );
}

#[test]
fn console_formats_and_streams() {
    assert_run(
        &["run", "console-format.js"],
        0,
        &[
            "cart has 3 items costing 2.5 (7)",
            "{ a: [ 1, { b: 2 } ] } and 'str'",
            " styled %",
            "too few: one %s",
            "extra args 1 { k: 'v' } [ 1, <1 empty item>, 3 ] null undefined",
            "Map(1) { 'k' => { deep: { deeper: [Object] } } } Set(2) { 1, 'two' }",
            "-0 10n Symbol(sym) true [Function: named] [class K]",
            "{ name: 'loop', self: [Circular] }",
            "info goes to stdout",
            "debug goes to stdout",
        ],
        &["warn goes to stderr", "error goes to stderr"],
    );
}

#[test]
fn quiet_drops_stdout_console_but_keeps_errors() {
    assert_run(
        &["run", "--quiet", "console-format.js"],
        0,
        &[],
        &["warn goes to stderr", "error goes to stderr"],
    );
}

#[test]
fn timeout_reports_pending_work_and_exits_3() {
    let dir = tempdir();
    let page = dir.join("pending.js");
    std::fs::write(
        &page,
        "setInterval(() => {}, 100); setTimeout(() => {}, 1e6); setTimeout(() => {}, 2e6);",
    )
    .unwrap();
    let p = page.to_str().unwrap();
    assert_run(
        &["run", "--virtual-time", "--timeout", "5", p],
        3,
        &[],
        &["roundabout: --timeout 5s reached; still pending: 2 timers, 1 interval"],
    );
    let started = Instant::now();
    let o = roundabout(&["run", "--timeout", "0.3", p]);
    assert_eq!(o.status.code(), Some(3));
    assert!(started.elapsed() >= Duration::from_millis(300));
}

#[test]
fn bad_input_exits_2_with_one_line() {
    for (args, message) in [
        (
            vec!["run", "missing.html"],
            "roundabout: missing.html: no such file",
        ),
        (
            vec!["run", "."],
            "roundabout: .: is a directory, not a page",
        ),
        (
            vec!["run", "not-utf8.js"],
            "roundabout: not-utf8.js: not valid UTF-8 (first bad byte at offset 4)",
        ),
    ] {
        assert_run(&args, 2, &[], &[message]);
    }
    let o = roundabout(&["run", "--timeout", "soon", "plain.js"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("'soon' is not a number of seconds"),
        "{}",
        stderr(&o)
    );
    let o = roundabout(&["run"]);
    assert_eq!(o.status.code(), Some(2));
    let o = roundabout(&["run", "--no-such-flag", "plain.js"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn document_lifecycle_in_browser_order() {
    assert_run(
        &["run", "lifecycle.html"],
        0,
        &[
            "head script: readyState=loading, body=null",
            "body script sees #first: true, #later: null",
            "currentScript is this script: true",
            "last script sees #later: later",
            "readystatechange: interactive",
            "DOMContentLoaded (trusted=true, bubbles=true)",
            "microtask after the first DOMContentLoaded listener",
            "second DOMContentLoaded listener",
            "DOMContentLoaded reaches window",
            "timer set in the head",
            "readystatechange: complete",
            // HTML fires load at the window with the legacy target override flag.
            "load: readyState=complete, target is document: true",
        ],
        &[],
    );
}

/// `*.chromium.html` were recorded once with `chromium --headless --dump-dom
/// file://.../NAME.html` (Chromium 156) and committed; observer-order (which needs
/// an animation frame before the dump) with `--headless=new --virtual-time-budget=3000`.
/// observer-order logs MutationObserver callbacks, promise jobs, microtasks, a
/// timer and two animation frame callbacks into the page, so the dump is the order.
#[test]
fn dump_dom_matches_chromium_on_the_fixture_pages() {
    for name in ["dom-edit", "lifecycle", "parse-tricky", "observer-order"] {
        let o = roundabout(&["run", "--dump-dom", "--quiet", &format!("{name}.html")]);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stderr(&o));
        let chromium =
            std::fs::read_to_string(fixtures().join(format!("{name}.chromium.html"))).unwrap();
        assert_eq!(stdout(&o), chromium, "{name}");
    }
}

#[test]
fn eval_prints_a_value_after_quiescence() {
    assert_run(
        &[
            "run",
            "--quiet",
            "--eval",
            "[document.title, document.querySelectorAll('li.added').length]",
            "dom-edit.html",
        ],
        0,
        &["[ 'Edited 3', 2 ]"],
        &[],
    );
    assert_run(
        &["run", "--eval", "missing()", "plain.js"],
        0,
        &["fine"],
        &["Uncaught ReferenceError: missing is not defined"],
    );
}

#[test]
fn scripts_load_only_from_inside_the_root() {
    let dir = tempdir();
    let site = dir.join("site");
    std::fs::create_dir_all(site.join("lib")).unwrap();
    std::fs::write(dir.join("secret.js"), "console.log('SECRET LEAKED')").unwrap();
    std::fs::write(site.join("lib/ok.js"), "console.log('lib loaded')").unwrap();
    std::os::unix::fs::symlink(dir.join("secret.js"), site.join("lib/link.js")).unwrap();
    std::fs::create_dir_all(site.join("pages")).unwrap();
    let page = site.join("pages/page.html");
    std::fs::write(
        &page,
        r#"<script src="/lib/ok.js"></script>
<script src="../lib/ok.js"></script>
<script src="../../secret.js"></script>
<script src="/lib/link.js"></script>
<script src="https://example.com/x.js"></script>
<script>console.log("page done")</script>"#,
    )
    .unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_roundabout"))
        .args(["run", "--root"])
        .arg(&site)
        .arg(&page)
        .output()
        .unwrap();
    let out = stdout(&o);
    let err = stderr(&o);
    assert_eq!(
        lines(&out),
        ["lib loaded", "lib loaded", "page done"],
        "{err}"
    );
    assert!(!out.contains("SECRET"));
    assert_eq!(
        err.matches("refused").count(),
        2,
        "the ../ escape and the symlink: {err}"
    );
    assert!(
        err.contains("https://example.com/x.js: only files"),
        "{err}"
    );
    // Without --root the page's own folder is the limit: /lib is then pages/lib.
    let o = Command::new(env!("CARGO_BIN_EXE_roundabout"))
        .args(["run"])
        .arg(&page)
        .output()
        .unwrap();
    assert_eq!(lines(&stdout(&o)), ["page done"]);
}

#[test]
fn module_imports_load_only_from_inside_the_root() {
    let dir = tempdir();
    let site = dir.join("site");
    std::fs::create_dir_all(site.join("lib")).unwrap();
    std::fs::write(
        dir.join("secret.js"),
        "console.log('SECRET LEAKED'); export {}",
    )
    .unwrap();
    std::fs::write(
        site.join("lib/ok.js"),
        "console.log('lib/ok.js evaluated'); export const ok = 1;",
    )
    .unwrap();
    std::os::unix::fs::symlink(dir.join("secret.js"), site.join("lib/link.js")).unwrap();
    std::fs::create_dir_all(site.join("pages")).unwrap();
    let page = site.join("pages/page.html");
    std::fs::write(
        &page,
        r#"<script type="module">
import { ok } from "/lib/ok.js";
import { ok as same } from "../lib/ok.js";
console.log("static imports", ok, same);
for (const s of ["../../secret.js", "/lib/link.js", "https://example.com/x.js", "lodash"]) {
  try { await import(s); console.log("imported", s); }
  catch (e) { console.log(s, "->", e.name); }
}
</script>
<script type="module" src="../../secret.js"></script>"#,
    )
    .unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_roundabout"))
        .args(["run", "--root"])
        .arg(&site)
        .arg(&page)
        .output()
        .unwrap();
    let (out, err) = (stdout(&o), stderr(&o));
    assert!(!out.contains("SECRET"), "{out}");
    assert_eq!(
        lines(&out),
        [
            "lib/ok.js evaluated",
            "static imports 1 1",
            "../../secret.js -> TypeError",
            "/lib/link.js -> TypeError",
            "https://example.com/x.js -> TypeError",
            "lodash -> TypeError",
        ],
        "{err}"
    );
    assert!(
        err.contains("Failed to load module script ../../secret.js: outside the folder"),
        "{err}"
    );
}

#[test]
fn error_events_come_first_and_a_canceled_error_is_not_reported() {
    assert_run(
        &["run", "--fail-on-error", "handled-error.js"],
        1,
        &[
            "error event: Uncaught Error: handled at line 11",
            "unhandledrejection: rejected",
            "error event: Uncaught Error: not handled at line 9",
        ],
        &[
            "Uncaught Error: not handled",
            "    at handled-error.js:9:26",
        ],
    );
}

#[test]
fn virtual_time_takes_exactly_one_tick_per_frame() {
    assert_run(
        &["run", "--virtual-time", "frames.js"],
        0,
        &[
            "frames 60, first 16.667, last 1000.000, now 1000.000",
            "idle after the frames: false 50.000",
        ],
        &[],
    );
    assert_run(
        &["run", "--virtual-time", "--frame-rate", "30", "frames.js"],
        0,
        &[
            "frames 60, first 33.333, last 2000.000, now 2000.000",
            "idle after the frames: false 50.000",
        ],
        &[],
    );
}

#[test]
fn a_pending_animation_frame_keeps_the_run_alive_until_the_timeout() {
    let dir = tempdir();
    let page = dir.join("forever.js");
    std::fs::write(
        &page,
        "requestAnimationFrame(function f() { requestAnimationFrame(f); });",
    )
    .unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_roundabout"))
        .args(["run", "--virtual-time", "--timeout", "5"])
        .arg(&page)
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(3), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("still pending: 1 animation frame callback"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn error_events_get_a_checkpoint_after_each_listener() {
    assert_run(
        // Virtual time: the rAF frame comes after the load task however busy the
        // machine is (in real time a slow load task can miss the first frame).
        &["run", "--virtual-time", "error-checkpoints.html"],
        0,
        &[
            "error listener 1 Uncaught Error: from script",
            "error listener 2",
            "microtask between error listeners",
            "timer's own microtask",
            "error listener 1 Uncaught Error: from timer",
            "microtask between error listeners",
            "error listener 2",
            "error listener 1 Uncaught Error: from load listener",
            "microtask between error listeners",
            "error listener 2",
            "second load listener",
            "error listener 1 Uncaught TypeError: from rAF",
            "microtask between error listeners",
            "error listener 2",
        ],
        &[],
    );
}

#[test]
fn workers_share_the_virtual_clock_and_end_the_run_when_idle() {
    let started = std::time::Instant::now();
    assert_run(
        &["run", "--virtual-time", "workers/shared-clock.html"],
        0,
        &[
            "page got \"worker timer 1000 ran at 1000\" at 1000",
            "page timer 1500 ran at 1500",
            "page got \"worker timer 2500 ran at 2500\" at 2500",
            "page timer 3000 ran at 3000",
        ],
        &[],
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

#[test]
fn terminate_stops_a_busy_worker_at_once() {
    let started = std::time::Instant::now();
    assert_run(
        &["run", "workers/terminate-busy.html"],
        0,
        &["page got \"spinning\"", "terminated"],
        &[],
    );
    assert!(started.elapsed() < std::time::Duration::from_secs(5));
}

#[test]
fn a_crashing_worker_thread_does_not_take_the_page_down() {
    let o = Command::new(env!("CARGO_BIN_EXE_roundabout"))
        .current_dir(fixtures())
        .env("ROUNDABOUT_TEST_PANIC_WORKER", "crasher")
        .args(["run", "workers/crash.html"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    let mut out = lines(&text);
    out.sort();
    assert_eq!(
        out,
        [
            "error event: the worker crashed: ROUNDABOUT_TEST_PANIC_WORKER=crasher",
            "still talking: healthy: hello",
        ]
    );
}

/// 1000 create/answer/terminate cycles: threads stay bounded by the workers alive at
/// once (one here, plus the watchdog and ones still unwinding). Memory grows by what
/// the runtime keeps per created runtime (~0.9 MB on the QuickJS backend, upstream:
/// `cargo run --release -p roundabout-bindings --example runtime_leak` shows it
/// without any Roundabout code), so the bound is 64 MB + 1.2 MB per worker created.
#[test]
fn a_thousand_worker_lifetimes_keep_threads_and_memory_bounded() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_roundabout"))
        .current_dir(fixtures())
        .args(["run", "--timeout", "120", "workers/stress.html"])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let status_file = format!("/proc/{}/status", child.id());
    let (mut max_threads, mut max_rss_kb) = (0u64, 0u64);
    while child.try_wait().unwrap().is_none() {
        if let Ok(status) = std::fs::read_to_string(&status_file) {
            for line in status.lines() {
                let value = |l: &str| {
                    l.split_whitespace()
                        .nth(1)
                        .and_then(|v| v.parse::<u64>().ok())
                        .unwrap_or(0)
                };
                if line.starts_with("Threads:") {
                    max_threads = max_threads.max(value(line));
                } else if line.starts_with("VmRSS:") {
                    max_rss_kb = max_rss_kb.max(value(line));
                }
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        lines(&stdout(&o)),
        ["1000 workers created, answered and terminated"]
    );
    assert!(max_threads <= 16, "peak threads {max_threads}");
    assert!(
        max_rss_kb <= 64 * 1024 + 1000 * 1229,
        "peak RSS {max_rss_kb} KB"
    );
    eprintln!("stress: peak {max_threads} threads, {max_rss_kb} KB RSS");
}

#[test]
fn script_cannot_make_the_parser_build_a_cycle() {
    assert_run(
        &["run", "parser-cycle.html"],
        0,
        &["still running: true"],
        &[],
    );
}

#[test]
fn an_idle_callback_polling_itself_lets_timers_and_virtual_time_move() {
    assert_run(
        &["run", "--virtual-time", "idle-poll.js"],
        0,
        &["done after 3 polls at 100"],
        &[],
    );
}

#[test]
fn replaced_built_ins_do_not_break_frames_idle_callbacks_or_observers() {
    let o = roundabout(&["run", "--timeout", "10", "tamper-builtins.html"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    let mut got = lines(&text);
    got.sort();
    assert_eq!(
        got,
        [
            "animation frame ran",
            "idle callback ran",
            "observer: 1 record(s)"
        ]
    );
}

#[test]
fn plain_run_exits_0() {
    assert_run(&["run", "plain.js"], 0, &["fine"], &[]);
}

fn tempdir() -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "roundabout-test-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
