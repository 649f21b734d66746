//! Style sheets and `style=""` attributes through cssparser (CSS Syntax 3 § 5 with its
//! error recovery: a bad rule or declaration is skipped, the rest applies). Style rule
//! preludes go to our selectors glue; `@media` blocks keep their query, evaluated
//! against the viewport at cascade time; other at-rules are ignored.

use cssparser::{
    AtRuleParser, CowRcStr, DeclarationParser, Delimiter, ParseError, Parser, ParserState,
    QualifiedRuleParser, RuleBodyItemParser, RuleBodyParser, StyleSheetParser,
};
use roundabout_engine::dom::selectors::{parse_selectors, Selectors};

use super::properties::{parse_declaration, Declaration};

/// One style rule: its selector list and its declarations in source order.
pub struct StyleRule {
    pub selectors: Selectors,
    pub declarations: Vec<Declaration>,
    /// The `@media` query this rule sits in (all must hold), if any.
    pub media: Option<MediaQuery>,
    /// Inside an `@layer` block: below unlayered rules in the cascade.
    pub layered: bool,
}

/// A parsed style sheet.
#[derive(Default)]
pub struct StyleSheet {
    pub rules: Vec<StyleRule>,
}

/// Media queries (Media Queries 4): a conjunction of media query lists (a sheet's
/// `media` attribute and the `@media` blocks around a rule must all match); each
/// list matches when any of its queries does.
#[derive(Clone, Debug, PartialEq)]
pub struct MediaQuery(pub Vec<Vec<Query>>);

/// One media query: `[not|only] type and (feature) and ...`.
#[derive(Clone, Debug, PartialEq)]
pub struct Query {
    pub negated: bool,
    pub conditions: Vec<MediaCondition>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cmp {
    Lt,
    Le,
    Eq,
    Ge,
    Gt,
}

impl Cmp {
    fn holds(self, a: f32, b: f32) -> bool {
        match self {
            Cmp::Lt => a < b,
            Cmp::Le => a <= b,
            Cmp::Eq => (a - b).abs() < 0.001,
            Cmp::Ge => a >= b,
            Cmp::Gt => a > b,
        }
    }

    fn flipped(self) -> Cmp {
        match self {
            Cmp::Lt => Cmp::Gt,
            Cmp::Le => Cmp::Ge,
            Cmp::Ge => Cmp::Le,
            Cmp::Gt => Cmp::Lt,
            Cmp::Eq => Cmp::Eq,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum MediaCondition {
    /// `all` / `screen`: true; `print` and unknown types: false.
    Type(bool),
    /// The viewport width compared with a length (px).
    Width(Cmp, f32),
    Height(Cmp, f32),
    /// `orientation: landscape` (true) or `portrait`.
    Landscape(bool),
    /// A feature with a fixed answer here (prefers-color-scheme: light, ...).
    Fixed(bool),
    /// A feature or syntax we do not evaluate: false (as an unknown feature is).
    Unknown,
}

impl MediaQuery {
    pub fn matches(&self, viewport: (f32, f32)) -> bool {
        self.0.iter().all(|list| {
            list.iter().any(|q| {
                let all = q.conditions.iter().all(|c| match c {
                    MediaCondition::Type(t) | MediaCondition::Fixed(t) => *t,
                    MediaCondition::Width(cmp, v) => cmp.holds(viewport.0, *v),
                    MediaCondition::Height(cmp, v) => cmp.holds(viewport.1, *v),
                    MediaCondition::Landscape(l) => (viewport.0 > viewport.1) == *l,
                    MediaCondition::Unknown => false,
                });
                all != q.negated
            })
        })
    }

    /// Both queries must match.
    pub fn and(&self, other: &MediaQuery) -> MediaQuery {
        MediaQuery(self.0.iter().chain(other.0.iter()).cloned().collect())
    }
}

/// A media feature value in px: px, em/rem (16px: the initial font size, Media
/// Queries 4 § 1.3), or a bare 0.
fn media_length(v: &str) -> Option<f32> {
    let v = v.trim();
    let num = |s: &str| s.trim().parse::<f32>().ok();
    if let Some(n) = v.strip_suffix("px") {
        return num(n);
    }
    if let Some(n) = v.strip_suffix("rem").or_else(|| v.strip_suffix("em")) {
        return num(n).map(|n| n * 16.0);
    }
    num(v).filter(|n| *n == 0.0)
}

fn parse_cmp(op: &str) -> Option<Cmp> {
    Some(match op {
        "<" => Cmp::Lt,
        "<=" => Cmp::Le,
        "=" => Cmp::Eq,
        ">=" => Cmp::Ge,
        ">" => Cmp::Gt,
        _ => return None,
    })
}

/// One `( ... )` feature: `name: value`, `name` alone, or a range
/// (`width >= 600px`, `400px < width <= 900px`).
fn parse_feature(feature: &str) -> Vec<MediaCondition> {
    let feature = feature.trim();
    let dimension = |name: &str, cmp: Cmp, v: f32| match name {
        "width" => Some(MediaCondition::Width(cmp, v)),
        "height" => Some(MediaCondition::Height(cmp, v)),
        _ => None,
    };
    // Range syntax: split on comparison operators.
    if feature.contains(['<', '>', '=']) && !feature.contains(':') {
        let mut tokens = Vec::new();
        let mut rest = feature;
        while !rest.is_empty() {
            let at = rest.find(['<', '>', '=']).unwrap_or(rest.len());
            let (word, tail) = rest.split_at(at);
            if !word.trim().is_empty() {
                tokens.push(word.trim().to_string());
            }
            let op_len = tail
                .chars()
                .take_while(|c| matches!(c, '<' | '>' | '='))
                .count();
            if op_len > 0 {
                tokens.push(tail[..op_len].to_string());
            }
            rest = &tail[op_len..];
        }
        let mut out = Vec::new();
        let mut i = 0;
        while i + 2 < tokens.len() {
            let (a, op, b) = (&tokens[i], &tokens[i + 1], &tokens[i + 2]);
            let Some(cmp) = parse_cmp(op) else {
                return vec![MediaCondition::Unknown];
            };
            let c = match (media_length(a), media_length(b)) {
                (None, Some(v)) => dimension(a, cmp, v),
                (Some(v), None) => dimension(b, cmp.flipped(), v),
                _ => None,
            };
            out.push(c.unwrap_or(MediaCondition::Unknown));
            i += 2;
        }
        return if out.is_empty() {
            vec![MediaCondition::Unknown]
        } else {
            out
        };
    }
    let (name, value) = feature
        .split_once(':')
        .map_or((feature, None), |(n, v)| (n.trim(), Some(v.trim())));
    let c = match (name, value) {
        ("min-width", Some(v)) => media_length(v).map(|v| MediaCondition::Width(Cmp::Ge, v)),
        ("max-width", Some(v)) => media_length(v).map(|v| MediaCondition::Width(Cmp::Le, v)),
        ("width", Some(v)) => media_length(v).map(|v| MediaCondition::Width(Cmp::Eq, v)),
        ("min-height", Some(v)) => media_length(v).map(|v| MediaCondition::Height(Cmp::Ge, v)),
        ("max-height", Some(v)) => media_length(v).map(|v| MediaCondition::Height(Cmp::Le, v)),
        ("height", Some(v)) => media_length(v).map(|v| MediaCondition::Height(Cmp::Eq, v)),
        ("orientation", Some("landscape")) => Some(MediaCondition::Landscape(true)),
        ("orientation", Some("portrait")) => Some(MediaCondition::Landscape(false)),
        // The page's environment: a light colour scheme, no reduced motion, colour.
        ("prefers-color-scheme", Some(v)) => Some(MediaCondition::Fixed(v == "light")),
        ("prefers-reduced-motion", Some(v)) => Some(MediaCondition::Fixed(v == "no-preference")),
        ("color", None) | ("width", None) | ("height", None) => Some(MediaCondition::Fixed(true)),
        _ => None,
    };
    vec![c.unwrap_or(MediaCondition::Unknown)]
}

/// Parses a media query list (`screen and (min-width: 40em), print`); an empty list
/// matches everything.
pub fn parse_media_query(text: &str) -> MediaQuery {
    let mut queries = Vec::new();
    for alt in text.split(',') {
        let alt = alt.trim().to_ascii_lowercase();
        if alt.is_empty() {
            continue;
        }
        let mut rest = alt.as_str();
        let mut negated = false;
        if let Some(r) = rest.strip_prefix("not ") {
            negated = true;
            rest = r;
        }
        if let Some(r) = rest.strip_prefix("only ") {
            rest = r;
        }
        let mut conditions = Vec::new();
        for part in rest.split(" and ") {
            let part = part.trim();
            if let Some(feature) = part.strip_prefix('(').and_then(|p| p.strip_suffix(')')) {
                conditions.extend(parse_feature(feature));
            } else {
                conditions.push(MediaCondition::Type(matches!(part, "all" | "screen")));
            }
        }
        queries.push(Query {
            negated,
            conditions,
        });
    }
    if queries.is_empty() {
        queries.push(Query {
            negated: false,
            conditions: Vec::new(),
        });
    }
    MediaQuery(vec![queries])
}

/// What a top-level (or grouping-rule) item parses to: style rules in order.
type Rules = Vec<StyleRule>;

/// The context rules are parsed in: the enclosing `@media` queries, whether inside
/// an `@layer` block, and for nested rules the parent's selector text.
#[derive(Clone, Default)]
struct Context {
    media: Option<MediaQuery>,
    layered: bool,
    parent: Option<String>,
}

impl Context {
    /// The context inside a conditional or layer block; None when its contents do
    /// not apply. Nested @media blocks: every enclosing query must match too.
    fn enter(&self, prelude: AtPrelude) -> Option<Context> {
        let mut cx = self.clone();
        match prelude {
            AtPrelude::Media(query) => {
                cx.media = Some(match &self.media {
                    Some(outer) => outer.and(&query),
                    None => query,
                })
            }
            AtPrelude::Group { layered } => cx.layered |= layered,
            AtPrelude::Skip => return None,
        }
        Some(cx)
    }
}

struct SheetParser {
    cx: Context,
}

enum AtPrelude {
    Media(MediaQuery),
    /// `@supports` whose condition holds, or `@layer` with a block.
    Group {
        layered: bool,
    },
    /// An at-rule whose contents do not apply.
    Skip,
}

/// CSS Conditional 3 § 6: `@supports` conditions. A declaration is supported when
/// our parser accepts it; `selector(...)` when our selector parser does.
fn supports(text: &str) -> bool {
    let t = text.trim();
    if let Some(rest) = t.strip_prefix("not ").or_else(|| t.strip_prefix("not(")) {
        let rest = if t.starts_with("not(") {
            format!("({rest}")
        } else {
            rest.to_string()
        };
        return !supports(&rest);
    }
    // Split at top-level " and " / " or ".
    let mut depth = 0i32;
    let bytes = t.as_bytes();
    for i in 0..bytes.len() {
        match bytes[i] {
            b'(' => depth += 1,
            b')' => depth -= 1,
            _ if depth == 0 => {
                for (op, is_and) in [(" and ", true), (" or ", false)] {
                    if t[i..].starts_with(op) {
                        let (l, r) = (&t[..i], &t[i + op.len()..]);
                        return if is_and {
                            supports(l) && supports(r)
                        } else {
                            supports(l) || supports(r)
                        };
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(inner) = t
        .strip_prefix("selector(")
        .and_then(|x| x.strip_suffix(')'))
    {
        return parse_selectors(inner).is_ok();
    }
    if let Some(inner) = t.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
        if let Some((name, value)) = inner.split_once(':') {
            let mut input = Parser::new(value.trim());
            return crate::style::properties::parse_declaration(name.trim(), &mut input, false)
                .is_some();
        }
        return supports(inner);
    }
    false
}

/// The selector text of a nested rule (CSS Nesting 1 § 2): `&` is the parent
/// (as `:is(parent)`); without `&` the rule is relative to the parent, as a
/// descendant.
fn nested_selector(parent: &str, own: &str) -> String {
    let is_parent = format!(":is({parent})");
    own.split(',')
        .map(|part| {
            let part = part.trim();
            if part.contains('&') {
                part.replace('&', &is_parent)
            } else {
                // Relative selectors (`> a`, `+ b`) and plain ones are both relative
                // to the parent.
                format!("{is_parent} {part}")
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

impl<'i> QualifiedRuleParser<'i> for SheetParser {
    type Prelude = (Selectors, String);
    type QualifiedRule = Rules;
    type Error = ();

    fn parse_prelude(
        &mut self,
        input: &mut Parser<'i>,
    ) -> Result<(Selectors, String), ParseError<()>> {
        let start = input.position();
        while input.next().is_ok() {}
        let text = input.slice_from(start).trim().to_string();
        let text = match &self.cx.parent {
            Some(parent) => nested_selector(parent, &text),
            None => text,
        };
        let selectors = parse_selectors(&text).map_err(|_| ParseError::custom(()))?;
        Ok((selectors, text))
    }

    fn parse_block(
        &mut self,
        (selectors, text): (Selectors, String),
        _start: &ParserState,
        input: &mut Parser<'i>,
    ) -> Result<Rules, ParseError<()>> {
        let cx = Context {
            parent: Some(text),
            ..self.cx.clone()
        };
        let (declarations, nested) = parse_block_contents(input, &cx);
        let mut rules = vec![StyleRule {
            selectors,
            declarations,
            media: self.cx.media.clone(),
            layered: self.cx.layered,
        }];
        rules.extend(nested);
        Ok(rules)
    }
}

impl<'i> AtRuleParser<'i> for SheetParser {
    type Prelude = AtPrelude;
    type AtRule = Rules;
    type Error = ();

    fn parse_prelude(
        &mut self,
        name: CowRcStr<'i>,
        input: &mut Parser<'i>,
    ) -> Result<AtPrelude, ParseError<()>> {
        let start = input.position();
        while input.next().is_ok() {}
        let prelude = input.slice_from(start);
        Ok(if name.eq_ignore_ascii_case("media") {
            AtPrelude::Media(parse_media_query(prelude))
        } else if name.eq_ignore_ascii_case("supports") {
            if supports(prelude) {
                AtPrelude::Group { layered: false }
            } else {
                AtPrelude::Skip
            }
        } else if name.eq_ignore_ascii_case("layer") {
            AtPrelude::Group { layered: true }
        } else {
            AtPrelude::Skip
        })
    }

    fn rule_without_block(
        &mut self,
        _prelude: AtPrelude,
        _start: &ParserState,
    ) -> Result<Rules, ()> {
        Ok(Vec::new())
    }

    fn parse_block(
        &mut self,
        prelude: AtPrelude,
        _start: &ParserState,
        input: &mut Parser<'i>,
    ) -> Result<Rules, ParseError<()>> {
        match self.cx.enter(prelude) {
            Some(cx) => Ok(parse_rule_list(input, cx)),
            None => {
                while input.next().is_ok() {}
                Ok(Vec::new())
            }
        }
    }
}

fn parse_rule_list(input: &mut Parser, cx: Context) -> Rules {
    let mut parser = SheetParser { cx };
    StyleSheetParser::new(input, &mut parser)
        .flatten()
        .flatten()
        .collect()
}

/// Parses a style sheet's text.
pub fn parse_stylesheet(text: &str) -> StyleSheet {
    let mut input = Parser::new(text);
    StyleSheet {
        rules: parse_rule_list(&mut input, Context::default()),
    }
}

/// One item of a style rule's block: declarations, or nested rules.
enum BlockItem {
    Declarations(Vec<Declaration>),
    Rules(Rules),
}

struct DeclParser {
    cx: Context,
}

impl<'i> DeclarationParser<'i> for DeclParser {
    type Declaration = BlockItem;
    type Error = ();

    fn parse_value(
        &mut self,
        name: CowRcStr<'i>,
        input: &mut Parser<'i>,
        _start: &ParserState,
    ) -> Result<BlockItem, ParseError<()>> {
        let parsed = input.parse_until_before(Delimiter::Bang, |value| {
            parse_declaration(&name, value, false).ok_or(ParseError::custom(()))
        });
        let mut declarations = parsed?;
        let important = input.try_parse(cssparser::parse_important).is_ok();
        if !input.is_exhausted() {
            return Err(ParseError::custom(()));
        }
        for d in &mut declarations {
            d.important = important;
        }
        Ok(BlockItem::Declarations(declarations))
    }
}

/// Nested style rules (CSS Nesting 1) apply with the parent's selector.
impl<'i> QualifiedRuleParser<'i> for DeclParser {
    type Prelude = Option<(Selectors, String)>;
    type QualifiedRule = BlockItem;
    type Error = ();

    fn parse_prelude(&mut self, input: &mut Parser<'i>) -> Result<Self::Prelude, ParseError<()>> {
        let mut sheet = SheetParser {
            cx: self.cx.clone(),
        };
        // A nested rule without a parent (a style attribute) is skipped whole.
        if self.cx.parent.is_none() {
            while input.next().is_ok() {}
            return Ok(None);
        }
        QualifiedRuleParser::parse_prelude(&mut sheet, input).map(Some)
    }

    fn parse_block(
        &mut self,
        prelude: Self::Prelude,
        start: &ParserState,
        input: &mut Parser<'i>,
    ) -> Result<BlockItem, ParseError<()>> {
        let Some(prelude) = prelude else {
            while input.next().is_ok() {}
            return Ok(BlockItem::Rules(Vec::new()));
        };
        let mut sheet = SheetParser {
            cx: self.cx.clone(),
        };
        QualifiedRuleParser::parse_block(&mut sheet, prelude, start, input).map(BlockItem::Rules)
    }
}

/// Nested conditional rules (`@media`, `@supports`, `@layer` inside a style rule)
/// hold declarations for the parent's selector, and rules.
impl<'i> AtRuleParser<'i> for DeclParser {
    type Prelude = AtPrelude;
    type AtRule = BlockItem;
    type Error = ();

    fn parse_prelude(
        &mut self,
        name: CowRcStr<'i>,
        input: &mut Parser<'i>,
    ) -> Result<AtPrelude, ParseError<()>> {
        let mut sheet = SheetParser {
            cx: self.cx.clone(),
        };
        AtRuleParser::parse_prelude(&mut sheet, name, input)
    }

    fn rule_without_block(
        &mut self,
        _prelude: AtPrelude,
        _start: &ParserState,
    ) -> Result<BlockItem, ()> {
        Ok(BlockItem::Rules(Vec::new()))
    }

    fn parse_block(
        &mut self,
        prelude: AtPrelude,
        _start: &ParserState,
        input: &mut Parser<'i>,
    ) -> Result<BlockItem, ParseError<()>> {
        let Some(cx) = self.cx.enter(prelude) else {
            while input.next().is_ok() {}
            return Ok(BlockItem::Rules(Vec::new()));
        };
        let Some(parent) = cx.parent.clone() else {
            while input.next().is_ok() {}
            return Ok(BlockItem::Rules(Vec::new()));
        };
        let (declarations, nested) = parse_block_contents(input, &cx);
        let mut rules = Vec::new();
        if let (false, Ok(selectors)) = (declarations.is_empty(), parse_selectors(&parent)) {
            rules.push(StyleRule {
                selectors,
                declarations,
                media: cx.media.clone(),
                layered: cx.layered,
            });
        }
        rules.extend(nested);
        Ok(BlockItem::Rules(rules))
    }
}

impl<'i> RuleBodyItemParser<'i, BlockItem, ()> for DeclParser {
    fn parse_declarations(&self) -> bool {
        true
    }
    fn parse_qualified(&self) -> bool {
        true
    }
}

/// A block's declarations (in order) and the rules nested in it (CSS Syntax 3
/// § 5.4.4 "consume a block's contents").
fn parse_block_contents(input: &mut Parser, cx: &Context) -> (Vec<Declaration>, Rules) {
    let mut parser = DeclParser { cx: cx.clone() };
    let (mut declarations, mut rules) = (Vec::new(), Vec::new());
    for item in RuleBodyParser::new(input, &mut parser).flatten() {
        match item {
            BlockItem::Declarations(d) => declarations.extend(d),
            BlockItem::Rules(r) => rules.extend(r),
        }
    }
    (declarations, rules)
}

/// Parses a `style` attribute's value (CSS Style Attributes § 3).
pub fn parse_style_attribute(text: &str) -> Vec<Declaration> {
    let mut input = Parser::new(text);
    parse_block_contents(&mut input, &Context::default()).0
}

#[cfg(test)]
mod tests {
    use super::super::properties::{Prop, Value};
    use super::*;

    #[test]
    fn rules_survive_errors_around_them() {
        let sheet = parse_stylesheet(
            "p { color: red; width: nonsense; height: 5px !important }\n\
             ::: bad selector { color: blue }\n\
             @import url(x.css);\n\
             div, span { margin: 0 }",
        );
        assert_eq!(sheet.rules.len(), 2);
        let p = &sheet.rules[0];
        assert_eq!(p.declarations.len(), 2);
        assert_eq!(p.declarations[0].prop, Prop::Color);
        assert!(!p.declarations[0].important);
        assert_eq!(p.declarations[1].prop, Prop::Height);
        assert!(p.declarations[1].important);
        assert_eq!(sheet.rules[1].selectors.slice().len(), 2);
    }

    #[test]
    fn nested_rules_do_not_eat_the_declarations_after_them() {
        let sheet = parse_stylesheet(
            "#a { &:hover { color: blue } color: red; @media print { width: 1px } height: 2px }",
        );
        let props: Vec<Prop> = sheet.rules[0].declarations.iter().map(|d| d.prop).collect();
        assert_eq!(props, vec![Prop::Color, Prop::Height]);
        // The nested rules follow the parent: `#a:hover` and `#a` in print.
        assert_eq!(sheet.rules.len(), 3);
        assert!(sheet.rules[2]
            .media
            .as_ref()
            .is_some_and(|m| !m.matches((800.0, 600.0))));
    }

    #[test]
    fn supports_and_layer_blocks() {
        let sheet = parse_stylesheet(
            "@supports (display: grid) { a { color: red } } @supports (display: nonsense) { b { color: red } }\
             @supports not (foo: bar) { c { color: red } } @layer base { d { color: red } } @layer x, y;",
        );
        assert_eq!(sheet.rules.len(), 3);
        assert!(!sheet.rules[0].layered && sheet.rules[2].layered);
    }

    #[test]
    fn style_attribute_keeps_valid_declarations() {
        let d =
            parse_style_attribute("color: red; bogus; display: flex !IMPORTANT; width: 1px 2px");
        assert_eq!(d.len(), 2);
        assert_eq!(d[1].value, Value::Keyword("flex"));
        assert!(d[1].important);
    }

    #[test]
    fn media_blocks_keep_their_query() {
        let sheet = parse_stylesheet(
            "@media (max-width: 500px) { p { color: red } } @media print { p { color: blue } }",
        );
        assert_eq!(sheet.rules.len(), 2);
        let q = sheet.rules[0].media.as_ref().unwrap();
        assert!(q.matches((400.0, 300.0)));
        assert!(!q.matches((800.0, 600.0)));
        assert!(!sheet.rules[1]
            .media
            .as_ref()
            .unwrap()
            .matches((800.0, 600.0)));
    }

    #[test]
    fn media_query_syntaxes() {
        let m = |q: &str, vp: (f32, f32)| parse_media_query(q).matches(vp);
        assert!(m("(min-width: 40em)", (800.0, 600.0)));
        assert!(!m("(min-width: 60em)", (800.0, 600.0)));
        assert!(m("(width >= 600px)", (800.0, 600.0)));
        assert!(m("(400px < width <= 800px)", (800.0, 600.0)));
        assert!(!m("(400px < width < 800px)", (800.0, 600.0)));
        assert!(m("(orientation: landscape)", (800.0, 600.0)));
        assert!(!m("not screen and (max-width: 900px)", (800.0, 600.0)));
        assert!(m("not screen and (max-width: 700px)", (800.0, 600.0)));
        assert!(m("only screen and (min-width: 100px)", (800.0, 600.0)));
        assert!(m("print, (prefers-color-scheme: light)", (800.0, 600.0)));
        assert!(
            !m("(hover: hover) and (pointer: fine)", (800.0, 600.0)),
            "unknown features are false"
        );
        assert!(m("", (1.0, 1.0)));
    }
}
