//! `JsHost`: the [`ScriptHost`] for one agent's deno_core runtime.

use std::any::Any;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use deno_core::error::JsError;
use deno_core::{v8, JsRuntime, RuntimeOptions};
use roundabout_engine::dom::{Document, NodeId};
use roundabout_engine::{
    perform_microtask_checkpoint, remote_channel, HostTask, IdlePeriod, OtherAgents,
    RemoteReceiver, ScriptHost, SharedLoopState, TimerId, Watchdog,
};

use crate::bootstrap::{bootstrap, Hooks};
use crate::dom_ops::{PageDocument, ScriptLoader, ScriptLoaderSlot};
use crate::modules::{
    fetch_and_link, import_dynamically, import_dynamically_with_phase, import_meta_callback,
    GraphError, ModuleFetcher, ModuleRegistry, SharedModuleRegistry,
};
use crate::ops::{roundabout_web, OutputSlot};
use crate::output::{ConsoleLevel, Output};
use crate::render_ops::PageRenderer;
use crate::workers::{SharedWorkerRegistry, WorkerContext, WorkerFetcher, WorkerRegistry};

/// A classic script's source and where it came from, for error locations.
pub struct ClassicScript<'a> {
    /// File name shown in stack traces (e.g. "page.html").
    pub name: &'a str,
    pub source: &'a str,
    /// 1-based line and column of the script's first character in that file.
    pub line: u32,
    pub column: u32,
}

/// A module script to run: inline (with where it sits in the page) or a file.
pub enum ModuleScript<'a> {
    Inline {
        /// The page's display name (the same as its classic scripts').
        name: &'a str,
        source: &'a str,
        line: u32,
        column: u32,
    },
    /// A request path: relative to the page's folder, or `/...` under the root.
    File(&'a str),
}

pub struct JsHost {
    runtime: JsRuntime,
    state: SharedLoopState,
    document: Rc<RefCell<Document>>,
    hooks: Hooks,
    output: Rc<dyn Output>,
    watchdog: Option<Watchdog>,
    /// Set by the near-heap-limit callback when it stopped script.
    heap_limit_hit: Arc<AtomicBool>,
    options: HostOptions,
    /// Whether script ran since the last microtask checkpoint. Only script can queue
    /// microtasks or reject promises here (no async ops), so a checkpoint right after
    /// another one — the loop's, after the host's "clean up after running script" —
    /// has nothing to do and skips the two calls into the engine.
    script_ran: bool,
    /// Set once the embedder gives a module fetcher (`set_module_fetcher`).
    modules: Option<SharedModuleRegistry>,
    document_url: String,
    /// When the current idle period ends (requestIdleCallback).
    idle_period_end: Option<Duration>,
    /// The last hook call threw past the web API layer's own handling.
    hook_failed: bool,
    /// The window's loop channel until the loop takes it.
    remote_receiver: Option<RemoteReceiver>,
    /// Style, layout and paint of the page's document.
    renderer: Rc<PageRenderer>,
    /// Where painted frames go (the window shell); None = headless, no frames.
    presenter: Option<FramePresenter>,
}

/// Receives each painted frame (the window shell presents it).
pub type FramePresenter = Box<dyn FnMut(&roundabout_render::Pixmap)>;

/// What kind of global a runtime gets.
pub enum AgentKind {
    Window,
    Worker(WorkerContext),
}

/// Limits for one agent's script.
#[derive(Clone, Copy, Debug, Default)]
pub struct HostOptions {
    /// The watchdog limit for one entry into script (`--script-timeout`).
    pub script_timeout: Option<Duration>,
    /// The JS heap limit in bytes (`--max-heap-mb`): script that exceeds it is
    /// stopped and reported, instead of taking the process down.
    pub heap_limit: Option<usize>,
    /// The viewport in CSS px (`--viewport WxH`); None = 800x600.
    pub viewport: Option<(u32, u32)>,
    /// Use the host's fonts besides the embedded DejaVu ones (`--system-fonts`).
    pub system_fonts: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum HostError {
    #[error("could not start the JavaScript runtime: {0}")]
    Runtime(String),
    #[error("could not start the watchdog thread: {0}")]
    Watchdog(std::io::Error),
}

impl JsHost {
    /// The page's renderer (style, layout, paint).
    pub fn renderer(&self) -> Rc<PageRenderer> {
        self.renderer.clone()
    }

    /// Sends painted frames to `presenter`: from now on the rendering update paints
    /// whenever the picture is out of date (a live window); without one, nothing is
    /// painted in the rendering steps (headless).
    pub fn set_frame_presenter(&mut self, presenter: Option<FramePresenter>) {
        self.presenter = presenter;
    }

    /// A fresh runtime with the web API layer, reading time and timers from `state`.
    pub fn new(
        state: SharedLoopState,
        output: Rc<dyn Output>,
        options: HostOptions,
    ) -> Result<Self, HostError> {
        Self::new_with_kind(state, output, options, AgentKind::Window)
    }

    /// A runtime for a window (with a document) or a dedicated worker (no DOM; its
    /// global is a DedicatedWorkerGlobalScope).
    pub fn new_with_kind(
        state: SharedLoopState,
        output: Rc<dyn Output>,
        options: HostOptions,
        kind: AgentKind,
    ) -> Result<Self, HostError> {
        // QuickJS's backend would otherwise cache every page script's bytecode on
        // disk and load it back on later runs (keyed by a non-cryptographic hash).
        static NO_BYTECODE_CACHE: std::sync::Once = std::sync::Once::new();
        NO_BYTECODE_CACHE.call_once(|| std::env::set_var("V82JSC_NO_BC_CACHE", "1"));
        let document = Rc::new(RefCell::new(Document::new()));
        let renderer = Rc::new(PageRenderer::new(options.viewport, options.system_fonts));
        let create_params = options
            .heap_limit
            .map(|max| v8::CreateParams::default().heap_limits(0, max));
        let mut runtime = JsRuntime::try_new(RuntimeOptions {
            extensions: vec![roundabout_web::init()],
            create_params,
            ..Default::default()
        })
        .map_err(|e| HostError::Runtime(e.to_string()))?;
        {
            let op_state = runtime.op_state();
            let mut op_state = op_state.borrow_mut();
            op_state.put(state.clone());
            op_state.put(OutputSlot(output.clone()));
            op_state.put(PageDocument(document.clone()));
            op_state.put(renderer.clone());
        }
        let is_worker = matches!(kind, AgentKind::Worker(_));
        // A window's workers post back through its loop's channel, made here so the
        // loop can be built on it (`take_remote_receiver`).
        let mut remote_receiver = None;
        match kind {
            AgentKind::Window => {
                let (to_page, receiver) = remote_channel();
                remote_receiver = Some(receiver);
                let clock = state.borrow().clock.clone();
                let registry = WorkerRegistry::new(to_page, clock, options);
                let broadcast = registry.page_broadcast_context();
                let op_state = runtime.op_state();
                let mut op_state = op_state.borrow_mut();
                op_state.put(Rc::new(RefCell::new(registry)));
                op_state.put(broadcast);
            }
            AgentKind::Worker(context) => {
                // Its own (nested) workers post back through its loop.
                let clock = state.borrow().clock.clone();
                let mut registry = WorkerRegistry::new(context.to_self.clone(), clock, options);
                registry.share_hubs(context.broadcast.clone(), context.ports.clone());
                registry.set_fetcher(context.fetcher.clone());
                let op_state = runtime.op_state();
                let mut op_state = op_state.borrow_mut();
                op_state.put(Rc::new(RefCell::new(registry)));
                op_state.put(context);
            }
        }
        let hooks = bootstrap(&mut runtime, is_worker).map_err(HostError::Runtime)?;
        let heap_limit_hit = Arc::new(AtomicBool::new(false));
        if options.heap_limit.is_some() {
            let handle = runtime.v8_isolate().thread_safe_handle();
            let hit = heap_limit_hit.clone();
            runtime.add_near_heap_limit_callback(move |current, _initial| {
                hit.store(true, Ordering::SeqCst);
                handle.terminate_execution();
                // QuickJS: keep the limit; its own headroom above it lets script unwind,
                // and allocations past it fail at once instead of growing the heap until
                // the next interrupt check. V8 aborts the process unless the callback
                // raises the limit, so there it gets room to reach the termination.
                if cfg!(feature = "v8") {
                    current.saturating_mul(2)
                } else {
                    current
                }
            });
        }
        let watchdog = match options.script_timeout {
            Some(limit) => {
                let handle = runtime.v8_isolate().thread_safe_handle();
                let dog = Watchdog::new(limit, move || {
                    handle.terminate_execution();
                });
                Some(dog.map_err(HostError::Watchdog)?)
            }
            None => None,
        };
        Ok(JsHost {
            runtime,
            state,
            document,
            hooks,
            output,
            watchdog,
            heap_limit_hit,
            options,
            script_ran: false,
            modules: None,
            document_url: "about:blank".to_string(),
            idle_period_end: None,
            hook_failed: false,
            remote_receiver,
            renderer,
            presenter: None,
        })
    }

    pub fn state(&self) -> &SharedLoopState {
        &self.state
    }

    /// The agent's document (empty until the page is parsed into it).
    pub fn document(&self) -> &Rc<RefCell<Document>> {
        &self.document
    }

    /// Fires a trusted event the engine originates (DOMContentLoaded, load, ...): each
    /// listener is its own callback, with a microtask checkpoint after it.
    pub fn fire_event(
        &mut self,
        target: EventTargetKind,
        event_type: &str,
        bubbles: bool,
        cancelable: bool,
    ) {
        let target = match target {
            EventTargetKind::Document => 0,
            EventTargetKind::Window => 1,
            EventTargetKind::WindowWithDocumentAsTarget => 2,
            EventTargetKind::Node(node) => 3 + node.0,
        };
        let args = [
            HookArg::U32(target),
            HookArg::Str(event_type.to_string()),
            HookArg::Bool(bubbles),
            HookArg::Bool(cancelable),
        ];
        self.call_hook(|h| &h.begin_event, &args);
        self.step_native_dispatch();
        self.clean_up_after_running_script();
    }

    /// Fires a trusted input event from the window shell (UI Events): `kind` is
    /// "mouse", "wheel", "keyboard", "ui" or "event", `init` its init dictionary as
    /// JSON, `target` a node (None: the window). Each listener is followed by a
    /// microtask checkpoint (the user-interaction task source's dispatch).
    pub fn fire_input_event(
        &mut self,
        kind: &str,
        event_type: &str,
        target: Option<NodeId>,
        init: &str,
    ) {
        let args = [
            HookArg::Str(kind.to_string()),
            HookArg::Str(event_type.to_string()),
            HookArg::F64(target.map_or(-1.0, |n| n.0 as f64)),
            HookArg::Str(init.to_string()),
        ];
        self.call_hook(|h| &h.begin_input_event, &args);
        self.step_native_dispatch();
        self.clean_up_after_running_script();
    }

    /// Sets `document.readyState` (0 loading, 1 interactive, 2 complete) and fires
    /// `readystatechange` at the document (HTML "update the current document readiness").
    pub fn set_ready_state(&mut self, state: u32) {
        self.call_hook(|h| &h.set_ready_state, &[HookArg::U32(state)]);
        self.fire_event(EventTargetKind::Document, "readystatechange", false, false);
    }

    /// Evaluates `source` as global code and prints its value to the console (log
    /// level, formatted like console.log); an exception is reported. Then cleans up
    /// after running script.
    pub fn evaluate_and_print(&mut self, source: &str) {
        self.call_hook(
            |h| &h.evaluate_and_print,
            &[HookArg::Str(source.to_string())],
        );
        self.clean_up_after_running_script();
    }

    /// Evaluates `source` as global code and returns its value formatted like
    /// console.log formats it, or the exception it threw (described, not reported).
    /// Then cleans up after running script.
    pub fn evaluate(&mut self, source: &str) -> Result<String, String> {
        let r = self.call_hook(
            |h| &h.evaluate_to_string,
            &[HookArg::Str(source.to_string())],
        );
        self.clean_up_after_running_script();
        match r {
            Some(HookValue::Str(s)) if s.starts_with('v') => Ok(s[1..].to_string()),
            Some(HookValue::Str(s)) => Err(s[1..].to_string()),
            _ => Err("the evaluation was stopped".to_string()),
        }
    }

    /// How dynamically inserted `<script src>` elements load their file.
    pub fn set_script_loader(&mut self, loader: ScriptLoader) {
        // Linked style sheets load under the same policy; a failure is reported once
        // per href, as a browser console shows a failed fetch.
        let (for_sheets, output) = (loader.clone(), self.output.clone());
        let reported = RefCell::new(std::collections::HashSet::new());
        self.renderer
            .set_sheet_loader(Rc::new(move |href: &str| match for_sheets(href) {
                Ok((_, text)) => Some(text),
                Err(why) => {
                    if reported.borrow_mut().insert(href.to_string()) {
                        output.console(
                            crate::output::ConsoleLevel::Warn,
                            &format!("Failed to load stylesheet {why}"),
                        );
                    }
                    None
                }
            }));
        self.runtime
            .op_state()
            .borrow_mut()
            .put(ScriptLoaderSlot(loader));
    }

    /// Loads `src` with `loader` and runs it as a classic script; a load failure is
    /// reported like a network error.
    /// HTML "execute the script element" for an external classic script: run it
    /// and fire `load` at `element`; if it cannot be fetched, fire `error` there
    /// (and say why on the console).
    pub fn run_loaded_script(&mut self, src: &str, loader: &ScriptLoader, element: Option<NodeId>) {
        match loader(src) {
            Ok((name, text)) => {
                self.set_current_script(element);
                self.run_classic_script(&ClassicScript {
                    name: &name,
                    source: &text,
                    line: 1,
                    column: 1,
                });
                self.set_current_script(None);
                if let Some(el) = element {
                    self.fire_event(EventTargetKind::Node(el), "load", false, false);
                }
            }
            Err(why) => {
                self.state.borrow_mut().errors.uncaught += 1;
                self.output
                    .exception(&format!("Failed to load script {why}"));
                if let Some(el) = element {
                    self.fire_event(EventTargetKind::Node(el), "error", false, false);
                }
            }
        }
    }

    /// Sets `document.URL` / `documentURI`.
    pub fn set_document_url(&mut self, url: &str) {
        if let Some(modules) = &self.modules {
            modules.borrow_mut().set_page_url(url);
        }
        self.document_url = url.to_string();
        self.call_hook(|h| &h.set_document_url, &[HookArg::Str(url.to_string())]);
    }

    /// Sets `document.currentScript` (None: null).
    pub fn set_current_script(&mut self, script: Option<NodeId>) {
        let id = script.map_or(-1, |n| n.0 as i32);
        self.call_hook(|h| &h.set_current_script, &[HookArg::I32(id)]);
    }

    /// Runs a classic script ("run a classic script", HTML § 8.1.4.4) and then cleans
    /// up after running script (a microtask checkpoint). An exception is reported, not
    /// returned: the event loop goes on.
    pub fn run_classic_script(&mut self, script: &ClassicScript<'_>) {
        // Every exception is reported, a parse error included.
        let _ = self.compile_and_run(script, true);
    }

    /// Compiles and runs a classic script under our own TryCatch and hands any
    /// exception to the JS "report the exception" hook (page values never go through
    /// deno_core's JsError conversion, which can panic on hostile values), then
    /// cleans up after running script. With `report_parse_errors` false, a script
    /// that does not parse is not reported: Err with the error's text.
    fn compile_and_run(
        &mut self,
        script: &ClassicScript<'_>,
        report_parse_errors: bool,
    ) -> Result<(), String> {
        let padded = pad_source(script.source, script.line, script.column);
        let name = script.name;
        let outcome = self
            .enter_script(|rt, _| {
                deno_core::scope!(scope, rt);
                v8::tc_scope!(let tc, scope);
                let (Some(source), Some(origin)) = (
                    v8::String::new(tc, &padded),
                    crate::modules::script_origin(tc, name, false),
                ) else {
                    return Ok(None);
                };
                let Some(compiled) = v8::Script::compile(tc, source, Some(&origin)) else {
                    if !report_parse_errors {
                        let text = tc.exception().map(|e| e.to_rust_string_lossy(tc));
                        return Err(text.unwrap_or_else(|| "SyntaxError".to_string()));
                    }
                    return Ok(tc.exception().map(|e| v8::Global::new(tc, e)));
                };
                if compiled.run(tc).is_some() || tc.is_execution_terminating() {
                    return Ok(None);
                }
                Ok(tc.exception().map(|e| v8::Global::new(tc, e)))
            })
            .unwrap_or(Ok(None));
        let thrown = outcome?;
        // HTML "run a classic script": report the exception, then clean up.
        if let Some(exception) = thrown {
            self.call_hook(|h| &h.report_exception, &[HookArg::Value(exception)]);
        }
        self.clean_up_after_running_script();
        Ok(())
    }

    /// The window loop's remote channel, made with the runtime so the page's workers
    /// can post to it; `EventLoop::with_remote` takes it (once).
    pub fn take_remote_receiver(&mut self) -> Option<RemoteReceiver> {
        self.remote_receiver.take()
    }

    /// A handle that can stop this runtime's script from another thread.
    pub fn isolate_handle(&mut self) -> v8::IsolateHandle {
        self.runtime.v8_isolate().thread_safe_handle()
    }

    fn workers(&self) -> Option<SharedWorkerRegistry> {
        self.runtime
            .op_state()
            .borrow()
            .try_borrow::<SharedWorkerRegistry>()
            .cloned()
    }

    /// How `new Worker(url)` reads worker scripts (request paths, as for modules).
    pub fn set_worker_fetcher(&mut self, fetcher: WorkerFetcher) {
        if let Some(w) = self.workers() {
            w.borrow_mut().set_fetcher(fetcher);
        }
    }

    /// Terminates every worker and joins its thread (the page's run is over).
    pub fn shut_down_workers(&mut self) {
        if let Some(w) = self.workers() {
            w.borrow_mut().shut_down();
        }
    }

    /// A worker's classic script, named by its request path in errors.
    /// A classic worker's script. HTML "run a worker": a script that does not parse
    /// (its "error to rethrow" is set) never runs: Err with the parse error, for a
    /// plain `error` Event at the Worker object; nothing is reported in the worker.
    pub fn run_worker_script(&mut self, request: &str, text: &str) -> Result<(), String> {
        let script = ClassicScript {
            name: request,
            source: text,
            line: 1,
            column: 1,
        };
        self.compile_and_run(&script, false)
            .map_err(|message| format!("{request}: {message}"))
    }

    /// A module worker's script; Err when its graph could not be fetched, parsed or
    /// linked.
    pub fn run_worker_module(&mut self, request: &str) -> Result<(), String> {
        match self.run_module_script_inner(&ModuleScript::File(request), false) {
            Some(GraphError::Fetch(why)) => Err(why),
            Some(GraphError::Exception(e)) => {
                // HTML "run a worker": the graph's error to rethrow means the worker
                // never runs; the page gets a plain error Event.
                let message = self
                    .enter_script(|rt, _| {
                        deno_core::scope!(scope, rt);
                        let value = v8::Local::new(scope, &e);
                        value.to_rust_string_lossy(scope)
                    })
                    .unwrap_or_default();
                Err(format!("{request}: {message}"))
            }
            None => Ok(()),
        }
    }

    /// A posted message arrives (a posted-message task): a MessageEvent (or
    /// `messageerror` when it cannot be deserialized) at the worker's global
    /// (`target` -1) or at the page's Worker object `target`, each listener followed
    /// by a microtask checkpoint.
    pub fn deliver_message(&mut self, target: i32, data: &str) {
        let args = [HookArg::I32(target), HookArg::Str(data.to_string())];
        self.begin_and_step_dispatch(|h| &h.begin_message, &args);
        self.clean_up_after_running_script();
    }

    /// Gives a worker's runtime its BroadcastChannel hub.
    pub fn put_broadcast_context(&mut self, context: crate::broadcast::BroadcastContext) {
        self.runtime.op_state().borrow_mut().put(context);
    }

    /// A BroadcastChannel message for this agent's channel `channel`: a MessageEvent
    /// (or `messageerror`), stepped with a checkpoint after each listener.
    pub fn deliver_broadcast(&mut self, channel: u32, data: &str) {
        let args = [HookArg::U32(channel), HookArg::Str(data.to_string())];
        self.begin_and_step_dispatch(|h| &h.begin_broadcast, &args);
        self.clean_up_after_running_script();
    }

    /// A message for this agent's MessagePort `local` from its peer in another agent.
    pub fn deliver_port_message(&mut self, local: u32, data: &str) {
        let args = [HookArg::U32(local), HookArg::Str(data.to_string())];
        self.begin_and_step_dispatch(|h| &h.begin_port_message, &args);
        self.clean_up_after_running_script();
    }

    /// The page handled one of worker `id`'s messages.
    pub fn worker_message_handled(&mut self, id: u32) {
        if let Some(w) = self.workers() {
            w.borrow().message_handled(id);
        }
    }

    /// HTML § 10.2.5: an error the worker did not handle fires `error` (an ErrorEvent,
    /// cancelable) at its Worker object; if nobody cancels it, it is reported in the
    /// page.
    pub fn worker_error(
        &mut self,
        id: u32,
        message: &str,
        filename: &str,
        lineno: u32,
        colno: u32,
    ) {
        if self.fire_worker_error(id, message, filename, lineno, colno) {
            self.state.borrow_mut().errors.uncaught += 1;
            let at = if filename.is_empty() {
                String::new()
            } else {
                format!("\n    at {filename}:{lineno}:{colno}")
            };
            self.output
                .exception(&format!("{message}{at} (in a worker)"));
        }
        self.clean_up_after_running_script();
    }

    /// The worker's script could not be fetched: `error` (a plain Event) at the
    /// Worker object, and a console message.
    pub fn worker_fetch_failed(&mut self, id: u32, why: &str) {
        self.state.borrow_mut().errors.uncaught += 1;
        self.output
            .exception(&format!("Failed to load worker script {why}"));
        self.fire_worker_error(id, "", "", 0, 0);
        self.clean_up_after_running_script();
    }

    /// A console line from a worker.
    pub fn print(&mut self, level: ConsoleLevel, text: &str) {
        self.output.console(level, text);
    }

    /// An exception a worker reported to its console (an unhandled rejection).
    pub fn report_forwarded_exception(&mut self, text: &str) {
        self.state.borrow_mut().errors.uncaught += 1;
        self.output.exception(text);
    }

    /// Lets the page run module scripts and `import()`: `fetch` reads a request path
    /// (see `modules.rs`); `page_name` is the display name the page's inline scripts
    /// run under.
    pub fn set_module_fetcher(&mut self, fetch: ModuleFetcher, page_name: &str) {
        let registry = Rc::new(RefCell::new(ModuleRegistry::new(
            fetch,
            page_name,
            self.state.clone(),
        )));
        registry.borrow_mut().set_page_url(&self.document_url);
        let isolate = self.runtime.v8_isolate();
        isolate.set_slot(registry.clone());
        isolate.set_host_initialize_import_meta_object_callback(import_meta_callback);
        isolate.set_host_import_module_dynamically_callback(import_dynamically);
        isolate
            .set_host_import_module_with_phase_dynamically_callback(import_dynamically_with_phase);
        self.modules = Some(registry);
    }

    /// HTML "run a module script" (§ 8.1.4.4) after fetching and linking its graph:
    /// a fetch failure is reported like a failed classic script load, a parse or link
    /// error is reported as an exception, and a rejected evaluation (including a later
    /// one, after top-level await) is reported when it happens. `document.currentScript`
    /// is null. Then cleans up after running script.
    /// Returns false when the graph could not be fetched (HTML: the script's result
    /// is null, so its element gets `error`, not `load`).
    pub fn run_module_script(&mut self, script: &ModuleScript<'_>) -> bool {
        if let Some(GraphError::Fetch(why)) = self.run_module_script_inner(script, true) {
            self.state.borrow_mut().errors.uncaught += 1;
            self.output
                .exception(&format!("Failed to load module script {why}"));
            return false;
        }
        true
    }

    /// `run_module_script`, returning a fetch failure instead of reporting it.
    /// Fetches, links and evaluates a module graph. A parse or link error is
    /// reported when `report_errors` (a page's module script), else returned (a
    /// module worker's: the Worker object gets a plain `error` Event instead).
    fn run_module_script_inner(
        &mut self,
        script: &ModuleScript<'_>,
        report_errors: bool,
    ) -> Option<GraphError> {
        let Some(registry) = self.modules.clone() else {
            return Some(GraphError::Fetch(
                "(module scripts need a page to load files from)".to_string(),
            ));
        };
        let padded;
        let (request, inline) = match script {
            ModuleScript::Inline {
                name,
                source,
                line,
                column,
            } => {
                padded = pad_source(source, *line, *column);
                ("", Some((*name, padded.as_str())))
            }
            ModuleScript::File(request) => (*request, None),
        };
        let failed = self
            .enter_script(|rt, hooks| {
                deno_core::scope!(scope, rt);
                let module = match fetch_and_link(scope, &registry, request, inline) {
                    Ok(module) => module,
                    Err(e) => return Some(e),
                };
                v8::tc_scope!(let tc, scope);
                let module = v8::Local::new(tc, &module);
                let promise = ModuleRegistry::evaluate(&registry, tc, module)?;
                let watch = v8::Local::new(tc, &hooks.watch_module_evaluation);
                let undefined = v8::undefined(tc).into();
                watch.call(tc, undefined, &[promise]);
                None
            })
            .flatten();
        let fetch_failure = match failed {
            Some(GraphError::Fetch(why)) => Some(GraphError::Fetch(why)),
            Some(GraphError::Exception(e)) if !report_errors => Some(GraphError::Exception(e)),
            Some(GraphError::Exception(e)) => {
                self.call_hook(|h| &h.report_exception, &[HookArg::Value(e)]);
                None
            }
            None => None,
        };
        self.clean_up_after_running_script();
        fetch_failure
    }

    /// A module script inserted by script (`src` empty: inline `text`).
    pub fn run_inserted_module_script(&mut self, src: &str, text: &str, element: Option<NodeId>) {
        if src.is_empty() {
            let name = self
                .modules
                .as_ref()
                .map(|m| m.borrow().page_name().to_string())
                .unwrap_or_default();
            self.run_module_script(&ModuleScript::Inline {
                name: &name,
                source: text,
                line: 1,
                column: 1,
            });
            return;
        }
        // HTML "execute the script element": an external module script fires load
        // after it ran (even if it threw), error if its graph could not be fetched.
        let fetched = match crate::modules::request_for_src(src) {
            Ok(request) => self.run_module_script(&ModuleScript::File(&request)),
            Err(why) => {
                self.state.borrow_mut().errors.uncaught += 1;
                self.output
                    .exception(&format!("Failed to load module script {why}"));
                false
            }
        };
        if let Some(el) = element {
            let event = if fetched { "load" } else { "error" };
            self.fire_event(EventTargetKind::Node(el), event, false, false);
        }
    }

    /// The networking task of an `import()`: fetch, link and evaluate the graph, then
    /// settle the import's promise (with the namespace once evaluation is fulfilled).
    pub fn finish_dynamic_import(&mut self, id: u32) {
        let Some(registry) = self.modules.clone() else {
            return;
        };
        let Some(pending) = registry.borrow_mut().take_pending_import(id) else {
            return;
        };
        self.enter_script(|rt, hooks| {
            deno_core::scope!(scope, rt);
            let resolver = v8::Local::new(scope, &pending.resolver);
            let linked = match &pending.request {
                Ok(request) => fetch_and_link(scope, &registry, request, None),
                Err(why) => Err(GraphError::Fetch(why.clone())),
            };
            let module = match linked {
                Ok(module) => module,
                Err(GraphError::Exception(e)) => {
                    let e = v8::Local::new(scope, e);
                    resolver.reject(scope, e);
                    return;
                }
                Err(GraphError::Fetch(why)) => {
                    let text = match &pending.request {
                        Ok(request) => {
                            format!(
                                "Failed to fetch dynamically imported module: {request} ({why})"
                            )
                        }
                        Err(_) => why,
                    };
                    if let Some(message) = v8::String::new(scope, &text) {
                        let error = v8::Exception::type_error(scope, message);
                        resolver.reject(scope, error);
                    }
                    return;
                }
            };
            v8::tc_scope!(let tc, scope);
            let module = v8::Local::new(tc, &module);
            let Some(promise) = ModuleRegistry::evaluate(&registry, tc, module) else {
                if let Some(e) = tc.exception() {
                    resolver.reject(tc, e);
                }
                return;
            };
            let namespace = module.get_module_namespace();
            let after = v8::Local::new(tc, &hooks.import_evaluated);
            let undefined = v8::undefined(tc).into();
            if let Some(settled) = after.call(tc, undefined, &[promise, namespace]) {
                resolver.resolve(tc, settled);
            }
        });
        self.clean_up_after_running_script();
    }

    /// The HTML parser stopped at a script end tag, or finished (HTML § 13.2.6.4.8):
    /// what it did so far becomes visible to script — MutationObserver records get
    /// their microtask, `<body onload>`-style handlers their listener position — and a
    /// microtask checkpoint runs before the script.
    pub fn parser_paused(&mut self) {
        self.call_hook(|h| &h.parser_paused, &[]);
        self.queue_mutation_observer_microtask();
        self.clean_up_after_running_script();
    }

    /// Mutations made outside script (the HTML parser's) queue MutationObserver
    /// records in the engine; this queues the "notify mutation observers" microtask
    /// they asked for, to run at the next checkpoint.
    pub fn queue_mutation_observer_microtask(&mut self) {
        let op_state = self.runtime.op_state();
        let requested = op_state
            .borrow()
            .borrow::<crate::dom_ops::PageDocument>()
            .0
            .borrow()
            .observers
            .microtask_requested();
        if !requested {
            return;
        }
        self.script_ran = true;
        deno_core::scope!(scope, &mut self.runtime);
        crate::mutation_observer_ops::queue_notify_if_requested(scope, &op_state.borrow());
    }

    /// Runs the steps of a task JS queued with "queue a global task"
    /// (`op_rb_queue_global_task`), then cleans up after running script.
    pub fn run_global_task(&mut self, key: u32) {
        let stepped = self.call_hook(|h| &h.run_global_task, &[HookArg::U32(key)])
            == Some(HookValue::Bool(true));
        if stepped {
            self.step_native_dispatch();
        }
        self.clean_up_after_running_script();
    }

    /// Steps an event dispatch the JS side began (one listener per step), with a
    /// microtask checkpoint after each listener: events the engine fires.
    fn step_native_dispatch(&mut self) {
        while self.call_hook(|h| &h.step_event, &[]) == Some(HookValue::Bool(true)) {
            self.clean_up_after_running_script();
        }
    }

    /// Calls a hook that may begin a stepped dispatch (it returns true), and steps it.
    fn begin_and_step_dispatch(
        &mut self,
        begin: fn(&Hooks) -> &v8::Global<v8::Function>,
        args: &[HookArg],
    ) {
        if self.call_hook(begin, args) == Some(HookValue::Bool(true)) {
            self.step_native_dispatch();
        }
    }

    /// `error` at the Worker object (an ErrorEvent, or a plain Event when `message`
    /// is empty), then at the window if nobody canceled it. Whether the console
    /// must still have it.
    fn fire_worker_error(
        &mut self,
        id: u32,
        message: &str,
        filename: &str,
        lineno: u32,
        colno: u32,
    ) -> bool {
        let args = [
            HookArg::U32(id),
            HookArg::Str(message.to_string()),
            HookArg::Str(filename.to_string()),
            HookArg::U32(lineno),
            HookArg::U32(colno),
        ];
        self.begin_and_step_dispatch(|h| &h.begin_worker_error, &args);
        self.call_hook(|h| &h.finish_worker_error, &[]) == Some(HookValue::Bool(true))
    }

    /// "Clean up after running script": a microtask checkpoint when the JS stack is
    /// empty (it always is when the loop calls in).
    ///
    /// An exception a callback threw is reported after this checkpoint: WebIDL's
    /// "invoke a callback function" cleans up after running script first and
    /// reports last. (Chromium fires `error` before the callback's microtasks.)
    pub fn clean_up_after_running_script(&mut self) {
        let state = self.state.clone();
        perform_microtask_checkpoint(&state, self);
        self.fire_deferred_error_reports();
    }

    /// HTML "report an exception" for exceptions callbacks threw (JS defers them to
    /// here): `error` at the window, each listener followed by a microtask checkpoint
    /// (the JS stack is empty), then the console report unless a listener canceled it.
    fn fire_deferred_error_reports(&mut self) {
        if !std::mem::take(&mut self.state.borrow_mut().deferred_error_reports) {
            return;
        }
        let state = self.state.clone();
        while self.call_hook(|h| &h.begin_deferred_report, &[]) == Some(HookValue::Bool(true)) {
            while self.call_hook(|h| &h.step_event, &[]) == Some(HookValue::Bool(true)) {
                perform_microtask_checkpoint(&state, self);
            }
            self.call_hook(|h| &h.finish_deferred_report, &[]);
        }
    }

    /// Every entry into script goes through here: the watchdog is armed around it, and
    /// an interrupt (watchdog or heap limit) is reported and cleared afterwards so the
    /// next callback runs normally. Returns `None` if the script was stopped.
    fn enter_script<R>(&mut self, f: impl FnOnce(&mut JsRuntime, &Hooks) -> R) -> Option<R> {
        self.script_ran = true;
        let guard = self.watchdog.as_ref().map(Watchdog::arm);
        let r = f(&mut self.runtime, &self.hooks);
        let timed_out = guard.is_some_and(|g| g.finish());
        let out_of_memory = self.heap_limit_hit.swap(false, Ordering::SeqCst);
        if !timed_out && !out_of_memory {
            return Some(r);
        }
        self.runtime.v8_isolate().cancel_terminate_execution();
        self.state.borrow_mut().errors.stopped += 1;
        let message = if out_of_memory {
            let mb = self.options.heap_limit.unwrap_or_default() / (1024 * 1024);
            format!("Uncaught RangeError: out of memory: the script exceeded the {mb} MB heap limit and was stopped (--max-heap-mb)")
        } else {
            let ms = self.options.script_timeout.unwrap_or_default().as_millis();
            format!("Uncaught Error: script ran longer than {ms} ms and was stopped by the watchdog (--script-timeout)")
        };
        self.output.exception(&message);
        None
    }

    /// Calls one of the bootstrap's hook functions; returns its result if boolean.
    fn call_hook(
        &mut self,
        pick: fn(&Hooks) -> &v8::Global<v8::Function>,
        args: &[HookArg],
    ) -> Option<HookValue> {
        let output = self.output.clone();
        let mut uncaught_internal = false;
        let result = self
            .enter_script(|rt, hooks| {
                deno_core::scope!(scope, rt);
                v8::tc_scope!(let tc, scope);
                let f = v8::Local::new(tc, pick(hooks));
                let recv: v8::Local<v8::Value> = v8::undefined(tc).into();
                let args: Vec<v8::Local<v8::Value>> = args
                    .iter()
                    .map(|a| match a {
                        HookArg::U32(n) => v8::Integer::new_from_unsigned(tc, *n).into(),
                        HookArg::F64(n) => v8::Number::new(tc, *n).into(),
                        HookArg::I32(n) => v8::Integer::new(tc, *n).into(),
                        HookArg::Bool(b) => v8::Boolean::new(tc, *b).into(),
                        HookArg::Str(s) => match v8::String::new(tc, s) {
                            Some(s) => s.into(),
                            None => v8::undefined(tc).into(),
                        },
                        HookArg::Value(v) => v8::Local::new(tc, v),
                    })
                    .collect();
                match f.call(tc, recv, &args) {
                    Some(v) if v.is_boolean() => Some(HookValue::Bool(v.is_true())),
                    Some(v) if v.is_string() => Some(HookValue::Str(v.to_rust_string_lossy(tc))),
                    Some(_) => None,
                    None => {
                        if !tc.is_execution_terminating() {
                            // The hooks catch page exceptions; reaching here means a page
                            // value defeated our reporting. Still report and count it.
                            let text = match tc.exception() {
                                Some(exc) if exc.is_string() => exc.to_rust_string_lossy(tc),
                                _ => "an exception that could not be described".to_string(),
                            };
                            output.exception(&format!("Uncaught {text}"));
                            uncaught_internal = true;
                        }
                        None
                    }
                }
            })
            .flatten();
        if uncaught_internal {
            self.state.borrow_mut().errors.uncaught += 1;
        }
        self.hook_failed = uncaught_internal;
        result
    }

    /// After a hook failed (page code broke a built-in the web API layer relies
    /// on): the host's own bookkeeping for it is dropped, so nothing retries it
    /// forever, and the page is told once.
    fn give_up_on(&mut self, what: &str) {
        self.output.exception(&format!(
            "roundabout: {what} stopped: page code replaced a built-in they rely on"
        ));
    }
}

enum HookArg {
    U32(u32),
    F64(f64),
    I32(i32),
    Bool(bool),
    Str(String),
    Value(v8::Global<v8::Value>),
}

/// What a hook returned, when it is something Rust reads.
#[derive(Debug, PartialEq, Eq)]
enum HookValue {
    Bool(bool),
    Str(String),
}

/// Pads a script so that line and column numbers in errors match the file.
fn pad_source(source: &str, line: u32, column: u32) -> String {
    let mut padded = String::with_capacity(source.len() + 64);
    for _ in 1..line {
        padded.push('\n');
    }
    for _ in 1..column {
        padded.push(' ');
    }
    padded.push_str(source);
    padded
}

/// Targets of events the engine fires.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventTargetKind {
    Document,
    Window,
    /// The window, with DOM's "legacy target override flag": `event.target` is the
    /// document (HTML fires `load` and `pageshow` this way).
    WindowWithDocumentAsTarget,
    /// A node of the document (a script element's `load` and `error`).
    Node(NodeId),
}

/// "Uncaught TypeError: boom" followed by "    at file:line:col" frames.
pub fn format_js_error(e: &JsError) -> String {
    let mut out = e.exception_message.clone();
    let ours = |f: &&deno_core::error::JsStackFrame| {
        f.file_name
            .as_deref()
            .is_some_and(|n| n.starts_with("roundabout:"))
    };
    for f in e.frames.iter().filter(|f| !ours(f)) {
        let loc = match (&f.file_name, f.line_number, f.column_number) {
            (Some(file), Some(l), Some(c)) => format!("{file}:{l}:{c}"),
            (Some(file), Some(l), None) => format!("{file}:{l}"),
            (Some(file), _, _) => file.clone(),
            _ => "<anonymous>".into(),
        };
        match &f.function_name {
            Some(name) if !name.is_empty() => out.push_str(&format!("\n    at {name} ({loc})")),
            _ => out.push_str(&format!("\n    at {loc}")),
        }
    }
    out
}

impl ScriptHost for JsHost {
    fn run_timer(&mut self, id: TimerId) {
        let repeat = self.state.borrow().timers.is_repeating(id);
        self.call_hook(
            |h| &h.run_timer,
            &[HookArg::U32(id.0), HookArg::Bool(repeat)],
        );
        self.clean_up_after_running_script();
    }

    fn run_host_task(&mut self, _task: HostTask) {}

    fn needs_rendering(&self) -> bool {
        self.state.borrow().animation_frame_callbacks > 0
            || self.renderer.scroll_pending.get()
            || !self.renderer.element_scrolls_pending.borrow().is_empty()
            || (self.presenter.is_some()
                && (self.renderer.needs_paint(self.document.borrow().generation)
                    || self.renderer.scroll_pending.get()
                    || self.renderer.reported_viewport.get() != self.renderer.viewport()))
    }

    /// HTML § 8.1.7.3 "update the rendering" for the page's one document, in the
    /// spec's order. Steps with nothing to do in a headless run say so.
    fn update_the_rendering(&mut self, frame_time: Duration) {
        // Resize steps (CSSOM View § 13.1): `resize` at the window when the viewport
        // size changed since the last time (the window shell resizes it).
        let viewport = self.renderer.viewport();
        if self.renderer.reported_viewport.get() != viewport {
            self.renderer.reported_viewport.set(viewport);
            self.fire_event(EventTargetKind::Window, "resize", false, false);
        }
        // Scroll steps (§ 13.2): `scroll` at each element that scrolled (not
        // bubbling), and at the document (bubbling to the window) when the viewport
        // scrolled.
        let scrolled: Vec<NodeId> =
            std::mem::take(&mut *self.renderer.element_scrolls_pending.borrow_mut());
        for node in scrolled {
            self.fire_event(EventTargetKind::Node(node), "scroll", false, false);
        }
        if self.renderer.scroll_pending.replace(false) {
            self.fire_event(EventTargetKind::Document, "scroll", true, false);
        }
        // Media queries are evaluated with the viewport in every style pass; there
        // is no MediaQueryList to report changes to yet.
        // Run the animation frame callbacks, one timestamp for the whole frame, each
        // callback followed by a microtask checkpoint.
        let timestamp = frame_time.as_secs_f64() * 1000.0;
        self.call_hook(|h| &h.begin_animation_frames, &[HookArg::F64(timestamp)]);
        let mut failed = self.hook_failed;
        while !failed
            && self.call_hook(|h| &h.step_animation_frame, &[]) == Some(HookValue::Bool(true))
        {
            self.clean_up_after_running_script();
            failed = self.hook_failed;
        }
        if failed || self.hook_failed {
            self.state.borrow_mut().animation_frame_callbacks = 0;
            self.give_up_on("animation frame callbacks");
        }
        // Style, layout and paint ("update the rendering or user interface"): only
        // when frames go somewhere (a window) and the picture is out of date;
        // headless runs paint on demand (--screenshot).
        if let Some(presenter) = self.presenter.as_mut() {
            let generation = self.document.borrow().generation;
            if self.renderer.needs_paint(generation) {
                let frame = self.renderer.paint(&self.document.borrow());
                presenter(&frame);
            }
        }
    }

    /// requestIdleCallback's "start an idle period": the deadline is 50 ms away at
    /// most, and never past the next timer or frame.
    fn idle_period(&mut self, deadline: Option<Duration>) -> IdlePeriod {
        let (now, waiting) = {
            let st = self.state.borrow();
            (st.clock.now(), st.idle_callbacks)
        };
        if waiting == 0 {
            return IdlePeriod::Nothing;
        }
        // One idle period at a time: callbacks requested during one wait for the
        // next, which starts once its deadline has passed.
        if let Some(end) = self.idle_period_end.filter(|end| now < *end) {
            return IdlePeriod::NotBefore(end);
        }
        let cap = now + Duration::from_millis(50);
        let deadline = deadline.map_or(cap, |d| d.min(cap)).max(now);
        self.idle_period_end = Some(deadline);
        let deadline_ms = deadline.as_secs_f64() * 1000.0;
        let started = self.call_hook(|h| &h.start_idle_period, &[HookArg::F64(deadline_ms)]);
        if self.hook_failed {
            self.state.borrow_mut().idle_callbacks = 0;
            self.give_up_on("idle callbacks");
            return IdlePeriod::Nothing;
        }
        if started == Some(HookValue::Bool(true)) {
            IdlePeriod::Started
        } else {
            IdlePeriod::NotBefore(deadline)
        }
    }

    fn pending_work(&self) -> Vec<String> {
        let st = self.state.borrow();
        let mut out = Vec::new();
        let plural = |n: usize, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
        if st.animation_frame_callbacks > 0 {
            out.push(plural(
                st.animation_frame_callbacks,
                "animation frame callback",
            ));
        }
        if st.idle_callbacks > 0 {
            out.push(plural(st.idle_callbacks, "idle callback"));
        }
        drop(st);
        if let Some(w) = self.workers() {
            let live = w.borrow().live_count();
            if live > 0 {
                out.push(plural(live, "busy worker"));
            }
        }
        out
    }

    fn other_agents(&self) -> OtherAgents {
        self.workers()
            .map(|w| w.borrow().other_agents())
            .unwrap_or_default()
    }

    fn wake_other_agents(&mut self) {
        if let Some(w) = self.workers() {
            w.borrow().wake_all();
        }
    }

    fn perform_microtask_checkpoint(&mut self) {
        if !self.script_ran {
            return;
        }
        self.enter_script(|rt, _| {
            deno_core::scope!(scope, rt);
            scope.perform_microtask_checkpoint();
        });
        // HTML § 8.1.7.3 "perform a microtask checkpoint" step 4: notify about
        // rejected promises. Reporting runs script (describing values), which may
        // queue microtasks: then the next checkpoint must not be skipped.
        self.script_ran = false;
        if self.call_hook(|h| &h.notify_about_rejected_promises, &[]) != Some(HookValue::Bool(true))
        {
            self.script_ran = false;
        }
    }

    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}
