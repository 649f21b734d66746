//! The document's node arena and the raw tree operations (link/unlink) the spec
//! algorithms in `mutation` are built on. No validity checks here.

use super::mutation_observer::MutationObservers;
use super::mutation_record::MutationRecord;
use super::node::{Node, NodeData, NodeId};

/// A document: an arena of nodes whose slot 0 is the Document node itself.
#[derive(Clone, Debug)]
pub struct Document {
    nodes: Vec<Node>,
    /// Slots freed by `collect_garbage`, reused by `create`.
    free: Vec<NodeId>,
    /// While a page parser works on this document it holds node ids of its own (the
    /// stack of open elements), so nothing may be freed.
    pub parser_active: bool,
    /// Nodes created since the last collection, and the live count after it: a
    /// collection is due when the first exceeds the second (amortized O(1)).
    pub(super) created_since_gc: usize,
    pub(super) live_after_gc: usize,
    pub quirks_mode: html5ever::tree_builder::QuirksMode,
    /// Whether mutation records are collected (something observes this document).
    pub recording_mutations: bool,
    /// The focused element (HTML § 6.6 "focused area"), None = the body/viewport.
    pub focused: Option<NodeId>,
    /// Bumped by every change to the tree, an attribute or character data: what the
    /// renderer compares to know its style and layout are stale.
    pub generation: u64,
    /// Records queued by the mutation algorithms, oldest first.
    pub mutation_records: Vec<MutationRecord>,
    /// MutationObserver registrations and queues (mutation_observer.rs).
    pub observers: MutationObservers,
    /// Script elements whose "already started" flag is set (HTML § 4.12.1.1):
    /// everything the parser created, and every script that was prepared.
    pub scripts_started: std::collections::HashSet<NodeId>,
    /// Script elements that became connected through the DOM (not the parser) and
    /// wait to be prepared ("post-connection steps").
    pub scripts_to_prepare: Vec<NodeId>,
}

impl Default for Document {
    fn default() -> Self {
        Self::new()
    }
}

impl Document {
    pub const ROOT: NodeId = NodeId(0);

    pub fn new() -> Self {
        Document {
            nodes: vec![Node::new(NodeData::Document)],
            free: Vec::new(),
            parser_active: false,
            created_since_gc: 0,
            live_after_gc: 0,
            quirks_mode: html5ever::tree_builder::QuirksMode::NoQuirks,
            recording_mutations: false,
            mutation_records: Vec::new(),
            observers: MutationObservers::default(),
            scripts_started: Default::default(),
            scripts_to_prepare: Vec::new(),
            generation: 0,
            focused: None,
        }
    }

    /// Creates a node that is not in any tree yet.
    pub fn create(&mut self, data: NodeData) -> NodeId {
        self.created_since_gc += 1;
        if let Some(id) = self.free.pop() {
            self.nodes[id.index()] = Node::new(data);
            return id;
        }
        let id = NodeId(u32::try_from(self.nodes.len()).expect("fewer than 2^32 nodes"));
        self.nodes.push(Node::new(data));
        id
    }

    pub(super) fn free_slots(&self) -> &[NodeId] {
        &self.free
    }

    /// Frees an unreachable slot (its links are dropped; nothing links to it).
    pub(super) fn release(&mut self, id: NodeId) {
        self.nodes[id.index()] = Node::new(NodeData::Comment(String::new()));
        self.observers.forget_node(id);
        self.free.push(id);
    }

    /// Whether enough nodes were created since the last collection to run one.
    pub fn wants_gc(&self) -> bool {
        !self.parser_active && self.created_since_gc > self.live_after_gc.max(10_000)
    }

    /// Number of arena slots in use (for memory tests).
    pub fn live_nodes(&self) -> usize {
        self.nodes.len() - self.free.len()
    }

    pub fn node(&self, id: NodeId) -> &Node {
        &self.nodes[id.index()]
    }

    pub fn data(&self, id: NodeId) -> &NodeData {
        &self.nodes[id.index()].data
    }

    pub fn data_mut(&mut self, id: NodeId) -> &mut NodeData {
        self.generation += 1;
        &mut self.nodes[id.index()].data
    }

    /// The arena's size (the bound on valid ids), free slots included.
    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn is_empty(&self) -> bool {
        false // the Document node is always there
    }

    pub fn parent(&self, id: NodeId) -> Option<NodeId> {
        self.node(id).parent
    }

    pub fn first_child(&self, id: NodeId) -> Option<NodeId> {
        self.node(id).first_child
    }

    pub fn last_child(&self, id: NodeId) -> Option<NodeId> {
        self.node(id).last_child
    }

    pub fn next_sibling(&self, id: NodeId) -> Option<NodeId> {
        self.node(id).next_sibling
    }

    pub fn prev_sibling(&self, id: NodeId) -> Option<NodeId> {
        self.node(id).prev_sibling
    }

    /// The node's children, in tree order.
    pub fn children(&self, id: NodeId) -> Children<'_> {
        Children {
            doc: self,
            next: self.first_child(id),
        }
    }

    /// The node and its descendants in tree order (preorder, depth-first).
    pub fn descendants_inclusive(&self, root: NodeId) -> Descendants<'_> {
        Descendants {
            doc: self,
            root,
            next: Some(root),
        }
    }

    /// The node's root (DOM "root": the topmost inclusive ancestor).
    pub fn root_of(&self, mut id: NodeId) -> NodeId {
        while let Some(p) = self.parent(id) {
            id = p;
        }
        id
    }

    pub fn is_inclusive_ancestor(&self, ancestor: NodeId, mut node: NodeId) -> bool {
        loop {
            if node == ancestor {
                return true;
            }
            match self.parent(node) {
                Some(p) => node = p,
                None => return false,
            }
        }
    }

    /// Index of `id` among its siblings.
    pub fn index_of(&self, id: NodeId) -> usize {
        let mut i = 0;
        let mut cur = self.prev_sibling(id);
        while let Some(c) = cur {
            i += 1;
            cur = self.prev_sibling(c);
        }
        i
    }

    /// Whether `node` is an HTML `script` element.
    pub fn is_script(&self, node: NodeId) -> bool {
        self.data(node)
            .element()
            .is_some_and(|e| e.is_html("script"))
    }

    /// Whether `node` is connected (its root is this document).
    pub fn is_connected(&self, node: NodeId) -> bool {
        self.root_of(node) == Document::ROOT
    }

    /// "Queue a mutation record" (DOM § 4.3.2): to the interested MutationObservers,
    /// and to `mutation_records` while recording.
    pub fn queue_mutation_record(&mut self, record: MutationRecord) {
        if self.recording_mutations {
            self.mutation_records.push(record.clone());
        }
        self.deliver_to_observers(record);
    }

    /// Links `child` (which must have no parent) into `parent` before `before`
    /// (or last). The raw step of DOM "insert".
    pub fn link(&mut self, parent: NodeId, child: NodeId, before: Option<NodeId>) {
        self.generation += 1;
        debug_assert!(
            self.parent(child).is_none(),
            "link a node that has a parent"
        );
        let prev = match before {
            Some(b) => self.prev_sibling(b),
            None => self.last_child(parent),
        };
        {
            let c = &mut self.nodes[child.index()];
            c.parent = Some(parent);
            c.prev_sibling = prev;
            c.next_sibling = before;
        }
        match prev {
            Some(p) => self.nodes[p.index()].next_sibling = Some(child),
            None => self.nodes[parent.index()].first_child = Some(child),
        }
        match before {
            Some(b) => self.nodes[b.index()].prev_sibling = Some(child),
            None => self.nodes[parent.index()].last_child = Some(child),
        }
    }

    /// Unlinks `child` from its parent (the raw step of DOM "remove").
    pub fn unlink(&mut self, child: NodeId) {
        self.generation += 1;
        let Some(parent) = self.parent(child) else {
            return;
        };
        let (prev, next) = {
            let c = &self.nodes[child.index()];
            (c.prev_sibling, c.next_sibling)
        };
        match prev {
            Some(p) => self.nodes[p.index()].next_sibling = next,
            None => self.nodes[parent.index()].first_child = next,
        }
        match next {
            Some(n) => self.nodes[n.index()].prev_sibling = prev,
            None => self.nodes[parent.index()].last_child = prev,
        }
        let c = &mut self.nodes[child.index()];
        c.parent = None;
        c.prev_sibling = None;
        c.next_sibling = None;
    }
}

pub struct Children<'a> {
    doc: &'a Document,
    next: Option<NodeId>,
}

impl Iterator for Children<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let cur = self.next?;
        self.next = self.doc.next_sibling(cur);
        Some(cur)
    }
}

pub struct Descendants<'a> {
    doc: &'a Document,
    root: NodeId,
    next: Option<NodeId>,
}

impl Iterator for Descendants<'_> {
    type Item = NodeId;
    fn next(&mut self) -> Option<NodeId> {
        let cur = self.next?;
        self.next = if let Some(c) = self.doc.first_child(cur) {
            Some(c)
        } else {
            let mut n = cur;
            loop {
                if n == self.root {
                    break None;
                }
                if let Some(s) = self.doc.next_sibling(n) {
                    break Some(s);
                }
                match self.doc.parent(n) {
                    Some(p) => n = p,
                    None => break None,
                }
            }
        };
        Some(cur)
    }
}
