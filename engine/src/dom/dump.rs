//! A tree dump in the html5lib-tests format (`| <html>`, `|   "text"`), for
//! differential tests against markup5ever_rcdom and for debugging.

use html5ever::ns;

use super::node::{NodeData, NodeId};
use super::tree::Document;

/// An attribute's name in the html5lib dump format ("xlink href", "class").
pub fn attribute_dump_name(name: &html5ever::QualName) -> String {
    if name.ns == ns!(xlink) {
        format!("xlink {}", name.local)
    } else if name.ns == ns!(xml) {
        format!("xml {}", name.local)
    } else if name.ns == ns!(xmlns) {
        format!("xmlns {}", name.local)
    } else {
        name.local.to_string()
    }
}

/// An element's name in the dump format ("<svg circle>", "<p>").
pub fn element_dump_name(name: &html5ever::QualName) -> String {
    let prefix = if name.ns == ns!(svg) {
        "svg "
    } else if name.ns == ns!(mathml) {
        "math "
    } else {
        ""
    };
    format!("<{prefix}{}>", name.local)
}

pub fn dump_tree(doc: &Document, root: NodeId) -> String {
    let mut out = String::new();
    for child in doc.children(root) {
        dump(doc, child, 0, &mut out);
    }
    out
}

fn line(out: &mut String, depth: usize, text: &str) {
    out.push('|');
    out.push(' ');
    for _ in 0..depth {
        out.push_str("  ");
    }
    out.push_str(text);
    out.push('\n');
}

fn dump(doc: &Document, node: NodeId, depth: usize, out: &mut String) {
    match doc.data(node) {
        NodeData::Doctype {
            name,
            public_id,
            system_id,
        } => {
            if public_id.is_empty() && system_id.is_empty() {
                line(out, depth, &format!("<!DOCTYPE {name}>"));
            } else {
                line(
                    out,
                    depth,
                    &format!("<!DOCTYPE {name} \"{public_id}\" \"{system_id}\">"),
                );
            }
        }
        NodeData::Element(e) => {
            line(out, depth, &element_dump_name(&e.name));
            let mut attrs: Vec<(String, &str)> = e
                .attrs
                .iter()
                .map(|a| (attribute_dump_name(&a.name), a.value.as_str()))
                .collect();
            attrs.sort();
            for (name, value) in attrs {
                line(out, depth + 1, &format!("{name}=\"{value}\""));
            }
            if let Some(contents) = e.template_contents {
                line(out, depth + 1, "content");
                for child in doc.children(contents) {
                    dump(doc, child, depth + 2, out);
                }
            }
            for child in doc.children(node) {
                dump(doc, child, depth + 1, out);
            }
        }
        NodeData::Text(t) => line(out, depth, &format!("\"{t}\"")),
        NodeData::Comment(c) => line(out, depth, &format!("<!-- {c} -->")),
        NodeData::ProcessingInstruction { target, data } => {
            line(out, depth, &format!("<?{target} {data}>"))
        }
        NodeData::Document | NodeData::DocumentFragment => {
            for child in doc.children(node) {
                dump(doc, child, depth, out);
            }
        }
    }
}
