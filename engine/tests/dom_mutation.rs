//! The DOM mutation algorithms: validity checks with the spec's error names, tree
//! results and the mutation records each algorithm queues.

use roundabout_engine::dom::node::html_name;
use roundabout_engine::dom::{
    parse_html_document, serialize_children, Document, DomError, ElementData, MutationRecord,
    NodeData, NodeId,
};

fn element(doc: &mut Document, local: &str) -> NodeId {
    doc.create(NodeData::Element(ElementData {
        name: html_name(local),
        attrs: vec![],
        template_contents: None,
        html_integration_point: false,
    }))
}

fn text(doc: &mut Document, s: &str) -> NodeId {
    doc.create(NodeData::Text(s.into()))
}

fn html(doc: &Document, n: NodeId) -> String {
    serialize_children(doc, n)
}

fn recording() -> (Document, NodeId) {
    let mut doc = Document::new();
    let root = element(&mut doc, "div");
    doc.recording_mutations = true;
    (doc, root)
}

#[test]
fn append_insert_before_and_moves() {
    let (mut doc, root) = recording();
    let a = element(&mut doc, "a");
    let b = element(&mut doc, "b");
    doc.append_child(root, a).unwrap();
    doc.pre_insert(b, root, Some(a)).unwrap();
    assert_eq!(html(&doc, root), "<b></b><a></a>");
    // Re-inserting a node before itself is a no-op move (reference becomes its next sibling).
    doc.pre_insert(b, root, Some(b)).unwrap();
    assert_eq!(html(&doc, root), "<b></b><a></a>");
    // Moving a node into another parent removes it from the old one first.
    let other = element(&mut doc, "p");
    doc.append_child(other, a).unwrap();
    assert_eq!(html(&doc, root), "<b></b>");
    let records = std::mem::take(&mut doc.mutation_records);
    assert_eq!(
        records[0],
        MutationRecord::ChildList {
            target: root,
            added: vec![a],
            removed: vec![],
            previous_sibling: None,
            next_sibling: None
        }
    );
    assert_eq!(
        records[1],
        MutationRecord::ChildList {
            target: root,
            added: vec![b],
            removed: vec![],
            previous_sibling: None,
            next_sibling: Some(a)
        }
    );
    // The move of `a`: a removal record on the old parent, then the insertion.
    assert_eq!(
        records[records.len() - 2],
        MutationRecord::ChildList {
            target: root,
            added: vec![],
            removed: vec![a],
            previous_sibling: Some(b),
            next_sibling: None
        }
    );
    assert_eq!(
        records[records.len() - 1],
        MutationRecord::ChildList {
            target: other,
            added: vec![a],
            removed: vec![],
            previous_sibling: None,
            next_sibling: None
        }
    );
}

#[test]
fn hierarchy_errors() {
    let mut doc = Document::new();
    let div = element(&mut doc, "div");
    let span = element(&mut doc, "span");
    let t = text(&mut doc, "x");
    doc.append_child(div, span).unwrap();
    assert_eq!(
        doc.append_child(span, div),
        Err(DomError::HierarchyRequest),
        "ancestor into descendant"
    );
    assert_eq!(
        doc.append_child(div, div),
        Err(DomError::HierarchyRequest),
        "into itself"
    );
    assert_eq!(
        doc.append_child(t, span),
        Err(DomError::HierarchyRequest),
        "into a Text node"
    );
    assert_eq!(
        doc.append_child(Document::ROOT, t),
        Err(DomError::HierarchyRequest),
        "text into document"
    );
    let stranger = element(&mut doc, "i");
    assert_eq!(
        doc.pre_insert(t, div, Some(stranger)),
        Err(DomError::NotFound),
        "child of another parent"
    );
    assert_eq!(doc.pre_remove(stranger, div), Err(DomError::NotFound));
    // A document holds one element.
    let html_el = element(&mut doc, "html");
    doc.append_child(Document::ROOT, html_el).unwrap();
    let second = element(&mut doc, "html");
    assert_eq!(
        doc.append_child(Document::ROOT, second),
        Err(DomError::HierarchyRequest)
    );
    // A doctype must come before the element.
    let doctype = doc.create(NodeData::Doctype {
        name: "html".into(),
        public_id: String::new(),
        system_id: String::new(),
    });
    assert_eq!(
        doc.append_child(Document::ROOT, doctype),
        Err(DomError::HierarchyRequest)
    );
    doc.pre_insert(doctype, Document::ROOT, Some(html_el))
        .unwrap();
    assert_eq!(
        doc.append_child(div, doctype),
        Err(DomError::HierarchyRequest),
        "doctype into element"
    );
    // But replacing the document element with another element is fine.
    doc.replace_child(html_el, second, Document::ROOT).unwrap();
    assert_eq!(
        doc.children(Document::ROOT).collect::<Vec<_>>(),
        vec![doctype, second]
    );
}

#[test]
fn fragment_insertion_moves_all_children_with_records() {
    let (mut doc, root) = recording();
    let frag = doc.create(NodeData::DocumentFragment);
    let a = element(&mut doc, "a");
    let b = text(&mut doc, "b");
    doc.append_child(frag, a).unwrap();
    doc.append_child(frag, b).unwrap();
    doc.mutation_records.clear();
    doc.append_child(root, frag).unwrap();
    assert_eq!(html(&doc, root), "<a></a>b");
    assert_eq!(doc.first_child(frag), None);
    assert_eq!(
        doc.mutation_records,
        vec![
            MutationRecord::ChildList {
                target: frag,
                added: vec![],
                removed: vec![a, b],
                previous_sibling: None,
                next_sibling: None
            },
            MutationRecord::ChildList {
                target: root,
                added: vec![a, b],
                removed: vec![],
                previous_sibling: None,
                next_sibling: None
            },
        ]
    );
}

#[test]
fn replace_child_queues_one_record() {
    let (mut doc, root) = recording();
    let a = element(&mut doc, "a");
    let b = element(&mut doc, "b");
    let c = element(&mut doc, "c");
    doc.append_child(root, a).unwrap();
    doc.append_child(root, b).unwrap();
    doc.mutation_records.clear();
    assert_eq!(doc.replace_child(a, c, root), Ok(a));
    assert_eq!(html(&doc, root), "<c></c><b></b>");
    assert_eq!(
        doc.mutation_records,
        vec![MutationRecord::ChildList {
            target: root,
            added: vec![c],
            removed: vec![a],
            previous_sibling: None,
            next_sibling: Some(b)
        }]
    );
}

#[test]
fn replace_all_is_one_record() {
    let (mut doc, root) = recording();
    let kids: Vec<NodeId> = (0..3).map(|i| text(&mut doc, &i.to_string())).collect();
    for k in &kids {
        doc.append_child(root, *k).unwrap();
    }
    doc.mutation_records.clear();
    let t = text(&mut doc, "new");
    doc.replace_all(Some(t), root);
    assert_eq!(html(&doc, root), "new");
    assert_eq!(
        doc.mutation_records,
        vec![MutationRecord::ChildList {
            target: root,
            added: vec![t],
            removed: kids,
            previous_sibling: None,
            next_sibling: None
        }]
    );
    doc.mutation_records.clear();
    doc.replace_all(None, root);
    doc.replace_all(None, root); // nothing to remove, nothing added: no record
    assert_eq!(doc.mutation_records.len(), 1);
}

#[test]
fn attributes_and_their_records() {
    let (mut doc, root) = recording();
    doc.set_attribute(root, "ID", "x").unwrap();
    doc.set_attribute(root, "id", "x").unwrap(); // same value: still a record
    assert_eq!(
        doc.set_attribute(root, "a b", "v"),
        Err(DomError::InvalidCharacter)
    );
    assert_eq!(
        doc.set_attribute(root, "", "v"),
        Err(DomError::InvalidCharacter)
    );
    doc.set_attribute_ns(
        root,
        Some("http://www.w3.org/1999/xlink"),
        "xlink:href",
        "#a",
    )
    .unwrap();
    assert_eq!(
        doc.set_attribute_ns(root, None, "p:x", "v"),
        Err(DomError::Namespace)
    );
    assert_eq!(
        doc.set_attribute_ns(root, Some("urn:x"), "xml:x", "v"),
        Err(DomError::Namespace)
    );
    assert_eq!(
        doc.set_attribute_ns(root, Some("urn:x"), "xmlns", "v"),
        Err(DomError::Namespace)
    );
    assert!(doc.remove_attribute(root, "Id").is_some());
    assert!(doc.remove_attribute(root, "id").is_none());
    assert_eq!(serialize_children(&doc, Document::ROOT), "");
    let outer = roundabout_engine::dom::serialize_node_outer(&doc, root);
    assert_eq!(outer, "<div xlink:href=\"#a\"></div>");
    let olds: Vec<Option<String>> = doc
        .mutation_records
        .iter()
        .map(|r| match r {
            MutationRecord::Attributes { old_value, .. } => old_value.clone(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(olds, vec![None, Some("x".into()), None, Some("x".into())]);
}

#[test]
fn replace_data_counts_utf16_code_units() {
    let (mut doc, _) = recording();
    let t = text(&mut doc, "a😀b");
    assert_eq!(doc.data_length(t), 4);
    doc.replace_data(t, 1, 2, "-").unwrap();
    assert!(matches!(doc.data(t), NodeData::Text(s) if s == "a-b"));
    assert_eq!(doc.replace_data(t, 4, 0, "x"), Err(DomError::IndexSize));
    doc.replace_data(t, 3, 100, "!").unwrap(); // count clamped to the end
    assert!(matches!(doc.data(t), NodeData::Text(s) if s == "a-b!"));
    assert_eq!(
        doc.mutation_records[0],
        MutationRecord::CharacterData {
            target: t,
            old_value: "a😀b".into()
        }
    );
}

#[test]
fn nothing_is_recorded_unless_recording() {
    let mut parsed = parse_html_document("<p>x</p>");
    let doc = &mut parsed.document;
    let body = doc
        .descendants_inclusive(Document::ROOT)
        .find(|n| doc.data(*n).element().is_some_and(|e| e.is_html("body")))
        .unwrap();
    let p = doc.first_child(body).unwrap();
    doc.pre_remove(p, body).unwrap();
    assert!(doc.mutation_records.is_empty());
}

#[test]
fn normalize_merges_and_drops_text() {
    let (mut doc, root) = recording();
    for s in ["a", "", "b"] {
        let t = text(&mut doc, s);
        doc.append_child(root, t).unwrap();
    }
    let span = element(&mut doc, "span");
    doc.append_child(root, span).unwrap();
    let c = text(&mut doc, "c");
    doc.append_child(root, c).unwrap();
    doc.normalize(root);
    assert_eq!(html(&doc, root), "ab<span></span>c");
    assert_eq!(doc.children(root).count(), 3);
}

#[test]
fn split_text_inserts_the_tail_after() {
    let (mut doc, root) = recording();
    let t = text(&mut doc, "hello😀world");
    doc.append_child(root, t).unwrap();
    let tail = doc.split_text(t, 7).unwrap();
    assert!(matches!(doc.data(t), NodeData::Text(s) if s == "hello😀"));
    assert!(matches!(doc.data(tail), NodeData::Text(s) if s == "world"));
    assert_eq!(doc.next_sibling(t), Some(tail));
    assert_eq!(doc.split_text(t, 99), Err(DomError::IndexSize));
}

#[test]
fn compare_document_position_bits() {
    use roundabout_engine::dom::node_ops::position::*;
    let mut doc = Document::new();
    let root = element(&mut doc, "div");
    let a = element(&mut doc, "a");
    let b = element(&mut doc, "b");
    let a1 = element(&mut doc, "i");
    doc.append_child(root, a).unwrap();
    doc.append_child(root, b).unwrap();
    doc.append_child(a, a1).unwrap();
    assert_eq!(doc.compare_document_position(a, b), FOLLOWING);
    assert_eq!(doc.compare_document_position(b, a1), PRECEDING);
    assert_eq!(
        doc.compare_document_position(a1, root),
        CONTAINS | PRECEDING
    );
    assert_eq!(
        doc.compare_document_position(root, a1),
        CONTAINED_BY | FOLLOWING
    );
    assert_eq!(doc.compare_document_position(a, a), 0);
    let lone = element(&mut doc, "p");
    assert_eq!(
        doc.compare_document_position(a, lone) & (DISCONNECTED | IMPLEMENTATION_SPECIFIC),
        DISCONNECTED | IMPLEMENTATION_SPECIFIC
    );
}

#[test]
fn equal_nodes_and_collections() {
    let parsed = parse_html_document(
        "<div class='a b'><p id=1 class=x>t</p><p class=x id=1>t</p><P class='b a'>u</P></div>",
    );
    let doc = &parsed.document;
    let ps = doc.elements_by_tag_name(Document::ROOT, "P");
    assert_eq!(ps.len(), 3, "HTML names match case-insensitively");
    assert!(
        doc.is_equal_node(ps[0], ps[1]),
        "attribute order does not matter"
    );
    assert!(!doc.is_equal_node(ps[0], ps[2]));
    assert_eq!(
        doc.elements_by_class_name(Document::ROOT, " a  b ").len(),
        2
    );
    assert_eq!(doc.elements_by_class_name(Document::ROOT, "x").len(), 2);
    assert!(doc.elements_by_class_name(Document::ROOT, "  ").is_empty());
    assert_eq!(doc.elements_by_tag_name(Document::ROOT, "*").len(), 7);
}

#[test]
fn garbage_collection_frees_only_unreachable_nodes() {
    let mut parsed =
        parse_html_document("<body><p id=keep>in tree</p><template><i>c</i></template></body>");
    let doc = &mut parsed.document;
    let body = doc.elements_by_tag_name(Document::ROOT, "body")[0];
    // A detached subtree held by script (through its leaf), and one nobody holds.
    let held_root = element(doc, "div");
    let held_leaf = text(doc, "held");
    doc.append_child(held_root, held_leaf).unwrap();
    let lost = element(doc, "div");
    let lost_child = text(doc, "lost");
    doc.append_child(lost, lost_child).unwrap();
    // A node removed from the tree and not held.
    let removed = doc.element_by_id(Document::ROOT, "keep").unwrap();
    let removed_text = doc.first_child(removed).unwrap();
    doc.pre_remove(removed, body).unwrap();
    let before = doc.live_nodes();
    let freed = doc.collect_garbage(&[held_leaf]);
    assert_eq!(freed, 4, "lost, its text, the removed <p> and its text");
    assert_eq!(doc.live_nodes(), before - 4);
    assert_eq!(
        doc.parent(held_leaf),
        Some(held_root),
        "a held tree is kept whole"
    );
    assert_eq!(
        serialize_children(doc, body),
        "<template><i>c</i></template>",
        "template contents kept"
    );
    // Freed slots are reused.
    let reused = text(doc, "new");
    assert!([lost, lost_child, removed, removed_text].contains(&reused));
    assert_eq!(
        doc.collect_garbage(&[held_leaf, reused]),
        0,
        "nothing more to free"
    );
}

#[test]
fn nothing_is_freed_while_a_page_parser_is_active() {
    use roundabout_engine::dom::PageParser;
    use std::cell::RefCell;
    use std::rc::Rc;
    let doc = Rc::new(RefCell::new(Document::new()));
    let mut parser = PageParser::new(doc.clone(), "<p>a</p><script>x</script><p>b</p>");
    assert!(parser.resume().is_some());
    let lone = element(&mut doc.borrow_mut(), "div");
    assert_eq!(doc.borrow_mut().collect_garbage(&[]), 0);
    assert!(parser.resume().is_none());
    assert_eq!(
        doc.borrow_mut().collect_garbage(&[]),
        1,
        "the lone div, once parsing is over"
    );
    let _ = lone;
}
