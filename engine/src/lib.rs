//! roundabout-engine: the HTML event loop — task sources and queues, timers, the
//! agent clock, microtask checkpoints through a [`ScriptHost`], quiescence and
//! reservations for off-thread work. No JavaScript engine in here.

pub mod clock;
pub mod dom;
pub mod event_loop;
pub mod frame_clock;
pub mod loop_state;
pub mod pending;
pub mod reservation;
pub mod script_host;
pub mod task;
pub mod task_queue;
pub mod task_source;
pub mod timers;
pub mod watchdog;

pub use clock::Clock;
pub use event_loop::{perform_microtask_checkpoint, EventLoop, RunOutcome, Turn};
pub use frame_clock::FrameClock;
pub use loop_state::{ErrorCounts, LoopState, RunningTask, SharedLoopState};
pub use pending::PendingReport;
pub use reservation::{remote_channel, RemoteReceiver, Reservation, TaskSender, Waker};
pub use script_host::{IdlePeriod, OtherAgents, ScriptHost};
pub use task::{DocumentId, HostTask, Task, TaskSteps};
pub use task_source::TaskSource;
pub use timers::TimerId;
pub use watchdog::Watchdog;
