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
    /// A task posted through a [`TaskSender`] (not a reservation: no in-flight count).
    Post {
        source: TaskSource,
        steps: SendSteps,
    },
    /// Only wakes the loop (it re-checks its clock, queues and the other agents).
    Wake,
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
        // The loop may be gone already; then there is nobody to deliver to.
        let _ = self.sender.send(msg);
        // After the send: a loop that sees the flag finds the message in the channel.
        self.pending.store(true, Ordering::Release);
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

/// Posts tasks to a loop from any thread, as often as needed (a worker's messages,
/// its console lines, its errors). Unlike a reservation it does not keep the loop
/// alive: the embedder accounts for the work it represents.
#[derive(Clone)]
pub struct TaskSender {
    pub(crate) remote: RemoteSender,
}

impl TaskSender {
    /// Queues `steps` as a task on `source`; false if the loop is gone.
    pub fn send(
        &self,
        source: TaskSource,
        steps: impl FnOnce(&mut dyn ScriptHost) + Send + 'static,
    ) -> bool {
        let sent = self
            .remote
            .sender
            .send(RemoteMessage::Post {
                source,
                steps: Box::new(steps),
            })
            .is_ok();
        // After the send: a loop that sees the flag finds the task in the channel.
        self.remote.pending.store(true, Ordering::Release);
        sent
    }

    /// Wakes the loop without giving it a task.
    pub fn wake(&self) {
        let _ = self.remote.sender.send(RemoteMessage::Wake);
        self.remote.pending.store(true, Ordering::Release);
    }
}

/// The receiving end of a loop's remote channel, made before the loop (another
/// thread's loop, say) so tasks can be posted to it from the start.
pub struct RemoteReceiver {
    pub(crate) channel: calloop::channel::Channel<RemoteMessage>,
    pub(crate) remote: RemoteSender,
}

/// A channel to a loop that does not exist yet: give the receiver to
/// [`crate::EventLoop::with_remote`] on the loop's thread.
pub fn remote_channel() -> (TaskSender, RemoteReceiver) {
    let (sender, channel) = calloop::channel::channel();
    let remote = RemoteSender {
        sender,
        pending: Arc::new(AtomicBool::new(false)),
    };
    (
        TaskSender {
            remote: remote.clone(),
        },
        RemoteReceiver { channel, remote },
    )
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
