//! The HTML serialization algorithm and fragment parsing on the arena DOM.

use html5ever::{ns, LocalName, QualName};
use roundabout_engine::dom::{
    parse_html_document, parse_html_fragment, serialize_children, serialize_node_outer, Document,
    NodeData,
};

fn roundtrip(html: &str) -> String {
    let parsed = parse_html_document(html);
    serialize_children(&parsed.document, Document::ROOT)
}

#[test]
fn document_serialization() {
    assert_eq!(
        roundtrip("<!doctype html><title>T</title><p class=a>x<br>y"),
        "<!DOCTYPE html><html><head><title>T</title></head><body><p class=\"a\">x<br>y</p></body></html>"
    );
}

#[test]
fn escaping_text_and_attributes() {
    assert_eq!(
        roundtrip("<p title='a&quot;b<c>&amp;'>1 &lt; 2 &amp;&nbsp;\"q\"</p>"),
        "<html><head></head><body><p title=\"a&quot;b&lt;c&gt;&amp;\">1 &lt; 2 &amp;&nbsp;\"q\"</p></body></html>"
    );
}

#[test]
fn raw_text_elements_are_not_escaped() {
    assert_eq!(
        roundtrip("<script>a < b && c</script><style>p>a{}</style><textarea>x<y</textarea>"),
        "<html><head><script>a < b && c</script><style>p>a{}</style></head><body><textarea>x&lt;y</textarea></body></html>"
    );
}

#[test]
fn template_contents_are_serialized() {
    let parsed = parse_html_document("<template><span>in</span></template>");
    let doc = &parsed.document;
    let html = serialize_children(doc, Document::ROOT);
    assert_eq!(
        html,
        "<html><head><template><span>in</span></template></head><body></body></html>"
    );
    let template = doc
        .descendants_inclusive(Document::ROOT)
        .find(|n| {
            doc.data(*n)
                .element()
                .is_some_and(|e| e.is_html("template"))
        })
        .unwrap();
    assert_eq!(
        doc.first_child(template),
        None,
        "contents live in the fragment, not as children"
    );
    assert_eq!(serialize_children(doc, template), "<span>in</span>");
    assert_eq!(
        serialize_node_outer(doc, template),
        "<template><span>in</span></template>"
    );
}

#[test]
fn foreign_and_namespaced_attributes() {
    assert_eq!(
        roundtrip("<svg><use xlink:href='#a' xml:lang=en /></svg>"),
        "<html><head></head><body><svg><use xlink:href=\"#a\" xml:lang=\"en\"></use></svg></body></html>"
    );
}

#[test]
fn comments_and_doctype() {
    assert_eq!(
        roundtrip("<!--a--><!DOCTYPE html><!--b-->"),
        "<!--a--><!DOCTYPE html><!--b--><html><head></head><body></body></html>"
    );
}

#[test]
fn fragment_parsing_uses_the_context_element() {
    let tr = QualName::new(None, ns!(html), LocalName::from("tr"));
    let (parsed, root) = parse_html_fragment(tr, vec![], "<td>a<td>b");
    assert_eq!(
        serialize_children(&parsed.document, root),
        "<td>a</td><td>b</td>"
    );

    let div = QualName::new(None, ns!(html), LocalName::from("div"));
    let (parsed, root) = parse_html_fragment(div, vec![], "<td>a<td>b");
    assert_eq!(
        serialize_children(&parsed.document, root),
        "ab",
        "td outside a table is dropped"
    );

    let textarea = QualName::new(None, ns!(html), LocalName::from("textarea"));
    let (parsed, root) = parse_html_fragment(textarea, vec![], "<b>x</b>");
    let doc = &parsed.document;
    assert!(
        matches!(doc.data(doc.first_child(root).unwrap()), NodeData::Text(t) if t == "<b>x</b>")
    );
}

#[test]
fn tree_links_stay_consistent() {
    let parsed = parse_html_document("<ul><li>1<li>2<li>3</ul>");
    let doc = &parsed.document;
    for n in doc.descendants_inclusive(Document::ROOT) {
        let kids: Vec<_> = doc.children(n).collect();
        for (i, k) in kids.iter().enumerate() {
            assert_eq!(doc.parent(*k), Some(n));
            assert_eq!(doc.index_of(*k), i);
            assert_eq!(
                doc.prev_sibling(*k),
                if i == 0 { None } else { Some(kids[i - 1]) }
            );
            assert_eq!(doc.next_sibling(*k), kids.get(i + 1).copied());
        }
        assert_eq!(doc.first_child(n), kids.first().copied());
        assert_eq!(doc.last_child(n), kids.last().copied());
    }
}

#[test]
fn page_parser_stops_after_each_script_with_the_tree_so_far() {
    use roundabout_engine::dom::PageParser;
    use std::cell::RefCell;
    use std::rc::Rc;
    let doc = Rc::new(RefCell::new(Document::new()));
    let mut parser = PageParser::new(
        doc.clone(),
        "<p>1</p><script>a</script><p>2</p><script>b</script><p>3</p><script>unclosed",
    );
    let mut seen = Vec::new();
    while let Some(script) = parser.resume() {
        let d = doc.borrow();
        let body = d
            .child_html_element(d.document_element().unwrap(), "body")
            .unwrap();
        seen.push((
            d.text_content(script).unwrap(),
            serialize_children(&d, body),
        ));
    }
    assert_eq!(
        seen,
        vec![
            ("a".to_string(), "<p>1</p><script>a</script>".to_string()),
            (
                "b".to_string(),
                "<p>1</p><script>a</script><p>2</p><script>b</script>".to_string()
            ),
        ],
        "a script unclosed at EOF never runs (HTML 13.2.6.4.8, EOF in text mode)"
    );
    assert!(parser.is_done());
}

#[test]
fn text_content_and_inner_html() {
    let mut parsed = parse_html_document("<div id=d><b>x</b>y<!--c--></div>");
    let doc = &mut parsed.document;
    let d = doc.element_by_id(Document::ROOT, "d").unwrap();
    assert_eq!(doc.text_content(d).as_deref(), Some("xy"));
    assert_eq!(doc.text_content(Document::ROOT), None);
    doc.recording_mutations = true;
    doc.set_inner_html(d, "<i>1</i><td>dropped</td>2");
    assert_eq!(serialize_children(doc, d), "<i>1</i>dropped2");
    assert_eq!(doc.mutation_records.iter().filter(|r| matches!(r, roundabout_engine::dom::MutationRecord::ChildList { target, .. } if *target == d)).count(), 1);
    doc.set_text_content(d, "a<b");
    assert_eq!(serialize_children(doc, d), "a&lt;b");
    doc.set_text_content(d, "");
    assert_eq!(doc.first_child(d), None);
    assert_eq!(doc.element_by_id(Document::ROOT, ""), None);
}

#[test]
fn page_parser_keeps_going_after_a_meta_charset() {
    use roundabout_engine::dom::PageParser;
    use std::cell::RefCell;
    use std::rc::Rc;
    let doc = Rc::new(RefCell::new(Document::new()));
    let mut parser = PageParser::new(
        doc.clone(),
        "<meta charset=utf-8><p>after</p><script>s</script>",
    );
    assert!(
        parser.resume().is_some(),
        "the script after <meta charset> is reached"
    );
    assert!(parser.resume().is_none());
    let d = doc.borrow();
    assert!(serialize_children(&d, Document::ROOT).contains("<p>after</p>"));
}
