//! The DOM (the DOM Standard's node tree) as an arena owned by the engine. html5ever
//! builds it through our `TreeSink`; markup5ever_rcdom is only the reference tree
//! in differential tests (engine/tests/dom_differential.rs).

pub mod dump;
pub mod error;
pub mod garbage;
pub mod inner_html;
pub mod mutation;
pub mod mutation_observer;
pub mod mutation_record;
pub mod node;
pub mod node_ops;
pub mod parser;
pub mod selectors;
pub mod serialize;
pub mod text_content;
pub mod tree;

pub use error::DomError;
pub use mutation_observer::{ObserveOptions, ObservedRecord, ObserverId};
pub use mutation_record::MutationRecord;
pub use node::{Attribute, ElementData, NodeData, NodeId};
pub use parser::{parse_html_document, parse_html_fragment, PageParser, Parsed};
pub use serialize::{serialize_children, serialize_node_outer};
pub use tree::Document;
