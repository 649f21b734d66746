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
/// errors at the right file line and column: the text must follow a `<script ...>`
/// start tag, so identical text elsewhere (a title, a comment) is never taken.
pub struct SourcePositions<'a> {
    html: &'a str,
    lower: String,
    cursor: usize,
}

impl<'a> SourcePositions<'a> {
    pub fn new(html: &'a str) -> Self {
        SourcePositions {
            html,
            lower: html.to_ascii_lowercase(),
            cursor: 0,
        }
    }

    /// 1-based (line, column) of the next script whose text is `text`.
    pub fn locate(&mut self, text: &str) -> (u32, u32) {
        let mut from = self.cursor;
        while let Some(at) = self.lower[from..].find("<script") {
            let tag = from + at;
            // A comment that opens before this tag hides it: skip past the comment.
            if let Some(c) = self.lower[from..tag].find("<!--") {
                let body = from + c + 4;
                match self.lower[body..].find("-->") {
                    Some(end) => {
                        from = body + end + 3;
                        continue;
                    }
                    None => break,
                }
            }
            let after_name = tag + "<script".len();
            let boundary = self.html[after_name..].chars().next();
            from = after_name;
            if !matches!(boundary, Some('>' | '/' | ' ' | '\t' | '\n' | '\u{c}')) {
                continue;
            }
            let Some(start) = self.end_of_tag(after_name) else {
                break;
            };
            if self.html[start..].starts_with(text) {
                self.cursor = start + text.len();
                return self.position(start);
            }
        }
        (1, 1)
    }

    /// The offset just past the `>` that ends a start tag, skipping quoted values.
    fn end_of_tag(&self, mut i: usize) -> Option<usize> {
        let bytes = self.html.as_bytes();
        let mut quote = None;
        while i < bytes.len() {
            match (quote, bytes[i]) {
                (None, b'>') => return Some(i + 1),
                (None, q @ (b'"' | b'\'')) if i > 0 && bytes[i - 1] == b'=' => quote = Some(q),
                (Some(q), c) if c == q => quote = None,
                _ => {}
            }
            i += 1;
        }
        None
    }

    fn position(&self, offset: usize) -> (u32, u32) {
        let before = &self.html[..offset];
        let line = before.matches('\n').count() + 1;
        let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        (line as u32, col as u32)
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

    #[test]
    fn identical_text_outside_a_script_is_skipped() {
        let html = "<title>x()</title>\n<!-- <script>x()</script> -->\n<scripts>x()\n<SCRIPT type=\"a>b\">x()</script>";
        let mut p = SourcePositions::new(html);
        // Not the title, not the commented-out script, not <scripts>.
        assert_eq!(
            p.locate("x()"),
            (4, 20),
            "quoted '>' in an attribute, upper-case tag"
        );
    }
}
