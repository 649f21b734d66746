//! Reclaiming nodes nothing can reach any more. A node is reachable if it is in the
//! document's tree, or in a detached tree one of whose nodes script still holds
//! (any node of a tree leads to all of it through parent/child links), or in the
//! contents of a reachable template, or if the engine still refers to it (a script
//! waiting to be prepared, a pending mutation record, for MutationObserver or the recording). Everything else is freed, and
//! its slot reused by `create`.

use std::collections::HashSet;

use super::node::{NodeData, NodeId};
use super::tree::Document;

impl Document {
    /// Frees every node not reachable from the document or from `held` (the nodes
    /// script holds wrappers for). Returns how many were freed. Does nothing while a
    /// page parser is active.
    pub fn collect_garbage(&mut self, held: &[NodeId]) -> usize {
        if self.parser_active {
            return 0;
        }
        let mut roots: Vec<NodeId> = vec![Document::ROOT];
        roots.extend(
            held.iter()
                .filter(|n| n.index() < self.len())
                .map(|n| self.root_of(*n)),
        );
        roots.extend(self.scripts_to_prepare.iter().map(|n| self.root_of(*n)));
        let pending = self
            .mutation_records
            .iter()
            .flat_map(|r| r.nodes())
            .chain(self.observers.nodes_in_records());
        let pending: Vec<NodeId> = pending.collect();
        roots.extend(pending.into_iter().map(|n| self.root_of(n)));
        let mut marked = vec![false; self.len()];
        for f in self.free_slots() {
            marked[f.index()] = true; // already free: never free twice
        }
        let mut stack = roots;
        while let Some(root) = stack.pop() {
            if marked[root.index()] {
                continue;
            }
            for n in self.descendants_inclusive(root).collect::<Vec<_>>() {
                marked[n.index()] = true;
                if let NodeData::Element(e) = self.data(n) {
                    if let Some(c) = e.template_contents {
                        stack.push(c);
                    }
                }
            }
        }
        let dead: Vec<NodeId> = (0..self.len())
            .filter(|i| !marked[*i])
            .map(|i| NodeId(i as u32))
            .collect();
        let freed: HashSet<NodeId> = dead.iter().copied().collect();
        self.scripts_started.retain(|n| !freed.contains(n));
        for id in &dead {
            self.release(*id);
        }
        self.created_since_gc = 0;
        self.live_after_gc = self.live_nodes();
        dead.len()
    }
}
