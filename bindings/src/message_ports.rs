//! MessagePorts whose two ends live in different agents (a page and its workers).
//! Ports stay plain JS objects while both ends are in one agent
//! (js/41_message_channel.js); when one is transferred to another agent, both ends
//! get an id in this hub, which knows where each end lives ("home": agent, local
//! port id, the agent's loop) and keeps the messages for an end that is in transit
//! until the receiving agent claims it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use deno_core::{op2, OpState};
use roundabout_engine::{TaskSender, TaskSource};

use crate::broadcast::BroadcastContext;
use crate::host::JsHost;
use crate::workers::WorkerShared;

#[derive(Clone)]
struct Home {
    local: u32,
    to_agent: TaskSender,
    worker: Option<Arc<WorkerShared>>,
}

#[derive(Default)]
struct PortEntry {
    peer: Option<u64>,
    /// None while the port travels in a message.
    home: Option<Home>,
    /// Messages for it that arrived while it was in transit.
    pending: Vec<String>,
}

#[derive(Default)]
struct PortTable {
    next: u64,
    ports: HashMap<u64, PortEntry>,
}

/// Shared by a page and its workers (in their BroadcastContext).
#[derive(Clone, Default)]
pub struct PortHub(Arc<Mutex<PortTable>>);

impl PortTable {
    fn add(&mut self, entry: PortEntry) -> u64 {
        self.next += 1;
        self.ports.insert(self.next, entry);
        self.next
    }
}

fn home_here(ctx: &BroadcastContext, local: u32) -> Home {
    Home {
        local,
        to_agent: ctx.to_self.clone(),
        worker: ctx.worker.clone(),
    }
}

/// A port is about to leave this agent while its peer (local port `peer_local`,
/// or none: -1) stays: both get hub ids. Returns [moving id, staying id (0: none)].
#[op2]
#[serde]
pub fn op_port_export_pair(state: &mut OpState, peer_local: i32) -> Vec<f64> {
    let Some(ctx) = state.try_borrow::<BroadcastContext>() else {
        return vec![0.0, 0.0];
    };
    let Ok(mut table) = ctx.ports.0.lock() else {
        return vec![0.0, 0.0];
    };
    let moving = table.add(PortEntry::default());
    let staying = if peer_local >= 0 {
        let id = table.add(PortEntry {
            peer: Some(moving),
            home: Some(home_here(ctx, peer_local as u32)),
            pending: Vec::new(),
        });
        if let Some(m) = table.ports.get_mut(&moving) {
            m.peer = Some(id);
        }
        id
    } else {
        0
    };
    vec![moving as f64, staying as f64]
}

/// A port that already has a hub id leaves this agent: it is in transit, with
/// `queued` (messages it had not dispatched yet) kept for its next home.
#[op2]
pub fn op_port_send_away(state: &mut OpState, #[number] id: u64, #[serde] queued: Vec<String>) {
    let Some(ctx) = state.try_borrow::<BroadcastContext>() else {
        return;
    };
    if let Ok(mut table) = ctx.ports.0.lock() {
        if let Some(e) = table.ports.get_mut(&id) {
            e.home = None;
            let mut pending = queued;
            pending.append(&mut e.pending);
            e.pending = pending;
        }
    }
}

/// A transferred port arrives in this agent as local port `local`: returns
/// [peer id (0: none), then the messages that waited for it].
#[op2]
#[serde]
pub fn op_port_claim(state: &mut OpState, #[number] id: u64, local: u32) -> Vec<String> {
    let Some(ctx) = state.try_borrow::<BroadcastContext>() else {
        return vec!["0".to_string()];
    };
    let Ok(mut table) = ctx.ports.0.lock() else {
        return vec!["0".to_string()];
    };
    let home = home_here(ctx, local);
    let Some(e) = table.ports.get_mut(&id) else {
        return vec!["0".to_string()];
    };
    e.home = Some(home);
    let mut out = vec![e.peer.unwrap_or(0).to_string()];
    out.append(&mut e.pending);
    out
}

/// `postMessage` on a port whose peer is (or was sent) elsewhere: to the peer's
/// agent as a posted-message task, or kept while the peer is in transit.
#[op2(fast)]
pub fn op_port_post(state: &mut OpState, #[number] id: u64, #[string] data: String) {
    let Some(ctx) = state.try_borrow::<BroadcastContext>() else {
        return;
    };
    let Ok(mut table) = ctx.ports.0.lock() else {
        return;
    };
    let Some(peer) = table.ports.get(&id).and_then(|e| e.peer) else {
        return; // disentangled: the message is lost
    };
    let Some(p) = table.ports.get_mut(&peer) else {
        return;
    };
    match &p.home {
        None => p.pending.push(data),
        Some(home) => {
            let (local, worker) = (home.local, home.worker.clone());
            if let Some(w) = &worker {
                w.add_in_flight();
            }
            let sent = home.to_agent.send(TaskSource::PostedMessage, move |h| {
                if let Some(host) = h.as_any_mut().downcast_mut::<JsHost>() {
                    host.deliver_port_message(local, &data);
                }
                if let Some(w) = &worker {
                    w.remove_in_flight();
                }
            });
            if !sent {
                if let Some(w) = &home.worker {
                    w.remove_in_flight();
                }
            }
        }
    }
}

/// `close()` on a port with a hub id: both ends are disentangled.
#[op2(fast)]
pub fn op_port_close(state: &mut OpState, #[number] id: u64) {
    let Some(ctx) = state.try_borrow::<BroadcastContext>() else {
        return;
    };
    if let Ok(mut table) = ctx.ports.0.lock() {
        if let Some(e) = table.ports.remove(&id) {
            if let Some(peer) = e.peer.and_then(|p| table.ports.get_mut(&p)) {
                peer.peer = None;
            }
        }
    }
}
