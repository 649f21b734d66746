//! More of DOM § 4.4 "Interface Node" and friends: normalize, splitText,
//! compareDocumentPosition, isEqualNode, getElementsByTagName/ClassName, and fragment
//! parsing into this arena (insertAdjacentHTML, innerHTML).

use html5ever::ns;

use super::error::DomError;
use super::node::{html_name, NodeData, NodeId};
use super::parser::parse_html_fragment;
use super::tree::Document;

/// compareDocumentPosition bits (DOM § 4.4).
pub mod position {
    pub const DISCONNECTED: u16 = 0x01;
    pub const PRECEDING: u16 = 0x02;
    pub const FOLLOWING: u16 = 0x04;
    pub const CONTAINS: u16 = 0x08;
    pub const CONTAINED_BY: u16 = 0x10;
    pub const IMPLEMENTATION_SPECIFIC: u16 = 0x20;
}

fn ascii_whitespace(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\u{c}' | '\r' | ' ')
}

impl Document {
    /// `Node.normalize()`: drop empty Text descendants, merge runs of adjacent Text
    /// nodes into the first (with the records "replace data" and "remove" queue).
    pub fn normalize(&mut self, node: NodeId) {
        let texts: Vec<NodeId> = self
            .descendants_inclusive(node)
            .skip(1)
            .filter(|n| matches!(self.data(*n), NodeData::Text(_)))
            .collect();
        for t in texts {
            if self.parent(t).is_none() {
                continue; // merged into an earlier node already
            }
            if self.data_length(t) == 0 {
                self.remove(t, false);
                continue;
            }
            let mut merged = String::new();
            let mut next = self.next_sibling(t);
            let mut absorbed = Vec::new();
            while let Some(n) = next {
                match self.data(n) {
                    NodeData::Text(s) => {
                        merged.push_str(s);
                        absorbed.push(n);
                        next = self.next_sibling(n);
                    }
                    _ => break,
                }
            }
            if !merged.is_empty() {
                let len = self.data_length(t);
                self.replace_data(t, len, 0, &merged)
                    .expect("offset at the end is valid");
            }
            for n in absorbed {
                self.remove(n, false);
            }
        }
    }

    /// `Text.splitText(offset)` (DOM § 4.11 "split a Text node"), offsets in UTF-16.
    pub fn split_text(&mut self, node: NodeId, offset: usize) -> Result<NodeId, DomError> {
        let length = self.data_length(node);
        if offset > length {
            return Err(DomError::IndexSize);
        }
        let units: Vec<u16> = self
            .data(node)
            .character_data()
            .unwrap_or("")
            .encode_utf16()
            .collect();
        let new_data = String::from_utf16_lossy(&units[offset..]);
        let new_node = self.create(NodeData::Text(new_data));
        if let Some(parent) = self.parent(node) {
            let next = self.next_sibling(node);
            self.insert(new_node, parent, next, false);
        }
        self.replace_data(node, offset, length - offset, "")?;
        Ok(new_node)
    }

    fn ancestors_inclusive(&self, mut n: NodeId) -> Vec<NodeId> {
        let mut out = vec![n];
        while let Some(p) = self.parent(n) {
            out.push(p);
            n = p;
        }
        out
    }

    /// `Node.compareDocumentPosition(other)` for `reference.compare...(other)`.
    pub fn compare_document_position(&self, reference: NodeId, other: NodeId) -> u16 {
        use position::*;
        if reference == other {
            return 0;
        }
        let a = self.ancestors_inclusive(other);
        let b = self.ancestors_inclusive(reference);
        if a.last() != b.last() {
            // Disconnected: a consistent, implementation-specific order (arena order).
            let dir = if other.0 < reference.0 {
                PRECEDING
            } else {
                FOLLOWING
            };
            return DISCONNECTED | IMPLEMENTATION_SPECIFIC | dir;
        }
        if b.contains(&other) {
            return CONTAINS | PRECEDING; // other is an ancestor of reference
        }
        if a.contains(&reference) {
            return CONTAINED_BY | FOLLOWING;
        }
        // Find the children of the common ancestor on each side and compare them.
        let (mut i, mut j) = (a.len() - 1, b.len() - 1);
        while a[i - 1] == b[j - 1] {
            i -= 1;
            j -= 1;
        }
        let (x, y) = (a[i - 1], b[j - 1]); // siblings under the common ancestor
        let mut n = self.next_sibling(y);
        while let Some(s) = n {
            if s == x {
                return FOLLOWING;
            }
            n = self.next_sibling(s);
        }
        PRECEDING
    }

    /// `Node.isEqualNode(other)` (DOM "equals").
    pub fn is_equal_node(&self, a: NodeId, b: NodeId) -> bool {
        let same = match (self.data(a), self.data(b)) {
            (NodeData::Element(x), NodeData::Element(y)) => {
                x.name == y.name
                    && x.attrs.len() == y.attrs.len()
                    && x.attrs.iter().all(|p| {
                        y.attrs
                            .iter()
                            .any(|q| q.name == p.name && q.value == p.value)
                    })
            }
            (x, y) => x == y,
        };
        same && {
            let ca: Vec<NodeId> = self.children(a).collect();
            let cb: Vec<NodeId> = self.children(b).collect();
            ca.len() == cb.len() && ca.iter().zip(&cb).all(|(x, y)| self.is_equal_node(*x, *y))
        }
    }

    /// getElementsByTagName's filter (DOM "list of elements with qualified name").
    pub fn elements_by_tag_name(&self, root: NodeId, qualified_name: &str) -> Vec<NodeId> {
        let lower = qualified_name.to_ascii_lowercase();
        self.descendants_inclusive(root)
            .skip(1)
            .filter(|n| match self.data(*n) {
                NodeData::Element(e) => {
                    if qualified_name == "*" {
                        return true;
                    }
                    let q = match &e.name.prefix {
                        Some(p) => format!("{p}:{}", e.name.local),
                        None => e.name.local.to_string(),
                    };
                    if e.name.ns == ns!(html) {
                        q == lower
                    } else {
                        q == qualified_name
                    }
                }
                _ => false,
            })
            .collect()
    }

    /// getElementsByClassName's filter: every class in `names` (split on ASCII
    /// whitespace) is on the element; no classes matches nothing.
    pub fn elements_by_class_name(&self, root: NodeId, names: &str) -> Vec<NodeId> {
        let wanted: Vec<&str> = names
            .split(ascii_whitespace)
            .filter(|s| !s.is_empty())
            .collect();
        if wanted.is_empty() {
            return Vec::new();
        }
        self.descendants_inclusive(root)
            .skip(1)
            .filter(|n| {
                self.data(*n)
                    .element()
                    .and_then(|e| e.attr("class"))
                    .is_some_and(|c| {
                        let have: Vec<&str> = c.split(ascii_whitespace).collect();
                        wanted.iter().all(|w| have.contains(w))
                    })
            })
            .collect()
    }

    /// Parses `html` as a fragment in the context of `context` (an element, or a
    /// `body` for anything else) into a new DocumentFragment of this arena.
    pub fn parse_fragment_into(&mut self, context: NodeId, html: &str) -> NodeId {
        let (name, attrs) = match self.data(context) {
            NodeData::Element(e) => (e.name.clone(), e.attrs.clone()),
            _ => (html_name("body"), vec![]),
        };
        let (parsed, root) = parse_html_fragment(name, attrs, html);
        let fragment = self.create(NodeData::DocumentFragment);
        let children: Vec<NodeId> = parsed.document.children(root).collect();
        for c in children {
            let copy = self.import_node(&parsed.document, c, true);
            self.link(fragment, copy, None);
        }
        fragment
    }
}
