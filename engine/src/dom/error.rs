//! DOM errors, named as the DOMException names the spec algorithms throw.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DomError {
    HierarchyRequest,
    NotFound,
    IndexSize,
    InvalidCharacter,
    Namespace,
    InUseAttribute,
    NotSupported,
    /// The node does not implement the interface the operation belongs to (script
    /// called a method with a foreign `this`): a TypeError in JS, not a DOMException.
    WrongInterface,
}

impl DomError {
    /// The DOMException name (WebIDL § 2.8.1).
    pub fn name(self) -> &'static str {
        match self {
            DomError::HierarchyRequest => "HierarchyRequestError",
            DomError::NotFound => "NotFoundError",
            DomError::IndexSize => "IndexSizeError",
            DomError::InvalidCharacter => "InvalidCharacterError",
            DomError::Namespace => "NamespaceError",
            DomError::InUseAttribute => "InUseAttributeError",
            DomError::NotSupported => "NotSupportedError",
            DomError::WrongInterface => "TypeError",
        }
    }
}

impl fmt::Display for DomError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl std::error::Error for DomError {}
