//! The ops behind MutationObserver (js/30_mutation_observer.js). The registry and the
//! queues live in the engine's document (engine/src/dom/mutation_observer.rs); the
//! one thing only the script side can do is queue the "notify mutation observers"
//! microtask, which every op that mutates the DOM does through `queue_notify_if_requested`.

use std::cell::RefCell;
use std::rc::Rc;

use deno_core::{op2, v8, OpState};
use roundabout_engine::dom::{Document, MutationRecord, ObserveOptions, ObserverId};

use crate::dom_ops::PageDocument;

/// The JS "notify mutation observers" function, queued as a microtask.
pub struct NotifyMutationObservers(pub v8::Global<v8::Function>);

/// DOM "queue a mutation observer microtask": when a mutation queued a record for an
/// observer and the agent's flag was not set yet, the notify function becomes a
/// microtask now (so it runs in order with promise jobs queued around the mutation).
pub fn queue_notify_if_requested(scope: &mut v8::PinScope, state: &OpState) {
    let requested = state
        .borrow::<PageDocument>()
        .0
        .borrow_mut()
        .observers
        .take_microtask_request();
    if !requested {
        return;
    }
    if let Some(notify) = state.try_borrow::<NotifyMutationObservers>() {
        let f = v8::Local::new(scope, &notify.0);
        scope.enqueue_microtask(f);
    }
}

fn document(state: &OpState) -> Rc<RefCell<Document>> {
    state.borrow::<PageDocument>().0.clone()
}

#[op2(fast)]
pub fn op_mo_install(
    scope: &mut v8::PinScope,
    state: &mut OpState,
    notify: v8::Local<v8::Function>,
) {
    let global = v8::Global::new(scope, notify);
    state.put(NotifyMutationObservers(global));
}

#[op2(fast)]
pub fn op_mo_create(state: &mut OpState) -> u32 {
    document(state).borrow_mut().create_mutation_observer().0
}

/// `flags`: bit 0 childList, 1 attributes, 2 characterData, 3 subtree,
/// 4 attributeOldValue, 5 characterDataOldValue (already validated and defaulted).
#[op2]
pub fn op_mo_observe(
    state: &mut OpState,
    observer: u32,
    target: u32,
    flags: u32,
    #[serde] attribute_filter: Option<Vec<String>>,
) {
    let d = document(state);
    let mut d = d.borrow_mut();
    if (target as usize) >= d.len() {
        return;
    }
    let bit = |n: u32| flags & (1 << n) != 0;
    let options = ObserveOptions {
        child_list: bit(0),
        attributes: bit(1),
        character_data: bit(2),
        subtree: bit(3),
        attribute_old_value: bit(4),
        character_data_old_value: bit(5),
        attribute_filter,
    };
    d.observe(
        ObserverId(observer),
        roundabout_engine::dom::NodeId(target),
        options,
    );
}

#[op2(fast)]
pub fn op_mo_disconnect(state: &mut OpState, observer: u32) {
    document(state)
        .borrow_mut()
        .disconnect_observer(ObserverId(observer));
}

/// "Notify mutation observers" step 1–2: unsets the agent's flag; the observers to
/// visit, in creation order.
#[op2]
#[serde]
pub fn op_mo_begin_notify(state: &mut OpState) -> Vec<u32> {
    document(state)
        .borrow_mut()
        .observers
        .begin_notify()
        .into_iter()
        .map(|o| o.0)
        .collect()
}

/// One field of a record in the flat encoding `op_mo_take` returns (plain values
/// cross into JS much faster than an object per record).
/// Observers whose observed nodes were all freed (script drops its strong reference).
#[op2]
#[serde]
pub fn op_mo_take_orphaned(state: &mut OpState) -> Vec<u32> {
    document(state)
        .borrow_mut()
        .observers
        .take_orphaned()
        .into_iter()
        .map(|o| o.0)
        .collect()
}

#[derive(deno_core::serde::Serialize)]
#[serde(crate = "deno_core::serde", untagged)]
pub enum Field {
    Num(f64),
    Str(String),
    Null(()),
}

fn node(n: Option<roundabout_engine::dom::NodeId>) -> Field {
    n.map_or(Field::Null(()), |n| Field::Num(f64::from(n.0)))
}

fn text(s: Option<String>) -> Field {
    s.map_or(Field::Null(()), Field::Str)
}

/// An observer's records, emptying its queue (`notifying`: also its transient
/// registered observers go, as "notify mutation observers" step 5.3 says). Flat:
/// per record `kind` (0 childList, 1 attributes, 2 characterData), target,
/// previousSibling, nextSibling, attributeName, attributeNamespace, oldValue, the
/// number of added nodes and their ids, the number of removed nodes and their ids.
#[op2]
#[serde]
pub fn op_mo_take(state: &mut OpState, observer: u32, notifying: bool) -> Vec<Field> {
    let records = document(state)
        .borrow_mut()
        .take_observer_records(ObserverId(observer), notifying);
    let mut out = Vec::with_capacity(records.len() * 9);
    for r in records {
        let old = r.old_value;
        let (kind, target, prev, next, name, namespace, added, removed): (
            f64,
            _,
            _,
            _,
            _,
            _,
            &[roundabout_engine::dom::NodeId],
            &[roundabout_engine::dom::NodeId],
        ) = match &*r.record {
            MutationRecord::ChildList {
                target,
                added,
                removed,
                previous_sibling,
                next_sibling,
            } => (
                0.0,
                *target,
                *previous_sibling,
                *next_sibling,
                None,
                None,
                added,
                removed,
            ),
            MutationRecord::Attributes {
                target,
                name,
                namespace,
                ..
            } => (
                1.0,
                *target,
                None,
                None,
                Some(name.to_string()),
                namespace.as_ref().map(|n| n.to_string()),
                &[],
                &[],
            ),
            MutationRecord::CharacterData { target, .. } => {
                (2.0, *target, None, None, None, None, &[], &[])
            }
        };
        out.push(Field::Num(kind));
        out.push(node(Some(target)));
        out.push(node(prev));
        out.push(node(next));
        out.push(text(name));
        out.push(text(namespace));
        out.push(text(old));
        for list in [added, removed] {
            out.push(Field::Num(list.len() as f64));
            out.extend(list.iter().map(|n| Field::Num(f64::from(n.0))));
        }
    }
    out
}
