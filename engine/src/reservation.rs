//! Reservations for off-thread work (DESIGN.md, after k6's `RegisterCallback`).
//!
//! `EventLoop::register_callback` on the loop's thread returns a [`Reservation`], which
//! is `Send`. The loop counts it as work in flight — it will not reach quiescence —
//! until the reservation enqueues its task, exactly once. A reservation dropped without
//! enqueuing is reported as abandoned work instead of keeping the loop alive forever.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use calloop::channel::Sender;
use calloop::ping::Ping;

use crate::script_host::ScriptHost;
use crate::task::DocumentId;
use crate::task_source::TaskSource;

/// Steps that may be built on another thread and run on the loop's thread.
pub type SendSteps = Box<dyn FnOnce(&mut dyn ScriptHost) + Send>;

/// What other threads send to a loop.
pub(crate) enum RemoteMessage {
    Task {
        source: TaskSource,
        document: Option<DocumentId>,
        steps: SendSteps,
    },
    Abandoned {
        label: String,
    },
}

/// The sending side shared by reservations: the channel plus a flag the loop reads
/// cheaply on every turn so it only polls the channel when something was sent.
#[derive(Clone)]
pub(crate) struct RemoteSender {
    pub(crate) sender: Sender<RemoteMessage>,
    pub(crate) pending: Arc<AtomicBool>,
}

impl RemoteSender {
    fn send(&self, msg: RemoteMessage) {
        self.pending.store(true, Ordering::Release);
        // The loop may be gone already; then there is nobody to deliver to.
        let _ = self.sender.send(msg);
    }
}

/// A promise to enqueue one task on a loop later, from any thread.
#[must_use = "a reservation keeps the loop alive until it enqueues its task"]
pub struct Reservation {
    remote: Option<RemoteSender>,
    label: String,
}

impl Reservation {
    pub(crate) fn new(remote: RemoteSender, label: String) -> Self {
        Reservation {
            remote: Some(remote),
            label,
        }
    }

    /// What the reservation was made for (shown if it is abandoned).
    pub fn label(&self) -> &str {
        &self.label
    }

    /// Enqueues the task that completes this reservation.
    pub fn enqueue(
        mut self,
        source: TaskSource,
        document: Option<DocumentId>,
        steps: impl FnOnce(&mut dyn ScriptHost) + Send + 'static,
    ) {
        if let Some(remote) = self.remote.take() {
            remote.send(RemoteMessage::Task {
                source,
                document,
                steps: Box::new(steps),
            });
        }
    }
}

impl Drop for Reservation {
    fn drop(&mut self) {
        if let Some(remote) = self.remote.take() {
            remote.send(RemoteMessage::Abandoned {
                label: std::mem::take(&mut self.label),
            });
        }
    }
}

/// Wakes a sleeping loop from any thread (a calloop ping). The loop then re-checks its
/// queues and deadlines.
#[derive(Clone)]
pub struct Waker(pub(crate) Ping);

impl Waker {
    pub fn wake(&self) {
        self.0.ping();
    }
}
