//! The small trait through which the event loop calls into a script engine. The
//! engine crate knows nothing of deno_core: `roundabout-bindings` implements this for
//! a JS runtime, and tests implement it with a recording fake.

use std::any::Any;

use crate::task::HostTask;
use crate::timers::TimerId;

pub trait ScriptHost {
    /// Runs the handler of timer `id` (timer initialization steps, steps 9.5–9.6). The
    /// loop has already checked that the timer is still active, and re-arms or forgets
    /// it afterwards.
    fn run_timer(&mut self, id: TimerId);

    /// Runs a task whose steps the host defined.
    fn run_host_task(&mut self, task: HostTask);

    /// Performs a microtask checkpoint (HTML § 8.1.7.3 "perform a microtask
    /// checkpoint"): runs microtasks until the queue is empty, then notifies about
    /// rejected promises. The loop guards against re-entrancy before calling this.
    fn perform_microtask_checkpoint(&mut self);

    /// Whether the host needs frames (animation frame callbacks, a pending screenshot,
    /// a live window): while it does, the loop takes rendering opportunities at the
    /// frame clock's ticks (frame_clock.rs).
    fn needs_rendering(&self) -> bool {
        false
    }

    /// "Update the rendering" (HTML § 8.1.7.3), run as a rendering-source task;
    /// `frame_time` (the frame's tick on the agent clock) is the timestamp of every
    /// animation frame callback in the frame.
    fn update_the_rendering(&mut self, _frame_time: std::time::Duration) {}

    /// An idle period (HTML § 8.1.7.3 "start an idle period"): nothing is runnable.
    /// `deadline` (on the agent clock) is the next timer deadline or the next frame,
    /// whichever is first; the host caps it further (requestIdleCallback's 50 ms).
    /// Says whether it started one, or when the next may start (an idle period
    /// lasts until its deadline: a callback that requests another waits for the next
    /// period, so timers and virtual time still move).
    fn idle_period(&mut self, _deadline: Option<std::time::Duration>) -> IdlePeriod {
        IdlePeriod::Nothing
    }

    /// Work the host itself has in flight that must keep the loop alive, described for
    /// the pending-work report (e.g. "1 module load").
    fn pending_work(&self) -> Vec<String> {
        Vec::new()
    }

    /// Other agents this one's liveness and virtual time depend on (its dedicated
    /// workers): busy ones keep it from moving a virtual clock and from quiescence;
    /// waiting ones contribute their next timer deadline.
    fn other_agents(&self) -> OtherAgents {
        OtherAgents::default()
    }

    /// The virtual clock moved: wake the agents that follow it.
    fn wake_other_agents(&mut self) {}

    /// Access to the concrete host from native task steps.
    fn as_any_mut(&mut self) -> &mut dyn Any;
}

/// A summary of the agents a host depends on (see [`ScriptHost::other_agents`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OtherAgents {
    /// Some agent is running, has queued work, or a message to or from one is in flight.
    pub busy: bool,
    /// The earliest timer deadline of the agents that wait only for time.
    pub next_deadline: Option<std::time::Duration>,
}

/// What the host did with an idle opportunity (see [`ScriptHost::idle_period`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdlePeriod {
    /// It started one (queued or ran idle work).
    Started,
    /// It has idle work, but the current idle period lasts until this time.
    NotBefore(std::time::Duration),
    /// It has no idle work.
    Nothing,
}
