//! innerHTML's setter (HTML § 8.5 "DOM parsing and serialization": "fragment
//! parsing algorithm steps", then "replace all").

use super::node::{NodeData, NodeId};
use super::tree::Document;

impl Document {
    /// Sets `node`'s innerHTML: parses `html` with `node` as the context element (a
    /// fragment or document gets a `body` context), then replaces all children (a
    /// template's contents instead) with the result, as one mutation record.
    pub fn set_inner_html(&mut self, node: NodeId, html: &str) {
        let target = match self.data(node) {
            NodeData::Element(e) => e.template_contents.unwrap_or(node),
            NodeData::Document | NodeData::DocumentFragment => node,
            _ => return, // innerHTML lives on elements (and fragments, via shadow roots)
        };
        let fragment = self.parse_fragment_into(node, html);
        self.replace_all(Some(fragment), target);
    }
}
