//! `roundabout run`: load a page, run its scripts under the event loop to quiescence
//! (or a time limit), and report what happened.

use std::rc::Rc;
use std::time::Duration;

use roundabout_bindings::{ClassicScript, ConsoleLevel, HostError, HostOptions, JsHost, Output};
use roundabout_engine::{
    Clock, ErrorCounts, EventLoop, LoopState, PendingReport, RunOutcome, Task, TaskSource,
};

use crate::inline_scripts::{find_scripts, normalize_newlines, PageScript, ScriptKind};
use crate::page_source::{read_utf8, PageKind, PageSource};

#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    pub virtual_time: bool,
    /// Stop after this long (agent clock or real time, whichever is first).
    pub timeout: Option<Duration>,
    /// The watchdog limit for one entry into script; `None` disables it.
    pub script_timeout: Option<Duration>,
    /// The JS heap limit in bytes; `None` leaves the engine's default.
    pub heap_limit: Option<usize>,
}

#[derive(Debug)]
pub struct RunReport {
    /// Set when the time limit stopped the run: what was still pending.
    pub timed_out: Option<PendingReport>,
    pub errors: ErrorCounts,
    /// Off-thread work that was dropped without reporting back.
    pub abandoned: Vec<String>,
}

#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error(transparent)]
    Host(#[from] HostError),
    #[error("event loop: {0}")]
    Loop(#[from] std::io::Error),
}

/// Runs `page` to quiescence (or `options.timeout`), sending console output and error
/// reports to `output`.
pub fn run_page(
    page: PageSource,
    options: &RunOptions,
    output: Rc<dyn Output>,
) -> Result<RunReport, RunError> {
    let clock = if options.virtual_time {
        Clock::virtual_time()
    } else {
        Clock::real()
    };
    let state = LoopState::shared(clock);
    let host_options = HostOptions {
        script_timeout: options.script_timeout,
        heap_limit: options.heap_limit,
    };
    let host = JsHost::new(state.clone(), output.clone(), host_options)?;
    let mut event_loop = EventLoop::new(state.clone(), host)?;
    // Parsing the page is one networking task; each parser-inserted script runs in it,
    // followed by "clean up after running script" (a microtask checkpoint).
    event_loop.queue_task(Task::native(TaskSource::Networking, None, move |host| {
        let host = host.as_any_mut().downcast_mut::<JsHost>().expect("JsHost");
        run_page_scripts(host, &page, &*output);
    }));
    let outcome = event_loop.run(options.timeout)?;
    let st = state.borrow();
    Ok(RunReport {
        timed_out: match outcome {
            RunOutcome::Quiescent => None,
            RunOutcome::TimedOut(report) => Some(report),
        },
        errors: st.errors,
        abandoned: st.abandoned.clone(),
    })
}

fn run_page_scripts(host: &mut JsHost, page: &PageSource, output: &dyn Output) {
    let name = page.display_name.as_str();
    match page.kind {
        PageKind::Script => host.run_classic_script(&ClassicScript {
            name,
            source: &page.text,
            line: 1,
            column: 1,
        }),
        PageKind::Html => {
            let html = normalize_newlines(&page.text);
            for script in find_scripts(&html) {
                run_one(host, page, &script, output);
            }
        }
    }
}

fn run_one(host: &mut JsHost, page: &PageSource, script: &PageScript, output: &dyn Output) {
    let at = format!("{}:{}:{}", page.display_name, script.line, script.column);
    match script.kind {
        ScriptKind::Data => {}
        ScriptKind::Module => output.console(
            ConsoleLevel::Warn,
            &format!("roundabout: module scripts are not supported yet; skipped the one at {at}"),
        ),
        ScriptKind::Classic if script.nomodule => {}
        ScriptKind::Classic => match &script.src {
            None => host.run_classic_script(&ClassicScript {
                name: &page.display_name,
                source: &script.text,
                line: script.line,
                column: script.column,
            }),
            Some(src) => match page.resolve(src).and_then(|path| {
                read_utf8(&path, src)
                    .map_err(|e| e.to_string())
                    .map(|text| (path, text))
            }) {
                Ok((_, text)) => host.run_classic_script(&ClassicScript {
                    name: src,
                    source: &text,
                    line: 1,
                    column: 1,
                }),
                Err(why) => {
                    host.state().borrow_mut().errors.uncaught += 1;
                    output.exception(&format!("Failed to load script {why} (at {at})"));
                }
            },
        },
    }
}
