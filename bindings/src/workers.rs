//! Dedicated workers (HTML § 10.2): each on its own thread, with its own calloop
//! event loop and its own runtime (no DOM), connected to its page by tasks posted
//! across threads (`TaskSender`). Messages cross as strings: the structured clone
//! record of js/10_structured_clone.js, encoded by js/40_workers.js.
//!
//! Liveness (documented in README.md): the page's run reaches quiescence only when
//! the page has nothing to do, every worker has nothing to do (no task, no timer),
//! and no message is in flight between them. A worker that is idle therefore never
//! keeps a run alive, reachable or not; one with a timer does.
//!
//! Virtual time: the page and its workers share one clock; only the page moves it,
//! when it and every worker are waiting for time, to the earliest deadline of all,
//! then wakes the workers (engine `OtherAgents`).

use std::cell::RefCell;
use std::collections::HashMap;
use std::panic::AssertUnwindSafe;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicU8, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use deno_core::v8;
use roundabout_engine::{
    remote_channel, Clock, EventLoop, LoopState, OtherAgents, ScriptHost, TaskSender, TaskSource,
    Turn,
};

use crate::broadcast::{BroadcastContext, BroadcastHub};
use crate::host::{AgentKind, HostOptions, JsHost};
use crate::output::{ConsoleLevel, Output};

/// Reads a worker's script (or an `importScripts` / module file) by request path:
/// (identity key, text). Shared with worker threads, so `Send + Sync`.
pub type WorkerFetcher = Arc<dyn Fn(&str) -> Result<(String, String), String> + Send + Sync>;

/// Agent ids for the hubs (0 is the page): unique in the process.
fn next_agent_id() -> u32 {
    static NEXT: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

const BUSY: u8 = 0;
const WAITING: u8 = 1;
const QUIESCENT: u8 = 2;
const EXITED: u8 = 3;

/// What a page and one of its workers share.
pub struct WorkerShared {
    status: AtomicU8,
    /// The worker's next timer deadline (ns on the shared clock) while WAITING.
    next_deadline_ns: AtomicU64,
    /// Messages (either way) posted but not yet handled.
    pub(crate) in_flight: AtomicUsize,
    terminated: AtomicBool,
    /// `self.close()`: the current task finishes, nothing after it runs.
    closing: AtomicBool,
    /// The page saw this worker busy and may be waiting for it to change: the
    /// worker wakes it when it does (and only then: a wake costs a syscall).
    page_watching: AtomicBool,
    isolate: Mutex<Option<v8::IsolateHandle>>,
}

impl WorkerShared {
    fn new() -> Self {
        WorkerShared {
            status: AtomicU8::new(BUSY),
            next_deadline_ns: AtomicU64::new(u64::MAX),
            in_flight: AtomicUsize::new(0),
            terminated: AtomicBool::new(false),
            closing: AtomicBool::new(false),
            page_watching: AtomicBool::new(false),
            isolate: Mutex::new(None),
        }
    }

    /// The worker's status changed: wake the page if it is watching.
    fn set_status(&self, status: u8, to_page: &TaskSender) {
        self.status.store(status, Ordering::SeqCst);
        if self.page_watching.swap(false, Ordering::SeqCst) {
            to_page.wake();
        }
    }

    fn finished(&self) -> bool {
        self.terminated.load(Ordering::Acquire) || self.status.load(Ordering::Acquire) == EXITED
    }
}

/// The page's handle on one worker.
struct WorkerHandle {
    to_worker: TaskSender,
    shared: Arc<WorkerShared>,
    thread: Option<JoinHandle<()>>,
}

/// The page's workers (kept in the page runtime's OpState).
pub struct WorkerRegistry {
    next_id: u32,
    workers: HashMap<u32, WorkerHandle>,
    /// Threads of workers that were terminated or ended, joined once finished.
    ending: Vec<JoinHandle<()>>,
    /// Workers the page terminated: their messages still on the way are dropped
    /// (a worker that ended by close() keeps them: they were posted before).
    terminated: std::collections::HashSet<u32>,
    to_page: TaskSender,
    clock: Clock,
    fetcher: Option<WorkerFetcher>,
    options: HostOptions,
    broadcast: BroadcastHub,
    ports: crate::message_ports::PortHub,
}

pub type SharedWorkerRegistry = Rc<RefCell<WorkerRegistry>>;

impl WorkerRegistry {
    /// A nested registry (a worker's own workers) shares the page's hubs.
    pub fn share_hubs(&mut self, broadcast: BroadcastHub, ports: crate::message_ports::PortHub) {
        self.broadcast = broadcast;
        self.ports = ports;
    }

    pub fn new(to_page: TaskSender, clock: Clock, options: HostOptions) -> Self {
        WorkerRegistry {
            next_id: 0,
            workers: HashMap::new(),
            ending: Vec::new(),
            terminated: Default::default(),
            to_page,
            clock,
            fetcher: None,
            options,
            broadcast: BroadcastHub::default(),
            ports: Default::default(),
        }
    }

    /// The page's own view of the BroadcastChannel hub it shares with its workers.
    pub fn page_broadcast_context(&self) -> BroadcastContext {
        BroadcastContext {
            hub: self.broadcast.clone(),
            ports: self.ports.clone(),
            agent: 0,
            to_self: self.to_page.clone(),
            worker: None,
            next_channel: Default::default(),
        }
    }

    pub fn set_fetcher(&mut self, fetcher: WorkerFetcher) {
        self.fetcher = Some(fetcher);
    }

    /// `new Worker(url, options)`: starts the thread; the script is fetched there.
    pub fn create(&mut self, request: String, module: bool, name: String) -> Result<u32, String> {
        let fetcher = self
            .fetcher
            .clone()
            .ok_or("workers need a page to load their script from")?;
        self.reap();
        let id = self.next_id;
        self.next_id += 1;
        let (to_worker, receiver) = remote_channel();
        let shared = Arc::new(WorkerShared::new());
        let init = WorkerInit {
            id,
            request,
            module,
            name,
            clock: self.clock.clone(),
            to_page: self.to_page.clone(),
            shared: shared.clone(),
            fetcher,
            options: self.options,
            broadcast: self.broadcast.clone(),
            ports: self.ports.clone(),
            to_self: to_worker.clone(),
        };
        let thread = std::thread::Builder::new()
            .name(format!("worker-{id}"))
            .stack_size(8 * 1024 * 1024)
            .spawn(move || {
                let to_page = init.to_page.clone();
                let shared = init.shared.clone();
                if let Err(panic) =
                    std::panic::catch_unwind(AssertUnwindSafe(|| run_worker(init, receiver)))
                {
                    let why = panic
                        .downcast_ref::<&str>()
                        .map(|s| s.to_string())
                        .or_else(|| panic.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "unknown cause".to_string());
                    let text = format!("the worker crashed: {why}");
                    to_page.send(TaskSource::PostedMessage, move |h| {
                        if let Some(host) = h.as_any_mut().downcast_mut::<JsHost>() {
                            host.worker_error(id, &text, "", 0, 0);
                        }
                    });
                }
                shared.status.store(EXITED, Ordering::Release);
                to_page.wake();
            })
            .map_err(|e| format!("could not start a worker thread: {e}"))?;
        self.workers.insert(
            id,
            WorkerHandle {
                to_worker,
                shared,
                thread: Some(thread),
            },
        );
        Ok(id)
    }

    /// `worker.postMessage(data)`: a posted-message task in the worker.
    pub fn post(&mut self, id: u32, data: String) {
        let Some(w) = self.workers.get(&id) else {
            return;
        };
        if w.shared.finished() {
            return;
        }
        let shared = w.shared.clone();
        shared.in_flight.fetch_add(1, Ordering::AcqRel);
        let sent = w.to_worker.send(TaskSource::PostedMessage, move |h| {
            if let Some(host) = h.as_any_mut().downcast_mut::<JsHost>() {
                host.deliver_message(-1, &data);
            }
            shared.in_flight.fetch_sub(1, Ordering::AcqRel);
        });
        if !sent {
            w.shared.in_flight.fetch_sub(1, Ordering::AcqRel);
        }
    }

    /// `worker.terminate()` (HTML "terminate a worker"): stops it at once, even in
    /// the middle of a script; its queued messages are dropped.
    pub fn terminate(&mut self, id: u32) {
        let Some(mut w) = self.workers.remove(&id) else {
            return;
        };
        self.terminated.insert(id);
        w.shared.terminated.store(true, Ordering::Release);
        w.shared.in_flight.store(0, Ordering::Release);
        if let Some(isolate) = w.shared.isolate.lock().ok().and_then(|i| i.clone()) {
            isolate.terminate_execution();
        }
        w.to_worker.wake();
        if let Some(t) = w.thread.take() {
            self.ending.push(t);
        }
    }

    /// A worker's message arrived at the page: one fewer in flight.
    pub fn message_handled(&self, id: u32) {
        if let Some(w) = self.workers.get(&id) {
            let _ = w
                .shared
                .in_flight
                .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1));
        }
    }

    /// Whether the page terminated worker `id` (its messages are then dropped).
    pub fn was_terminated(&self, id: u32) -> bool {
        self.terminated.contains(&id)
    }

    /// Joins the threads of workers that have ended, so threads stay bounded by the
    /// number of live workers.
    fn reap(&mut self) {
        let (done, running): (Vec<_>, Vec<_>) =
            self.ending.drain(..).partition(|t| t.is_finished());
        self.ending = running;
        for t in done {
            let _ = t.join();
        }
        let ended: Vec<u32> = self
            .workers
            .iter()
            .filter(|(_, w)| w.shared.status.load(Ordering::Acquire) == EXITED)
            .map(|(id, _)| *id)
            .collect();
        for id in ended {
            if let Some(mut w) = self.workers.remove(&id) {
                if let Some(t) = w.thread.take() {
                    self.ending.push(t);
                }
            }
        }
    }

    /// The engine's view of the workers (see the module comment).
    pub fn other_agents(&self) -> OtherAgents {
        let mut out = OtherAgents::default();
        for w in self.workers.values() {
            if w.shared.finished() {
                continue;
            }
            // Watch first, then look: a change after the look wakes the page.
            w.shared.page_watching.store(true, Ordering::SeqCst);
            if w.shared.in_flight.load(Ordering::SeqCst) > 0 {
                out.busy = true;
                continue;
            }
            match w.shared.status.load(Ordering::SeqCst) {
                BUSY => out.busy = true,
                WAITING => {
                    let ns = w.shared.next_deadline_ns.load(Ordering::Acquire);
                    if ns != u64::MAX {
                        let d = Duration::from_nanos(ns);
                        out.next_deadline =
                            Some(out.next_deadline.map_or(d, |o: Duration| o.min(d)));
                    }
                }
                _ => {}
            }
        }
        out
    }

    /// How many workers still have work (for the pending-work report).
    pub fn live_count(&self) -> usize {
        self.workers
            .values()
            .filter(|w| {
                !w.shared.finished() && w.shared.status.load(Ordering::Acquire) != QUIESCENT
            })
            .count()
    }

    pub fn wake_all(&self) {
        for w in self.workers.values() {
            w.to_worker.wake();
        }
    }

    /// The page is done: every worker is terminated and its thread joined.
    pub fn shut_down(&mut self) {
        let ids: Vec<u32> = self.workers.keys().copied().collect();
        for id in ids {
            self.terminate(id);
        }
        for t in self.ending.drain(..) {
            let _ = t.join();
        }
    }
}

impl Drop for WorkerRegistry {
    fn drop(&mut self) {
        self.shut_down();
    }
}

struct WorkerInit {
    id: u32,
    request: String,
    module: bool,
    name: String,
    clock: Clock,
    to_page: TaskSender,
    shared: Arc<WorkerShared>,
    fetcher: WorkerFetcher,
    options: HostOptions,
    broadcast: BroadcastHub,
    ports: crate::message_ports::PortHub,
    /// This worker's own loop channel (its BroadcastChannels receive through it).
    to_self: TaskSender,
}

/// What a worker's script sees of its page (in the worker runtime's OpState).
pub struct WorkerContext {
    pub id: u32,
    pub request: String,
    /// The worker script's URL (`location.href`).
    pub url: String,
    /// A module worker (`importScripts` throws there).
    pub module: bool,
    pub name: String,
    pub to_page: TaskSender,
    pub shared: Arc<WorkerShared>,
    pub fetcher: WorkerFetcher,
    /// This worker's own loop (its nested workers post back through it).
    pub to_self: TaskSender,
    /// The page's hubs, shared by every agent of the page.
    pub broadcast: BroadcastHub,
    pub ports: crate::message_ports::PortHub,
}

impl WorkerContext {
    /// `self.postMessage(data)` in the worker: a posted-message task in the page.
    pub fn post_to_page(&self, data: String) {
        let id = self.id;
        self.shared.in_flight.fetch_add(1, Ordering::AcqRel);
        let sent = self.to_page.send(TaskSource::PostedMessage, move |h| {
            if let Some(host) = h.as_any_mut().downcast_mut::<JsHost>() {
                host.deliver_message(id as i32, &data);
                host.worker_message_handled(id);
            }
        });
        if !sent {
            self.shared.in_flight.fetch_sub(1, Ordering::AcqRel);
        }
    }

    /// An uncaught exception the worker's own `error` listeners did not cancel: an
    /// ErrorEvent at the Worker object in the page (HTML § 10.2.5).
    pub fn report_error(&self, message: String, filename: String, lineno: u32, colno: u32) {
        let id = self.id;
        self.to_page.send(TaskSource::DomManipulation, move |h| {
            if let Some(host) = h.as_any_mut().downcast_mut::<JsHost>() {
                host.worker_error(id, &message, &filename, lineno, colno);
            }
        });
    }

    pub fn close(&self) {
        self.shared.closing.store(true, Ordering::Release);
    }
}

/// The worker's console goes to the page's output, marked with the worker's name,
/// in order with its messages (the same channel).
struct ForwardingOutput {
    to_page: TaskSender,
    label: String,
}

impl Output for ForwardingOutput {
    fn console(&self, level: ConsoleLevel, text: &str) {
        let line = format!("[{}] {text}", self.label);
        self.to_page.send(TaskSource::PostedMessage, move |h| {
            if let Some(host) = h.as_any_mut().downcast_mut::<JsHost>() {
                host.print(level, &line);
            }
        });
    }
    fn exception(&self, text: &str) {
        let line = format!("[{}] {text}", self.label);
        self.to_page.send(TaskSource::PostedMessage, move |h| {
            if let Some(host) = h.as_any_mut().downcast_mut::<JsHost>() {
                host.report_forwarded_exception(&line);
            }
        });
    }
}

/// The worker thread: a runtime and a loop of its own, its script, then turns until
/// it is terminated or closes. With nothing to do it waits for a message (or, on a
/// virtual clock, for the page to move time).
fn run_worker(init: WorkerInit, receiver: roundabout_engine::RemoteReceiver) {
    let WorkerInit {
        id,
        request,
        module,
        name,
        clock,
        to_page,
        shared,
        fetcher,
        options,
        broadcast,
        ports,
        to_self,
    } = init;
    // For the crash-isolation test: a worker whose name is this variable's value
    // panics on its thread (the page must survive it).
    if std::env::var("ROUNDABOUT_TEST_PANIC_WORKER").is_ok_and(|n| !n.is_empty() && n == name) {
        panic!("ROUNDABOUT_TEST_PANIC_WORKER={name}");
    }
    let state = LoopState::shared(clock.clone());
    state.borrow_mut().follows_virtual_time = clock.is_virtual();
    let label = if name.is_empty() {
        format!("worker {request}")
    } else {
        format!("worker {name}")
    };
    let output = Rc::new(ForwardingOutput {
        to_page: to_page.clone(),
        label,
    });
    // HTML "run a worker": fetch the script first (a failure fires `error` at the
    // Worker object), then run it in a new global.
    let (key, text) = match fetcher(&request) {
        Ok(found) => found,
        Err(why) => {
            to_page.send(TaskSource::DomManipulation, move |h| {
                if let Some(host) = h.as_any_mut().downcast_mut::<JsHost>() {
                    host.worker_fetch_failed(id, &why);
                }
            });
            return;
        }
    };
    let context = WorkerContext {
        id,
        request: request.clone(),
        url: if key.starts_with('/') {
            format!("file://{key}")
        } else {
            key
        },
        module,
        name,
        to_page: to_page.clone(),
        shared: shared.clone(),
        fetcher: fetcher.clone(),
        to_self: to_self.clone(),
        broadcast: broadcast.clone(),
        ports: ports.clone(),
    };
    let mut host =
        match JsHost::new_with_kind(state.clone(), output, options, AgentKind::Worker(context)) {
            Ok(h) => h,
            Err(e) => {
                let text = format!("the worker could not start: {e}");
                to_page.send(TaskSource::DomManipulation, move |h| {
                    if let Some(host) = h.as_any_mut().downcast_mut::<JsHost>() {
                        host.worker_error(id, &text, "", 0, 0);
                    }
                });
                return;
            }
        };
    host.put_broadcast_context(BroadcastContext {
        hub: broadcast,
        ports,
        agent: next_agent_id(),
        to_self,
        worker: Some(shared.clone()),
        next_channel: Default::default(),
    });
    if let Ok(mut slot) = shared.isolate.lock() {
        *slot = Some(host.isolate_handle());
    }
    if shared.terminated.load(Ordering::Acquire) {
        return;
    }
    let module_fetcher = fetcher.clone();
    host.set_module_fetcher(Rc::new(move |r: &str| module_fetcher(r)), "");
    if module {
        // A graph that cannot be fetched fires `error` at the Worker, as a missing
        // script does.
        if let Err(why) = host.run_worker_module(&request) {
            to_page.send(TaskSource::DomManipulation, move |h| {
                if let Some(host) = h.as_any_mut().downcast_mut::<JsHost>() {
                    host.worker_fetch_failed(id, &why);
                }
            });
            return;
        }
    } else if let Err(why) = host.run_worker_script(&request, &text) {
        to_page.send(TaskSource::DomManipulation, move |h| {
            if let Some(host) = h.as_any_mut().downcast_mut::<JsHost>() {
                host.worker_fetch_failed(id, &why);
            }
        });
        return;
    }
    let Ok(mut el) = EventLoop::with_remote(state.clone(), host, receiver) else {
        return;
    };
    loop {
        if shared.terminated.load(Ordering::Acquire) || shared.closing.load(Ordering::Acquire) {
            break;
        }
        shared.status.store(BUSY, Ordering::SeqCst);
        match el.process_one_turn(None) {
            Ok(Turn::Quiescent) => {
                shared.set_status(QUIESCENT, &to_page);
                if el.wait(None).is_err() {
                    break;
                }
                if clock.is_virtual() {
                    el.host().wake_other_agents(); // the clock may have moved
                }
            }
            Ok(Turn::AwaitingClock) => {
                // Its own timers and those of its nested workers.
                let own = state.borrow().timers.next_deadline();
                let nested = el.host().other_agents().next_deadline;
                let deadline = match (own, nested) {
                    (Some(a), Some(b)) => Some(a.min(b)),
                    (a, b) => a.or(b),
                };
                shared.next_deadline_ns.store(
                    deadline.map_or(u64::MAX, |d| d.as_nanos() as u64),
                    Ordering::Release,
                );
                shared.set_status(WAITING, &to_page);
                if el.wait(None).is_err() {
                    break;
                }
                el.host().wake_other_agents(); // the page may have moved the clock
            }
            Ok(_) => {}
            Err(_) => break,
        }
    }
}
