//! The DOM's mutation algorithms (DOM § 4.2.3 "Mutation algorithms", § 4.9
//! attributes, § 4.10 CharacterData "replace data"). Every change to a tree goes
//! through these, so the mutation records are complete whatever API made the change.

use html5ever::{ns, LocalName, Namespace, QualName};

use super::error::DomError;
use super::mutation_record::MutationRecord;
use super::node::{Attribute, NodeData, NodeId};
use super::tree::Document;

fn is_parent_kind(data: &NodeData) -> bool {
    matches!(
        data,
        NodeData::Document | NodeData::DocumentFragment | NodeData::Element(_)
    )
}

/// What a DocumentFragment would put into a document (step 6 of "ensure pre-insertion
/// validity" and of "replace").
enum FragmentShape {
    /// More than one element child, or a Text child: never allowed in a document.
    Invalid,
    OneElement,
    NoElement,
}

impl Document {
    fn fragment_shape(&self, fragment: NodeId) -> FragmentShape {
        let elements = self
            .children(fragment)
            .filter(|c| self.is_element(*c))
            .count();
        let has_text = self
            .children(fragment)
            .any(|c| matches!(self.data(c), NodeData::Text(_)));
        match elements {
            _ if has_text || elements > 1 => FragmentShape::Invalid,
            1 => FragmentShape::OneElement,
            _ => FragmentShape::NoElement,
        }
    }

    fn is_element(&self, n: NodeId) -> bool {
        matches!(self.data(n), NodeData::Element(_))
    }

    fn is_doctype(&self, n: NodeId) -> bool {
        matches!(self.data(n), NodeData::Doctype { .. })
    }

    fn following_siblings(&self, n: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.next_sibling(n), |s| self.next_sibling(*s))
    }

    fn preceding_siblings(&self, n: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.prev_sibling(n), |s| self.prev_sibling(*s))
    }

    /// Steps 1-5 shared by "ensure pre-insertion validity" and "replace".
    fn check_insertion_basics(
        &self,
        node: NodeId,
        parent: NodeId,
        child: Option<NodeId>,
    ) -> Result<(), DomError> {
        if !is_parent_kind(self.data(parent)) {
            return Err(DomError::HierarchyRequest); // 1
        }
        if self.is_inclusive_ancestor(node, parent) {
            return Err(DomError::HierarchyRequest); // 2
        }
        if let Some(c) = child {
            if self.parent(c) != Some(parent) {
                return Err(DomError::NotFound); // 3
            }
        }
        match self.data(node) {
            NodeData::Document => return Err(DomError::HierarchyRequest), // 4
            NodeData::Text(_) if matches!(self.data(parent), NodeData::Document) => {
                return Err(DomError::HierarchyRequest); // 5
            }
            NodeData::Doctype { .. } if !matches!(self.data(parent), NodeData::Document) => {
                return Err(DomError::HierarchyRequest); // 5
            }
            _ => {}
        }
        Ok(())
    }

    /// DOM "ensure pre-insertion validity" of `node` into `parent` before `child`.
    pub fn ensure_pre_insertion_validity(
        &self,
        node: NodeId,
        parent: NodeId,
        child: Option<NodeId>,
    ) -> Result<(), DomError> {
        self.check_insertion_basics(node, parent, child)?;
        if !matches!(self.data(parent), NodeData::Document) {
            return Ok(());
        }
        // Step 6: a document has at most one element and one doctype, doctype first.
        let parent_has_element = self.children(parent).any(|c| self.is_element(c));
        let child_is_doctype = child.is_some_and(|c| self.is_doctype(c));
        let doctype_follows =
            child.is_some_and(|c| self.following_siblings(c).any(|s| self.is_doctype(s)));
        let bad = match self.data(node) {
            NodeData::DocumentFragment => match self.fragment_shape(node) {
                FragmentShape::Invalid => true,
                FragmentShape::OneElement => {
                    parent_has_element || child_is_doctype || doctype_follows
                }
                FragmentShape::NoElement => false,
            },
            NodeData::Element(_) => parent_has_element || child_is_doctype || doctype_follows,
            NodeData::Doctype { .. } => {
                let parent_has_doctype = self.children(parent).any(|c| self.is_doctype(c));
                let element_precedes =
                    child.is_some_and(|c| self.preceding_siblings(c).any(|s| self.is_element(s)));
                parent_has_doctype || element_precedes || (child.is_none() && parent_has_element)
            }
            _ => false,
        };
        if bad {
            Err(DomError::HierarchyRequest)
        } else {
            Ok(())
        }
    }

    /// DOM "pre-insert": `parent.insertBefore(node, child)`.
    pub fn pre_insert(
        &mut self,
        node: NodeId,
        parent: NodeId,
        child: Option<NodeId>,
    ) -> Result<NodeId, DomError> {
        self.ensure_pre_insertion_validity(node, parent, child)?;
        let reference = if child == Some(node) {
            self.next_sibling(node)
        } else {
            child
        };
        self.insert(node, parent, reference, false);
        Ok(node)
    }

    /// DOM "append": `parent.appendChild(node)`.
    pub fn append_child(&mut self, parent: NodeId, node: NodeId) -> Result<NodeId, DomError> {
        self.pre_insert(node, parent, None)
    }

    /// DOM "insert" (no validity checks: callers have run them).
    pub fn insert(
        &mut self,
        node: NodeId,
        parent: NodeId,
        child: Option<NodeId>,
        suppress_observers: bool,
    ) {
        let is_fragment = matches!(self.data(node), NodeData::DocumentFragment);
        let nodes: Vec<NodeId> = if is_fragment {
            self.children(node).collect()
        } else {
            vec![node]
        };
        if nodes.is_empty() {
            return;
        }
        if is_fragment {
            // Step 4: remove the fragment's children, suppressing observers, then one
            // record for the fragment.
            for n in &nodes {
                self.remove(*n, true);
            }
            self.queue_mutation_record(MutationRecord::ChildList {
                target: node,
                added: vec![],
                removed: nodes.clone(),
                previous_sibling: None,
                next_sibling: None,
            });
        }
        let previous_sibling = match child {
            Some(c) => self.prev_sibling(c),
            None => self.last_child(parent),
        };
        for n in &nodes {
            if self.parent(*n).is_some() {
                // Inserting a node that is in a tree moves it (adopt → remove).
                self.remove(*n, false);
            }
            self.link(parent, *n, child);
        }
        // HTML's post-connection steps for script elements: newly connected scripts
        // that have not started are prepared by the script host.
        if self.is_connected(parent) {
            for n in &nodes {
                let found: Vec<NodeId> = self
                    .descendants_inclusive(*n)
                    .filter(|d| self.is_script(*d) && !self.scripts_started.contains(d))
                    .collect();
                self.scripts_to_prepare.extend(found);
            }
        }
        if !suppress_observers {
            self.queue_mutation_record(MutationRecord::ChildList {
                target: parent,
                added: nodes,
                removed: vec![],
                previous_sibling,
                next_sibling: child,
            });
        }
    }

    /// DOM "remove".
    pub fn remove(&mut self, node: NodeId, suppress_observers: bool) {
        let Some(parent) = self.parent(node) else {
            return;
        };
        let (prev, next) = (self.prev_sibling(node), self.next_sibling(node));
        self.unlink(node);
        self.add_transient_observers(node, parent);
        if !suppress_observers {
            self.queue_mutation_record(MutationRecord::ChildList {
                target: parent,
                added: vec![],
                removed: vec![node],
                previous_sibling: prev,
                next_sibling: next,
            });
        }
    }

    /// DOM "pre-remove": `parent.removeChild(child)`.
    pub fn pre_remove(&mut self, child: NodeId, parent: NodeId) -> Result<NodeId, DomError> {
        if self.parent(child) != Some(parent) {
            return Err(DomError::NotFound);
        }
        self.remove(child, false);
        Ok(child)
    }

    /// DOM "replace": `parent.replaceChild(node, child)`.
    pub fn replace_child(
        &mut self,
        child: NodeId,
        node: NodeId,
        parent: NodeId,
    ) -> Result<NodeId, DomError> {
        self.check_insertion_basics(node, parent, Some(child))?; // steps 1-5
        if matches!(self.data(parent), NodeData::Document) {
            // Step 6, with `child` itself allowed to be the element or doctype replaced.
            let other_element = self
                .children(parent)
                .any(|c| c != child && self.is_element(c));
            let doctype_follows = self.following_siblings(child).any(|s| self.is_doctype(s));
            let bad = match self.data(node) {
                NodeData::DocumentFragment => match self.fragment_shape(node) {
                    FragmentShape::Invalid => true,
                    FragmentShape::OneElement => other_element || doctype_follows,
                    FragmentShape::NoElement => false,
                },
                NodeData::Element(_) => other_element || doctype_follows,
                NodeData::Doctype { .. } => {
                    self.children(parent)
                        .any(|c| c != child && self.is_doctype(c))
                        || self.preceding_siblings(child).any(|s| self.is_element(s))
                }
                _ => false,
            };
            if bad {
                return Err(DomError::HierarchyRequest);
            }
        }
        let mut reference = self.next_sibling(child); // 7
        if reference == Some(node) {
            reference = self.next_sibling(node); // 8
        }
        let previous_sibling = self.prev_sibling(child); // 9
        let mut removed = vec![];
        if self.parent(child).is_some() {
            removed.push(child);
            self.remove(child, true); // 11
        }
        let nodes: Vec<NodeId> = if matches!(self.data(node), NodeData::DocumentFragment) {
            self.children(node).collect()
        } else {
            vec![node]
        };
        self.insert(node, parent, reference, true); // 13
        self.queue_mutation_record(MutationRecord::ChildList {
            target: parent,
            added: nodes,
            removed,
            previous_sibling,
            next_sibling: reference,
        }); // 14
        Ok(child)
    }

    /// DOM "replace all" (textContent, innerHTML, replaceChildren): one record.
    pub fn replace_all(&mut self, node: Option<NodeId>, parent: NodeId) {
        let removed: Vec<NodeId> = self.children(parent).collect();
        let added: Vec<NodeId> = match node {
            Some(n) if matches!(self.data(n), NodeData::DocumentFragment) => {
                self.children(n).collect()
            }
            Some(n) => vec![n],
            None => vec![],
        };
        for c in &removed {
            self.remove(*c, true);
        }
        if let Some(n) = node {
            self.insert(n, parent, None, true);
        }
        if !added.is_empty() || !removed.is_empty() {
            self.queue_mutation_record(MutationRecord::ChildList {
                target: parent,
                added,
                removed,
                previous_sibling: None,
                next_sibling: None,
            });
        }
    }

    fn element_attrs_mut(&mut self, element: NodeId) -> Result<&mut Vec<Attribute>, DomError> {
        match self.data_mut(element) {
            NodeData::Element(e) => Ok(&mut e.attrs),
            _ => Err(DomError::WrongInterface),
        }
    }

    fn attrs(&self, element: NodeId) -> &[Attribute] {
        match self.data(element) {
            NodeData::Element(e) => &e.attrs,
            _ => &[],
        }
    }

    fn queue_attribute_record(
        &mut self,
        element: NodeId,
        name: &QualName,
        old_value: Option<String>,
    ) {
        let namespace = (name.ns != ns!()).then(|| name.ns.clone());
        self.queue_mutation_record(MutationRecord::Attributes {
            target: element,
            name: name.local.clone(),
            namespace,
            old_value,
        });
    }

    /// Whether `element` is an HTML element in an HTML document (all our documents
    /// are HTML documents), so qualified names are lowercased.
    fn lowercases_names(&self, element: NodeId) -> bool {
        self.data(element)
            .element()
            .is_some_and(|e| e.name.ns == ns!(html))
    }

    /// DOM "get an attribute by name".
    pub fn attribute_index_by_name(&self, element: NodeId, qualified_name: &str) -> Option<usize> {
        let name = if self.lowercases_names(element) {
            qualified_name.to_ascii_lowercase()
        } else {
            qualified_name.to_string()
        };
        self.attrs(element)
            .iter()
            .position(|a| a.qualified_name() == name)
    }

    /// `Element.setAttribute(qualifiedName, value)` (DOM § 4.9).
    pub fn set_attribute(
        &mut self,
        element: NodeId,
        qualified_name: &str,
        value: &str,
    ) -> Result<(), DomError> {
        self.element_attrs_mut(element)?;
        if !is_valid_attribute_local_name(qualified_name) {
            return Err(DomError::InvalidCharacter); // step 1
        }
        let name = if self.lowercases_names(element) {
            qualified_name.to_ascii_lowercase()
        } else {
            qualified_name.to_string()
        };
        match self.attribute_index_by_name(element, &name) {
            None => {
                let qname = QualName::new(None, ns!(), LocalName::from(name.as_str()));
                self.queue_attribute_record(element, &qname, None);
                self.element_attrs_mut(element)?.push(Attribute {
                    name: qname,
                    value: value.to_string(),
                });
            }
            Some(i) => self.change_attribute(element, i, value),
        }
        Ok(())
    }

    /// DOM "change an attribute": a record (with the old value) even when the value
    /// does not change.
    pub fn change_attribute(&mut self, element: NodeId, index: usize, value: &str) {
        let (name, old) = {
            let a = &self.attrs(element)[index];
            (a.name.clone(), a.value.clone())
        };
        self.queue_attribute_record(element, &name, Some(old));
        if let Ok(attrs) = self.element_attrs_mut(element) {
            attrs[index].value = value.to_string();
        }
    }

    /// `Element.removeAttribute(qualifiedName)`: "remove an attribute by name".
    pub fn remove_attribute(&mut self, element: NodeId, qualified_name: &str) -> Option<Attribute> {
        let i = self.attribute_index_by_name(element, qualified_name)?;
        self.remove_attribute_at(element, i)
    }

    /// DOM "get an attribute by namespace and local name" (`""` is the null namespace).
    pub fn attribute_index_by_ns(
        &self,
        element: NodeId,
        namespace: &str,
        local: &str,
    ) -> Option<usize> {
        self.attrs(element)
            .iter()
            .position(|a| &*a.name.ns == namespace && &*a.name.local == local)
    }

    /// `Element.removeAttributeNS(namespace, localName)`.
    pub fn remove_attribute_ns(
        &mut self,
        element: NodeId,
        namespace: &str,
        local: &str,
    ) -> Option<Attribute> {
        let i = self.attribute_index_by_ns(element, namespace, local)?;
        self.remove_attribute_at(element, i)
    }

    /// DOM "remove an attribute": the record carries the old value.
    fn remove_attribute_at(&mut self, element: NodeId, i: usize) -> Option<Attribute> {
        let (name, old) = {
            let a = &self.attrs(element)[i];
            (a.name.clone(), a.value.clone())
        };
        self.queue_attribute_record(element, &name, Some(old));
        self.element_attrs_mut(element)
            .ok()
            .map(|attrs| attrs.remove(i))
    }

    /// `Element.setAttributeNS(namespace, qualifiedName, value)`.
    pub fn set_attribute_ns(
        &mut self,
        element: NodeId,
        namespace: Option<&str>,
        qualified_name: &str,
        value: &str,
    ) -> Result<(), DomError> {
        self.element_attrs_mut(element)?;
        let name = validate_and_extract(namespace, qualified_name)?;
        let existing = self
            .attrs(element)
            .iter()
            .position(|a| a.name.ns == name.ns && a.name.local == name.local);
        match existing {
            Some(i) => self.change_attribute(element, i, value),
            None => {
                self.queue_attribute_record(element, &name, None);
                self.element_attrs_mut(element)?.push(Attribute {
                    name,
                    value: value.to_string(),
                });
            }
        }
        Ok(())
    }

    /// The length of a CharacterData node's data, in UTF-16 code units.
    pub fn data_length(&self, node: NodeId) -> usize {
        self.data(node)
            .character_data()
            .map_or(0, |d| d.encode_utf16().count())
    }

    /// DOM "replace data" (§ 4.10): offsets and counts in UTF-16 code units.
    pub fn replace_data(
        &mut self,
        node: NodeId,
        offset: usize,
        count: usize,
        data: &str,
    ) -> Result<(), DomError> {
        let old = self
            .data(node)
            .character_data()
            .expect("CharacterData")
            .to_string();
        let units: Vec<u16> = old.encode_utf16().collect();
        let length = units.len();
        if offset > length {
            return Err(DomError::IndexSize); // step 2
        }
        let count = count.min(length - offset); // step 3
        self.queue_mutation_record(MutationRecord::CharacterData {
            target: node,
            old_value: old,
        });
        let mut new_units = Vec::with_capacity(length - count + data.len());
        new_units.extend_from_slice(&units[..offset]);
        new_units.extend(data.encode_utf16());
        new_units.extend_from_slice(&units[offset + count..]);
        // Rust strings cannot hold lone surrogates; a split pair becomes U+FFFD.
        let new = String::from_utf16_lossy(&new_units);
        match self.data_mut(node) {
            NodeData::Text(s) | NodeData::Comment(s) => *s = new,
            NodeData::ProcessingInstruction { data, .. } => *data = new,
            _ => unreachable!("checked above"),
        }
        Ok(())
    }
}

/// DOM "valid attribute local name": at least one code point, none of them ASCII
/// whitespace, NULL, `/`, `=` or `>`.
pub fn is_valid_attribute_local_name(name: &str) -> bool {
    !name.is_empty()
        && !name.chars().any(|c| {
            matches!(
                c,
                '\t' | '\n' | '\u{c}' | '\r' | ' ' | '\0' | '/' | '=' | '>'
            )
        })
}

/// DOM "validate and extract" a namespace and qualified name (attribute context).
pub fn validate_and_extract(
    namespace: Option<&str>,
    qualified_name: &str,
) -> Result<QualName, DomError> {
    let namespace = namespace.filter(|n| !n.is_empty());
    let (prefix, local) = match qualified_name.split_once(':') {
        Some((p, l)) => (Some(p), l),
        None => (None, qualified_name),
    };
    if prefix.is_some_and(|p| {
        p.is_empty()
            || p.chars()
                .any(|c| matches!(c, '\t' | '\n' | '\u{c}' | '\r' | ' ' | '\0' | '/' | '>'))
    }) || !is_valid_attribute_local_name(local)
    {
        return Err(DomError::InvalidCharacter);
    }
    const XML: &str = "http://www.w3.org/XML/1998/namespace";
    const XMLNS: &str = "http://www.w3.org/2000/xmlns/";
    if prefix.is_some() && namespace.is_none() {
        return Err(DomError::Namespace);
    }
    if prefix == Some("xml") && namespace != Some(XML) {
        return Err(DomError::Namespace);
    }
    if (qualified_name == "xmlns" || prefix == Some("xmlns")) != (namespace == Some(XMLNS)) {
        return Err(DomError::Namespace);
    }
    Ok(QualName::new(
        prefix.map(html5ever::Prefix::from),
        namespace.map_or(ns!(), Namespace::from),
        LocalName::from(local),
    ))
}
