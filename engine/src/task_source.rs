//! Task sources (HTML § 8.1.7.4 "Generic task sources" and the sources named by
//! other sections). Each source has its own FIFO task queue; see `task_queue`.

use std::fmt;

/// A task source. Tasks from one source always run in the order they were queued.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TaskSource {
    /// <https://html.spec.whatwg.org/multipage/webappapis.html#dom-manipulation-task-source>
    DomManipulation,
    /// <https://html.spec.whatwg.org/multipage/webappapis.html#user-interaction-task-source>
    UserInteraction,
    /// <https://html.spec.whatwg.org/multipage/webappapis.html#networking-task-source>
    /// (also runs the parsing of the page and its parser-inserted scripts).
    Networking,
    /// <https://html.spec.whatwg.org/multipage/timers-and-user-prompts.html#timer-task-source>
    Timer,
    /// <https://html.spec.whatwg.org/multipage/web-messaging.html#posted-message-task-source>
    PostedMessage,
    /// <https://html.spec.whatwg.org/multipage/webappapis.html#rendering-task-source>
    Rendering,
    /// <https://w3c.github.io/requestidlecallback/#the-requestidlecallback-method>
    /// ("the idle-task task source").
    Idle,
}

impl TaskSource {
    /// Every source, in the order the round-robin selection visits them. DOM
    /// manipulation follows networking, so the DOMContentLoaded task queued at the end
    /// of parsing runs before timers that expired meanwhile, as in Chromium.
    pub const ALL: [TaskSource; 7] = [
        TaskSource::UserInteraction,
        TaskSource::PostedMessage,
        TaskSource::Networking,
        TaskSource::DomManipulation,
        TaskSource::Timer,
        TaskSource::Rendering,
        TaskSource::Idle,
    ];

    /// Position of this source in [`TaskSource::ALL`].
    pub fn index(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).expect("listed")
    }

    pub fn name(self) -> &'static str {
        match self {
            TaskSource::DomManipulation => "DOM manipulation",
            TaskSource::UserInteraction => "user interaction",
            TaskSource::Networking => "networking",
            TaskSource::Timer => "timer",
            TaskSource::PostedMessage => "posted message",
            TaskSource::Rendering => "rendering",
            TaskSource::Idle => "idle",
        }
    }
}

impl fmt::Display for TaskSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
