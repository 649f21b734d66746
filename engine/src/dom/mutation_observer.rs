//! MutationObserver's side of the document (DOM § 4.3 "Mutation observers"):
//! registered observers per node (transient ones too), each observer's record queue,
//! and "queue a mutation record". Delivery ("notify mutation observers") needs the
//! script engine, so it lives with the host: this module only says when a mutation
//! observer microtask must be queued (`take_microtask_request`), and hands each
//! observer its records (`take_records`).
//!
//! The agent's "mutation observer microtask queued" flag is here, per document (one
//! document per agent), never global.

use std::collections::HashMap;
use std::rc::Rc;

use super::mutation_record::MutationRecord;
use super::node::NodeId;
use super::tree::Document;

/// An observer, numbered in creation order (notification order).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObserverId(pub u32);

/// A MutationObserverInit after observe()'s validation and defaults (DOM § 4.3.1
/// steps 1–6): `attributes` / `character_data` are already implied by their old
/// value options and the attribute filter.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ObserveOptions {
    pub child_list: bool,
    pub attributes: bool,
    pub character_data: bool,
    pub subtree: bool,
    pub attribute_old_value: bool,
    pub character_data_old_value: bool,
    pub attribute_filter: Option<Vec<String>>,
}

/// A registered observer on a node; `source` is set for a transient one: the node
/// whose registered observer (for the same observer) it was copied from.
#[derive(Clone, Debug)]
struct Registered {
    observer: ObserverId,
    options: Rc<ObserveOptions>,
    source: Option<NodeId>,
}

/// One record in an observer's queue: the shared record, with the old value this
/// observer asked for (or None).
#[derive(Clone, Debug)]
pub struct ObservedRecord {
    pub record: Rc<MutationRecord>,
    pub old_value: Option<String>,
}

#[derive(Clone, Debug, Default)]
struct Observer {
    queue: Vec<ObservedRecord>,
    /// The nodes it is registered on (non-transient), for disconnect().
    nodes: Vec<NodeId>,
}

#[derive(Clone, Debug, Default)]
pub struct MutationObservers {
    registered: HashMap<NodeId, Vec<Registered>>,
    /// Every observer created, in creation order (index = id).
    observers: Vec<Observer>,
    /// The agent's "mutation observer microtask queued" flag.
    microtask_queued: bool,
    /// A microtask must be queued by the host (set with the flag).
    microtask_requested: bool,
    /// Observers whose every observed node was freed: script may let them go.
    orphaned: Vec<ObserverId>,
}

impl MutationObservers {
    /// Whether anything is registered anywhere (the fast path of every mutation).
    fn any_registered(&self) -> bool {
        !self.registered.is_empty()
    }

    /// Whether a mutation observer microtask is waiting to be queued.
    pub fn microtask_requested(&self) -> bool {
        self.microtask_requested
    }

    /// The mutation observer microtask must be queued now; returns true once per
    /// request (the host queues "notify mutation observers").
    pub fn take_microtask_request(&mut self) -> bool {
        std::mem::take(&mut self.microtask_requested)
    }

    /// DOM "notify mutation observers" step 1: unset the flag; returns the observers
    /// to visit, in creation order (step 2's clone) — those that observe something or
    /// have records: the others have nothing to deliver, and skipping them keeps a
    /// page that made many throwaway observers fast.
    pub fn begin_notify(&mut self) -> Vec<ObserverId> {
        self.microtask_queued = false;
        self.observers
            .iter()
            .enumerate()
            .filter(|(_, o)| !o.queue.is_empty() || !o.nodes.is_empty())
            .map(|(i, _)| ObserverId(i as u32))
            .collect()
    }

    /// Observers left observing nothing because their nodes were freed (each once).
    pub fn take_orphaned(&mut self) -> Vec<ObserverId> {
        std::mem::take(&mut self.orphaned)
    }

    pub fn create_observer(&mut self) -> ObserverId {
        self.observers.push(Observer::default());
        ObserverId(self.observers.len() as u32 - 1)
    }

    fn observer_mut(&mut self, id: ObserverId) -> Option<&mut Observer> {
        self.observers.get_mut(id.0 as usize)
    }

    /// Forgets a node that was freed (its slot will be reused).
    pub(super) fn forget_node(&mut self, node: NodeId) {
        let Some(list) = self.registered.remove(&node) else {
            return;
        };
        for r in list.iter().filter(|r| r.source.is_none()) {
            if let Some(o) = self.observer_mut(r.observer) {
                o.nodes.retain(|n| *n != node);
                if o.nodes.is_empty() && o.queue.is_empty() {
                    self.orphaned.push(r.observer);
                }
            }
        }
    }

    /// The nodes pending records refer to (they must not be freed).
    pub fn nodes_in_records(&self) -> impl Iterator<Item = NodeId> + '_ {
        self.observers
            .iter()
            .flat_map(|o| o.queue.iter().flat_map(|r| r.record.nodes()))
    }
}

impl Document {
    /// Whether any MutationObserver is registered on any node (mutation paths that
    /// would compute records only for observers check this first).
    pub fn has_observers(&self) -> bool {
        self.observers.any_registered()
    }

    /// `new MutationObserver(callback)`: a new observer, last in notification order.
    pub fn create_mutation_observer(&mut self) -> ObserverId {
        self.observers.create_observer()
    }

    /// `observe(target, options)` after validation (DOM § 4.3.1 steps 7–8): if the
    /// observer is registered on `target` already, its transient observers sourced
    /// there are dropped and the options replaced; else it is registered.
    pub fn observe(&mut self, observer: ObserverId, target: NodeId, options: ObserveOptions) {
        let options = Rc::new(options);
        let mo = &mut self.observers;
        let list = mo.registered.entry(target).or_default();
        if let Some(existing) = list
            .iter_mut()
            .find(|r| r.observer == observer && r.source.is_none())
        {
            existing.options = options;
            // Step 7.1 says "for each node of this's node list", but transient
            // registered observers sit on removed nodes, which are not in it; like
            // Blink, every transient observer this registration created goes.
            mo.registered.retain(|_, l| {
                l.retain(|r| !(r.observer == observer && r.source == Some(target)));
                !l.is_empty()
            });
            return;
        }
        list.push(Registered {
            observer,
            options,
            source: None,
        });
        if let Some(o) = mo.observer_mut(observer) {
            o.nodes.push(target);
        }
    }

    /// `disconnect()`: unregistered everywhere (transient registrations too, as in
    /// Blink; the spec's steps only visit the node list), queue emptied.
    pub fn disconnect_observer(&mut self, observer: ObserverId) {
        let mo = &mut self.observers;
        let Some(o) = mo.observer_mut(observer) else {
            return;
        };
        let nodes = std::mem::take(&mut o.nodes);
        o.queue.clear();
        for node in nodes {
            if let Some(l) = mo.registered.get_mut(&node) {
                l.retain(|r| r.observer != observer);
                if l.is_empty() {
                    mo.registered.remove(&node);
                }
            }
        }
        // Transient registrations elsewhere (sourced from those nodes) go too.
        mo.registered.retain(|_, l| {
            l.retain(|r| r.observer != observer);
            !l.is_empty()
        });
    }

    /// `takeRecords()`, and the per-observer step of "notify mutation observers"
    /// (`notifying`: also drop its transient registered observers — all of them,
    /// wherever they are: they sit on removed nodes, not on the node list).
    pub fn take_observer_records(
        &mut self,
        observer: ObserverId,
        notifying: bool,
    ) -> Vec<ObservedRecord> {
        let mo = &mut self.observers;
        let records = mo
            .observer_mut(observer)
            .map(|o| std::mem::take(&mut o.queue))
            .unwrap_or_default();
        if notifying && mo.any_registered() {
            mo.registered.retain(|_, l| {
                l.retain(|r| !(r.observer == observer && r.source.is_some()));
                !l.is_empty()
            });
        }
        records
    }

    /// DOM "remove" step 15 (before `node` leaves `parent`): for each inclusive
    /// ancestor of the parent with a registered observer whose subtree is true, a
    /// transient registered observer on `node`.
    pub(super) fn add_transient_observers(&mut self, node: NodeId, parent: NodeId) {
        if !self.observers.any_registered() {
            return;
        }
        let mut transient = Vec::new();
        let mut at = Some(parent);
        while let Some(ancestor) = at {
            if let Some(list) = self.observers.registered.get(&ancestor) {
                transient.extend(
                    list.iter()
                        .filter(|r| r.options.subtree)
                        .map(|r| Registered {
                            observer: r.observer,
                            options: r.options.clone(),
                            source: Some(ancestor),
                        }),
                );
            }
            at = self.parent(ancestor);
        }
        if !transient.is_empty() {
            self.observers
                .registered
                .entry(node)
                .or_default()
                .extend(transient);
        }
    }

    /// DOM § 4.3.2 "queue a mutation record" for the observers (the record's
    /// interested observers get it, with the old value only if they asked for it);
    /// then "queue a mutation observer microtask".
    pub(super) fn deliver_to_observers(&mut self, record: MutationRecord) {
        if !self.observers.any_registered() {
            return;
        }
        let target = record.target();
        let mut interested: Vec<(ObserverId, Option<String>)> = Vec::new();
        let mut at = Some(target);
        while let Some(node) = at {
            if let Some(list) = self.observers.registered.get(&node) {
                for r in list {
                    let o = &*r.options;
                    let skip = (node != target && !o.subtree)
                        || match &record {
                            MutationRecord::Attributes {
                                name, namespace, ..
                            } => {
                                !o.attributes
                                    || o.attribute_filter.as_ref().is_some_and(|f| {
                                        namespace.is_some() || !f.iter().any(|a| a == &**name)
                                    })
                            }
                            MutationRecord::CharacterData { .. } => !o.character_data,
                            MutationRecord::ChildList { .. } => !o.child_list,
                        };
                    if skip {
                        continue;
                    }
                    let i = match interested.iter().position(|(id, _)| *id == r.observer) {
                        Some(i) => i,
                        None => {
                            interested.push((r.observer, None));
                            interested.len() - 1
                        }
                    };
                    match &record {
                        MutationRecord::Attributes { old_value, .. } if o.attribute_old_value => {
                            interested[i].1 = old_value.clone();
                        }
                        MutationRecord::CharacterData { old_value, .. }
                            if o.character_data_old_value =>
                        {
                            interested[i].1 = Some(old_value.clone());
                        }
                        _ => {}
                    }
                }
            }
            at = self.parent(node);
        }
        if interested.is_empty() {
            return;
        }
        let record = Rc::new(record);
        for (observer, old_value) in interested {
            if let Some(o) = self.observers.observer_mut(observer) {
                o.queue.push(ObservedRecord {
                    record: record.clone(),
                    old_value,
                });
            }
        }
        // "Queue a mutation observer microtask".
        if !self.observers.microtask_queued {
            self.observers.microtask_queued = true;
            self.observers.microtask_requested = true;
        }
    }
}

impl MutationRecord {
    /// The node the record is about.
    pub fn target(&self) -> NodeId {
        match self {
            MutationRecord::ChildList { target, .. }
            | MutationRecord::Attributes { target, .. }
            | MutationRecord::CharacterData { target, .. } => *target,
        }
    }

    /// Every node the record refers to.
    pub fn nodes(&self) -> impl Iterator<Item = NodeId> + '_ {
        let (lists, siblings): (Vec<&Vec<NodeId>>, [Option<NodeId>; 2]) = match self {
            MutationRecord::ChildList {
                added,
                removed,
                previous_sibling,
                next_sibling,
                ..
            } => (vec![added, removed], [*previous_sibling, *next_sibling]),
            _ => (vec![], [None, None]),
        };
        std::iter::once(self.target())
            .chain(lists.into_iter().flatten().copied())
            .chain(siblings.into_iter().flatten())
    }
}
