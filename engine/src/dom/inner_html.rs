//! innerHTML's setter (HTML § 8.5 "DOM parsing and serialization": "fragment
//! parsing algorithm steps", then "replace all").

use super::node::{html_name, NodeData, NodeId};
use super::parser::parse_html_fragment;
use super::tree::Document;

impl Document {
    /// Sets `node`'s innerHTML: parses `html` with `node` as the context element (a
    /// fragment or document gets a `body` context), then replaces all children (a
    /// template's contents instead) with the result, as one mutation record.
    pub fn set_inner_html(&mut self, node: NodeId, html: &str) {
        let (context, attrs, target) = match self.data(node) {
            NodeData::Element(e) => (
                e.name.clone(),
                e.attrs.clone(),
                e.template_contents.unwrap_or(node),
            ),
            _ => (html_name("body"), vec![], node),
        };
        let (parsed, root) = parse_html_fragment(context, attrs, html);
        let fragment = self.create(NodeData::DocumentFragment);
        let children: Vec<NodeId> = parsed.document.children(root).collect();
        for c in children {
            let copy = self.import_node(&parsed.document, c, true);
            self.link(fragment, copy, None);
        }
        self.replace_all(Some(fragment), target);
    }
}
