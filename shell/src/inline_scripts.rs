//! Finds a page's scripts in document order, with their positions, until the DOM
//! (and with it the real "prepare the script element") exists. Uses html5ever's
//! tokenizer and switches it to the raw-text states the tree builder would, so
//! `<script>` inside `<textarea>`, `<style>`, comments or `<template>` is not a script.

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

/// How a `<script>` element's type attribute classifies it (HTML § 4.12.1.1,
/// "prepare the script element" steps 7–8).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScriptKind {
    Classic,
    Module,
    /// A data block (unknown type): never run.
    Data,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageScript {
    pub kind: ScriptKind,
    pub text: String,
    /// The `src` attribute, if any (then `text` is ignored).
    pub src: Option<String>,
    pub nomodule: bool,
    /// 1-based position of the script text in the (newline-normalized) page.
    pub line: u32,
    pub column: u32,
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

fn classify(type_attr: Option<&str>, language: Option<&str>) -> ScriptKind {
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

#[derive(Default)]
struct Collector {
    current: Option<(ScriptKind, Option<String>, bool, String)>,
    template_depth: u32,
    scripts: Vec<(ScriptKind, Option<String>, bool, String)>,
}

struct Sink(RefCell<Collector>);

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut c = self.0.borrow_mut();
        match token {
            Token::TagToken(tag) => {
                let name: &str = &tag.name;
                match (tag.kind, name) {
                    (TagKind::StartTag, "script") => {
                        let attr = |n: &str| {
                            tag.attrs
                                .iter()
                                .find(|a| &*a.name.local == n)
                                .map(|a| a.value.to_string())
                        };
                        let kind = classify(attr("type").as_deref(), attr("language").as_deref());
                        let nomodule = attr("nomodule").is_some();
                        c.current = Some((kind, attr("src"), nomodule, String::new()));
                        return TokenSinkResult::RawData(RawKind::ScriptData);
                    }
                    (TagKind::EndTag, "script") => {
                        if let Some(s) = c.current.take() {
                            if c.template_depth == 0 {
                                c.scripts.push(s);
                            }
                        }
                    }
                    (TagKind::StartTag, "template") => c.template_depth += 1,
                    (TagKind::EndTag, "template") => {
                        c.template_depth = c.template_depth.saturating_sub(1)
                    }
                    (TagKind::StartTag, "textarea" | "title") => {
                        return TokenSinkResult::RawData(RawKind::Rcdata)
                    }
                    (
                        TagKind::StartTag,
                        "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript",
                    ) => return TokenSinkResult::RawData(RawKind::Rawtext),
                    (TagKind::StartTag, "plaintext") => return TokenSinkResult::Plaintext,
                    _ => {}
                }
            }
            Token::CharacterTokens(text) => {
                if let Some((_, _, _, buf)) = c.current.as_mut() {
                    buf.push_str(&text);
                }
            }
            Token::NullCharacterToken => {
                if let Some((_, _, _, buf)) = c.current.as_mut() {
                    buf.push('\u{FFFD}');
                }
            }
            Token::EOFToken => {
                // A script still open at EOF is closed by the parser and runs.
                if let Some(s) = c.current.take() {
                    if c.template_depth == 0 {
                        c.scripts.push(s);
                    }
                }
            }
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

/// Normalizes newlines as the HTML input stream does (CR LF and CR become LF).
pub fn normalize_newlines(src: &str) -> String {
    src.replace("\r\n", "\n").replace('\r', "\n")
}

/// The page's scripts in document order. `html` must already be newline-normalized.
pub fn find_scripts(html: &str) -> Vec<PageScript> {
    let tokenizer = Tokenizer::new(Sink(RefCell::default()), TokenizerOpts::default());
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(html));
    let _ = tokenizer.feed(&queue);
    tokenizer.end();
    let found = std::mem::take(&mut tokenizer.sink.0.borrow_mut().scripts);
    let mut cursor = 0;
    found
        .into_iter()
        .map(|(kind, src, nomodule, text)| {
            let (line, column) = match html[cursor..].find(&text) {
                Some(at) if !text.is_empty() => {
                    let offset = cursor + at;
                    cursor = offset + text.len();
                    position(html, offset)
                }
                _ => (1, 1),
            };
            PageScript {
                kind,
                text,
                src,
                nomodule,
                line,
                column,
            }
        })
        .collect()
}

fn position(html: &str, offset: usize) -> (u32, u32) {
    let before = &html[..offset];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line as u32, col as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scripts_in_order_with_positions() {
        let html = "<!doctype html>\n<p>hi</p>\n<script>one()</script>\n<div><script type=module>m()</script>\n  <script>\ntwo()\n</script>";
        let s = find_scripts(html);
        assert_eq!(s.len(), 3);
        assert_eq!(
            (s[0].text.as_str(), s[0].line, s[0].column),
            ("one()", 3, 9)
        );
        assert_eq!(s[1].kind, ScriptKind::Module);
        assert_eq!(
            (s[2].text.as_str(), s[2].line, s[2].column),
            ("\ntwo()\n", 5, 11)
        );
    }

    #[test]
    fn not_scripts_inside_raw_text_comments_or_templates() {
        let html = "<textarea><script>a()</script></textarea><!-- <script>b()</script> -->\
                    <template><script>c()</script></template><style><script>d()</script></style>\
                    <script type=text/plain>e()</script><script>f()</script>";
        let s = find_scripts(html);
        let texts: Vec<_> = s
            .iter()
            .map(|s| (s.text.as_str(), s.kind.clone()))
            .collect();
        assert_eq!(
            texts,
            vec![("e()", ScriptKind::Data), ("f()", ScriptKind::Classic)]
        );
    }

    #[test]
    fn script_text_is_raw() {
        let s = find_scripts("<script>if (a < b && c > d) x('</p>&amp;')</script>");
        assert_eq!(s[0].text, "if (a < b && c > d) x('</p>&amp;')");
    }

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
}
