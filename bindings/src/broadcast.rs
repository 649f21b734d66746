//! BroadcastChannel (HTML § 9.5) between a page and its workers: every agent's open
//! channels are listed in one hub, in creation order; a message goes to every other
//! open channel with the same name as a posted-message task in its agent.

use std::cell::Cell;
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex};

use deno_core::{op2, OpState};
use roundabout_engine::{TaskSender, TaskSource};

use crate::host::JsHost;
use crate::workers::WorkerShared;

struct Member {
    agent: u32,
    channel: u32,
    name: String,
    to_agent: TaskSender,
    /// A worker's shared state: messages to it count as in flight.
    worker: Option<Arc<WorkerShared>>,
}

/// The channels of a page and all its workers.
#[derive(Clone, Default)]
pub struct BroadcastHub(Arc<Mutex<Vec<Member>>>);

/// One agent's view of the hub (in its runtime's OpState).
pub struct BroadcastContext {
    pub hub: BroadcastHub,
    /// MessagePorts with ends in different agents of this page.
    pub ports: crate::message_ports::PortHub,
    /// 0 for the page, 1 + id for a worker.
    pub agent: u32,
    pub to_self: TaskSender,
    pub worker: Option<Arc<WorkerShared>>,
    pub next_channel: Cell<u32>,
}

/// `new BroadcastChannel(name)`: the channel's id in this agent.
#[op2(fast)]
pub fn op_bc_open(state: &mut OpState, #[string] name: String) -> u32 {
    let Some(ctx) = state.try_borrow::<BroadcastContext>() else {
        return 0;
    };
    let channel = ctx.next_channel.get();
    ctx.next_channel.set(channel + 1);
    if let Ok(mut members) = ctx.hub.0.lock() {
        members.push(Member {
            agent: ctx.agent,
            channel,
            name,
            to_agent: ctx.to_self.clone(),
            worker: ctx.worker.clone(),
        });
    }
    channel
}

/// `close()`: the channel gets no more messages.
#[op2(fast)]
pub fn op_bc_close(state: &mut OpState, channel: u32) {
    if let Some(ctx) = state.try_borrow::<BroadcastContext>() {
        if let Ok(mut members) = ctx.hub.0.lock() {
            members.retain(|m| !(m.agent == ctx.agent && m.channel == channel));
        }
    }
}

/// `postMessage(message)`: to every other open channel with the same name, in
/// creation order, each a task in its own agent.
#[op2(fast)]
pub fn op_bc_post(state: &mut OpState, channel: u32, #[string] data: String) {
    let Some(ctx) = state.try_borrow::<BroadcastContext>() else {
        return;
    };
    let Ok(members) = ctx.hub.0.lock() else {
        return;
    };
    let Some(name) = members
        .iter()
        .find(|m| m.agent == ctx.agent && m.channel == channel)
        .map(|m| m.name.clone())
    else {
        return;
    };
    for m in members
        .iter()
        .filter(|m| m.name == name && !(m.agent == ctx.agent && m.channel == channel))
    {
        let (target, text, worker) = (m.channel, data.clone(), m.worker.clone());
        if let Some(w) = &worker {
            w.add_in_flight();
        }
        let sent = m.to_agent.send(TaskSource::PostedMessage, move |h| {
            if let Some(host) = h.as_any_mut().downcast_mut::<JsHost>() {
                host.deliver_broadcast(target, &text);
            }
            if let Some(w) = &worker {
                w.remove_in_flight();
            }
        });
        if !sent {
            if let Some(w) = &m.worker {
                w.remove_in_flight();
            }
        }
    }
}

impl WorkerShared {
    pub(crate) fn add_in_flight(&self) {
        self.in_flight.fetch_add(1, Ordering::AcqRel);
    }

    pub(crate) fn remove_in_flight(&self) {
        let _ = self
            .in_flight
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| n.checked_sub(1));
    }
}
