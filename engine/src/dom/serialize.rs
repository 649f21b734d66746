//! The HTML fragment serialization algorithm (HTML § 13.3 "Serializing HTML
//! fragments"): innerHTML/outerHTML and `--dump-dom`. Template contents are
//! serialized (unlike markup5ever_rcdom's serializer).

use html5ever::{ns, QualName};

use super::node::{Attribute, NodeData, NodeId};
use super::tree::Document;

const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];

const RAW_TEXT_PARENTS: &[&str] = &[
    "style",
    "script",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
    "noscript",
];

/// innerHTML: the serialization of `node`'s children (a template's contents).
pub fn serialize_children(doc: &Document, node: NodeId) -> String {
    let mut out = String::new();
    let container = match doc.data(node) {
        NodeData::Element(e) => e.template_contents.unwrap_or(node),
        _ => node,
    };
    for child in doc.children(container) {
        serialize_node(doc, child, &mut out);
    }
    out
}

/// outerHTML: the serialization of `node` itself.
pub fn serialize_node_outer(doc: &Document, node: NodeId) -> String {
    let mut out = String::new();
    serialize_node(doc, node, &mut out);
    out
}

/// The tag name as serialized: the local name for HTML, SVG and MathML elements,
/// the qualified name otherwise.
fn tag_name(name: &QualName) -> String {
    if name.ns == ns!(html) || name.ns == ns!(svg) || name.ns == ns!(mathml) {
        name.local.to_string()
    } else {
        match &name.prefix {
            Some(p) => format!("{p}:{}", name.local),
            None => name.local.to_string(),
        }
    }
}

/// An attribute's serialized name (HTML § 13.3, the attribute's namespace cases).
fn attribute_name(a: &Attribute) -> String {
    let local = &a.name.local;
    if a.name.ns == ns!() {
        local.to_string()
    } else if a.name.ns == ns!(xml) {
        format!("xml:{local}")
    } else if a.name.ns == ns!(xmlns) {
        if &**local == "xmlns" {
            "xmlns".into()
        } else {
            format!("xmlns:{local}")
        }
    } else if a.name.ns == ns!(xlink) {
        format!("xlink:{local}")
    } else {
        a.qualified_name()
    }
}

/// "Escaping a string": & and U+00A0 always; " in attribute mode; < and > in both
/// modes (the 2025 change to attribute mode, which Chromium ships).
fn escape(s: &str, attribute_mode: bool, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '\u{a0}' => out.push_str("&nbsp;"),
            '"' if attribute_mode => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

fn serialize_node(doc: &Document, node: NodeId, out: &mut String) {
    match doc.data(node) {
        NodeData::Element(e) => {
            let tag = tag_name(&e.name);
            out.push('<');
            out.push_str(&tag);
            for a in &e.attrs {
                out.push(' ');
                out.push_str(&attribute_name(a));
                out.push_str("=\"");
                escape(&a.value, true, out);
                out.push('"');
            }
            out.push('>');
            let is_html = e.name.ns == ns!(html);
            if is_html && VOID_ELEMENTS.contains(&&*e.name.local) {
                return;
            }
            let children_of = e.template_contents.unwrap_or(node);
            for child in doc.children(children_of) {
                serialize_node(doc, child, out);
            }
            out.push_str("</");
            out.push_str(&tag);
            out.push('>');
        }
        NodeData::Text(t) => {
            let raw = doc
                .parent(node)
                .and_then(|p| doc.data(p).element())
                .is_some_and(|p| {
                    p.name.ns == ns!(html) && RAW_TEXT_PARENTS.contains(&&*p.name.local)
                });
            if raw {
                out.push_str(t);
            } else {
                escape(t, false, out);
            }
        }
        NodeData::Comment(c) => {
            out.push_str("<!--");
            out.push_str(c);
            out.push_str("-->");
        }
        NodeData::ProcessingInstruction { target, data } => {
            out.push_str("<?");
            out.push_str(target);
            out.push(' ');
            out.push_str(data);
            out.push('>');
        }
        NodeData::Doctype { name, .. } => {
            out.push_str("<!DOCTYPE ");
            out.push_str(name);
            out.push('>');
        }
        NodeData::Document | NodeData::DocumentFragment => {
            for child in doc.children(node) {
                serialize_node(doc, child, out);
            }
        }
    }
}
