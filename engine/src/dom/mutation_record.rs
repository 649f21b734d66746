//! What the mutation algorithms report ("queue a tree mutation record", "queue a
//! mutation record" of type attributes / characterData, DOM § 4.3.2). The document
//! collects them while recording is on; MutationObserver delivery takes them from
//! there.

use html5ever::{LocalName, Namespace};

use super::node::NodeId;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MutationRecord {
    ChildList {
        target: NodeId,
        added: Vec<NodeId>,
        removed: Vec<NodeId>,
        previous_sibling: Option<NodeId>,
        next_sibling: Option<NodeId>,
    },
    Attributes {
        target: NodeId,
        name: LocalName,
        namespace: Option<Namespace>,
        old_value: Option<String>,
    },
    CharacterData {
        target: NodeId,
        old_value: String,
    },
}
