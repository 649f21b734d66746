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
        let mut copied = Vec::new();
        copy_out(self, node, deep, &mut copied, None, None);
        self.copy_in(copied)
    }

    /// Copies `node` (and, if `deep`, its descendants) from `src` into this arena:
    /// the "clone a node" steps minus the document's own data. The copy has no parent.
    pub fn import_node(&mut self, src: &Document, node: NodeId, deep: bool) -> NodeId {
        let mut copied = Vec::new();
        copy_out(src, node, deep, &mut copied, None, None);
        self.copy_in(copied)
    }

    /// Creates the nodes `copy_out` collected (in tree order) and links them.
    fn copy_in(&mut self, copied: Vec<Copied>) -> NodeId {
        let mut ids: Vec<NodeId> = Vec::with_capacity(copied.len());
        for c in copied {
            let id = self.create(c.data);
            if c.started {
                self.scripts_started.insert(id);
            }
            if let Some(p) = c.parent {
                self.link(ids[p], id, None);
            }
            if let Some(t) = c.contents_of {
                if let NodeData::Element(e) = self.data_mut(ids[t]) {
                    e.template_contents = Some(id);
                }
            }
            ids.push(id);
        }
        ids[0]
    }
}

/// One node of a subtree being copied: its data, the index of its parent among the
/// copied nodes, or of the template whose contents it is.
struct Copied {
    data: NodeData,
    parent: Option<usize>,
    contents_of: Option<usize>,
    /// HTML's cloning steps for script elements copy "already started".
    started: bool,
}

/// Collects `node` (and, if `deep`, its descendants) in tree order. A template's
/// contents are copied only when deep (HTML's cloning steps for template); otherwise
/// the copy gets a new empty contents fragment.
fn copy_out(
    src: &Document,
    node: NodeId,
    deep: bool,
    out: &mut Vec<Copied>,
    parent: Option<usize>,
    contents_of: Option<usize>,
) {
    let mut data = src.data(node).clone();
    let contents = match &mut data {
        NodeData::Element(e) => e.template_contents.take(),
        _ => None,
    };
    let me = out.len();
    out.push(Copied {
        data,
        parent,
        contents_of,
        started: src.scripts_started.contains(&node),
    });
    if let Some(c) = contents {
        if deep {
            copy_out(src, c, true, out, None, Some(me));
        } else {
            out.push(Copied {
                data: NodeData::DocumentFragment,
                parent: None,
                contents_of: Some(me),
                started: false,
            });
        }
    }
    if deep {
        for child in src.children(node) {
            copy_out(src, child, true, out, Some(me), None);
        }
    }
}
