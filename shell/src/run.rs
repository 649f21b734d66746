//! `roundabout run`: load a page, parse it into the DOM running its scripts as the
//! parser meets them, fire the document's lifecycle events, and run the event loop
//! to quiescence (or a time limit).

use std::rc::Rc;
use std::time::Duration;

use roundabout_bindings::modules::request_for_src;
use roundabout_bindings::{
    ClassicScript, EventTargetKind, HostError, HostOptions, JsHost, ModuleScript, Output,
};
use roundabout_engine::dom::PageParser;
use roundabout_engine::{
    Clock, ErrorCounts, EventLoop, FrameClock, LoopState, PendingReport, RunOutcome, ScriptHost,
    Task, TaskSource,
};

use crate::page_source::{query_and_fragment, PageKind, PageSource};
use crate::script_element::{normalize_newlines, ScriptElement, ScriptKind, SourcePositions};

#[derive(Clone, Debug, Default)]
pub struct RunOptions {
    pub virtual_time: bool,
    /// Stop after this long (agent clock or real time, whichever is first).
    pub timeout: Option<Duration>,
    /// The watchdog limit for one entry into script; `None` disables it.
    pub script_timeout: Option<Duration>,
    /// The JS heap limit in bytes; `None` leaves the engine's default.
    pub heap_limit: Option<usize>,
    /// Evaluated after quiescence, its value printed (`--eval`); the loop then runs
    /// to quiescence again.
    pub eval: Option<String>,
    /// Rendering opportunities per second (default 60).
    pub frame_rate: Option<f64>,
    /// The viewport in CSS px (`--viewport WxH`); None = 800x600.
    pub viewport: Option<(u32, u32)>,
    /// Use the host's fonts besides the embedded DejaVu ones (`--system-fonts`).
    pub system_fonts: bool,
    /// Write a PNG of the frame painted after quiescence (`--screenshot FILE`) ...
    pub screenshot: Option<std::path::PathBuf>,
    /// ... or at this page time instead (`--screenshot-at MS`); the run then goes on.
    pub screenshot_at: Option<Duration>,
}

#[derive(Debug)]
pub struct RunReport {
    /// Set when the time limit stopped the run: what was still pending.
    pub timed_out: Option<PendingReport>,
    pub errors: ErrorCounts,
    /// Off-thread work that was dropped without reporting back.
    pub abandoned: Vec<String>,
    /// The serialized DOM after the run (HTML serialization of the document).
    pub dom: String,
}

#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error(transparent)]
    Host(#[from] HostError),
    #[error("event loop: {0}")]
    Loop(#[from] std::io::Error),
    #[error("could not write the screenshot {0}: {1}")]
    Screenshot(std::path::PathBuf, String),
}

/// Runs `page` to quiescence (or `options.timeout`), sending console output and error
/// reports to `output`.
pub fn run_page(
    page: PageSource,
    options: &RunOptions,
    output: Rc<dyn Output>,
) -> Result<RunReport, RunError> {
    let mut page = Page::new(page, options.clone(), output)?;
    let mut outcome = match (&options.screenshot, options.screenshot_at) {
        (Some(path), Some(at)) => {
            // Page time `at` (or quiescence, whichever comes first), then the rest.
            let first = page
                .event_loop
                .run(Some(options.timeout.map_or(at, |t| t.min(at))))?;
            page.save_screenshot(path)?;
            match first {
                RunOutcome::TimedOut(_) if options.timeout.is_none_or(|t| t > at) => {
                    page.run_until_idle()?
                }
                other => other,
            }
        }
        _ => page.run_until_idle()?,
    };
    if let (RunOutcome::Quiescent, Some(source)) = (&outcome, options.eval.clone()) {
        page.event_loop.queue_task(Task::native(
            TaskSource::UserInteraction,
            None,
            move |host| {
                js_host(host).evaluate_and_print(&source);
            },
        ));
        outcome = page.run_until_idle()?;
    }
    if let (Some(path), None) = (&options.screenshot, options.screenshot_at) {
        page.save_screenshot(path)?;
    }
    let dom = page.dump_dom();
    let abandoned = page.state.borrow().abandoned.clone();
    Ok(RunReport {
        timed_out: match outcome {
            RunOutcome::Quiescent => None,
            RunOutcome::TimedOut(report) => Some(report),
        },
        errors: page.errors(),
        abandoned,
        dom,
    })
}

/// A page loaded into its own agent: an event loop, a JS runtime and a document.
///
/// ```
/// use std::rc::Rc;
/// use roundabout::{Page, RunOptions};
/// use roundabout_bindings::CapturedOutput;
///
/// let output = CapturedOutput::default();
/// let html = "<ul><li>a</ul><script>document.querySelector('ul').append('b')</script>";
/// let mut page = Page::from_html(html, ".".as_ref(), RunOptions::default(), Rc::new(output.clone())).unwrap();
/// page.run_until_idle().unwrap();
/// assert_eq!(page.evaluate("document.querySelector('ul').textContent").unwrap(), "ab");
/// assert!(page.dump_dom().contains("<li>a</li>b</ul>"));
/// assert!(output.lines().is_empty());
/// ```
pub struct Page {
    event_loop: EventLoop<JsHost>,
    state: roundabout_engine::SharedLoopState,
    document: Rc<std::cell::RefCell<roundabout_engine::dom::Document>>,
    options: RunOptions,
}

#[derive(Debug, thiserror::Error)]
pub enum PageError {
    #[error(transparent)]
    Load(#[from] crate::page_source::LoadError),
    #[error(transparent)]
    Run(#[from] RunError),
}

impl Page {
    /// Loads a page (or a `.js` script) from a file; its scripts run as it is parsed
    /// by [`Page::run_until_idle`].
    pub fn open(
        path: &std::path::Path,
        options: RunOptions,
        output: Rc<dyn Output>,
    ) -> Result<Self, PageError> {
        Ok(Self::new(PageSource::load(path)?, options, output)?)
    }

    /// A page from a string of HTML whose scripts load from the folder `base`.
    pub fn from_html(
        html: &str,
        base: &std::path::Path,
        options: RunOptions,
        output: Rc<dyn Output>,
    ) -> Result<Self, PageError> {
        Ok(Self::new(
            PageSource::from_html(html, base)?,
            options,
            output,
        )?)
    }

    pub fn new(
        page: PageSource,
        options: RunOptions,
        output: Rc<dyn Output>,
    ) -> Result<Self, RunError> {
        let clock = if options.virtual_time {
            Clock::virtual_time()
        } else {
            Clock::real()
        };
        let state = LoopState::shared(clock);
        state.borrow_mut().frames = FrameClock::new(options.frame_rate.unwrap_or(60.0));
        let host_options = HostOptions {
            script_timeout: options.script_timeout,
            heap_limit: options.heap_limit,
            viewport: options.viewport,
            system_fonts: options.system_fonts,
        };
        let mut host = JsHost::new(state.clone(), output.clone(), host_options)?;
        let document = host.document().clone();
        let event_loop = match host.take_remote_receiver() {
            Some(receiver) => EventLoop::with_remote(state.clone(), host, receiver)?,
            None => EventLoop::new(state.clone(), host)?,
        };
        // Parsing the page is one networking task; each parser-inserted script runs in
        // it, followed by "clean up after running script" (a microtask checkpoint).
        event_loop.queue_task(Task::native(TaskSource::Networking, None, move |host| {
            parse_and_finish(js_host(host), &page, output);
        }));
        Ok(Page {
            event_loop,
            state,
            document,
            options,
        })
    }

    /// Runs the event loop until nothing is left to do, or until the options' timeout.
    pub fn run_until_idle(&mut self) -> Result<RunOutcome, RunError> {
        Ok(self.event_loop.run(self.options.timeout)?)
    }

    /// Evaluates `js` in the page (as global code) and returns its value formatted
    /// like console.log shows it, or the exception it threw. Microtasks it queued run
    /// before this returns; tasks it queued run on the next `run_until_idle`.
    pub fn evaluate(&mut self, js: &str) -> Result<String, String> {
        self.event_loop.host().evaluate(js)
    }

    /// The HTML serialization of the document, as `--dump-dom` prints it.
    pub fn dump_dom(&self) -> String {
        dump_dom(&self.document.borrow())
    }

    /// Paints the current frame (style and layout are redone only if the document
    /// changed since the last pass).
    pub fn screenshot(&mut self) -> roundabout_render::Pixmap {
        let renderer = self.event_loop.host().renderer();
        let doc = self.document.borrow();
        renderer.with(|r| r.paint(&doc))
    }

    /// How many style + layout passes the page has needed so far (layout is lazy:
    /// a geometry query or a frame after the document changed).
    pub fn layout_passes(&mut self) -> u64 {
        self.event_loop.host().renderer().with(|r| r.layouts)
    }

    /// Paints the current frame into a PNG file.
    pub fn save_screenshot(&mut self, path: &std::path::Path) -> Result<(), RunError> {
        let png = self
            .screenshot()
            .encode_png()
            .map_err(|e| RunError::Screenshot(path.to_path_buf(), e.to_string()))?;
        std::fs::write(path, png)
            .map_err(|e| RunError::Screenshot(path.to_path_buf(), e.to_string()))
    }

    /// Nodes the document's arena holds (freed ones excluded).
    pub fn live_node_count(&self) -> usize {
        self.document.borrow().live_nodes()
    }

    /// Errors reported so far (uncaught, stopped scripts).
    pub fn errors(&self) -> ErrorCounts {
        self.state.borrow().errors
    }

    /// The page's event loop, e.g. to register off-thread work with
    /// `register_callback()`.
    pub fn event_loop(&mut self) -> &mut EventLoop<JsHost> {
        &mut self.event_loop
    }
}

fn js_host(host: &mut dyn ScriptHost) -> &mut JsHost {
    host.as_any_mut()
        .downcast_mut::<JsHost>()
        .expect("the page's host is a JsHost")
}

fn queue(host: &JsHost, source: TaskSource, steps: impl FnOnce(&mut JsHost) + 'static) {
    let task = Task::native(source, None, move |h| steps(js_host(h)));
    host.state().borrow_mut().queue_task(task);
}

/// The parsing task: the tree builder with script execution, then "the end"
/// (HTML § 13.2.7): readyState interactive, deferred scripts, DOMContentLoaded in a
/// task, async scripts as tasks, then readyState complete and `load` in a task.
fn parse_and_finish(host: &mut JsHost, page: &PageSource, output: Rc<dyn Output>) {
    let html = match page.kind {
        PageKind::Html => normalize_newlines(&page.text),
        PageKind::Script => String::new(), // a script runs in an empty document
    };
    host.set_document_url(&page.url());
    let for_loader = page.clone_for_tasks();
    host.set_script_loader(Rc::new(move |src: &str| {
        let (path, text) = for_loader.fetch(src)?;
        Ok((for_loader.url_of(&path), text))
    }));
    let for_modules = page.clone_for_tasks();
    host.set_module_fetcher(
        Rc::new(move |request: &str| {
            let (path, text) = for_modules.fetch(request)?;
            Ok((
                for_modules.key_for(&path) + query_and_fragment(request),
                text,
            ))
        }),
        &page.display_name,
    );
    // Workers read their scripts on their own threads, under the same policy.
    let for_workers = page.clone_for_tasks();
    host.set_worker_fetcher(std::sync::Arc::new(move |request: &str| {
        let (path, text) = for_workers.fetch(request)?;
        Ok((
            for_workers.key_for(&path) + query_and_fragment(request),
            text,
        ))
    }));
    let mut parser = PageParser::new(host.document().clone(), &html);
    let mut positions = SourcePositions::new(&html);
    let mut deferred = Vec::new();
    let mut asynchronous = Vec::new();
    while let Some(node) = parser.resume() {
        let Some(script) = ScriptElement::read(&host.document().borrow(), node) else {
            continue;
        };
        // "Prepare the script element": one that is no longer connected (script
        // removed it while the parser worked) does not run.
        if !host.document().borrow().is_connected(node) {
            continue;
        }
        let (line, column) = positions.locate(&script.text);
        let at = Location { line, column };
        match (&script.kind, &script.src) {
            (ScriptKind::Classic, Some(_)) if script.is_async => asynchronous.push((script, at)),
            (ScriptKind::Classic, Some(_)) if script.defer => deferred.push((script, at)),
            // Module scripts are deferred by default, inline ones too; `async` runs
            // them as soon as they are ready.
            (ScriptKind::Module, _) if script.is_async => asynchronous.push((script, at)),
            (ScriptKind::Module, _) => deferred.push((script, at)),
            _ => {
                // HTML § 13.2.6.4.8, a script end tag: a microtask checkpoint first
                // (MutationObserver callbacks for what the parser inserted so far).
                host.parser_paused();
                run_script(host, page, &script, at, &*output)
            }
        }
    }
    host.parser_paused();
    if page.kind == PageKind::Script {
        let whole = ClassicScript {
            name: &page.display_name,
            source: &page.text,
            line: 1,
            column: 1,
        };
        host.run_classic_script(&whole);
    }
    host.set_ready_state(1);
    for (script, at) in &deferred {
        run_script(host, page, script, *at, &*output);
    }
    queue(host, TaskSource::DomManipulation, |h| {
        h.fire_event(EventTargetKind::Document, "DOMContentLoaded", true, false)
    });
    let page = Rc::new(page.clone_for_tasks());
    for (script, at) in asynchronous {
        let (page, output) = (page.clone(), output.clone());
        queue(host, TaskSource::Networking, move |h| {
            run_script(h, &page, &script, at, &*output)
        });
    }
    // After the async scripts (same source, FIFO): the load task.
    queue(host, TaskSource::Networking, |h| {
        // HTML "the end", step 8: readiness "complete", `load` at the window, then
        // (page showing becomes true) "fire a page transition event" named `pageshow`
        // with persisted false: bubbles and cancelable, legacy target override.
        queue(h, TaskSource::DomManipulation, |h| {
            h.set_ready_state(2);
            h.fire_event(
                EventTargetKind::WindowWithDocumentAsTarget,
                "load",
                false,
                false,
            );
            h.fire_event(
                EventTargetKind::WindowWithDocumentAsTarget,
                "pageshow",
                true,
                true,
            );
        });
    });
}

#[derive(Clone, Copy, Debug)]
struct Location {
    line: u32,
    column: u32,
}

fn run_script(
    host: &mut JsHost,
    page: &PageSource,
    script: &ScriptElement,
    at: Location,
    output: &dyn Output,
) {
    let here = format!("{}:{}:{}", page.display_name, at.line, at.column);
    match script.kind {
        ScriptKind::Data => return,
        ScriptKind::Module => {
            match &script.src {
                None => {
                    host.run_module_script(&ModuleScript::Inline {
                        name: &page.display_name,
                        source: &script.text,
                        line: at.line,
                        column: at.column,
                    });
                }
                Some(src) => {
                    // HTML "execute the script element": load after an external
                    // module script ran, error if it could not be fetched.
                    let fetched = match request_for_src(src) {
                        Ok(request) if !src.is_empty() => {
                            host.run_module_script(&ModuleScript::File(&request))
                        }
                        Ok(_) => false,
                        Err(why) => {
                            host.state().borrow_mut().errors.uncaught += 1;
                            output.exception(&format!(
                                "Failed to load module script {why} (at {here})"
                            ));
                            false
                        }
                    };
                    let event = if fetched { "load" } else { "error" };
                    host.fire_event(EventTargetKind::Node(script.node), event, false, false);
                }
            }
            return;
        }
        ScriptKind::Classic if script.nomodule => return,
        ScriptKind::Classic => {}
    }
    host.set_current_script(Some(script.node));
    match &script.src {
        None => host.run_classic_script(&ClassicScript {
            name: &page.display_name,
            source: &script.text,
            line: at.line,
            column: at.column,
        }),
        Some(src) => match page.fetch(src) {
            Ok((path, text)) => {
                // The script's URL names it in error reports (ErrorEvent.filename).
                let url = page.url_of(&path);
                host.run_classic_script(&ClassicScript {
                    name: &url,
                    source: &text,
                    line: 1,
                    column: 1,
                });
                host.set_current_script(None);
                // HTML "execute the script element", step 6: load at an external one.
                host.fire_event(EventTargetKind::Node(script.node), "load", false, false);
                return;
            }
            Err(why) => {
                host.state().borrow_mut().errors.uncaught += 1;
                output.exception(&format!("Failed to load script {why} (at {here})"));
                host.set_current_script(None);
                // Step 2: a script whose fetch failed fires error at its element.
                host.fire_event(EventTargetKind::Node(script.node), "error", false, false);
                return;
            }
        },
    }
    host.set_current_script(None);
}

/// `--dump-dom`: each of the document's children serialized, one per line (so the
/// doctype sits on its own line before `<html>`, as Chromium's --dump-dom prints it).
pub fn dump_dom(doc: &roundabout_engine::dom::Document) -> String {
    use roundabout_engine::dom::{serialize_node_outer, Document};
    doc.children(Document::ROOT)
        .map(|c| serialize_node_outer(doc, c))
        .collect::<Vec<_>>()
        .join("\n")
}
