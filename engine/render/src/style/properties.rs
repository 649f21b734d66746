//! The properties the renderer supports, and the parsing of one declaration
//! (`name: value [!important]`) into longhand declarations (CSS Cascade 5 § 2:
//! shorthands expand into their longhands at parse time). An invalid value drops the
//! whole declaration (CSS Syntax 3 § 5.4.5 error recovery), so an earlier valid one
//! still applies.

use cssparser::{ParseError, Parser, Token};

use super::values::{
    parse_color, parse_length, parse_length_percentage, parse_number, ColorSpec, Length,
    LengthPercentage,
};

/// A longhand property.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Prop {
    Display,
    Position,
    Top,
    Right,
    Bottom,
    Left,
    Width,
    Height,
    MinWidth,
    MinHeight,
    MaxWidth,
    MaxHeight,
    MarginTop,
    MarginRight,
    MarginBottom,
    MarginLeft,
    PaddingTop,
    PaddingRight,
    PaddingBottom,
    PaddingLeft,
    BorderTopWidth,
    BorderRightWidth,
    BorderBottomWidth,
    BorderLeftWidth,
    BorderTopStyle,
    BorderRightStyle,
    BorderBottomStyle,
    BorderLeftStyle,
    BorderTopColor,
    BorderRightColor,
    BorderBottomColor,
    BorderLeftColor,
    BoxSizing,
    BackgroundColor,
    BorderTopLeftRadius,
    BorderTopRightRadius,
    BorderBottomRightRadius,
    BorderBottomLeftRadius,
    Color,
    Opacity,
    FontSize,
    FontWeight,
    FontStyle,
    FontFamily,
    LineHeight,
    TextAlign,
    TextDecorationLine,
    WhiteSpace,
    VerticalAlign,
    Visibility,
    OverflowX,
    OverflowY,
    ZIndex,
    FlexDirection,
    FlexWrap,
    FlexGrow,
    FlexShrink,
    FlexBasis,
    JustifyContent,
    AlignItems,
    AlignSelf,
    AlignContent,
    RowGap,
    ColumnGap,
    GridTemplateColumns,
    GridTemplateRows,
    GridAutoRows,
    GridAutoColumns,
    JustifyItems,
    JustifySelf,
    GridAutoFlow,
    GridColumnStart,
    GridColumnEnd,
    GridRowStart,
    GridRowEnd,
}

/// Number of longhands (for per-property arrays).
pub const PROP_COUNT: usize = Prop::GridRowEnd as usize + 1;

impl Prop {
    /// CSS Cascade: the inherited properties among ours.
    pub fn inherited(self) -> bool {
        matches!(
            self,
            Prop::Color
                | Prop::FontSize
                | Prop::FontWeight
                | Prop::FontStyle
                | Prop::FontFamily
                | Prop::LineHeight
                | Prop::TextAlign
                | Prop::WhiteSpace
                | Prop::Visibility
        )
    }
}

/// A grid track size (CSS Grid 1 § 7.2).
#[derive(Clone, Debug, PartialEq)]
pub enum TrackSize {
    Length(LengthPercentage),
    Fr(f32),
    Auto,
    MinContent,
    MaxContent,
    MinMax(Box<TrackSize>, Box<TrackSize>),
}

/// One entry of a track list: a size, or `repeat(count, sizes)`.
#[derive(Clone, Debug, PartialEq)]
pub enum TrackEntry {
    Single(TrackSize),
    Repeat(u16, Vec<TrackSize>),
}

/// A grid line placement (CSS Grid 1 § 8.3): `auto`, a line number or `span N`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum GridLine {
    Auto,
    Line(i16),
    Span(u16),
}

/// A specified value of one longhand.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Inherit,
    Initial,
    Unset,
    /// Rolls the cascade back to the user-agent origin (CSS Cascade 5 § 7.3.3).
    Revert,
    Keyword(&'static str),
    Auto,
    None,
    Lp(LengthPercentage),
    Number(f32),
    Integer(i32),
    Color(ColorSpec),
    Families(Vec<String>),
    /// A corner radius: horizontal and vertical.
    Pair(LengthPercentage, LengthPercentage),
    Tracks(Vec<TrackEntry>),
    Line(GridLine),
}

#[derive(Clone, Debug, PartialEq)]
pub struct Declaration {
    pub prop: Prop,
    pub value: Value,
    pub important: bool,
}

const DISPLAY: &[&str] = &[
    "block",
    "inline",
    "inline-block",
    "flex",
    "inline-flex",
    "grid",
    "inline-grid",
    "none",
    "list-item",
    "contents",
    "table",
    "table-row",
    "table-cell",
    "table-row-group",
    "table-header-group",
    "table-footer-group",
    "table-caption",
    "table-column",
    "table-column-group",
    "inline-table",
    "flow-root",
];
const POSITION: &[&str] = &["static", "relative", "absolute", "fixed", "sticky"];
const BORDER_STYLE: &[&str] = &[
    "none", "hidden", "solid", "dotted", "dashed", "double", "groove", "ridge", "inset", "outset",
];
const BOX_SIZING: &[&str] = &["content-box", "border-box"];
const FONT_STYLE: &[&str] = &["normal", "italic", "oblique"];
const TEXT_ALIGN: &[&str] = &["left", "right", "center", "justify", "start", "end"];
const TEXT_DECORATION: &[&str] = &["none", "underline", "line-through", "overline"];
const WHITE_SPACE: &[&str] = &[
    "normal",
    "pre",
    "nowrap",
    "pre-wrap",
    "pre-line",
    "break-spaces",
];
const VISIBILITY: &[&str] = &["visible", "hidden", "collapse"];
const OVERFLOW: &[&str] = &["visible", "hidden", "clip", "scroll", "auto"];
const FLEX_DIRECTION: &[&str] = &["row", "row-reverse", "column", "column-reverse"];
const FLEX_WRAP: &[&str] = &["nowrap", "wrap", "wrap-reverse"];
const JUSTIFY: &[&str] = &[
    "normal",
    "flex-start",
    "flex-end",
    "start",
    "end",
    "center",
    "space-between",
    "space-around",
    "space-evenly",
    "stretch",
    "left",
    "right",
];
const ALIGN: &[&str] = &[
    "normal",
    "stretch",
    "flex-start",
    "flex-end",
    "start",
    "end",
    "self-start",
    "self-end",
    "center",
    "baseline",
];
const ALIGN_CONTENT: &[&str] = &[
    "normal",
    "stretch",
    "flex-start",
    "flex-end",
    "start",
    "end",
    "center",
    "space-between",
    "space-around",
    "space-evenly",
];
const FONT_SIZE_KEYWORDS: &[&str] = &[
    "xx-small",
    "x-small",
    "small",
    "medium",
    "large",
    "x-large",
    "xx-large",
    "xxx-large",
    "smaller",
    "larger",
];
const FONT_WEIGHT_KEYWORDS: &[&str] = &["normal", "bold", "bolder", "lighter"];
const GRID_AUTO_FLOW: &[&str] = &["row", "column", "dense", "row dense", "column dense"];

fn prop_by_name(name: &str) -> Option<Prop> {
    Some(match name {
        "display" => Prop::Display,
        "position" => Prop::Position,
        "top" => Prop::Top,
        "right" => Prop::Right,
        "bottom" => Prop::Bottom,
        "left" => Prop::Left,
        "width" => Prop::Width,
        "height" => Prop::Height,
        "min-width" => Prop::MinWidth,
        "min-height" => Prop::MinHeight,
        "max-width" => Prop::MaxWidth,
        "max-height" => Prop::MaxHeight,
        "margin-top" => Prop::MarginTop,
        "margin-right" => Prop::MarginRight,
        "margin-bottom" => Prop::MarginBottom,
        "margin-left" => Prop::MarginLeft,
        "padding-top" => Prop::PaddingTop,
        "padding-right" => Prop::PaddingRight,
        "padding-bottom" => Prop::PaddingBottom,
        "padding-left" => Prop::PaddingLeft,
        "border-top-width" => Prop::BorderTopWidth,
        "border-right-width" => Prop::BorderRightWidth,
        "border-bottom-width" => Prop::BorderBottomWidth,
        "border-left-width" => Prop::BorderLeftWidth,
        "border-top-style" => Prop::BorderTopStyle,
        "border-right-style" => Prop::BorderRightStyle,
        "border-bottom-style" => Prop::BorderBottomStyle,
        "border-left-style" => Prop::BorderLeftStyle,
        "border-top-color" => Prop::BorderTopColor,
        "border-right-color" => Prop::BorderRightColor,
        "border-bottom-color" => Prop::BorderBottomColor,
        "border-left-color" => Prop::BorderLeftColor,
        "box-sizing" => Prop::BoxSizing,
        "background-color" => Prop::BackgroundColor,
        "border-top-left-radius" => Prop::BorderTopLeftRadius,
        "border-top-right-radius" => Prop::BorderTopRightRadius,
        "border-bottom-right-radius" => Prop::BorderBottomRightRadius,
        "border-bottom-left-radius" => Prop::BorderBottomLeftRadius,
        "color" => Prop::Color,
        "opacity" => Prop::Opacity,
        "font-size" => Prop::FontSize,
        "font-weight" => Prop::FontWeight,
        "font-style" => Prop::FontStyle,
        "font-family" => Prop::FontFamily,
        "line-height" => Prop::LineHeight,
        "text-align" => Prop::TextAlign,
        "text-decoration-line" => Prop::TextDecorationLine,
        "white-space" => Prop::WhiteSpace,
        "vertical-align" => Prop::VerticalAlign,
        "visibility" => Prop::Visibility,
        "overflow-x" => Prop::OverflowX,
        "overflow-y" => Prop::OverflowY,
        "z-index" => Prop::ZIndex,
        "flex-direction" => Prop::FlexDirection,
        "flex-wrap" => Prop::FlexWrap,
        "flex-grow" => Prop::FlexGrow,
        "flex-shrink" => Prop::FlexShrink,
        "flex-basis" => Prop::FlexBasis,
        "justify-content" => Prop::JustifyContent,
        "align-items" => Prop::AlignItems,
        "align-self" => Prop::AlignSelf,
        "align-content" => Prop::AlignContent,
        "row-gap" => Prop::RowGap,
        "column-gap" => Prop::ColumnGap,
        "grid-template-columns" => Prop::GridTemplateColumns,
        "grid-template-rows" => Prop::GridTemplateRows,
        "grid-auto-flow" => Prop::GridAutoFlow,
        "grid-auto-rows" => Prop::GridAutoRows,
        "grid-auto-columns" => Prop::GridAutoColumns,
        "justify-items" => Prop::JustifyItems,
        "justify-self" => Prop::JustifySelf,
        "grid-column-start" => Prop::GridColumnStart,
        "grid-column-end" => Prop::GridColumnEnd,
        "grid-row-start" => Prop::GridRowStart,
        "grid-row-end" => Prop::GridRowEnd,
        _ => return None,
    })
}

/// The CSS name of a longhand (for `getComputedStyle` enumeration).
pub fn prop_name(prop: Prop) -> &'static str {
    ALL_NAMES
        .iter()
        .find(|(_, p)| *p == prop)
        .map(|(n, _)| *n)
        .unwrap_or("")
}

/// Every longhand with its CSS name, in CSSOM (alphabetical) order of names.
pub static ALL_NAMES: &[(&str, Prop)] = &[
    ("align-content", Prop::AlignContent),
    ("align-items", Prop::AlignItems),
    ("align-self", Prop::AlignSelf),
    ("background-color", Prop::BackgroundColor),
    ("border-bottom-color", Prop::BorderBottomColor),
    ("border-bottom-left-radius", Prop::BorderBottomLeftRadius),
    ("border-bottom-right-radius", Prop::BorderBottomRightRadius),
    ("border-bottom-style", Prop::BorderBottomStyle),
    ("border-bottom-width", Prop::BorderBottomWidth),
    ("border-left-color", Prop::BorderLeftColor),
    ("border-left-style", Prop::BorderLeftStyle),
    ("border-left-width", Prop::BorderLeftWidth),
    ("border-right-color", Prop::BorderRightColor),
    ("border-right-style", Prop::BorderRightStyle),
    ("border-right-width", Prop::BorderRightWidth),
    ("border-top-color", Prop::BorderTopColor),
    ("border-top-left-radius", Prop::BorderTopLeftRadius),
    ("border-top-right-radius", Prop::BorderTopRightRadius),
    ("border-top-style", Prop::BorderTopStyle),
    ("border-top-width", Prop::BorderTopWidth),
    ("bottom", Prop::Bottom),
    ("box-sizing", Prop::BoxSizing),
    ("color", Prop::Color),
    ("column-gap", Prop::ColumnGap),
    ("display", Prop::Display),
    ("flex-basis", Prop::FlexBasis),
    ("flex-direction", Prop::FlexDirection),
    ("flex-grow", Prop::FlexGrow),
    ("flex-shrink", Prop::FlexShrink),
    ("flex-wrap", Prop::FlexWrap),
    ("font-family", Prop::FontFamily),
    ("font-size", Prop::FontSize),
    ("font-style", Prop::FontStyle),
    ("font-weight", Prop::FontWeight),
    ("grid-auto-columns", Prop::GridAutoColumns),
    ("grid-auto-flow", Prop::GridAutoFlow),
    ("grid-auto-rows", Prop::GridAutoRows),
    ("grid-column-end", Prop::GridColumnEnd),
    ("grid-column-start", Prop::GridColumnStart),
    ("grid-row-end", Prop::GridRowEnd),
    ("grid-row-start", Prop::GridRowStart),
    ("grid-template-columns", Prop::GridTemplateColumns),
    ("grid-template-rows", Prop::GridTemplateRows),
    ("height", Prop::Height),
    ("justify-content", Prop::JustifyContent),
    ("justify-items", Prop::JustifyItems),
    ("justify-self", Prop::JustifySelf),
    ("left", Prop::Left),
    ("line-height", Prop::LineHeight),
    ("margin-bottom", Prop::MarginBottom),
    ("margin-left", Prop::MarginLeft),
    ("margin-right", Prop::MarginRight),
    ("margin-top", Prop::MarginTop),
    ("max-height", Prop::MaxHeight),
    ("max-width", Prop::MaxWidth),
    ("min-height", Prop::MinHeight),
    ("min-width", Prop::MinWidth),
    ("opacity", Prop::Opacity),
    ("overflow-x", Prop::OverflowX),
    ("overflow-y", Prop::OverflowY),
    ("padding-bottom", Prop::PaddingBottom),
    ("padding-left", Prop::PaddingLeft),
    ("padding-right", Prop::PaddingRight),
    ("padding-top", Prop::PaddingTop),
    ("position", Prop::Position),
    ("right", Prop::Right),
    ("row-gap", Prop::RowGap),
    ("text-align", Prop::TextAlign),
    ("text-decoration-line", Prop::TextDecorationLine),
    ("top", Prop::Top),
    ("vertical-align", Prop::VerticalAlign),
    ("visibility", Prop::Visibility),
    ("white-space", Prop::WhiteSpace),
    ("width", Prop::Width),
    ("z-index", Prop::ZIndex),
];

/// Looks a longhand up by its CSS name (ASCII case-insensitive).
pub fn longhand(name: &str) -> Option<Prop> {
    prop_by_name(&name.to_ascii_lowercase())
}

fn keyword(input: &mut Parser, allowed: &[&'static str]) -> Option<&'static str> {
    let location = input.state();
    if let Ok(ident) = input.expect_ident() {
        let ident = ident.to_ascii_lowercase();
        if let Some(k) = allowed.iter().find(|k| **k == ident) {
            return Some(k);
        }
    }
    input.reset(&location);
    None
}

fn ident_is(input: &mut Parser, name: &str) -> bool {
    let location = input.state();
    match input.expect_ident() {
        Ok(i) if i.eq_ignore_ascii_case(name) => true,
        _ => {
            input.reset(&location);
            false
        }
    }
}

/// `auto | <length-percentage>` (margins, insets, width/height, flex-basis).
fn lp_or_auto(input: &mut Parser, non_negative: bool) -> Option<Value> {
    if ident_is(input, "auto") {
        return Some(Value::Auto);
    }
    parse_length_percentage(input, non_negative).map(Value::Lp)
}

fn border_width(input: &mut Parser) -> Option<Value> {
    match keyword(input, &["thin", "medium", "thick"]) {
        Some("thin") => Some(Value::Lp(LengthPercentage::Length(Length::Px(1.0)))),
        Some("medium") => Some(Value::Lp(LengthPercentage::Length(Length::Px(3.0)))),
        Some("thick") => Some(Value::Lp(LengthPercentage::Length(Length::Px(5.0)))),
        _ => match parse_length(input) {
            Some(l)
                if l.to_px(&super::values::LengthContext {
                    font_size: 1.0,
                    root_font_size: 1.0,
                    viewport_w: 1.0,
                    viewport_h: 1.0,
                }) >= 0.0 =>
            {
                Some(Value::Lp(LengthPercentage::Length(l)))
            }
            _ => None,
        },
    }
}

fn track_size(input: &mut Parser) -> Option<TrackSize> {
    let location = input.state();
    if let Ok(Token::Dimension { value, unit, .. }) = input.next() {
        if unit.eq_ignore_ascii_case("fr") && *value >= 0.0 {
            return Some(TrackSize::Fr(*value));
        }
    }
    input.reset(&location);
    if let Some(k) = keyword(input, &["auto", "min-content", "max-content"]) {
        return Some(match k {
            "auto" => TrackSize::Auto,
            "min-content" => TrackSize::MinContent,
            _ => TrackSize::MaxContent,
        });
    }
    if let Some(lp) = parse_length_percentage(input, true) {
        return Some(TrackSize::Length(lp));
    }
    if input
        .try_parse(|i| i.expect_function_matching("minmax"))
        .is_ok()
    {
        return input
            .parse_nested_block(|args| {
                let min = track_size(args);
                let comma = args.expect_comma().is_ok();
                let max = track_size(args);
                match (min, comma, max) {
                    (Some(min), true, Some(max)) if args.is_exhausted() => {
                        Ok(TrackSize::MinMax(Box::new(min), Box::new(max)))
                    }
                    _ => Err(ParseError::<()>::custom(())),
                }
            })
            .ok();
    }
    None
}

fn track_list(input: &mut Parser) -> Option<Value> {
    if ident_is(input, "none") {
        return Some(Value::None);
    }
    let mut entries = Vec::new();
    while !input.is_exhausted() {
        if input
            .try_parse(|i| i.expect_function_matching("repeat"))
            .is_ok()
        {
            let entry = input
                .parse_nested_block(|args| {
                    let count = match args.next() {
                        Ok(Token::Number {
                            int_value: Some(n), ..
                        }) if *n > 0 => *n as u16,
                        _ => return Err(ParseError::<()>::custom(())),
                    };
                    args.expect_comma()
                        .map_err(|_| ParseError::<()>::custom(()))?;
                    let mut sizes = Vec::new();
                    while !args.is_exhausted() {
                        match track_size(args) {
                            Some(s) => sizes.push(s),
                            None => return Err(ParseError::<()>::custom(())),
                        }
                    }
                    if sizes.is_empty() {
                        return Err(ParseError::<()>::custom(()));
                    }
                    Ok(TrackEntry::Repeat(count, sizes))
                })
                .ok()?;
            entries.push(entry);
        } else {
            entries.push(TrackEntry::Single(track_size(input)?));
        }
    }
    (!entries.is_empty()).then_some(Value::Tracks(entries))
}

fn grid_line(input: &mut Parser) -> Option<GridLine> {
    if ident_is(input, "auto") {
        return Some(GridLine::Auto);
    }
    let span = ident_is(input, "span");
    let location = input.state();
    match input.next() {
        Ok(Token::Number {
            int_value: Some(n), ..
        }) => {
            let n = *n;
            if span {
                (n > 0).then_some(GridLine::Span(n as u16))
            } else {
                (n != 0).then_some(GridLine::Line(n as i16))
            }
        }
        _ => {
            input.reset(&location);
            None
        }
    }
}

/// Parses the value of one longhand; `None` = invalid.
fn parse_longhand(prop: Prop, input: &mut Parser) -> Option<Value> {
    use Prop::*;
    let kw = |input: &mut Parser, list| keyword(input, list).map(Value::Keyword);
    match prop {
        Display => kw(input, DISPLAY),
        Position => kw(input, POSITION),
        Top | Right | Bottom | Left | MarginTop | MarginRight | MarginBottom | MarginLeft => {
            lp_or_auto(input, false)
        }
        Width | Height | MinWidth | MinHeight => lp_or_auto(input, true),
        MaxWidth | MaxHeight => {
            if ident_is(input, "none") {
                Some(Value::None)
            } else {
                parse_length_percentage(input, true).map(Value::Lp)
            }
        }
        FlexBasis => {
            if ident_is(input, "content") {
                Some(Value::Keyword("content"))
            } else {
                lp_or_auto(input, true)
            }
        }
        PaddingTop | PaddingRight | PaddingBottom | PaddingLeft => {
            parse_length_percentage(input, true).map(Value::Lp)
        }
        RowGap | ColumnGap => {
            if ident_is(input, "normal") {
                Some(Value::Keyword("normal"))
            } else {
                parse_length_percentage(input, true).map(Value::Lp)
            }
        }
        BorderTopWidth | BorderRightWidth | BorderBottomWidth | BorderLeftWidth => {
            border_width(input)
        }
        BorderTopStyle | BorderRightStyle | BorderBottomStyle | BorderLeftStyle => {
            kw(input, BORDER_STYLE)
        }
        BorderTopColor | BorderRightColor | BorderBottomColor | BorderLeftColor
        | BackgroundColor | Color => parse_color(input).map(Value::Color),
        BoxSizing => kw(input, BOX_SIZING),
        // A corner radius; an elliptical second value is accepted and the first used
        // (corners are drawn circular).
        BorderTopLeftRadius
        | BorderTopRightRadius
        | BorderBottomRightRadius
        | BorderBottomLeftRadius => {
            let h = parse_length_percentage(input, true)?;
            let v = parse_length_percentage(input, true).unwrap_or(h);
            Some(Value::Pair(h, v))
        }
        Opacity => {
            let location = input.state();
            match input.next() {
                Ok(Token::Number { value, .. }) => Some(Value::Number(*value)),
                Ok(Token::Percentage { unit_value, .. }) => Some(Value::Number(*unit_value)),
                _ => {
                    input.reset(&location);
                    None
                }
            }
        }
        FontSize => match keyword(input, FONT_SIZE_KEYWORDS) {
            Some(k) => Some(Value::Keyword(k)),
            None => parse_length_percentage(input, true).map(Value::Lp),
        },
        FontWeight => match keyword(input, FONT_WEIGHT_KEYWORDS) {
            Some(k) => Some(Value::Keyword(k)),
            None => parse_number(input)
                .filter(|n| (1.0..=1000.0).contains(n))
                .map(Value::Number),
        },
        FontStyle => kw(input, FONT_STYLE),
        FontFamily => font_family(input),
        LineHeight => {
            if ident_is(input, "normal") {
                Some(Value::Keyword("normal"))
            } else if let Some(n) = parse_number(input) {
                (n >= 0.0).then_some(Value::Number(n))
            } else {
                parse_length_percentage(input, true).map(Value::Lp)
            }
        }
        TextAlign => kw(input, TEXT_ALIGN),
        TextDecorationLine => kw(input, TEXT_DECORATION),
        WhiteSpace => kw(input, WHITE_SPACE),
        VerticalAlign => match keyword(
            input,
            &[
                "baseline",
                "sub",
                "super",
                "text-top",
                "text-bottom",
                "middle",
                "top",
                "bottom",
            ],
        ) {
            Some(k) => Some(Value::Keyword(k)),
            None => parse_length_percentage(input, false).map(Value::Lp),
        },
        Visibility => kw(input, VISIBILITY),
        OverflowX | OverflowY => kw(input, OVERFLOW),
        ZIndex => {
            if ident_is(input, "auto") {
                return Some(Value::Auto);
            }
            match input.next() {
                Ok(Token::Number {
                    int_value: Some(n), ..
                }) => Some(Value::Integer(*n)),
                _ => None,
            }
        }
        FlexDirection => kw(input, FLEX_DIRECTION),
        FlexWrap => kw(input, FLEX_WRAP),
        FlexGrow | FlexShrink => parse_number(input).filter(|n| *n >= 0.0).map(Value::Number),
        JustifyContent => kw(input, JUSTIFY),
        AlignItems => kw(input, ALIGN),
        AlignSelf => {
            if ident_is(input, "auto") {
                Some(Value::Auto)
            } else {
                kw(input, ALIGN)
            }
        }
        AlignContent => kw(input, ALIGN_CONTENT),
        GridTemplateColumns | GridTemplateRows => track_list(input),
        GridAutoRows | GridAutoColumns => match track_list(input) {
            Some(Value::None) => None,
            v => v,
        },
        JustifyItems => {
            let legacy = ["legacy", "left", "right", "center"];
            keyword(input, ALIGN)
                .or_else(|| keyword(input, &legacy))
                .map(Value::Keyword)
        }
        JustifySelf => {
            if ident_is(input, "auto") {
                Some(Value::Auto)
            } else {
                keyword(input, ALIGN)
                    .or_else(|| keyword(input, &["left", "right"]))
                    .map(Value::Keyword)
            }
        }
        GridAutoFlow => {
            let first = keyword(input, &["row", "column", "dense"])?;
            let second = keyword(input, &["row", "column", "dense"]);
            let text = match (first, second) {
                ("dense", None) => "row dense",
                (d, None) => d,
                ("dense", Some(d)) | (d, Some("dense")) if d != "dense" => {
                    if d == "row" {
                        "row dense"
                    } else {
                        "column dense"
                    }
                }
                _ => return None,
            };
            GRID_AUTO_FLOW
                .iter()
                .find(|k| **k == text)
                .map(|k| Value::Keyword(k))
        }
        GridColumnStart | GridColumnEnd | GridRowStart | GridRowEnd => {
            grid_line(input).map(Value::Line)
        }
    }
}

fn font_family(input: &mut Parser) -> Option<Value> {
    let mut families = Vec::new();
    loop {
        let location = input.state();
        let name = match input.next() {
            Ok(Token::QuotedString(s)) => s.to_string(),
            Ok(Token::Ident(first)) => {
                let mut name = first.to_string();
                while let Ok(more) = input.try_parse(|i| i.expect_ident_cloned()) {
                    name.push(' ');
                    name.push_str(&more);
                }
                name
            }
            _ => {
                input.reset(&location);
                return None;
            }
        };
        families.push(name);
        if input.is_exhausted() {
            break;
        }
        input.expect_comma().ok()?;
    }
    Some(Value::Families(families))
}

/// Sides in CSS order: top, right, bottom, left.
fn four_sides(
    input: &mut Parser,
    one: impl Fn(&mut Parser) -> Option<Value>,
) -> Option<[Value; 4]> {
    let mut values = Vec::new();
    while !input.is_exhausted() && values.len() < 4 {
        values.push(one(input)?);
    }
    if !input.is_exhausted() {
        return None;
    }
    let v = |i: usize| values[i].clone();
    Some(match values.len() {
        1 => [v(0), v(0), v(0), v(0)],
        2 => [v(0), v(1), v(0), v(1)],
        3 => [v(0), v(1), v(2), v(1)],
        4 => [v(0), v(1), v(2), v(3)],
        _ => return None,
    })
}

const MARGINS: [Prop; 4] = [
    Prop::MarginTop,
    Prop::MarginRight,
    Prop::MarginBottom,
    Prop::MarginLeft,
];
const PADDINGS: [Prop; 4] = [
    Prop::PaddingTop,
    Prop::PaddingRight,
    Prop::PaddingBottom,
    Prop::PaddingLeft,
];
const INSETS: [Prop; 4] = [Prop::Top, Prop::Right, Prop::Bottom, Prop::Left];
const BORDER_WIDTHS: [Prop; 4] = [
    Prop::BorderTopWidth,
    Prop::BorderRightWidth,
    Prop::BorderBottomWidth,
    Prop::BorderLeftWidth,
];
const BORDER_STYLES: [Prop; 4] = [
    Prop::BorderTopStyle,
    Prop::BorderRightStyle,
    Prop::BorderBottomStyle,
    Prop::BorderLeftStyle,
];
const BORDER_COLORS: [Prop; 4] = [
    Prop::BorderTopColor,
    Prop::BorderRightColor,
    Prop::BorderBottomColor,
    Prop::BorderLeftColor,
];

/// `border` / `border-top` …: width, style and colour in any order, each optional;
/// the missing ones reset to their initial values.
fn border_shorthand(input: &mut Parser) -> Option<(Value, Value, Value)> {
    let (mut width, mut style, mut color) = (None, None, None);
    while !input.is_exhausted() {
        if width.is_none() {
            if let Some(w) = border_width(input) {
                width = Some(w);
                continue;
            }
        }
        if style.is_none() {
            if let Some(s) = keyword(input, BORDER_STYLE) {
                style = Some(Value::Keyword(s));
                continue;
            }
        }
        if color.is_none() {
            if let Some(c) = parse_color(input) {
                color = Some(Value::Color(c));
                continue;
            }
        }
        return None;
    }
    if width.is_none() && style.is_none() && color.is_none() {
        return None;
    }
    Some((
        width.unwrap_or(Value::Lp(LengthPercentage::Length(Length::Px(3.0)))),
        style.unwrap_or(Value::Keyword("none")),
        color.unwrap_or(Value::Color(ColorSpec::CurrentColor)),
    ))
}

/// Expands a shorthand into longhand values; `None` = not a shorthand we know or an
/// invalid value.
fn parse_shorthand(name: &str, input: &mut Parser) -> Option<Vec<(Prop, Value)>> {
    let sides = |props: [Prop; 4], values: [Value; 4]| -> Vec<(Prop, Value)> {
        props.into_iter().zip(values).collect()
    };
    Some(match name {
        "margin" => sides(MARGINS, four_sides(input, |i| lp_or_auto(i, false))?),
        "padding" => sides(
            PADDINGS,
            four_sides(input, |i| parse_length_percentage(i, true).map(Value::Lp))?,
        ),
        "inset" => sides(INSETS, four_sides(input, |i| lp_or_auto(i, false))?),
        "border-width" => sides(BORDER_WIDTHS, four_sides(input, border_width)?),
        "border-style" => sides(
            BORDER_STYLES,
            four_sides(input, |i| keyword(i, BORDER_STYLE).map(Value::Keyword))?,
        ),
        "border-color" => sides(
            BORDER_COLORS,
            four_sides(input, |i| parse_color(i).map(Value::Color))?,
        ),
        "border" => {
            let (w, s, c) = border_shorthand(input)?;
            let mut out = Vec::new();
            for i in 0..4 {
                out.push((BORDER_WIDTHS[i], w.clone()));
                out.push((BORDER_STYLES[i], s.clone()));
                out.push((BORDER_COLORS[i], c.clone()));
            }
            out
        }
        "border-top" | "border-right" | "border-bottom" | "border-left" => {
            let i = ["border-top", "border-right", "border-bottom", "border-left"]
                .iter()
                .position(|n| *n == name)?;
            let (w, s, c) = border_shorthand(input)?;
            vec![
                (BORDER_WIDTHS[i], w),
                (BORDER_STYLES[i], s),
                (BORDER_COLORS[i], c),
            ]
        }
        "border-radius" => {
            // CSS Backgrounds 3 § 5.1: one to four radii (top-left, top-right,
            // bottom-right, bottom-left), then optionally `/` and the vertical radii
            // (accepted, not drawn: corners are circular).
            // Horizontal radii, then optionally `/` and vertical radii, each list
            // expanded like margin's.
            let list = |input: &mut Parser| -> Option<[LengthPercentage; 4]> {
                let mut v = Vec::new();
                while v.len() < 4 {
                    match parse_length_percentage(input, true) {
                        Some(r) => v.push(r),
                        None => break,
                    }
                }
                Some(match v.len() {
                    1 => [v[0], v[0], v[0], v[0]],
                    2 => [v[0], v[1], v[0], v[1]],
                    3 => [v[0], v[1], v[2], v[1]],
                    4 => [v[0], v[1], v[2], v[3]],
                    _ => return None,
                })
            };
            let h = list(input)?;
            let v = if input.try_parse(|i| i.expect_delim('/')).is_ok() {
                list(input)?
            } else {
                h
            };
            let radii: Vec<Value> = (0..4).map(|i| Value::Pair(h[i], v[i])).collect();
            vec![
                (Prop::BorderTopLeftRadius, radii[0].clone()),
                (Prop::BorderTopRightRadius, radii[1].clone()),
                (Prop::BorderBottomRightRadius, radii[2].clone()),
                (Prop::BorderBottomLeftRadius, radii[3].clone()),
            ]
        }
        "background" => {
            // Only the colour layer is rendered: `none`, images, positions, sizes,
            // repeat and box keywords are accepted and left out; the colour is the
            // one given, else transparent (the initial value).
            let mut color = None;
            while !input.is_exhausted() {
                if let Some(c) = parse_color(input) {
                    if color.replace(c).is_some() {
                        return None;
                    }
                    continue;
                }
                let skipped = input
                    .try_parse(|i| -> Result<(), ParseError<()>> {
                        match i.next().map_err(|_| ParseError::custom(()))?.clone() {
                            Token::Ident(_) | Token::Number { .. } | Token::Percentage { .. } => {
                                Ok(())
                            }
                            Token::Dimension { .. }
                            | Token::UnquotedUrl(_)
                            | Token::Delim('/')
                            | Token::Comma => Ok(()),
                            Token::Function(_) => i.parse_nested_block(|b| {
                                while b.next().is_ok() {}
                                Ok(())
                            }),
                            _ => Err(ParseError::custom(())),
                        }
                    })
                    .is_ok();
                if !skipped {
                    return None;
                }
            }
            let transparent = ColorSpec::Rgba(super::values::Rgba::TRANSPARENT);
            vec![(
                Prop::BackgroundColor,
                Value::Color(color.unwrap_or(transparent)),
            )]
        }
        "overflow" => {
            let x = keyword(input, OVERFLOW)?;
            let y = keyword(input, OVERFLOW).unwrap_or(x);
            vec![
                (Prop::OverflowX, Value::Keyword(x)),
                (Prop::OverflowY, Value::Keyword(y)),
            ]
        }
        "gap" => {
            let gap = |i: &mut Parser| {
                if ident_is(i, "normal") {
                    Some(Value::Keyword("normal"))
                } else {
                    parse_length_percentage(i, true).map(Value::Lp)
                }
            };
            let row = gap(input)?;
            let col = if input.is_exhausted() {
                row.clone()
            } else {
                gap(input)?
            };
            vec![(Prop::RowGap, row), (Prop::ColumnGap, col)]
        }
        "flex-flow" => {
            let (mut dir, mut wrap) = (None, None);
            while !input.is_exhausted() {
                if dir.is_none() {
                    if let Some(d) = keyword(input, FLEX_DIRECTION) {
                        dir = Some(d);
                        continue;
                    }
                }
                if wrap.is_none() {
                    if let Some(w) = keyword(input, FLEX_WRAP) {
                        wrap = Some(w);
                        continue;
                    }
                }
                return None;
            }
            vec![
                (Prop::FlexDirection, Value::Keyword(dir.unwrap_or("row"))),
                (Prop::FlexWrap, Value::Keyword(wrap.unwrap_or("nowrap"))),
            ]
        }
        "flex" => {
            // CSS Flexbox 1 § 7.2: `none`, `auto`, `<grow> [<shrink>]? || <basis>`.
            let zero = Value::Lp(LengthPercentage::Length(Length::Px(0.0)));
            if ident_is(input, "none") {
                vec![
                    (Prop::FlexGrow, Value::Number(0.0)),
                    (Prop::FlexShrink, Value::Number(0.0)),
                    (Prop::FlexBasis, Value::Auto),
                ]
            } else if ident_is(input, "auto") {
                vec![
                    (Prop::FlexGrow, Value::Number(1.0)),
                    (Prop::FlexShrink, Value::Number(1.0)),
                    (Prop::FlexBasis, Value::Auto),
                ]
            } else {
                let (mut grow, mut shrink, mut basis) = (None, None, None);
                while !input.is_exhausted() {
                    if grow.is_none() {
                        if let Some(g) = parse_number(input) {
                            grow = Some(g);
                            shrink = input.try_parse(|i| parse_number(i).ok_or(())).ok();
                            continue;
                        }
                    }
                    if basis.is_none() {
                        if let Some(b) = lp_or_auto(input, true) {
                            basis = Some(b);
                            continue;
                        }
                        if ident_is(input, "content") {
                            basis = Some(Value::Keyword("content"));
                            continue;
                        }
                    }
                    return None;
                }
                if grow.is_none() && basis.is_none() {
                    return None;
                }
                vec![
                    (Prop::FlexGrow, Value::Number(grow.unwrap_or(1.0))),
                    (Prop::FlexShrink, Value::Number(shrink.unwrap_or(1.0))),
                    (Prop::FlexBasis, basis.unwrap_or(zero)),
                ]
            }
        }
        "grid-column" | "grid-row" => {
            let start = grid_line(input)?;
            let end = if input.try_parse(|i| i.expect_delim('/')).is_ok() {
                grid_line(input)?
            } else if let GridLine::Line(_) = start {
                GridLine::Auto
            } else {
                GridLine::Auto
            };
            let (s, e) = if name == "grid-column" {
                (Prop::GridColumnStart, Prop::GridColumnEnd)
            } else {
                (Prop::GridRowStart, Prop::GridRowEnd)
            };
            vec![(s, Value::Line(start)), (e, Value::Line(end))]
        }
        "text-decoration" => {
            let line = keyword(input, TEXT_DECORATION)?;
            // Colour and style components are accepted and not rendered.
            while !input.is_exhausted() {
                if parse_color(input).is_none()
                    && keyword(input, &["solid", "double", "dotted", "dashed", "wavy"]).is_none()
                {
                    return None;
                }
            }
            vec![(Prop::TextDecorationLine, Value::Keyword(line))]
        }
        "place-items" => {
            let a = keyword(input, ALIGN)?;
            let j = keyword(input, ALIGN).unwrap_or(a);
            vec![
                (Prop::AlignItems, Value::Keyword(a)),
                (Prop::JustifyItems, Value::Keyword(j)),
            ]
        }
        "place-self" => {
            let a = if ident_is(input, "auto") {
                Value::Auto
            } else {
                Value::Keyword(keyword(input, ALIGN)?)
            };
            let j = if input.is_exhausted() {
                a.clone()
            } else if ident_is(input, "auto") {
                Value::Auto
            } else {
                Value::Keyword(keyword(input, ALIGN)?)
            };
            vec![(Prop::AlignSelf, a), (Prop::JustifySelf, j)]
        }
        _ => return None,
    })
}

fn shorthand_longhands(name: &str) -> Option<Vec<Prop>> {
    Some(match name {
        "margin" => MARGINS.to_vec(),
        "padding" => PADDINGS.to_vec(),
        "inset" => INSETS.to_vec(),
        "border-width" => BORDER_WIDTHS.to_vec(),
        "border-style" => BORDER_STYLES.to_vec(),
        "border-color" => BORDER_COLORS.to_vec(),
        "border" => [BORDER_WIDTHS, BORDER_STYLES, BORDER_COLORS].concat(),
        "border-top" => vec![
            Prop::BorderTopWidth,
            Prop::BorderTopStyle,
            Prop::BorderTopColor,
        ],
        "border-right" => {
            vec![
                Prop::BorderRightWidth,
                Prop::BorderRightStyle,
                Prop::BorderRightColor,
            ]
        }
        "border-bottom" => {
            vec![
                Prop::BorderBottomWidth,
                Prop::BorderBottomStyle,
                Prop::BorderBottomColor,
            ]
        }
        "border-left" => vec![
            Prop::BorderLeftWidth,
            Prop::BorderLeftStyle,
            Prop::BorderLeftColor,
        ],
        "background" => vec![Prop::BackgroundColor],
        "border-radius" => vec![
            Prop::BorderTopLeftRadius,
            Prop::BorderTopRightRadius,
            Prop::BorderBottomRightRadius,
            Prop::BorderBottomLeftRadius,
        ],
        "overflow" => vec![Prop::OverflowX, Prop::OverflowY],
        "gap" => vec![Prop::RowGap, Prop::ColumnGap],
        "flex-flow" => vec![Prop::FlexDirection, Prop::FlexWrap],
        "flex" => vec![Prop::FlexGrow, Prop::FlexShrink, Prop::FlexBasis],
        "grid-column" => vec![Prop::GridColumnStart, Prop::GridColumnEnd],
        "grid-row" => vec![Prop::GridRowStart, Prop::GridRowEnd],
        "text-decoration" => vec![Prop::TextDecorationLine],
        "place-items" => vec![Prop::AlignItems, Prop::JustifyItems],
        "place-self" => vec![Prop::AlignSelf, Prop::JustifySelf],
        _ => return None,
    })
}

fn css_wide(input: &mut Parser) -> Option<Value> {
    let location = input.state();
    let value = match input.expect_ident() {
        Ok(i) if i.eq_ignore_ascii_case("inherit") => Some(Value::Inherit),
        Ok(i) if i.eq_ignore_ascii_case("initial") => Some(Value::Initial),
        Ok(i) if i.eq_ignore_ascii_case("unset") => Some(Value::Unset),
        Ok(i) if i.eq_ignore_ascii_case("revert") || i.eq_ignore_ascii_case("revert-layer") => {
            Some(Value::Revert)
        }
        _ => None,
    };
    if value.is_none() || !input.is_exhausted() {
        input.reset(&location);
        return None;
    }
    value
}

/// Parses `name: value` (the value up to `!important`, which the caller strips) into
/// longhand declarations. `None` for an unknown property or an invalid value.
pub fn parse_declaration(
    name: &str,
    input: &mut Parser,
    important: bool,
) -> Option<Vec<Declaration>> {
    let name = name.to_ascii_lowercase();
    let decl = |prop, value| Declaration {
        prop,
        value,
        important,
    };
    if let Some(value) = css_wide(input) {
        if let Some(prop) = prop_by_name(&name) {
            return Some(vec![decl(prop, value)]);
        }
        let props = shorthand_longhands(&name)?;
        return Some(props.into_iter().map(|p| decl(p, value.clone())).collect());
    }
    if let Some(prop) = prop_by_name(&name) {
        let value = parse_longhand(prop, input)?;
        return input.is_exhausted().then(|| vec![decl(prop, value)]);
    }
    let values = parse_shorthand(&name, input)?;
    input
        .is_exhausted()
        .then(|| values.into_iter().map(|(p, v)| decl(p, v)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(name: &str, value: &str) -> Option<Vec<(Prop, Value)>> {
        let mut p = Parser::new(value);
        parse_declaration(name, &mut p, false)
            .map(|ds| ds.into_iter().map(|d| (d.prop, d.value)).collect())
    }

    fn px(v: f32) -> Value {
        Value::Lp(LengthPercentage::Length(Length::Px(v)))
    }

    #[test]
    fn margin_shorthand_expands_in_css_order() {
        let m = parse("margin", "1px 2px 3px").unwrap();
        assert_eq!(
            m,
            vec![
                (Prop::MarginTop, px(1.0)),
                (Prop::MarginRight, px(2.0)),
                (Prop::MarginBottom, px(3.0)),
                (Prop::MarginLeft, px(2.0)),
            ]
        );
        assert_eq!(
            parse("MARGIN", "auto").unwrap()[3],
            (Prop::MarginLeft, Value::Auto)
        );
    }

    #[test]
    fn border_shorthand_any_order_with_defaults() {
        let b = parse("border", "red 2px solid").unwrap();
        assert!(b.contains(&(Prop::BorderLeftWidth, px(2.0))));
        assert!(b.contains(&(Prop::BorderTopStyle, Value::Keyword("solid"))));
        let b = parse("border-top", "solid").unwrap();
        assert_eq!(b[0], (Prop::BorderTopWidth, px(3.0)));
        assert_eq!(
            b[2],
            (Prop::BorderTopColor, Value::Color(ColorSpec::CurrentColor))
        );
    }

    #[test]
    fn invalid_values_drop_the_declaration() {
        assert_eq!(parse("width", "-5px"), None);
        assert_eq!(parse("width", "10px 20px"), None);
        assert_eq!(parse("padding", "-1px"), None);
        assert_eq!(parse("display", "blockish"), None);
        assert_eq!(parse("colour", "red"), None);
        assert_eq!(parse("opacity", "red"), None);
        assert_eq!(parse("margin", "1px 2px 3px 4px 5px"), None);
        assert_eq!(parse("width", "10"), None, "unitless non-zero length");
    }

    #[test]
    fn flex_shorthand_follows_flexbox_7_2() {
        let f = parse("flex", "1").unwrap();
        assert_eq!(f[0], (Prop::FlexGrow, Value::Number(1.0)));
        assert_eq!(f[2], (Prop::FlexBasis, px(0.0)));
        let f = parse("flex", "2 3 10px").unwrap();
        assert_eq!(f[1], (Prop::FlexShrink, Value::Number(3.0)));
        assert_eq!(f[2], (Prop::FlexBasis, px(10.0)));
        assert_eq!(
            parse("flex", "none").unwrap()[0],
            (Prop::FlexGrow, Value::Number(0.0))
        );
    }

    #[test]
    fn grid_tracks_and_lines() {
        let t = parse(
            "grid-template-columns",
            "100px repeat(2, 1fr) minmax(10px, auto)",
        )
        .unwrap();
        match &t[0].1 {
            Value::Tracks(entries) => assert_eq!(entries.len(), 3),
            other => panic!("{other:?}"),
        }
        let g = parse("grid-column", "1 / span 2").unwrap();
        assert_eq!(g[0].1, Value::Line(GridLine::Line(1)));
        assert_eq!(g[1].1, Value::Line(GridLine::Span(2)));
    }

    #[test]
    fn font_family_lists_and_css_wide_keywords() {
        assert_eq!(
            parse("font-family", "\"DejaVu Sans\", Foo Bar, sans-serif").unwrap()[0].1,
            Value::Families(vec![
                "DejaVu Sans".into(),
                "Foo Bar".into(),
                "sans-serif".into()
            ])
        );
        assert_eq!(parse("color", "inherit").unwrap()[0].1, Value::Inherit);
        assert_eq!(parse("margin", "initial").unwrap().len(), 4);
    }
}
