//! Ops over the page's arena DOM (roundabout-engine's `dom`). Nodes cross into JS as
//! their `NodeId` numbers; -1 stands for null. Errors come back as small codes that
//! the JS side turns into DOMExceptions (`DOM_ERROR_NAMES` in js/20_dom_nodes.js).

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use deno_core::{op2, v8, OpState};

use crate::mutation_observer_ops::queue_notify_if_requested;
use roundabout_engine::dom::node::html_name;
use roundabout_engine::dom::selectors::{parse_selectors, Selectors};
use roundabout_engine::dom::{
    serialize_children, serialize_node_outer, Document, DomError, ElementData, NodeData, NodeId,
};

/// The page's document, shared by the parser and the ops.
#[derive(Clone)]
pub struct PageDocument(pub Rc<RefCell<Document>>);

fn doc(state: &OpState) -> Rc<RefCell<Document>> {
    state.borrow::<PageDocument>().0.clone()
}

fn id_or_null(id: Option<NodeId>) -> i32 {
    id.map_or(-1, |n| n.0 as i32)
}

fn error_code(r: Result<impl Sized, DomError>) -> u32 {
    match r {
        Ok(_) => 0,
        Err(DomError::HierarchyRequest) => 1,
        Err(DomError::NotFound) => 2,
        Err(DomError::IndexSize) => 3,
        Err(DomError::InvalidCharacter) => 4,
        Err(DomError::Namespace) => 5,
        Err(DomError::InUseAttribute) => 6,
        Err(DomError::NotSupported) => 7,
        Err(DomError::WrongInterface) => 8,
    }
}

/// Whether `id` names a node of this document (ids come from page script).
fn valid(d: &Document, id: u32) -> bool {
    (id as usize) < d.len()
}

#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_dom_node_type(state: &mut OpState, id: u32) -> u32 {
    let d = doc(state);
    let d = d.borrow();
    if !valid(&d, id) {
        return 0;
    }
    u32::from(d.data(NodeId(id)).node_type())
}

/// 0 parent, 1 first child, 2 last child, 3 previous sibling, 4 next sibling.
#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_dom_link(state: &mut OpState, id: u32, which: u32) -> i32 {
    let d = doc(state);
    let d = d.borrow();
    if !valid(&d, id) {
        return -1;
    }
    let n = NodeId(id);
    id_or_null(match which {
        0 => d.parent(n),
        1 => d.first_child(n),
        2 => d.last_child(n),
        3 => d.prev_sibling(n),
        _ => d.next_sibling(n),
    })
}

/// 0 local name, 1 namespace URI, 2 prefix ("" when none), 3 doctype name.
#[op2]
#[string]
pub fn op_dom_name(state: &mut OpState, id: u32, which: u32) -> String {
    let d = doc(state);
    let d = d.borrow();
    match d.data(NodeId(id)) {
        NodeData::Element(e) => match which {
            0 => e.name.local.to_string(),
            1 => e.name.ns.to_string(),
            _ => e
                .name
                .prefix
                .as_ref()
                .map(|p| p.to_string())
                .unwrap_or_default(),
        },
        NodeData::Doctype { name, .. } if which == 3 => name.clone(),
        NodeData::ProcessingInstruction { target, .. } => target.clone(),
        _ => String::new(),
    }
}

#[op2]
#[string]
pub fn op_dom_get_attribute(state: &mut OpState, id: u32, #[string] name: &str) -> Option<String> {
    let d = doc(state);
    let d = d.borrow();
    let i = d.attribute_index_by_name(NodeId(id), name)?;
    d.data(NodeId(id))
        .element()
        .map(|e| e.attrs[i].value.clone())
}

#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_dom_set_attribute(
    scope: &mut v8::PinScope,
    state: &mut OpState,
    id: u32,
    #[string] name: &str,
    #[string] value: &str,
) -> u32 {
    let result = set_attribute_steps(state, id, name, value);
    queue_notify_if_requested(scope, state);
    result
}

fn set_attribute_steps(state: &mut OpState, id: u32, name: &str, value: &str) -> u32 {
    error_code(
        doc(state)
            .borrow_mut()
            .set_attribute(NodeId(id), name, value),
    )
}

#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_dom_remove_attribute(
    scope: &mut v8::PinScope,
    state: &mut OpState,
    id: u32,
    #[string] name: &str,
) {
    remove_attribute_steps(state, id, name);
    queue_notify_if_requested(scope, state);
}

fn remove_attribute_steps(state: &mut OpState, id: u32, name: &str) {
    doc(state).borrow_mut().remove_attribute(NodeId(id), name);
}

/// The element's attributes' qualified names, in order.
#[op2]
#[serde]
pub fn op_dom_attribute_names(state: &mut OpState, id: u32) -> Vec<String> {
    let d = doc(state);
    let d = d.borrow();
    d.data(NodeId(id)).element().map_or_else(Vec::new, |e| {
        e.attrs.iter().map(|a| a.qualified_name()).collect()
    })
}

/// The element's attributes as flat quadruples: namespace ("" for none), prefix
/// ("" for none), local name, value.
#[op2]
#[serde]
pub fn op_dom_attributes(state: &mut OpState, id: u32) -> Vec<String> {
    let d = doc(state);
    let d = d.borrow();
    if !valid(&d, id) {
        return Vec::new();
    }
    d.data(NodeId(id)).element().map_or_else(Vec::new, |e| {
        e.attrs
            .iter()
            .flat_map(|a| {
                [
                    a.name.ns.to_string(),
                    a.name
                        .prefix
                        .as_ref()
                        .map(|p| p.to_string())
                        .unwrap_or_default(),
                    a.name.local.to_string(),
                    a.value.clone(),
                ]
            })
            .collect()
    })
}

/// `getAttributeNS(namespace, localName)`; `""` is the null namespace.
#[op2]
#[string]
pub fn op_dom_get_attribute_ns(
    state: &mut OpState,
    id: u32,
    #[string] namespace: &str,
    #[string] local: &str,
) -> Option<String> {
    let d = doc(state);
    let d = d.borrow();
    if !valid(&d, id) {
        return None;
    }
    let i = d.attribute_index_by_ns(NodeId(id), namespace, local)?;
    d.data(NodeId(id))
        .element()
        .map(|e| e.attrs[i].value.clone())
}

#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_dom_set_attribute_ns(
    scope: &mut v8::PinScope,
    state: &mut OpState,
    id: u32,
    #[string] namespace: &str,
    #[string] qualified_name: &str,
    #[string] value: &str,
) -> u32 {
    let result = set_attribute_ns_steps(state, id, namespace, qualified_name, value);
    queue_notify_if_requested(scope, state);
    result
}

fn set_attribute_ns_steps(
    state: &mut OpState,
    id: u32,
    namespace: &str,
    qualified_name: &str,
    value: &str,
) -> u32 {
    let d = doc(state);
    let mut d = d.borrow_mut();
    if !valid(&d, id) {
        return 8;
    }
    let ns = (!namespace.is_empty()).then_some(namespace);
    error_code(d.set_attribute_ns(NodeId(id), ns, qualified_name, value))
}

/// Whether an attribute was removed.
#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_dom_remove_attribute_ns(
    scope: &mut v8::PinScope,
    state: &mut OpState,
    id: u32,
    #[string] namespace: &str,
    #[string] local: &str,
) -> bool {
    let result = remove_attribute_ns_steps(state, id, namespace, local);
    queue_notify_if_requested(scope, state);
    result
}

fn remove_attribute_ns_steps(state: &mut OpState, id: u32, namespace: &str, local: &str) -> bool {
    let d = doc(state);
    let mut d = d.borrow_mut();
    valid(&d, id)
        && d.remove_attribute_ns(NodeId(id), namespace, local)
            .is_some()
}

/// 0 element (HTML namespace), 1 text, 2 comment, 3 document fragment.
#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_dom_create(state: &mut OpState, kind: u32, #[string] value: &str) -> u32 {
    let data = match kind {
        0 => NodeData::Element(ElementData {
            name: html_name(value),
            attrs: vec![],
            template_contents: None,
            html_integration_point: false,
        }),
        1 => NodeData::Text(value.to_string()),
        2 => NodeData::Comment(value.to_string()),
        _ => NodeData::DocumentFragment,
    };
    let d = doc(state);
    let mut d = d.borrow_mut();
    let is_template = matches!(&data, NodeData::Element(e) if e.is_html("template"));
    let contents = is_template.then(|| d.create(NodeData::DocumentFragment));
    let mut data = data;
    if let NodeData::Element(e) = &mut data {
        e.template_contents = contents;
    }
    d.create(data).0
}

/// Success codes of the insertion ops: 0, or `SCRIPTS_TO_PREPARE` when script
/// elements became connected and wait for the JS side to prepare them.
const SCRIPTS_TO_PREPARE: u32 = 100;

fn with_scripts(d: &Document, code: u32) -> u32 {
    if code == 0 && !d.scripts_to_prepare.is_empty() {
        SCRIPTS_TO_PREPARE
    } else {
        code
    }
}

/// `parent.insertBefore(node, child)`; `child` -1 appends.
#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_dom_insert(
    scope: &mut v8::PinScope,
    state: &mut OpState,
    parent: u32,
    node: u32,
    child: i32,
) -> u32 {
    let result = insert_steps(state, parent, node, child);
    queue_notify_if_requested(scope, state);
    result
}

fn insert_steps(state: &mut OpState, parent: u32, node: u32, child: i32) -> u32 {
    let child = u32::try_from(child).ok().map(NodeId);
    let d = doc(state);
    let mut d = d.borrow_mut();
    let code = error_code(d.pre_insert(NodeId(node), NodeId(parent), child));
    with_scripts(&d, code)
}

#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_dom_remove_child(
    scope: &mut v8::PinScope,
    state: &mut OpState,
    parent: u32,
    child: u32,
) -> u32 {
    let result = remove_child_steps(state, parent, child);
    queue_notify_if_requested(scope, state);
    result
}

fn remove_child_steps(state: &mut OpState, parent: u32, child: u32) -> u32 {
    error_code(
        doc(state)
            .borrow_mut()
            .pre_remove(NodeId(child), NodeId(parent)),
    )
}

#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_dom_replace_child(
    scope: &mut v8::PinScope,
    state: &mut OpState,
    parent: u32,
    node: u32,
    child: u32,
) -> u32 {
    let result = replace_child_steps(state, parent, node, child);
    queue_notify_if_requested(scope, state);
    result
}

fn replace_child_steps(state: &mut OpState, parent: u32, node: u32, child: u32) -> u32 {
    let d = doc(state);
    let mut d = d.borrow_mut();
    let code = error_code(d.replace_child(NodeId(child), NodeId(node), NodeId(parent)));
    with_scripts(&d, code)
}

/// `parent.replaceChildren(node)` (DOM § 4.2.6): "ensure pre-insertion validity" of
/// `node` into `parent` before null, then "replace all" (one mutation record).
#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_dom_replace_children(
    scope: &mut v8::PinScope,
    state: &mut OpState,
    parent: u32,
    node: u32,
) -> u32 {
    let result = replace_children_steps(state, parent, node);
    queue_notify_if_requested(scope, state);
    result
}

fn replace_children_steps(state: &mut OpState, parent: u32, node: u32) -> u32 {
    let d = doc(state);
    let mut d = d.borrow_mut();
    if let Err(e) = d.ensure_pre_insertion_validity(NodeId(node), NodeId(parent), None) {
        return error_code(Err::<(), _>(e));
    }
    d.replace_all(Some(NodeId(node)), NodeId(parent));
    with_scripts(&d, 0)
}

/// `node.remove()` (no error: a node without a parent is left alone).
#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_dom_remove(scope: &mut v8::PinScope, state: &mut OpState, id: u32) {
    remove_steps(state, id);
    queue_notify_if_requested(scope, state);
}

fn remove_steps(state: &mut OpState, id: u32) {
    doc(state).borrow_mut().remove(NodeId(id), false);
}

#[op2]
#[string]
pub fn op_dom_text_content(state: &mut OpState, id: u32) -> Option<String> {
    doc(state).borrow().text_content(NodeId(id))
}

#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_dom_set_text_content(
    scope: &mut v8::PinScope,
    state: &mut OpState,
    id: u32,
    #[string] value: &str,
) -> bool {
    let result = set_text_content_steps(state, id, value);
    queue_notify_if_requested(scope, state);
    result
}

fn set_text_content_steps(state: &mut OpState, id: u32, value: &str) -> bool {
    let d = doc(state);
    let mut d = d.borrow_mut();
    d.set_text_content(NodeId(id), value);
    d.wants_gc()
}

/// CharacterData "replace data"; offsets in UTF-16 code units.
#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_dom_replace_data(
    scope: &mut v8::PinScope,
    state: &mut OpState,
    id: u32,
    offset: u32,
    count: u32,
    #[string] data: &str,
) -> u32 {
    let result = replace_data_steps(state, id, offset, count, data);
    queue_notify_if_requested(scope, state);
    result
}

fn replace_data_steps(state: &mut OpState, id: u32, offset: u32, count: u32, data: &str) -> u32 {
    error_code(doc(state).borrow_mut().replace_data(
        NodeId(id),
        offset as usize,
        count as usize,
        data,
    ))
}

/// 0 innerHTML, 1 outerHTML.
#[op2]
#[string]
pub fn op_dom_serialize(state: &mut OpState, id: u32, outer: bool) -> String {
    let d = doc(state);
    let d = d.borrow();
    if outer {
        serialize_node_outer(&d, NodeId(id))
    } else {
        serialize_children(&d, NodeId(id))
    }
}

#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_dom_set_inner_html(
    scope: &mut v8::PinScope,
    state: &mut OpState,
    id: u32,
    #[string] html: &str,
) -> bool {
    let result = set_inner_html_steps(state, id, html);
    queue_notify_if_requested(scope, state);
    result
}

fn set_inner_html_steps(state: &mut OpState, id: u32, html: &str) -> bool {
    let d = doc(state);
    let mut d = d.borrow_mut();
    d.set_inner_html(NodeId(id), html);
    d.wants_gc()
}

#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_dom_element_by_id(state: &mut OpState, root: u32, #[string] id: &str) -> i32 {
    id_or_null(doc(state).borrow().element_by_id(NodeId(root), id))
}

/// 0 documentElement, 1 head, 2 body (HTML § 3.1.3: the first html/head/body child).
#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_dom_document_part(state: &mut OpState, which: u32) -> i32 {
    let d = doc(state);
    let d = d.borrow();
    let root = d.document_element();
    id_or_null(match which {
        0 => root,
        1 => root.and_then(|r| d.child_html_element(r, "head")),
        _ => root.and_then(|r| {
            d.children(r).find(|c| {
                d.data(*c)
                    .element()
                    .is_some_and(|e| e.is_html("body") || e.is_html("frameset"))
            })
        }),
    })
}

/// `cloneNode(deep)`.
#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_dom_clone(state: &mut OpState, id: u32, deep: bool) -> u32 {
    doc(state).borrow_mut().clone_node(NodeId(id), deep).0
}

/// The template element's content fragment, or -1.
#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_dom_template_content(state: &mut OpState, id: u32) -> i32 {
    let d = doc(state);
    let d = d.borrow();
    id_or_null(
        d.data(NodeId(id))
            .element()
            .and_then(|e| e.template_contents),
    )
}

/// Whether `ancestor` is an inclusive ancestor of `node` (`Node.contains`).
#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_dom_contains(state: &mut OpState, ancestor: u32, node: u32) -> bool {
    doc(state)
        .borrow()
        .is_inclusive_ancestor(NodeId(ancestor), NodeId(node))
}

/// Parsed selectors by source text (pages query the same few selectors again and
/// again); cleared when it grows past a bound.
#[derive(Default)]
pub struct SelectorCache(HashMap<String, Rc<Selectors>>);

fn selectors(state: &mut OpState, text: &str) -> Option<Rc<Selectors>> {
    if !state.has::<SelectorCache>() {
        state.put(SelectorCache::default());
    }
    let cache = &mut state.borrow_mut::<SelectorCache>().0;
    if let Some(s) = cache.get(text) {
        return Some(s.clone());
    }
    let parsed = Rc::new(parse_selectors(text).ok()?);
    if cache.len() >= 256 {
        cache.clear();
    }
    cache.insert(text.to_string(), parsed.clone());
    Some(parsed)
}

/// querySelector(All) below `root`; None: the selector is invalid (SyntaxError).
#[op2]
#[serde]
pub fn op_dom_query(
    state: &mut OpState,
    root: u32,
    #[string] sel: &str,
    first: bool,
) -> Option<Vec<u32>> {
    let list = selectors(state, sel)?;
    let d = doc(state);
    let d = d.borrow();
    Some(
        d.query_selector_all(NodeId(root), &list, first)
            .into_iter()
            .map(|n| n.0)
            .collect(),
    )
}

/// 1 matches, 0 does not, -1 invalid selector.
#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_dom_matches(state: &mut OpState, id: u32, #[string] sel: &str) -> i32 {
    let Some(list) = selectors(state, sel) else {
        return -1;
    };
    i32::from(doc(state).borrow().element_matches(NodeId(id), &list))
}

/// The closest inclusive ancestor matching; -1 none, -2 invalid selector.
#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_dom_closest(state: &mut OpState, id: u32, #[string] sel: &str) -> i32 {
    let Some(list) = selectors(state, sel) else {
        return -2;
    };
    id_or_null(doc(state).borrow().closest(NodeId(id), &list))
}

/// getElementsByTagName (kind 0) / getElementsByClassName (kind 1) below `root`.
#[op2]
#[serde]
pub fn op_dom_collection(
    state: &mut OpState,
    root: u32,
    kind: u32,
    #[string] name: &str,
) -> Vec<u32> {
    let d = doc(state);
    let d = d.borrow();
    let found = if kind == 0 {
        d.elements_by_tag_name(NodeId(root), name)
    } else {
        d.elements_by_class_name(NodeId(root), name)
    };
    found.into_iter().map(|n| n.0).collect()
}

#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_dom_normalize(scope: &mut v8::PinScope, state: &mut OpState, id: u32) {
    normalize_steps(state, id);
    queue_notify_if_requested(scope, state);
}

fn normalize_steps(state: &mut OpState, id: u32) {
    doc(state).borrow_mut().normalize(NodeId(id));
}

/// The new Text node, or -1 (IndexSizeError).
#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_dom_split_text(
    scope: &mut v8::PinScope,
    state: &mut OpState,
    id: u32,
    offset: u32,
) -> i32 {
    let result = split_text_steps(state, id, offset);
    queue_notify_if_requested(scope, state);
    result
}

fn split_text_steps(state: &mut OpState, id: u32, offset: u32) -> i32 {
    doc(state)
        .borrow_mut()
        .split_text(NodeId(id), offset as usize)
        .map_or(-1, |n| n.0 as i32)
}

#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_dom_compare_position(state: &mut OpState, reference: u32, other: u32) -> u32 {
    u32::from(
        doc(state)
            .borrow()
            .compare_document_position(NodeId(reference), NodeId(other)),
    )
}

#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_dom_is_equal(state: &mut OpState, a: u32, b: u32) -> bool {
    doc(state).borrow().is_equal_node(NodeId(a), NodeId(b))
}

/// Parses `html` in the context of `context` into a new DocumentFragment.
#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_dom_parse_fragment(state: &mut OpState, context: u32, #[string] html: &str) -> u32 {
    doc(state)
        .borrow_mut()
        .parse_fragment_into(NodeId(context), html)
        .0
}

/// The element tag names the JS layer has interfaces for, in its order (sent once at
/// boot), so a node's interface is one op call away.
#[derive(Default)]
pub struct InterfaceTags(HashMap<String, u32>);

#[op2]
pub fn op_dom_register_tags(state: &mut OpState, #[serde] tags: Vec<String>) {
    let map = tags
        .into_iter()
        .enumerate()
        .map(|(i, t)| (t, i as u32))
        .collect();
    state.put(InterfaceTags(map));
}

/// A node's interface: 1 non-HTML element, 2 HTML element with no listed tag (JS
/// decides between HTMLElement and HTMLUnknownElement from `op_dom_name`), 3 Text,
/// 8 Comment, 9 Document, 10 DocumentType, 11 DocumentFragment, 7 other, and
/// 100 + i for the registered tag i.
#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_dom_interface(state: &mut OpState, id: u32) -> u32 {
    let d = doc(state);
    let d = d.borrow();
    if !valid(&d, id) {
        return 7;
    }
    match d.data(NodeId(id)) {
        NodeData::Element(e) if e.in_html_namespace() => {
            match state
                .try_borrow::<InterfaceTags>()
                .and_then(|t| t.0.get(&*e.name.local))
            {
                Some(i) => 100 + i,
                None => 2,
            }
        }
        NodeData::Element(_) => 1,
        NodeData::Text(_) => 3,
        NodeData::Comment(_) => 8,
        NodeData::Document => 9,
        NodeData::Doctype { .. } => 10,
        NodeData::DocumentFragment => 11,
        NodeData::ProcessingInstruction { .. } => 7,
    }
}

/// `createElementNS(namespace, qualifiedName)`: the new element's id, or minus the
/// error code (DOM "validate and extract").
#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_dom_create_element_ns(
    state: &mut OpState,
    #[string] namespace: &str,
    #[string] qualified_name: &str,
) -> i32 {
    let ns = (!namespace.is_empty()).then_some(namespace);
    let name = match roundabout_engine::dom::mutation::validate_and_extract(ns, qualified_name) {
        Ok(n) => n,
        Err(e) => return -(error_code(Err::<(), _>(e)) as i32),
    };
    let d = doc(state);
    let mut d = d.borrow_mut();
    let is_template = name.ns == html5ever_ns_html() && &*name.local == "template";
    let template_contents = is_template.then(|| d.create(NodeData::DocumentFragment));
    let data = NodeData::Element(ElementData {
        name,
        attrs: vec![],
        template_contents,
        html_integration_point: false,
    });
    d.create(data).0 as i32
}

fn html5ever_ns_html() -> roundabout_engine::dom::node::Namespace {
    html_name("html").ns
}

/// Takes the script elements waiting to be prepared and sets their "already
/// started" flag.
#[op2]
#[serde]
pub fn op_dom_take_scripts(state: &mut OpState) -> Vec<u32> {
    let d = doc(state);
    let mut d = d.borrow_mut();
    let ids = std::mem::take(&mut d.scripts_to_prepare);
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        if d.scripts_started.insert(id) {
            out.push(id.0);
        }
    }
    out
}

/// Loads a classic script's `src` for the page: the script's name for error
/// locations and its text, or a message saying why not.
pub type ScriptLoader = Rc<dyn Fn(&str) -> Result<(String, String), String>>;

/// The page's script loader, set by the embedder (`JsHost::set_script_loader`).
pub struct ScriptLoaderSlot(pub ScriptLoader);

/// A dynamically inserted `<script src>`: "async" by default, so it is fetched and
/// run in a networking task of its own. Returns false when nothing can load scripts.
#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_dom_queue_script(state: &mut OpState, script: u32, #[string] src: &str) -> bool {
    let Some(loader) = state.try_borrow::<ScriptLoaderSlot>().map(|l| l.0.clone()) else {
        return false;
    };
    let src = src.to_string();
    let task = roundabout_engine::Task::native(
        roundabout_engine::TaskSource::Networking,
        None,
        move |h| {
            let Some(host) = h.as_any_mut().downcast_mut::<crate::JsHost>() else {
                return;
            };
            host.run_loaded_script(&src, &loader, Some(NodeId(script)));
        },
    );
    state
        .borrow::<roundabout_engine::SharedLoopState>()
        .borrow_mut()
        .queue_task(task);
    true
}

/// A dynamically inserted module script (`src` empty for an inline one): module
/// scripts are fetched asynchronously, so it runs in a networking task of its own.
#[op2(nofast)]
pub fn op_dom_queue_module_script(
    state: &mut OpState,
    script: u32,
    #[string] src: &str,
    #[string] text: &str,
) {
    let (src, text) = (src.to_string(), text.to_string());
    let task = roundabout_engine::Task::native(
        roundabout_engine::TaskSource::Networking,
        None,
        move |h| {
            if let Some(host) = h.as_any_mut().downcast_mut::<crate::JsHost>() {
                host.run_inserted_module_script(&src, &text, Some(NodeId(script)));
            }
        },
    );
    state
        .borrow::<roundabout_engine::SharedLoopState>()
        .borrow_mut()
        .queue_task(task);
}

/// Frees the nodes nothing reaches (see engine/src/dom/garbage.rs); `held` are the
/// ids script holds live wrappers for. Returns how many were freed.
#[op2]
pub fn op_dom_collect(state: &mut OpState, #[serde] held: Vec<u32>) -> u32 {
    let held: Vec<NodeId> = held.into_iter().map(NodeId).collect();
    doc(state).borrow_mut().collect_garbage(&held) as u32
}

/// Whether enough nodes were created since the last collection to run one.
#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_dom_wants_gc(state: &mut OpState) -> bool {
    doc(state).borrow().wants_gc()
}

/// The focused element (HTML § 6.6.2 "focused area of the document"), -1 for none;
/// an element no longer connected lost focus (the focus fixup rule).
#[op2(fast)]
pub fn op_dom_focused(state: &mut OpState) -> i32 {
    let d = doc(state);
    let mut d = d.borrow_mut();
    if let Some(f) = d.focused {
        if !d.is_connected(f) {
            d.focused = None;
            d.generation += 1;
        }
    }
    id_or_null(d.focused)
}

/// Moves focus to element `id` (-1: none). Style depends on it (`:focus`).
#[op2(fast)]
pub fn op_dom_set_focused(state: &mut OpState, id: i32) {
    let d = doc(state);
    let mut d = d.borrow_mut();
    let node = (id >= 0 && valid(&d, id as u32)).then_some(NodeId(id as u32));
    if d.focused != node {
        d.focused = node;
        d.generation += 1;
    }
}
