//! Building the arena DOM with html5ever: our `TreeSink` (the "tree construction"
//! stage of HTML § 13.2.6), document parsing, and fragment parsing with a context
//! element (HTML § 13.4 "Parsing HTML fragments", used by innerHTML and friends).

use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tokenizer::{BufferQueue, Tokenizer, TokenizerOpts};
use html5ever::tree_builder::{
    ElemName, ElementFlags, NodeOrText, QuirksMode, TreeBuilder, TreeBuilderOpts, TreeSink,
};
use html5ever::{
    parse_document, parse_fragment, Attribute as H5Attribute, LocalName, Namespace, ParseOpts,
    QualName,
};
use markup5ever::TokenizerResult;

use super::mutation_record::MutationRecord;
use super::node::{Attribute, ElementData, NodeData, NodeId};
use super::tree::Document;

/// An element's name handed to html5ever (owned: our nodes live behind a RefCell).
#[derive(Debug)]
pub struct OwnedElemName(QualName);

impl ElemName for OwnedElemName {
    fn ns(&self) -> &Namespace {
        &self.0.ns
    }
    fn local_name(&self) -> &LocalName {
        &self.0.local
    }
}

/// html5ever's view of a document under construction.
pub struct DomBuilder {
    doc: Rc<RefCell<Document>>,
    errors: RefCell<Vec<Cow<'static, str>>>,
}

/// A parsed document and the parse errors html5ever reported.
pub struct Parsed {
    pub document: Document,
    pub errors: Vec<Cow<'static, str>>,
}

impl DomBuilder {
    pub fn new() -> Self {
        Self::into_document(Rc::new(RefCell::new(Document::new())))
    }

    /// A builder that adds to a document others (the page's script) also hold.
    pub fn into_document(doc: Rc<RefCell<Document>>) -> Self {
        DomBuilder {
            doc,
            errors: RefCell::default(),
        }
    }

    fn insert_text(&self, parent: NodeId, before: Option<NodeId>, text: &str) {
        let mut doc = self.doc.borrow_mut();
        // Adjacent text is merged into one Text node (HTML § 13.2.6.1 "insert a character").
        let prev = match before {
            Some(b) => doc.prev_sibling(b),
            None => doc.last_child(parent),
        };
        if let Some(p) = prev {
            let observed = doc.has_observers();
            if let NodeData::Text(existing) = doc.data_mut(p) {
                let old = observed.then(|| existing.clone());
                existing.push_str(text);
                // "Append data" is "replace data": a characterData record.
                if let Some(old_value) = old {
                    doc.queue_mutation_record(MutationRecord::CharacterData {
                        target: p,
                        old_value,
                    });
                }
                return;
            }
        }
        let t = doc.create(NodeData::Text(text.to_string()));
        doc.link(parent, t, before);
        queue_insert_record(&mut doc, parent, t, before);
    }

    fn insert(&self, parent: NodeId, before: Option<NodeId>, child: NodeOrText<NodeId>) {
        match child {
            NodeOrText::AppendText(text) => self.insert_text(parent, before, &text),
            NodeOrText::AppendNode(node) => {
                let mut doc = self.doc.borrow_mut();
                // Script may have moved the parser's nodes (say, put an element the
                // adoption agency algorithm now moves into one of its own
                // descendants): a move that would make a cycle is skipped, as a DOM
                // insert would refuse it (HierarchyRequestError).
                if doc.is_inclusive_ancestor(node, parent) {
                    return;
                }
                queue_remove_record(&mut doc, node);
                doc.unlink(node);
                doc.link(parent, node, before);
                queue_insert_record(&mut doc, parent, node, before);
            }
        }
    }
}

/// The parser inserts and removes through DOM "insert" / "remove", so observers get
/// childList records for it (only computed when something observes).
fn queue_insert_record(doc: &mut Document, parent: NodeId, node: NodeId, before: Option<NodeId>) {
    if !doc.has_observers() {
        return;
    }
    let previous_sibling = doc.prev_sibling(node);
    doc.queue_mutation_record(MutationRecord::ChildList {
        target: parent,
        added: vec![node],
        removed: vec![],
        previous_sibling,
        next_sibling: before,
    });
}

fn queue_remove_record(doc: &mut Document, node: NodeId) {
    if !doc.has_observers() {
        return;
    }
    let Some(parent) = doc.parent(node) else {
        return;
    };
    let (previous_sibling, next_sibling) = (doc.prev_sibling(node), doc.next_sibling(node));
    doc.queue_mutation_record(MutationRecord::ChildList {
        target: parent,
        added: vec![],
        removed: vec![node],
        previous_sibling,
        next_sibling,
    });
}

impl Default for DomBuilder {
    fn default() -> Self {
        Self::new()
    }
}

fn convert_attrs(attrs: Vec<H5Attribute>) -> Vec<Attribute> {
    attrs
        .into_iter()
        .map(|a| Attribute {
            name: a.name,
            value: a.value.to_string(),
        })
        .collect()
}

impl TreeSink for DomBuilder {
    type Handle = NodeId;
    type Output = Parsed;
    type ElemName<'a> = OwnedElemName;

    fn finish(self) -> Parsed {
        let document = match Rc::try_unwrap(self.doc) {
            Ok(cell) => cell.into_inner(),
            Err(shared) => shared.borrow().clone(),
        };
        Parsed {
            document,
            errors: self.errors.into_inner(),
        }
    }

    fn parse_error(&self, msg: Cow<'static, str>) {
        self.errors.borrow_mut().push(msg);
    }

    fn get_document(&self) -> NodeId {
        Document::ROOT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> OwnedElemName {
        match self.doc.borrow().data(*target) {
            NodeData::Element(e) => OwnedElemName(e.name.clone()),
            other => panic!("elem_name of a non-element: {other:?}"),
        }
    }

    fn create_element(
        &self,
        name: QualName,
        attrs: Vec<H5Attribute>,
        flags: ElementFlags,
    ) -> NodeId {
        let mut doc = self.doc.borrow_mut();
        let template_contents = flags
            .template
            .then(|| doc.create(NodeData::DocumentFragment));
        let is_script = name.ns == html5ever::ns!(html) && &*name.local == "script";
        let id = doc.create(NodeData::Element(ElementData {
            name,
            attrs: convert_attrs(attrs),
            template_contents,
            html_integration_point: flags.mathml_annotation_xml_integration_point,
        }));
        if is_script {
            // The page parser runs its scripts itself; fragment parsing (innerHTML)
            // marks them already started so they never run.
            doc.scripts_started.insert(id);
        }
        id
    }

    fn create_comment(&self, text: StrTendril) -> NodeId {
        self.doc
            .borrow_mut()
            .create(NodeData::Comment(text.to_string()))
    }

    fn create_pi(&self, target: StrTendril, data: StrTendril) -> NodeId {
        self.doc
            .borrow_mut()
            .create(NodeData::ProcessingInstruction {
                target: target.to_string(),
                data: data.to_string(),
            })
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.insert(*parent, None, child);
    }

    fn append_based_on_parent_node(
        &self,
        element: &NodeId,
        prev_element: &NodeId,
        child: NodeOrText<NodeId>,
    ) {
        if self.doc.borrow().parent(*element).is_some() {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        let mut doc = self.doc.borrow_mut();
        let d = doc.create(NodeData::Doctype {
            name: name.to_string(),
            public_id: public_id.to_string(),
            system_id: system_id.to_string(),
        });
        doc.link(Document::ROOT, d, None);
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        match self.doc.borrow().data(*target) {
            NodeData::Element(ElementData {
                template_contents: Some(c),
                ..
            }) => *c,
            other => panic!("template contents of a non-template: {other:?}"),
        }
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.doc.borrow_mut().quirks_mode = mode;
    }

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        // Script may have detached the sibling meanwhile: then there is no place.
        let Some(parent) = self.doc.borrow().parent(*sibling) else {
            return;
        };
        self.insert(parent, Some(*sibling), new_node);
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attrs: Vec<H5Attribute>) {
        let mut doc = self.doc.borrow_mut();
        let mut added = Vec::new();
        if let NodeData::Element(e) = doc.data_mut(*target) {
            for a in convert_attrs(attrs) {
                if !e.attrs.iter().any(|x| x.name == a.name) {
                    added.push(a.name.clone());
                    e.attrs.push(a);
                }
            }
        }
        // "Append an attribute": an attributes record each.
        for name in added {
            let namespace = (name.ns != html5ever::ns!()).then(|| name.ns.clone());
            doc.queue_mutation_record(MutationRecord::Attributes {
                target: *target,
                name: name.local,
                namespace,
                old_value: None,
            });
        }
    }

    fn is_mathml_annotation_xml_integration_point(&self, handle: &NodeId) -> bool {
        self.doc
            .borrow()
            .data(*handle)
            .element()
            .is_some_and(|e| e.html_integration_point)
    }

    fn remove_from_parent(&self, target: &NodeId) {
        let mut doc = self.doc.borrow_mut();
        queue_remove_record(&mut doc, *target);
        doc.unlink(*target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let mut doc = self.doc.borrow_mut();
        while let Some(c) = doc.first_child(*node) {
            if doc.is_inclusive_ancestor(c, *new_parent) {
                break; // a cycle script made possible: leave the rest where it is
            }
            queue_remove_record(&mut doc, c);
            doc.unlink(c);
            doc.link(*new_parent, c, None);
            queue_insert_record(&mut doc, *new_parent, c, None);
        }
    }
}

/// Parses a whole document (scripting enabled, as in a browser with JS on).
pub fn parse_html_document(html: &str) -> Parsed {
    parse_document(DomBuilder::new(), ParseOpts::default()).one(html)
}

/// Parses `html` as a fragment in the context of an element named `context`
/// (HTML § 13.4). Returns a document whose `html` element holds the fragment's nodes.
pub fn parse_html_fragment(
    context: QualName,
    context_attrs: Vec<Attribute>,
    html: &str,
) -> (Parsed, NodeId) {
    let attrs = context_attrs
        .into_iter()
        .map(|a| H5Attribute {
            name: a.name,
            value: StrTendril::from_slice(&a.value),
        })
        .collect();
    let parsed = parse_fragment(
        DomBuilder::new(),
        ParseOpts::default(),
        context,
        attrs,
        true,
    )
    .one(html);
    let root = parsed
        .document
        .first_child(Document::ROOT)
        .expect("fragment parsing yields an html element");
    (parsed, root)
}

/// The HTML parser of a page, run step by step: it stops after each script end tag
/// so the script can run before parsing goes on (HTML § 13.2.6.4.8, "An end tag whose
/// tag name is script"), building into a document that script can see and change.
pub struct PageParser {
    tokenizer: Tokenizer<TreeBuilder<NodeId, DomBuilder>>,
    input: BufferQueue,
    done: bool,
}

impl PageParser {
    pub fn new(doc: Rc<RefCell<Document>>, html: &str) -> Self {
        doc.borrow_mut().parser_active = true;
        let builder = TreeBuilder::new(DomBuilder::into_document(doc), TreeBuilderOpts::default());
        let tokenizer = Tokenizer::new(builder, TokenizerOpts::default());
        let input = BufferQueue::default();
        input.push_back(StrTendril::from_slice(html));
        PageParser {
            tokenizer,
            input,
            done: false,
        }
    }

    /// Parses until a script element is complete (returned, for the caller to run)
    /// or the input ends (`None`; the parser has then stopped for good).
    pub fn resume(&mut self) -> Option<NodeId> {
        if self.done {
            return None;
        }
        loop {
            match self.tokenizer.feed(&self.input) {
                TokenizerResult::Script(script) => return Some(script),
                // `<meta charset>`: the input is already decoded text (UTF-8 files
                // only), so the indicated encoding changes nothing; keep parsing.
                TokenizerResult::EncodingIndicator(_) => continue,
                TokenizerResult::Done => break,
            }
        }
        self.finish();
        None
    }

    fn finish(&mut self) {
        if !self.done {
            self.tokenizer.end();
            self.done = true;
            self.tokenizer.sink.sink.doc.borrow_mut().parser_active = false;
        }
    }

    pub fn is_done(&self) -> bool {
        self.done
    }
}

impl Drop for PageParser {
    fn drop(&mut self) {
        self.finish();
    }
}
