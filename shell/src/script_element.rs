//! Script elements met by the parser (HTML § 4.12.1.1 "prepare the script
//! element"): what kind of script an element is, its source and where it sits in
//! the page file (for error locations).

use roundabout_engine::dom::{Document, NodeId};

/// How the type/language attributes classify a script element (steps 7–8).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScriptKind {
    Classic,
    Module,
    /// A data block (unknown type): never run.
    Data,
}

const JS_MIME_TYPES: &[&str] = &[
    "application/ecmascript",
    "application/javascript",
    "application/x-ecmascript",
    "application/x-javascript",
    "text/ecmascript",
    "text/javascript",
    "text/javascript1.0",
    "text/javascript1.1",
    "text/javascript1.2",
    "text/javascript1.3",
    "text/javascript1.4",
    "text/javascript1.5",
    "text/jscript",
    "text/livescript",
    "text/x-ecmascript",
    "text/x-javascript",
];

pub fn classify(type_attr: Option<&str>, language: Option<&str>) -> ScriptKind {
    let t = match (type_attr, language) {
        (Some(t), _) if !t.is_empty() => t.trim().to_ascii_lowercase(),
        (None, Some(l)) if !l.is_empty() => format!("text/{}", l.to_ascii_lowercase()),
        _ => return ScriptKind::Classic,
    };
    if JS_MIME_TYPES.contains(&t.as_str()) {
        ScriptKind::Classic
    } else if t == "module" {
        ScriptKind::Module
    } else {
        ScriptKind::Data
    }
}

/// What the parser found in one script element.
#[derive(Clone, Debug)]
pub struct ScriptElement {
    pub node: NodeId,
    pub kind: ScriptKind,
    pub text: String,
    pub src: Option<String>,
    pub nomodule: bool,
    pub defer: bool,
    pub is_async: bool,
}

impl ScriptElement {
    pub fn read(doc: &Document, node: NodeId) -> Option<Self> {
        let e = doc.data(node).element()?;
        Some(ScriptElement {
            node,
            kind: classify(e.attr("type"), e.attr("language")),
            // "child text content": the script's Text children.
            text: doc
                .children(node)
                .filter_map(|c| doc.text_content(c))
                .collect(),
            src: e.attr("src").map(str::to_string),
            nomodule: e.attr("nomodule").is_some(),
            defer: e.attr("defer").is_some(),
            is_async: e.attr("async").is_some(),
        })
    }
}

/// Finds each script's text in the (newline-normalized) page, in order, to report
/// errors at the right file line and column.
pub struct SourcePositions<'a> {
    html: &'a str,
    cursor: usize,
}

impl<'a> SourcePositions<'a> {
    pub fn new(html: &'a str) -> Self {
        SourcePositions { html, cursor: 0 }
    }

    /// 1-based (line, column) of `text`'s next occurrence after the previous script.
    pub fn locate(&mut self, text: &str) -> (u32, u32) {
        if text.is_empty() {
            return (1, 1);
        }
        match self.html[self.cursor..].find(text) {
            Some(at) => {
                let offset = self.cursor + at;
                self.cursor = offset + text.len();
                let before = &self.html[..offset];
                let line = before.matches('\n').count() + 1;
                let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                (line as u32, col as u32)
            }
            None => (1, 1),
        }
    }
}

/// Normalizes newlines as the HTML input stream does (CR LF and CR become LF).
pub fn normalize_newlines(src: &str) -> String {
    src.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn type_classification() {
        assert_eq!(classify(None, None), ScriptKind::Classic);
        assert_eq!(classify(Some(""), None), ScriptKind::Classic);
        assert_eq!(
            classify(Some(" Text/JavaScript "), None),
            ScriptKind::Classic
        );
        assert_eq!(classify(Some("module"), None), ScriptKind::Module);
        assert_eq!(classify(Some("text/template"), None), ScriptKind::Data);
        assert_eq!(classify(None, Some("JavaScript")), ScriptKind::Classic);
        assert_eq!(classify(None, Some("vbscript")), ScriptKind::Data);
    }

    #[test]
    fn positions_follow_document_order() {
        let html = "<script>a()</script>\n<p>\n  <script>a()</script>";
        let mut p = SourcePositions::new(html);
        assert_eq!(p.locate("a()"), (1, 9));
        assert_eq!(p.locate("a()"), (3, 11));
    }
}
