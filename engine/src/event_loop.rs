//! The window/worker event loop (HTML § 8.1.7.3 "Processing model") on calloop.
//!
//! Each turn: queue the tasks of expired timers; run the oldest task of the next
//! source with one (`task_queue` documents the policy); perform a microtask
//! checkpoint; when a frame is due and the host needs one, queue "update the
//! rendering" as a rendering task (frame_clock.rs); otherwise, with
//! nothing runnable, sleep in calloop until the next timer deadline, a message from
//! another thread or a ping — or, on a virtual clock, jump to that deadline.

use std::io;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use calloop::channel::Event;
use calloop::ping::{self, PingSource};

use crate::loop_state::{LoopState, RunningTask, SharedLoopState};
use crate::pending::PendingReport;
use crate::reservation::{
    remote_channel, RemoteMessage, RemoteReceiver, RemoteSender, Reservation, TaskSender, Waker,
};
use crate::script_host::{IdlePeriod, ScriptHost};
use crate::task::{Task, TaskSteps};
use crate::task_source::TaskSource;
use crate::timers::ExpiredTimer;

/// What one call to [`EventLoop::process_one_turn`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Turn {
    /// A task ran (followed by a microtask checkpoint).
    RanTask,
    /// Nothing else was runnable and the host ran idle callbacks.
    Idle,
    /// Nothing was runnable: the loop slept, or moved the virtual clock.
    Waited,
    /// Nothing is runnable now and the loop follows another agent's virtual clock (a
    /// worker): its driver publishes its next deadline and waits to be woken.
    AwaitingClock,
    /// Nothing is queued, pending or in flight.
    Quiescent,
}

/// How a [`EventLoop::run`] ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RunOutcome {
    Quiescent,
    /// The time limit was reached with this work still pending.
    TimedOut(PendingReport),
}

/// One agent's event loop, driving a [`ScriptHost`].
pub struct EventLoop<H: ScriptHost> {
    state: SharedLoopState,
    host: H,
    poll: calloop::EventLoop<'static, ()>,
    remote: RemoteSender,
    waker: Waker,
}

impl<H: ScriptHost> EventLoop<H> {
    /// A loop over `state` (which the host may also hold) driving `host`.
    pub fn new(state: SharedLoopState, host: H) -> io::Result<Self> {
        let (_, receiver) = remote_channel();
        Self::with_remote(state, host, receiver)
    }

    /// A loop whose remote channel was made beforehand ([`remote_channel`]), so other
    /// threads could post to it before it existed.
    pub fn with_remote(
        state: SharedLoopState,
        host: H,
        receiver: RemoteReceiver,
    ) -> io::Result<Self> {
        let poll = calloop::EventLoop::try_new().map_err(io::Error::other)?;
        let RemoteReceiver { channel, remote } = receiver;
        let for_channel = state.clone();
        poll.handle()
            .insert_source(channel, move |event, _, _| {
                if let Event::Msg(msg) = event {
                    receive(&mut for_channel.borrow_mut(), msg);
                }
            })
            .map_err(|e| io::Error::other(e.to_string()))?;
        let (ping, ping_source): (_, PingSource) = ping::make_ping()?;
        poll.handle()
            .insert_source(ping_source, |_, _, _| {})
            .map_err(|e| io::Error::other(e.to_string()))?;
        Ok(EventLoop {
            state,
            host,
            poll,
            remote,
            waker: Waker(ping),
        })
    }

    pub fn state(&self) -> &SharedLoopState {
        &self.state
    }

    pub fn host(&mut self) -> &mut H {
        &mut self.host
    }

    pub fn into_host(self) -> H {
        self.host
    }

    /// A handle that wakes this loop from any thread.
    pub fn waker(&self) -> Waker {
        self.waker.clone()
    }

    /// A handle that posts tasks to this loop from any thread.
    pub fn task_sender(&self) -> TaskSender {
        TaskSender {
            remote: self.remote.clone(),
        }
    }

    /// Blocks until another thread posts to or wakes this loop, or `timeout` passes
    /// (a worker with nothing to do waits here for its next message).
    pub fn wait(&mut self, timeout: Option<Duration>) -> io::Result<()> {
        self.remote.pending.store(false, Ordering::Release);
        self.poll.dispatch(timeout, &mut ())?;
        Ok(())
    }

    /// Wakes the loop whenever `fd` is readable (level-triggered; the loop does not
    /// read it). The window shell hands in the windowing system's connection, so a
    /// sleeping loop wakes for input, and reads the events itself after each turn.
    pub fn watch_fd(&self, fd: std::os::fd::OwnedFd) -> io::Result<()> {
        use calloop::generic::Generic;
        use calloop::{Interest, Mode, PostAction};
        self.poll
            .handle()
            .insert_source(Generic::new(fd, Interest::READ, Mode::Level), |_, _, _| {
                Ok(PostAction::Continue)
            })
            .map(|_| ())
            .map_err(|e| io::Error::other(e.to_string()))
    }

    /// Reserves a task for off-thread work (see [`Reservation`]).
    pub fn register_callback(&self, label: impl Into<String>) -> Reservation {
        self.state.borrow_mut().in_flight += 1;
        Reservation::new(self.remote.clone(), label.into())
    }

    /// Queues a task from the loop's own thread.
    pub fn queue_task(&self, task: Task) {
        self.state.borrow_mut().queue_task(task);
    }

    /// Everything still pending, including the host's own work.
    pub fn pending(&self) -> PendingReport {
        let mut report = self.state.borrow().pending();
        report.host = self.host.pending_work();
        report
    }

    /// One iteration of the event loop. `sleep_until` caps how far (on the agent's
    /// clock) the loop may sleep or move virtual time.
    pub fn process_one_turn(&mut self, sleep_until: Option<Duration>) -> io::Result<Turn> {
        // A plain load first: the common case (nothing sent) costs no atomic write.
        if self.remote.pending.load(Ordering::Relaxed)
            && self.remote.pending.swap(false, Ordering::Acquire)
        {
            self.poll.dispatch(Some(Duration::ZERO), &mut ())?;
        }
        let needs_rendering = self.host.needs_rendering();
        let next = {
            let mut st = self.state.borrow_mut();
            queue_expired_timers(&mut st);
            self.queue_rendering_task_if_due(&mut st, needs_rendering);
            st.queues.take_next()
        };
        if let Some(task) = next {
            self.run_task(task);
            return Ok(Turn::RanTask);
        }
        let (clock, deadline, in_flight, no_timers, next_frame) = {
            let st = self.state.borrow();
            (
                st.clock.clone(),
                st.timers.next_deadline(),
                st.in_flight,
                st.timers.is_empty(),
                st.frames.next_frame(),
            )
        };
        let agents = self.host.other_agents();
        // An agent that finished (say, a worker that called close()) may have sent
        // tasks after this turn first looked at the channel: they are seen now (the
        // flag is set after the send, both before the agent's status changes),
        // and taken on the next turn, before the run can end or the clock can jump.
        if self.remote.pending.load(Ordering::Acquire) {
            return Ok(Turn::Waited);
        }
        if no_timers
            && in_flight == 0
            && next_frame.is_none()
            && self.host.pending_work().is_empty()
            && !agents.busy
            && agents.next_deadline.is_none()
        {
            return Ok(Turn::Quiescent);
        }
        // An idle period ends at the next timer or the next frame, whichever is first.
        let deadline = earliest(deadline, next_frame);
        let next_idle = match self.host.idle_period(deadline) {
            IdlePeriod::Started => {
                self.perform_microtask_checkpoint();
                return Ok(Turn::Idle);
            }
            IdlePeriod::NotBefore(at) => Some(at),
            IdlePeriod::Nothing => None,
        };
        let wake_at = earliest(earliest(deadline, next_idle), sleep_until);
        if clock.is_virtual() && in_flight == 0 {
            if self.state.borrow().follows_virtual_time {
                if agents.busy {
                    // Its own (nested) workers are still at work: wait for them.
                    self.poll.dispatch(None, &mut ())?;
                    return Ok(Turn::Waited);
                }
                return Ok(Turn::AwaitingClock);
            }
            if agents.busy {
                // Other agents (workers) may still post at the current time.
                self.poll.dispatch(None, &mut ())?;
                return Ok(Turn::Waited);
            }
            // Virtual time: nothing can arrive from outside, so jump to the deadline
            // (this agent's, or the earliest of the agents that follow its clock).
            if let Some(at) = earliest(wake_at, agents.next_deadline) {
                clock.advance_to(at);
                self.host.wake_other_agents();
            }
            return Ok(Turn::Waited);
        }
        let timeout = wake_at.map(|at| at.saturating_sub(clock.now()));
        // The remote flag stays as it is: if it is set, the next turn polls again, so a
        // message sent while this dispatch was finishing is never left in the channel.
        self.poll.dispatch(timeout, &mut ())?;
        Ok(Turn::Waited)
    }

    /// HTML § 8.1.7.3 "update the rendering" runs as a task on the rendering task
    /// source when the frame clock has a rendering opportunity and the host needs a
    /// frame; its frame time (the tick) is the timestamp of the whole frame.
    fn queue_rendering_task_if_due(&self, st: &mut LoopState, needs_rendering: bool) {
        let now = st.clock.now();
        st.frames.update_need(needs_rendering, now);
        let Some(frame_time) = st.frames.take_due_frame(now) else {
            return;
        };
        let state = self.state.clone();
        st.queue_task(Task::native(TaskSource::Rendering, None, move |host| {
            state.borrow_mut().frames.frame_started(frame_time);
            host.update_the_rendering(frame_time);
        }));
    }

    /// Runs until quiescence or until `limit` has passed, on the agent's clock or in
    /// real time, whichever comes first (a virtual clock alone would never stop a loop
    /// that keeps queueing tasks without timers).
    pub fn run(&mut self, limit: Option<Duration>) -> io::Result<RunOutcome> {
        let real_deadline = limit.and_then(|l| Instant::now().checked_add(l));
        let clock = self.state.borrow().clock.clone();
        loop {
            if let Some(limit) = limit {
                let real_passed = real_deadline.is_some_and(|r| Instant::now() >= r);
                if clock.now() >= limit || real_passed {
                    return Ok(RunOutcome::TimedOut(self.pending()));
                }
            }
            let sleep_until = limit.map(|l| {
                let real_left =
                    real_deadline.map_or(l, |r| r.saturating_duration_since(Instant::now()));
                l.min(clock.now() + real_left)
            });
            if self.process_one_turn(sleep_until)? == Turn::Quiescent {
                return Ok(RunOutcome::Quiescent);
            }
        }
    }

    /// Perform a microtask checkpoint, unless one is already running (§ 8.1.7.3).
    pub fn perform_microtask_checkpoint(&mut self) {
        perform_microtask_checkpoint(&self.state, &mut self.host);
    }

    fn run_task(&mut self, task: Task) {
        let nesting = match task.steps {
            TaskSteps::Timer { nesting_level, .. } => Some(nesting_level),
            _ => None,
        };
        // § 8.1.7.3 step 2.5: set the currently running task, run it, reset it.
        self.state.borrow_mut().current_task = Some(RunningTask {
            source: task.source,
            timer_nesting_level: nesting,
        });
        match task.steps {
            TaskSteps::Timer {
                id,
                handle,
                nesting_level,
            } => {
                let expired = ExpiredTimer {
                    id,
                    handle,
                    nesting_level,
                };
                // Timer task steps 9.2–9.3: a cleared or replaced timer does nothing.
                if self.state.borrow().timers.is_current(id, handle) {
                    self.host.run_timer(id);
                    let mut st = self.state.borrow_mut();
                    let now = st.clock.now();
                    st.timers.complete(now, expired); // steps 9.7–9.10
                }
            }
            TaskSteps::Host(t) => self.host.run_host_task(t),
            TaskSteps::Native(steps) => steps(&mut self.host),
        }
        self.state.borrow_mut().current_task = None;
        self.perform_microtask_checkpoint(); // step 2.7
    }
}

/// Performs a microtask checkpoint through `host` unless one is already in progress
/// (§ 8.1.7.3 "perform a microtask checkpoint", step 1). Hosts call this from "clean
/// up after running script".
pub fn perform_microtask_checkpoint(state: &SharedLoopState, host: &mut dyn ScriptHost) {
    {
        let mut st = state.borrow_mut();
        if st.performing_microtask_checkpoint {
            return;
        }
        st.performing_microtask_checkpoint = true;
    }
    // Step 2.3: while a microtask runs it is the currently running task, so timers it
    // starts get nesting level 0 even inside a timer task's clean-up checkpoint.
    let running = state.borrow_mut().current_task.take();
    host.perform_microtask_checkpoint();
    let mut st = state.borrow_mut();
    st.current_task = running;
    st.performing_microtask_checkpoint = false;
}

fn queue_expired_timers(st: &mut LoopState) {
    if st.timers.next_deadline().is_none() {
        return;
    }
    let now = st.clock.now();
    for e in st.timers.take_expired(now) {
        // Step 12: "queue a global task on the timer task source".
        let steps = TaskSteps::Timer {
            id: e.id,
            handle: e.handle,
            nesting_level: e.nesting_level,
        };
        st.queues.push(Task::new(TaskSource::Timer, None, steps));
    }
}

fn receive(st: &mut LoopState, msg: RemoteMessage) {
    match msg {
        RemoteMessage::Post { source, steps } => {
            st.queue_task(Task::new(source, None, TaskSteps::Native(steps)));
            return;
        }
        RemoteMessage::Wake => return,
        _ => {}
    }
    st.in_flight = st.in_flight.saturating_sub(1);
    match msg {
        RemoteMessage::Post { .. } | RemoteMessage::Wake => {}
        RemoteMessage::Task {
            source,
            document,
            steps,
        } => {
            st.queue_task(Task::new(source, document, TaskSteps::Native(steps)));
        }
        RemoteMessage::Abandoned { label } => st.abandoned.push(label),
    }
}

fn earliest(a: Option<Duration>, b: Option<Duration>) -> Option<Duration> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}
