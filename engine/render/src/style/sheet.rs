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
}

/// A parsed style sheet.
#[derive(Default)]
pub struct StyleSheet {
    pub rules: Vec<StyleRule>,
}

/// A media query list we can evaluate: any of the alternatives holds.
#[derive(Clone, Debug, PartialEq)]
pub struct MediaQuery(pub Vec<Vec<MediaCondition>>);

#[derive(Clone, Debug, PartialEq)]
pub enum MediaCondition {
    /// `all` / `screen`: true; `print` and unknown types: false.
    Type(bool),
    MinWidth(f32),
    MaxWidth(f32),
    MinHeight(f32),
    MaxHeight(f32),
    /// A feature we do not evaluate: false (the block is not applied).
    Unknown,
}

impl MediaQuery {
    pub fn matches(&self, viewport: (f32, f32)) -> bool {
        self.0.iter().any(|all| {
            all.iter().all(|c| match c {
                MediaCondition::Type(t) => *t,
                MediaCondition::MinWidth(w) => viewport.0 >= *w,
                MediaCondition::MaxWidth(w) => viewport.0 <= *w,
                MediaCondition::MinHeight(h) => viewport.1 >= *h,
                MediaCondition::MaxHeight(h) => viewport.1 <= *h,
                MediaCondition::Unknown => false,
            })
        })
    }
}

fn parse_media_query(text: &str) -> MediaQuery {
    let mut alternatives = Vec::new();
    for alt in text.split(',') {
        let mut conditions = Vec::new();
        let alt = alt.trim().to_ascii_lowercase();
        if alt.is_empty() {
            continue;
        }
        let mut rest = alt.as_str();
        let mut negate = false;
        if let Some(r) = rest.strip_prefix("not ") {
            negate = true;
            rest = r;
        }
        if let Some(r) = rest.strip_prefix("only ") {
            rest = r;
        }
        for part in rest.split(" and ") {
            let part = part.trim();
            let condition =
                if let Some(feature) = part.strip_prefix('(').and_then(|p| p.strip_suffix(')')) {
                    let (name, value) = feature.split_once(':').unwrap_or((feature, ""));
                    let px = value
                        .trim()
                        .strip_suffix("px")
                        .and_then(|v| v.trim().parse::<f32>().ok());
                    match (name.trim(), px) {
                        ("min-width", Some(v)) => MediaCondition::MinWidth(v),
                        ("max-width", Some(v)) => MediaCondition::MaxWidth(v),
                        ("min-height", Some(v)) => MediaCondition::MinHeight(v),
                        ("max-height", Some(v)) => MediaCondition::MaxHeight(v),
                        _ => MediaCondition::Unknown,
                    }
                } else {
                    MediaCondition::Type(matches!(part, "all" | "screen"))
                };
            conditions.push(condition);
        }
        if negate {
            // `not` applies to the whole query: fold it into one condition.
            let holds = conditions
                .iter()
                .all(|c| matches!(c, MediaCondition::Type(true)));
            conditions = vec![MediaCondition::Type(!holds)];
        }
        alternatives.push(conditions);
    }
    if alternatives.is_empty() {
        alternatives.push(vec![MediaCondition::Type(true)]);
    }
    MediaQuery(alternatives)
}

enum Item {
    Rule(StyleRule),
    Media(Vec<StyleRule>),
    Ignored,
}

struct SheetParser {
    media: Option<MediaQuery>,
}

enum AtPrelude {
    Media(MediaQuery),
    Other,
}

impl<'i> QualifiedRuleParser<'i> for SheetParser {
    type Prelude = Selectors;
    type QualifiedRule = Item;
    type Error = ();

    fn parse_prelude(&mut self, input: &mut Parser<'i>) -> Result<Selectors, ParseError<()>> {
        let start = input.position();
        while input.next().is_ok() {}
        let text = input.slice_from(start);
        parse_selectors(text).map_err(|_| ParseError::custom(()))
    }

    fn parse_block(
        &mut self,
        selectors: Selectors,
        _start: &ParserState,
        input: &mut Parser<'i>,
    ) -> Result<Item, ParseError<()>> {
        Ok(Item::Rule(StyleRule {
            selectors,
            declarations: parse_declaration_block(input),
            media: self.media.clone(),
        }))
    }
}

impl<'i> AtRuleParser<'i> for SheetParser {
    type Prelude = AtPrelude;
    type AtRule = Item;
    type Error = ();

    fn parse_prelude(
        &mut self,
        name: CowRcStr<'i>,
        input: &mut Parser<'i>,
    ) -> Result<AtPrelude, ParseError<()>> {
        let start = input.position();
        while input.next().is_ok() {}
        if name.eq_ignore_ascii_case("media") {
            Ok(AtPrelude::Media(parse_media_query(input.slice_from(start))))
        } else {
            Ok(AtPrelude::Other)
        }
    }

    fn rule_without_block(
        &mut self,
        _prelude: AtPrelude,
        _start: &ParserState,
    ) -> Result<Item, ()> {
        Ok(Item::Ignored)
    }

    fn parse_block(
        &mut self,
        prelude: AtPrelude,
        _start: &ParserState,
        input: &mut Parser<'i>,
    ) -> Result<Item, ParseError<()>> {
        match prelude {
            AtPrelude::Media(query) => {
                let mut inner = SheetParser { media: Some(query) };
                let mut rules = Vec::new();
                for item in StyleSheetParser::new(input, &mut inner).flatten() {
                    match item {
                        Item::Rule(r) => rules.push(r),
                        Item::Media(rs) => rules.extend(rs),
                        Item::Ignored => {}
                    }
                }
                Ok(Item::Media(rules))
            }
            AtPrelude::Other => {
                while input.next().is_ok() {}
                Ok(Item::Ignored)
            }
        }
    }
}

/// Parses a style sheet's text.
pub fn parse_stylesheet(text: &str) -> StyleSheet {
    let mut input = Parser::new(text);
    let mut parser = SheetParser { media: None };
    let mut rules = Vec::new();
    for item in StyleSheetParser::new(&mut input, &mut parser).flatten() {
        match item {
            Item::Rule(r) => rules.push(r),
            Item::Media(rs) => rules.extend(rs),
            Item::Ignored => {}
        }
    }
    StyleSheet { rules }
}

struct DeclParser;

impl<'i> DeclarationParser<'i> for DeclParser {
    type Declaration = Vec<Declaration>;
    type Error = ();

    fn parse_value(
        &mut self,
        name: CowRcStr<'i>,
        input: &mut Parser<'i>,
        _start: &ParserState,
    ) -> Result<Vec<Declaration>, ParseError<()>> {
        let mut important = false;
        let parsed = input.parse_until_before(Delimiter::Bang, |value| {
            let start = value.state();
            // Parse once to validate, then (rarely) again once `!important` is known.
            match parse_declaration(&name, value, false) {
                Some(d) => Ok((d, start)),
                None => Err(ParseError::custom(())),
            }
        });
        let (mut declarations, _) = parsed?;
        if input.try_parse(cssparser::parse_important).is_ok() {
            important = true;
        }
        if !input.is_exhausted() {
            return Err(ParseError::custom(()));
        }
        for d in &mut declarations {
            d.important = important;
        }
        Ok(declarations)
    }
}

impl<'i> AtRuleParser<'i> for DeclParser {
    type Prelude = ();
    type AtRule = Vec<Declaration>;
    type Error = ();
}

impl<'i> QualifiedRuleParser<'i> for DeclParser {
    type Prelude = ();
    type QualifiedRule = Vec<Declaration>;
    type Error = ();
}

impl<'i> RuleBodyItemParser<'i, Vec<Declaration>, ()> for DeclParser {
    fn parse_declarations(&self) -> bool {
        true
    }
    fn parse_qualified(&self) -> bool {
        false
    }
}

fn parse_declaration_block(input: &mut Parser) -> Vec<Declaration> {
    let mut parser = DeclParser;
    RuleBodyParser::new(input, &mut parser)
        .flatten()
        .flatten()
        .collect()
}

/// Parses a `style` attribute's value (CSS Style Attributes § 3).
pub fn parse_style_attribute(text: &str) -> Vec<Declaration> {
    let mut input = Parser::new(text);
    parse_declaration_block(&mut input)
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
}
