//! Selectors on the arena DOM through Servo's `selectors` crate (DOM § 4.2.6
//! "scope-match a selectors string"; Selectors Level 4). Used by querySelector(All),
//! matches and closest; an invalid selector is a SyntaxError.

use std::fmt;

use cssparser::{serialize_identifier, ToCss};
use html5ever::ns;
use precomputed_hash::PrecomputedHash;
use selectors::attr::{AttrSelectorOperation, CaseSensitivity, NamespaceConstraint};
use selectors::context::{
    MatchingContext, MatchingForInvalidation, MatchingMode, NeedsSelectorFlags, QuirksMode,
    SelectorCaches,
};
use selectors::matching::{matches_selector_list, ElementSelectorFlags};
use selectors::parser::{ParseRelative, SelectorParseErrorKind};
use selectors::{OpaqueElement, SelectorList};

use super::node::{NodeData, NodeId};
use super::tree::Document;

/// A string for selector atoms (identifiers, local names, namespaces, values).
#[derive(Clone, Debug, Default, Eq, Hash, PartialEq)]
pub struct CssString(pub String);

impl ToCss for CssString {
    fn to_css<W: fmt::Write>(&self, dest: &mut W) -> fmt::Result {
        serialize_identifier(&self.0, dest)
    }
}

impl<'a> From<&'a str> for CssString {
    fn from(s: &'a str) -> Self {
        CssString(s.to_string())
    }
}

impl AsRef<str> for CssString {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl PrecomputedHash for CssString {
    fn precomputed_hash(&self) -> u32 {
        // FNV-1a: stable, cheap, good enough for the crate's bloom filter.
        self.0.bytes().fold(0x811c_9dc5u32, |h, b| {
            (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
        })
    }
}

/// Pseudo-classes that are not tree-structural (those the crate leaves to us).
#[derive(Clone, Debug, Eq, PartialEq)]
pub enum PseudoClass {
    Link,
    AnyLink,
    Visited,
    Hover,
    Active,
    Focus,
    FocusWithin,
    FocusVisible,
    Target,
    Checked,
    Disabled,
    Enabled,
    Required,
    Optional,
    Defined,
}

impl ToCss for PseudoClass {
    fn to_css<W: fmt::Write>(&self, dest: &mut W) -> fmt::Result {
        dest.write_str(match self {
            PseudoClass::Link => ":link",
            PseudoClass::AnyLink => ":any-link",
            PseudoClass::Visited => ":visited",
            PseudoClass::Hover => ":hover",
            PseudoClass::Active => ":active",
            PseudoClass::Focus => ":focus",
            PseudoClass::FocusWithin => ":focus-within",
            PseudoClass::FocusVisible => ":focus-visible",
            PseudoClass::Target => ":target",
            PseudoClass::Checked => ":checked",
            PseudoClass::Disabled => ":disabled",
            PseudoClass::Enabled => ":enabled",
            PseudoClass::Required => ":required",
            PseudoClass::Optional => ":optional",
            PseudoClass::Defined => ":defined",
        })
    }
}

impl selectors::parser::NonTSPseudoClass for PseudoClass {
    fn is_active_or_hover(&self) -> bool {
        matches!(self, PseudoClass::Active | PseudoClass::Hover)
    }
    fn is_user_action_state(&self) -> bool {
        matches!(
            self,
            PseudoClass::Active | PseudoClass::Hover | PseudoClass::Focus
        )
    }
}

/// No pseudo-element matches an element in querySelector (they are not elements).
#[derive(Clone, Debug, Eq, PartialEq)]
pub enum PseudoElement {}

impl ToCss for PseudoElement {
    fn to_css<W: fmt::Write>(&self, _dest: &mut W) -> fmt::Result {
        match *self {}
    }
}

impl selectors::parser::PseudoElement for PseudoElement {}

#[derive(Clone, Debug, Eq, PartialEq)]
pub struct DomSelectors;

impl selectors::SelectorImpl for DomSelectors {
    type ExtraMatchingData<'a> = std::marker::PhantomData<&'a ()>;
    type AttrValue = CssString;
    type Identifier = CssString;
    type LocalName = CssString;
    type NamespaceUrl = CssString;
    type NamespacePrefix = CssString;
    type BorrowedLocalName = CssString;
    type BorrowedNamespaceUrl = CssString;
    type NonTSPseudoClass = PseudoClass;
    type PseudoElement = PseudoElement;
}

struct SelectorParser;

impl<'i> selectors::parser::Parser<'i> for SelectorParser {
    type Impl = DomSelectors;
    type Error = SelectorParseErrorKind;

    fn parse_is_and_where(&self) -> bool {
        true
    }
    fn parse_has(&self) -> bool {
        true
    }
    fn parse_nth_child_of(&self) -> bool {
        true
    }

    fn parse_non_ts_pseudo_class(
        &self,
        name: &str,
    ) -> Result<PseudoClass, cssparser::ParseError<Self::Error>> {
        let pc = match name.to_ascii_lowercase().as_str() {
            "link" => PseudoClass::Link,
            "any-link" => PseudoClass::AnyLink,
            "visited" => PseudoClass::Visited,
            "hover" => PseudoClass::Hover,
            "active" => PseudoClass::Active,
            "focus" => PseudoClass::Focus,
            "focus-within" => PseudoClass::FocusWithin,
            "focus-visible" => PseudoClass::FocusVisible,
            "target" => PseudoClass::Target,
            "checked" => PseudoClass::Checked,
            "disabled" => PseudoClass::Disabled,
            "enabled" => PseudoClass::Enabled,
            "required" => PseudoClass::Required,
            "optional" => PseudoClass::Optional,
            "defined" => PseudoClass::Defined,
            _ => {
                return Err(cssparser::ParseError::custom(
                    SelectorParseErrorKind::UnsupportedPseudoClassOrElement,
                ))
            }
        };
        Ok(pc)
    }
}

/// A parsed selector list.
pub type Selectors = SelectorList<DomSelectors>;

/// Parses a selector list; `Err` is a DOM SyntaxError.
pub fn parse_selectors(text: &str) -> Result<Selectors, String> {
    let mut parser = cssparser::Parser::new(text);
    SelectorList::parse(&SelectorParser, &mut parser, ParseRelative::No)
        .map_err(|e| format!("'{text}' is not a valid selector ({:?})", e.kind))
}

/// An element of a document, as the `selectors` crate sees it.
#[derive(Clone, Copy)]
pub struct DomElement<'a> {
    doc: &'a Document,
    id: NodeId,
}

impl fmt::Debug for DomElement<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "DomElement({})", self.id.0)
    }
}

impl<'a> DomElement<'a> {
    fn data(&self) -> &'a super::node::ElementData {
        self.doc
            .data(self.id)
            .element()
            .expect("DomElement wraps an element")
    }

    fn element_at(&self, id: Option<NodeId>) -> Option<Self> {
        id.map(|id| DomElement { doc: self.doc, id })
    }

    /// The nearest sibling element in the direction `step` goes.
    fn sibling_element(&self, step: fn(&Document, NodeId) -> Option<NodeId>) -> Option<Self> {
        let mut n = step(self.doc, self.id);
        while let Some(id) = n {
            if self.doc.data(id).element().is_some() {
                return self.element_at(Some(id));
            }
            n = step(self.doc, id);
        }
        None
    }

    fn is_html(&self, names: &[&str]) -> bool {
        let e = self.data();
        e.name.ns == ns!(html) && names.contains(&&*e.name.local)
    }
}

impl selectors::Element for DomElement<'_> {
    type Impl = DomSelectors;

    fn opaque(&self) -> OpaqueElement {
        OpaqueElement::new(self.doc.node(self.id))
    }

    fn parent_element(&self) -> Option<Self> {
        let p = self.doc.parent(self.id)?;
        self.doc.data(p).element().map(|_| DomElement {
            doc: self.doc,
            id: p,
        })
    }

    fn parent_node_is_shadow_root(&self) -> bool {
        false
    }

    fn containing_shadow_host(&self) -> Option<Self> {
        None
    }

    fn is_pseudo_element(&self) -> bool {
        false
    }

    fn prev_sibling_element(&self) -> Option<Self> {
        self.sibling_element(Document::prev_sibling)
    }

    fn next_sibling_element(&self) -> Option<Self> {
        self.sibling_element(Document::next_sibling)
    }

    fn first_element_child(&self) -> Option<Self> {
        let c = self
            .doc
            .children(self.id)
            .find(|c| self.doc.data(*c).element().is_some());
        self.element_at(c)
    }

    fn is_html_element_in_html_document(&self) -> bool {
        self.data().name.ns == ns!(html)
    }

    fn has_local_name(&self, local_name: &CssString) -> bool {
        *self.data().name.local == *local_name.0
    }

    fn has_namespace(&self, ns: &CssString) -> bool {
        *self.data().name.ns == *ns.0
    }

    fn is_same_type(&self, other: &Self) -> bool {
        self.data().name == other.data().name
    }

    fn attr_matches(
        &self,
        ns: &NamespaceConstraint<&CssString>,
        local_name: &CssString,
        operation: &AttrSelectorOperation<&CssString>,
    ) -> bool {
        self.data().attrs.iter().any(|a| {
            *a.name.local == *local_name.0
                && match ns {
                    NamespaceConstraint::Any => true,
                    NamespaceConstraint::Specific(url) => *a.name.ns == *url.0,
                }
                && operation.eval_str(&a.value)
        })
    }

    fn match_non_ts_pseudo_class(
        &self,
        pc: &PseudoClass,
        _context: &mut MatchingContext<DomSelectors>,
    ) -> bool {
        let e = self.data();
        let form_control = self.is_html(&[
            "button", "input", "select", "textarea", "optgroup", "option", "fieldset",
        ]);
        match pc {
            PseudoClass::Link | PseudoClass::AnyLink => self.is_link(),
            PseudoClass::Checked => {
                (self.is_html(&["input"])
                    && e.attr("checked").is_some()
                    && matches!(
                        e.attr("type").map(str::to_ascii_lowercase).as_deref(),
                        Some("checkbox" | "radio")
                    ))
                    || (self.is_html(&["option"]) && e.attr("selected").is_some())
            }
            PseudoClass::Disabled => form_control && e.attr("disabled").is_some(),
            PseudoClass::Enabled => form_control && e.attr("disabled").is_none(),
            PseudoClass::Required => {
                self.is_html(&["input", "select", "textarea"]) && e.attr("required").is_some()
            }
            PseudoClass::Optional => {
                self.is_html(&["input", "select", "textarea"]) && e.attr("required").is_none()
            }
            PseudoClass::Defined => true,
            // No user interaction, history or fragment navigation in a headless run.
            // The focused area of the document (HTML § 6.6.2), set by focus().
            PseudoClass::Focus | PseudoClass::FocusVisible => self.doc.focused == Some(self.id),
            PseudoClass::FocusWithin => self
                .doc
                .focused
                .is_some_and(|f| self.doc.is_inclusive_ancestor(self.id, f)),
            // No pointer state, history or fragment navigation.
            PseudoClass::Visited
            | PseudoClass::Hover
            | PseudoClass::Active
            | PseudoClass::Target => false,
        }
    }

    fn match_pseudo_element(
        &self,
        pe: &PseudoElement,
        _context: &mut MatchingContext<DomSelectors>,
    ) -> bool {
        match *pe {}
    }

    fn apply_selector_flags(&self, _flags: ElementSelectorFlags) {}

    fn is_link(&self) -> bool {
        self.is_html(&["a", "area", "link"]) && self.data().attr("href").is_some()
    }

    fn is_html_slot_element(&self) -> bool {
        self.is_html(&["slot"])
    }

    fn has_id(&self, id: &CssString, case_sensitivity: CaseSensitivity) -> bool {
        self.data()
            .attr("id")
            .is_some_and(|v| case_sensitivity.eq(v.as_bytes(), id.0.as_bytes()))
    }

    fn has_class(&self, name: &CssString, case_sensitivity: CaseSensitivity) -> bool {
        self.data().attr("class").is_some_and(|v| {
            v.split([' ', '\t', '\n', '\r', '\u{c}'])
                .any(|c| case_sensitivity.eq(c.as_bytes(), name.0.as_bytes()))
        })
    }

    fn has_custom_state(&self, _name: &CssString) -> bool {
        false
    }

    fn imported_part(&self, _name: &CssString) -> Option<CssString> {
        None
    }

    fn is_part(&self, _name: &CssString) -> bool {
        false
    }

    fn is_empty(&self) -> bool {
        self.doc.children(self.id).all(|c| match self.doc.data(c) {
            NodeData::Element(_) => false,
            NodeData::Text(t) => t.is_empty(),
            _ => true,
        })
    }

    fn is_root(&self) -> bool {
        self.doc
            .parent(self.id)
            .is_some_and(|p| matches!(self.doc.data(p), NodeData::Document))
    }

    fn add_element_unique_hashes(&self, _filter: &mut selectors::bloom::BloomFilter) -> bool {
        false
    }
}

impl Document {
    fn matches_in(
        &self,
        el: NodeId,
        list: &Selectors,
        scope: Option<NodeId>,
        caches: &mut SelectorCaches,
    ) -> bool {
        let mut cx = MatchingContext::new(
            MatchingMode::Normal,
            None,
            caches,
            QuirksMode::NoQuirks,
            NeedsSelectorFlags::No,
            MatchingForInvalidation::No,
        );
        cx.scope_element = scope.map(|s| OpaqueElement::new(self.node(s)));
        matches_selector_list(list, DomElement { doc: self, id: el }, &mut cx)
    }

    /// Whether one complex selector of a style rule matches `el` (CSS cascade: each
    /// selector of a list brings its own specificity). `caches` can be shared across
    /// the elements of one style pass.
    pub fn style_selector_matches(
        &self,
        el: NodeId,
        selector: &selectors::parser::Selector<DomSelectors>,
        caches: &mut SelectorCaches,
    ) -> bool {
        let mut cx = MatchingContext::new(
            MatchingMode::Normal,
            None,
            caches,
            QuirksMode::NoQuirks,
            NeedsSelectorFlags::No,
            MatchingForInvalidation::No,
        );
        selectors::matching::matches_selector(
            selector,
            0,
            None,
            DomElement { doc: self, id: el },
            &mut cx,
        )
    }

    /// `element.matches(selectors)`: `:scope` is the element itself.
    pub fn element_matches(&self, el: NodeId, list: &Selectors) -> bool {
        self.data(el).element().is_some()
            && self.matches_in(el, list, Some(el), &mut SelectorCaches::default())
    }

    /// `element.closest(selectors)`.
    pub fn closest(&self, el: NodeId, list: &Selectors) -> Option<NodeId> {
        let mut caches = SelectorCaches::default();
        let mut n = Some(el);
        while let Some(id) = n {
            if self.data(id).element().is_some() && self.matches_in(id, list, Some(el), &mut caches)
            {
                return Some(id);
            }
            n = self.parent(id);
        }
        None
    }

    /// querySelectorAll: the root's descendant elements that match, in tree order.
    /// `first_only` stops at the first (querySelector).
    pub fn query_selector_all(
        &self,
        root: NodeId,
        list: &Selectors,
        first_only: bool,
    ) -> Vec<NodeId> {
        let mut caches = SelectorCaches::default();
        let scope = self.data(root).element().map(|_| root);
        let mut out = Vec::new();
        for n in self.descendants_inclusive(root).skip(1) {
            if self.data(n).element().is_some() && self.matches_in(n, list, scope, &mut caches) {
                out.push(n);
                if first_only {
                    break;
                }
            }
        }
        out
    }
}
