//! Tasks (HTML § 8.1.7.1 "Definitions": a task has steps, a source, a document
//! and a script evaluation environment settings object set).

use crate::script_host::ScriptHost;
use crate::task_source::TaskSource;
use crate::timers::TimerId;

/// Identifies the document a task belongs to ("a task's document"). Workers' tasks
/// and tasks of the engine itself have none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DocumentId(pub u32);

/// An opaque token a [`ScriptHost`] interprets when the task runs (for example an
/// index into the host's own table of pending JS callbacks).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct HostTask(pub u64);

/// Native task steps, run on the loop's thread with the host.
pub type NativeSteps = Box<dyn FnOnce(&mut dyn ScriptHost)>;

/// What a task does when it runs.
pub enum TaskSteps {
    /// The task queued by the timer initialization steps (HTML § 8.6, step 9).
    Timer {
        id: TimerId,
        /// The "uniqueHandle" the timer was armed with; a cleared or re-armed timer
        /// no longer matches and the task does nothing.
        handle: u64,
        /// The task's timer nesting level (step 11).
        nesting_level: u32,
    },
    /// Steps the host knows how to run.
    Host(HostTask),
    /// Native steps, e.g. an embedder's completion of off-thread work.
    Native(NativeSteps),
}

impl std::fmt::Debug for TaskSteps {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TaskSteps::Timer {
                id,
                handle,
                nesting_level,
            } => f
                .debug_struct("Timer")
                .field("id", id)
                .field("handle", handle)
                .field("nesting_level", nesting_level)
                .finish(),
            TaskSteps::Host(t) => f.debug_tuple("Host").field(t).finish(),
            TaskSteps::Native(_) => f.write_str("Native(..)"),
        }
    }
}

/// A task: steps tagged with their source and owning document.
#[derive(Debug)]
pub struct Task {
    pub source: TaskSource,
    pub document: Option<DocumentId>,
    pub steps: TaskSteps,
}

impl Task {
    pub fn new(source: TaskSource, document: Option<DocumentId>, steps: TaskSteps) -> Self {
        Task {
            source,
            document,
            steps,
        }
    }

    /// A task running native steps.
    pub fn native(
        source: TaskSource,
        document: Option<DocumentId>,
        steps: impl FnOnce(&mut dyn ScriptHost) + 'static,
    ) -> Self {
        Task::new(source, document, TaskSteps::Native(Box::new(steps)))
    }
}
