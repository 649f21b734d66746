//! The state of one agent's event loop that both the loop and the script host (its
//! ops) touch: clock, task queues, timers, the currently running task, error counts.
//! Shared as `Rc<RefCell<_>>` on the agent's thread; never borrowed across a call
//! into script.

use std::cell::RefCell;
use std::rc::Rc;

use crate::clock::Clock;
use crate::frame_clock::FrameClock;
use crate::pending::PendingReport;
use crate::task::Task;
use crate::task_queue::TaskQueues;
use crate::task_source::TaskSource;
use crate::timers::{TimerId, TimerList};

/// What the loop knows of the task it is running ("the currently running task").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RunningTask {
    pub source: TaskSource,
    /// Set when the task was queued by the timer initialization steps.
    pub timer_nesting_level: Option<u32>,
}

/// Counts of problems met while running, for exit codes and summaries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ErrorCounts {
    /// Exceptions reported ("report an exception"), including unhandled rejections.
    pub uncaught: u32,
    /// Scripts stopped by the watchdog or the heap limit.
    pub stopped: u32,
}

#[derive(Debug)]
pub struct LoopState {
    pub clock: Clock,
    pub queues: TaskQueues,
    pub timers: TimerList,
    pub current_task: Option<RunningTask>,
    /// The microtask checkpoint re-entrancy flag ("performing a microtask checkpoint").
    pub performing_microtask_checkpoint: bool,
    pub errors: ErrorCounts,
    /// Reservations handed out whose task has not arrived yet.
    pub in_flight: usize,
    /// Labels of reservations dropped without enqueuing their task.
    pub abandoned: Vec<String>,
    /// Rendering opportunities (60 Hz unless set otherwise).
    pub frames: FrameClock,
    /// Animation frame callbacks the page has registered (the host keeps this
    /// current): while there are any, the loop takes frames.
    pub animation_frame_callbacks: usize,
    /// Idle callbacks waiting for an idle period.
    pub idle_callbacks: usize,
    /// Script deferred an exception report to the host (reported, with its `error`
    /// event, once the callback that threw has returned).
    pub deferred_error_reports: bool,
    /// A worker's loop on its page's virtual clock: it never moves the clock itself.
    pub follows_virtual_time: bool,
}

pub type SharedLoopState = Rc<RefCell<LoopState>>;

impl LoopState {
    pub fn new(clock: Clock) -> Self {
        LoopState {
            clock,
            queues: TaskQueues::new(),
            timers: TimerList::new(),
            current_task: None,
            performing_microtask_checkpoint: false,
            errors: ErrorCounts::default(),
            in_flight: 0,
            abandoned: Vec::new(),
            frames: FrameClock::new(60.0),
            animation_frame_callbacks: 0,
            idle_callbacks: 0,
            deferred_error_reports: false,
            follows_virtual_time: false,
        }
    }

    pub fn shared(clock: Clock) -> SharedLoopState {
        Rc::new(RefCell::new(Self::new(clock)))
    }

    /// Queues a task on its source's queue.
    pub fn queue_task(&mut self, task: Task) {
        self.queues.push(task);
    }

    /// `setTimeout`/`setInterval`: the timer initialization steps with the nesting
    /// level of the currently running task. `timeout` is the IDL `long` value.
    pub fn start_timer(&mut self, timeout: i32, repeat: bool) -> TimerId {
        let nesting = self.current_task.and_then(|t| t.timer_nesting_level);
        let now = self.clock.now();
        self.timers.initialize(now, timeout, repeat, None, nesting)
    }

    /// `clearTimeout`/`clearInterval`. Unknown ids are ignored, as the spec says.
    pub fn clear_timer(&mut self, id: TimerId) -> bool {
        self.timers.clear(id)
    }

    /// Everything still pending (without the host's own work).
    pub fn pending(&self) -> PendingReport {
        let (timeouts, intervals) = self.timers.counts();
        PendingReport {
            timeouts,
            intervals,
            tasks: self.queues.counts(),
            in_flight: self.in_flight,
            host: Vec::new(),
        }
    }
}
