//! `Node.textContent` (DOM § 4.4 "get text content" / "set text content" with
//! "string replace all").

use super::node::{NodeData, NodeId};
use super::tree::Document;

impl Document {
    /// The descendant text content: the data of every Text descendant, in tree order.
    pub fn descendant_text_content(&self, node: NodeId) -> String {
        let mut out = String::new();
        for n in self.descendants_inclusive(node) {
            if let NodeData::Text(t) = self.data(n) {
                out.push_str(t);
            }
        }
        out
    }

    /// Get text content: null for documents and doctypes.
    pub fn text_content(&self, node: NodeId) -> Option<String> {
        match self.data(node) {
            NodeData::Document | NodeData::Doctype { .. } => None,
            NodeData::Element(_) | NodeData::DocumentFragment => {
                Some(self.descendant_text_content(node))
            }
            other => other.character_data().map(str::to_string),
        }
    }

    /// Set text content: "string replace all" for elements and fragments (one
    /// record), "replace data" for CharacterData, nothing for documents/doctypes.
    pub fn set_text_content(&mut self, node: NodeId, value: &str) {
        match self.data(node) {
            NodeData::Element(_) | NodeData::DocumentFragment => {
                let text = (!value.is_empty()).then(|| self.create(NodeData::Text(value.into())));
                self.replace_all(text, node);
            }
            NodeData::Text(_) | NodeData::Comment(_) | NodeData::ProcessingInstruction { .. } => {
                let len = self.data_length(node);
                self.replace_data(node, 0, len, value)
                    .expect("offset 0 is valid");
            }
            NodeData::Document | NodeData::Doctype { .. } => {}
        }
    }

    /// The first element in tree order whose id is `id` (getElementById).
    pub fn element_by_id(&self, root: NodeId, id: &str) -> Option<NodeId> {
        if id.is_empty() {
            return None;
        }
        self.descendants_inclusive(root).find(|n| {
            self.data(*n)
                .element()
                .is_some_and(|e| e.attr("id") == Some(id))
        })
    }

    /// The first child element of `parent` that is an HTML element named `local`.
    pub fn child_html_element(&self, parent: NodeId, local: &str) -> Option<NodeId> {
        self.children(parent)
            .find(|c| self.data(*c).element().is_some_and(|e| e.is_html(local)))
    }

    /// The document element (the document's element child).
    pub fn document_element(&self) -> Option<NodeId> {
        self.children(Document::ROOT)
            .find(|c| self.data(*c).element().is_some())
    }

    /// DOM "clone a node" within this document (`cloneNode(deep)`).
    pub fn clone_node(&mut self, node: NodeId, deep: bool) -> NodeId {
        let mut data = self.data(node).clone();
        if let NodeData::Element(e) = &mut data {
            if let Some(contents) = e.template_contents {
                e.template_contents = Some(if deep {
                    self.clone_node(contents, true)
                } else {
                    self.create(NodeData::DocumentFragment)
                });
            }
        }
        let copy = self.create(data);
        // HTML's cloning steps for script elements copy "already started".
        if self.scripts_started.contains(&node) {
            self.scripts_started.insert(copy);
        }
        if deep {
            let children: Vec<NodeId> = self.children(node).collect();
            for c in children {
                let cc = self.clone_node(c, true);
                self.link(copy, cc, None);
            }
        }
        copy
    }

    /// Copies `node` (and, if `deep`, its descendants) from `src` into this arena:
    /// the "clone a node" steps minus the document's own data. The copy has no parent.
    pub fn import_node(&mut self, src: &Document, node: NodeId, deep: bool) -> NodeId {
        let mut data = src.data(node).clone();
        if let NodeData::Element(e) = &mut data {
            // HTML's cloning steps for template: contents are copied only when deep.
            if let Some(contents) = e.template_contents {
                e.template_contents = Some(if deep {
                    self.import_node(src, contents, true)
                } else {
                    self.create(NodeData::DocumentFragment)
                });
            }
        }
        let copy = self.create(data);
        if src.scripts_started.contains(&node) {
            self.scripts_started.insert(copy);
        }
        if deep {
            let children: Vec<NodeId> = src.children(node).collect();
            for c in children {
                let cc = self.import_node(src, c, true);
                self.link(copy, cc, None);
            }
        }
        copy
    }
}
