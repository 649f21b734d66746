//! Nodes of the arena DOM (DOM § 4.4 "Interface Node"): what each node is, and the
//! five links that make the tree (parent, first/last child, previous/next sibling).

pub use html5ever::{LocalName, Namespace, QualName};

/// A node's index in its document's arena. Stable for the node's lifetime, so it is
/// what script wrappers hold on to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct NodeId(pub u32);

impl NodeId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// An attribute (DOM § 4.9.2 "Interface Attr"): namespace, prefix and local name
/// (together in `name`) and a value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribute {
    pub name: QualName,
    pub value: String,
}

impl Attribute {
    /// The qualified name: `prefix:local` or `local` (DOM "qualified name").
    pub fn qualified_name(&self) -> String {
        match &self.name.prefix {
            Some(p) => format!("{p}:{}", self.name.local),
            None => self.name.local.to_string(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ElementData {
    pub name: QualName,
    pub attrs: Vec<Attribute>,
    /// A `template` element's contents: a DocumentFragment (HTML § 4.12.3).
    pub template_contents: Option<NodeId>,
    /// A MathML `annotation-xml` created with encoding text/html or
    /// application/xhtml+xml: an HTML integration point (HTML § 13.2.6.5).
    pub html_integration_point: bool,
}

impl ElementData {
    /// Whether the element is in the HTML namespace.
    pub fn in_html_namespace(&self) -> bool {
        self.name.ns == html5ever::ns!(html)
    }

    pub fn is_html(&self, local: &str) -> bool {
        self.name.ns == html5ever::ns!(html) && &*self.name.local == local
    }

    /// The value of the first attribute without a namespace named `local`.
    pub fn attr(&self, local: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.name.ns == html5ever::ns!() && &*a.name.local == local)
            .map(|a| a.value.as_str())
    }
}

/// What a node is (DOM § 4.4: nodeType 1, 3, 7, 8, 9, 10, 11).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NodeData {
    Document,
    Doctype {
        name: String,
        public_id: String,
        system_id: String,
    },
    Element(ElementData),
    Text(String),
    Comment(String),
    ProcessingInstruction {
        target: String,
        data: String,
    },
    DocumentFragment,
}

impl NodeData {
    /// `Node.nodeType`.
    pub fn node_type(&self) -> u16 {
        match self {
            NodeData::Element(_) => 1,
            NodeData::Text(_) => 3,
            NodeData::ProcessingInstruction { .. } => 7,
            NodeData::Comment(_) => 8,
            NodeData::Document => 9,
            NodeData::Doctype { .. } => 10,
            NodeData::DocumentFragment => 11,
        }
    }

    pub fn element(&self) -> Option<&ElementData> {
        match self {
            NodeData::Element(e) => Some(e),
            _ => None,
        }
    }

    /// Text, Comment and ProcessingInstruction nodes are CharacterData.
    pub fn character_data(&self) -> Option<&str> {
        match self {
            NodeData::Text(s) | NodeData::Comment(s) => Some(s),
            NodeData::ProcessingInstruction { data, .. } => Some(data),
            _ => None,
        }
    }
}

/// One arena slot.
#[derive(Clone, Debug)]
pub struct Node {
    pub data: NodeData,
    pub parent: Option<NodeId>,
    pub first_child: Option<NodeId>,
    pub last_child: Option<NodeId>,
    pub prev_sibling: Option<NodeId>,
    pub next_sibling: Option<NodeId>,
}

impl Node {
    pub fn new(data: NodeData) -> Self {
        Node {
            data,
            parent: None,
            first_child: None,
            last_child: None,
            prev_sibling: None,
            next_sibling: None,
        }
    }
}

/// The HTML namespace's local names for elements the parser and serializer treat
/// specially.
pub fn html_name(local: &str) -> QualName {
    QualName::new(None, html5ever::ns!(html), LocalName::from(local))
}

pub fn no_namespace() -> Namespace {
    html5ever::ns!()
}
