//! Computed values (CSS Cascade 5 § 4.4): what each element's style is after the
//! cascade, inheritance and the "computed value" step of every property (em/rem/vw
//! resolved to px, keywords to numbers, `currentcolor` to a colour, display
//! blockified). `getComputedStyle()` serializes these.

use super::properties::{GridLine, Prop, TrackEntry, Value, PROP_COUNT};
use super::values::{number_css, px_css, ColorSpec, LengthContext, LengthPercentage, Lp, Rgba};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Display {
    None,
    Contents,
    Block,
    Inline,
    InlineBlock,
    Flex,
    InlineFlex,
    Grid,
    InlineGrid,
}

impl Display {
    pub fn is_inline_level(self) -> bool {
        matches!(
            self,
            Display::Inline | Display::InlineBlock | Display::InlineFlex | Display::InlineGrid
        )
    }

    /// CSS Display 3 § 2.7 "blockification".
    fn blockified(self) -> Display {
        match self {
            Display::Inline | Display::InlineBlock => Display::Block,
            Display::InlineFlex => Display::Flex,
            Display::InlineGrid => Display::Grid,
            d => d,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Position {
    Static,
    Relative,
    Absolute,
    Fixed,
}

/// A computed `auto | <length-percentage>` (or `none` for max sizes).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LpAuto {
    Auto,
    Lp(Lp),
}

impl LpAuto {
    pub fn to_css(self) -> String {
        match self {
            LpAuto::Auto => "auto".into(),
            LpAuto::Lp(lp) => lp.to_css(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum VerticalAlign {
    Keyword(&'static str),
    Shift(Lp),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LineHeight {
    Normal,
    Number(f32),
    Px(f32),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ComputedStyle {
    pub display: Display,
    /// The display value before blockification (what `getComputedStyle` reports for
    /// display:list-item etc. is the keyword).
    pub display_keyword: &'static str,
    pub position: Position,
    /// The position keyword (`sticky` lays out as relative here).
    pub position_keyword: &'static str,
    /// Text decorations in effect (CSS Text Decoration 3 § 2.1: propagated to
    /// in-flow descendants): each line with the colour of the box that declared it.
    pub text_decorations: Vec<(&'static str, Rgba)>,
    /// top, right, bottom, left
    pub inset: [LpAuto; 4],
    pub width: LpAuto,
    pub height: LpAuto,
    pub min_width: LpAuto,
    pub min_height: LpAuto,
    /// `None` = `none`
    pub max_width: Option<Lp>,
    pub max_height: Option<Lp>,
    pub margin: [LpAuto; 4],
    pub padding: [Lp; 4],
    /// Computed border widths: 0 when the side's style is none/hidden.
    pub border_width: [f32; 4],
    pub border_style: [&'static str; 4],
    pub border_color: [Rgba; 4],
    pub border_box_sizing: bool,
    /// Corner radii (horizontal, vertical): top-left, top-right, bottom-right,
    /// bottom-left.
    pub border_radius: [(Lp, Lp); 4],
    pub background_color: Rgba,
    pub color: Rgba,
    pub opacity: f32,
    pub font_size: f32,
    pub font_weight: u16,
    pub italic: bool,
    pub font_family: Vec<String>,
    pub line_height: LineHeight,
    pub text_align: &'static str,
    pub text_decoration_line: &'static str,
    pub white_space: &'static str,
    /// `vertical-align`: a keyword, or a baseline shift (`Lp`, up is positive).
    pub vertical_align: VerticalAlign,
    pub visibility_visible: bool,
    pub visibility: &'static str,
    pub overflow_x: &'static str,
    pub overflow_y: &'static str,
    pub z_index: Option<i32>,
    pub flex_direction: &'static str,
    pub flex_wrap: &'static str,
    pub flex_grow: f32,
    pub flex_shrink: f32,
    /// `None` = `content`
    pub flex_basis: Option<LpAuto>,
    pub justify_content: &'static str,
    pub align_items: &'static str,
    /// `None` = `auto`
    pub align_self: Option<&'static str>,
    pub align_content: &'static str,
    /// `None` = `normal`
    pub row_gap: Option<Lp>,
    pub column_gap: Option<Lp>,
    pub grid_template_columns: Vec<TrackEntry>,
    pub grid_template_rows: Vec<TrackEntry>,
    pub grid_auto_rows: Vec<TrackEntry>,
    pub grid_auto_columns: Vec<TrackEntry>,
    pub justify_items: &'static str,
    /// `None` = `auto`
    pub justify_self: Option<&'static str>,
    pub grid_auto_flow: &'static str,
    pub grid_column: (GridLine, GridLine),
    pub grid_row: (GridLine, GridLine),
}

impl ComputedStyle {
    /// The initial values (CSS "initial value" of each property), as the root's parent.
    pub fn initial() -> ComputedStyle {
        let zero = LpAuto::Lp(Lp::Px(0.0));
        ComputedStyle {
            display: Display::Inline,
            display_keyword: "inline",
            position: Position::Static,
            position_keyword: "static",
            text_decorations: Vec::new(),
            inset: [LpAuto::Auto; 4],
            width: LpAuto::Auto,
            height: LpAuto::Auto,
            min_width: LpAuto::Auto,
            min_height: LpAuto::Auto,
            max_width: None,
            max_height: None,
            margin: [zero; 4],
            padding: [Lp::Px(0.0); 4],
            border_width: [0.0; 4],
            border_style: ["none"; 4],
            border_color: [Rgba::BLACK; 4],
            border_box_sizing: false,
            border_radius: [(Lp::Px(0.0), Lp::Px(0.0)); 4],
            background_color: Rgba::TRANSPARENT,
            color: Rgba::BLACK,
            opacity: 1.0,
            font_size: 16.0,
            font_weight: 400,
            italic: false,
            font_family: vec!["serif".into()],
            line_height: LineHeight::Normal,
            text_align: "start",
            text_decoration_line: "none",
            white_space: "normal",
            vertical_align: VerticalAlign::Keyword("baseline"),
            visibility_visible: true,
            visibility: "visible",
            overflow_x: "visible",
            overflow_y: "visible",
            z_index: None,
            flex_direction: "row",
            flex_wrap: "nowrap",
            flex_grow: 0.0,
            flex_shrink: 1.0,
            flex_basis: Some(LpAuto::Auto),
            justify_content: "normal",
            align_items: "normal",
            align_self: None,
            align_content: "normal",
            row_gap: None,
            column_gap: None,
            grid_template_columns: Vec::new(),
            grid_template_rows: Vec::new(),
            grid_auto_rows: Vec::new(),
            grid_auto_columns: Vec::new(),
            justify_items: "normal",
            justify_self: None,
            grid_auto_flow: "row",
            grid_column: (GridLine::Auto, GridLine::Auto),
            grid_row: (GridLine::Auto, GridLine::Auto),
        }
    }

    pub fn is_positioned(&self) -> bool {
        self.position != Position::Static
    }

    pub fn is_out_of_flow(&self) -> bool {
        matches!(self.position, Position::Absolute | Position::Fixed)
    }

    /// The used line height in px for this style's font (`normal` from DejaVu's
    /// metrics, as Chromium computes it: ascent and descent rounded separately).
    pub fn line_height_px(&self) -> f32 {
        match self.line_height {
            LineHeight::Normal => normal_line_height(self.font_size),
            LineHeight::Number(n) => n * self.font_size,
            LineHeight::Px(px) => px,
        }
    }

    pub fn clips_overflow(&self) -> bool {
        self.overflow_x != "visible" || self.overflow_y != "visible"
    }
}

/// `line-height: normal` for DejaVu Sans (hhea ascender 0.928 em, descender 0.236 em,
/// no line gap): ascent and descent are rounded separately, as Skia/Chromium do.
pub fn normal_line_height(font_size: f32) -> f32 {
    (font_size * 0.928).round() + (font_size * 0.236).round()
}

/// The cascaded values of one element: the winning declaration per property.
pub type Cascaded<'a> = [Option<&'a Value>; PROP_COUNT];

/// Computes an element's style from its cascaded values and its parent's computed
/// style (CSS Cascade 5 § 4.3 "defaulting", then each property's computed value).
/// `parent_display` is the parent's display (flex/grid items are blockified).
pub fn compute(
    cascaded: &Cascaded,
    parent: &ComputedStyle,
    parent_display: Option<Display>,
    is_root: bool,
    root_font_size: f32,
    viewport: (f32, f32),
) -> ComputedStyle {
    let initial = ComputedStyle::initial();
    // Start from inheritance for inherited properties, initial for the rest.
    let mut s = initial.clone();
    s.color = parent.color;
    s.font_size = parent.font_size;
    s.font_weight = parent.font_weight;
    s.italic = parent.italic;
    s.font_family = parent.font_family.clone();
    s.line_height = parent.line_height;
    s.text_align = parent.text_align;
    s.white_space = parent.white_space;
    s.visibility = parent.visibility;
    s.visibility_visible = parent.visibility_visible;

    // Resolves css-wide keywords: Some(value) to apply, None to keep the default
    // (inherit for inherited properties, initial otherwise).
    enum Pick<'v> {
        Keep,
        Inherit,
        Initial,
        Value(&'v Value),
    }
    let pick = |prop: Prop| -> Pick {
        match cascaded[prop as usize] {
            None => Pick::Keep,
            Some(Value::Inherit) => Pick::Inherit,
            Some(Value::Initial) => Pick::Initial,
            Some(Value::Unset) => {
                if prop.inherited() {
                    Pick::Inherit
                } else {
                    Pick::Initial
                }
            }
            Some(v) => Pick::Value(v),
        }
    };

    // font-size first: em in other properties depend on it, and its own em/% on the
    // parent's (CSS Fonts 4 § 2.5).
    let parent_cx = LengthContext {
        font_size: parent.font_size,
        root_font_size: if is_root { 16.0 } else { root_font_size },
        viewport_w: viewport.0,
        viewport_h: viewport.1,
    };
    match pick(Prop::FontSize) {
        Pick::Initial => s.font_size = 16.0,
        Pick::Value(Value::Keyword(k)) => {
            s.font_size = match *k {
                "xx-small" => 9.0,
                "x-small" => 10.0,
                "small" => 13.0,
                "medium" => 16.0,
                "large" => 18.0,
                "x-large" => 24.0,
                "xx-large" => 32.0,
                "xxx-large" => 48.0,
                "smaller" => parent.font_size / 1.2,
                _ => parent.font_size * 1.2,
            }
        }
        Pick::Value(Value::Lp(LengthPercentage::Percent(p))) => s.font_size = parent.font_size * p,
        Pick::Value(Value::Lp(LengthPercentage::Length(l))) => s.font_size = l.to_px(&parent_cx),
        _ => {}
    }
    let cx = LengthContext {
        font_size: s.font_size,
        root_font_size: if is_root { s.font_size } else { root_font_size },
        viewport_w: viewport.0,
        viewport_h: viewport.1,
    };

    // color next: currentcolor in the others resolves to it.
    match pick(Prop::Color) {
        Pick::Initial => s.color = Rgba::BLACK,
        Pick::Value(Value::Color(ColorSpec::Rgba(c))) => s.color = *c,
        _ => {}
    }
    let current_color = s.color;
    let color_of = |v: &Value, fallback: Rgba| match v {
        Value::Color(ColorSpec::Rgba(c)) => *c,
        Value::Color(ColorSpec::CurrentColor) => current_color,
        _ => fallback,
    };
    let lp_auto = |v: &Value| match v {
        Value::Auto => LpAuto::Auto,
        Value::Lp(lp) => LpAuto::Lp(lp.compute(&cx)),
        _ => LpAuto::Auto,
    };
    let kw = |v: &Value, fallback: &'static str| match v {
        Value::Keyword(k) => *k,
        _ => fallback,
    };

    let props = [
        Prop::Display,
        Prop::Position,
        Prop::Top,
        Prop::Right,
        Prop::Bottom,
        Prop::Left,
        Prop::Width,
        Prop::Height,
        Prop::MinWidth,
        Prop::MinHeight,
        Prop::MaxWidth,
        Prop::MaxHeight,
        Prop::MarginTop,
        Prop::MarginRight,
        Prop::MarginBottom,
        Prop::MarginLeft,
        Prop::PaddingTop,
        Prop::PaddingRight,
        Prop::PaddingBottom,
        Prop::PaddingLeft,
        Prop::BorderTopStyle,
        Prop::BorderRightStyle,
        Prop::BorderBottomStyle,
        Prop::BorderLeftStyle,
        Prop::BorderTopWidth,
        Prop::BorderRightWidth,
        Prop::BorderBottomWidth,
        Prop::BorderLeftWidth,
        Prop::BorderTopColor,
        Prop::BorderRightColor,
        Prop::BorderBottomColor,
        Prop::BorderLeftColor,
        Prop::BoxSizing,
        Prop::BackgroundColor,
        Prop::BorderTopLeftRadius,
        Prop::BorderTopRightRadius,
        Prop::BorderBottomRightRadius,
        Prop::BorderBottomLeftRadius,
        Prop::Opacity,
        Prop::FontWeight,
        Prop::FontStyle,
        Prop::FontFamily,
        Prop::LineHeight,
        Prop::TextAlign,
        Prop::TextDecorationLine,
        Prop::WhiteSpace,
        Prop::VerticalAlign,
        Prop::Visibility,
        Prop::OverflowX,
        Prop::OverflowY,
        Prop::ZIndex,
        Prop::FlexDirection,
        Prop::FlexWrap,
        Prop::FlexGrow,
        Prop::FlexShrink,
        Prop::FlexBasis,
        Prop::JustifyContent,
        Prop::AlignItems,
        Prop::AlignSelf,
        Prop::AlignContent,
        Prop::RowGap,
        Prop::ColumnGap,
        Prop::GridTemplateColumns,
        Prop::GridTemplateRows,
        Prop::GridAutoRows,
        Prop::GridAutoColumns,
        Prop::JustifyItems,
        Prop::JustifySelf,
        Prop::GridAutoFlow,
        Prop::GridColumnStart,
        Prop::GridColumnEnd,
        Prop::GridRowStart,
        Prop::GridRowEnd,
    ];
    // Border colours default to currentcolor, which is this element's colour.
    s.border_color = [s.color; 4];
    for prop in props {
        let side = |p: Prop, first: Prop| p as usize - first as usize;
        let value = match pick(prop) {
            Pick::Keep => continue,
            Pick::Inherit => {
                inherit_one(&mut s, parent, prop);
                continue;
            }
            Pick::Initial => {
                inherit_one(&mut s, &initial, prop);
                if matches!(
                    prop,
                    Prop::BorderTopColor
                        | Prop::BorderRightColor
                        | Prop::BorderBottomColor
                        | Prop::BorderLeftColor
                ) {
                    s.border_color[side(prop, Prop::BorderTopColor)] = s.color;
                }
                continue;
            }
            Pick::Value(v) => v,
        };
        use Prop::*;
        match prop {
            Display => s.display_keyword = kw(value, "inline"),
            Position => {
                s.position_keyword = kw(value, "static");
                s.position = match kw(value, "static") {
                    "relative" | "sticky" => self::Position::Relative,
                    "absolute" => self::Position::Absolute,
                    "fixed" => self::Position::Fixed,
                    _ => self::Position::Static,
                }
            }
            Top | Right | Bottom | Left => s.inset[side(prop, Top)] = lp_auto(value),
            Width => s.width = lp_auto(value),
            Height => s.height = lp_auto(value),
            MinWidth => s.min_width = lp_auto(value),
            MinHeight => s.min_height = lp_auto(value),
            MaxWidth | MaxHeight => {
                let v = match value {
                    Value::Lp(lp) => Some(lp.compute(&cx)),
                    _ => None,
                };
                if prop == MaxWidth {
                    s.max_width = v
                } else {
                    s.max_height = v
                }
            }
            MarginTop | MarginRight | MarginBottom | MarginLeft => {
                s.margin[side(prop, MarginTop)] = lp_auto(value)
            }
            PaddingTop | PaddingRight | PaddingBottom | PaddingLeft => {
                if let Value::Lp(lp) = value {
                    s.padding[side(prop, PaddingTop)] = lp.compute(&cx);
                }
            }
            BorderTopStyle | BorderRightStyle | BorderBottomStyle | BorderLeftStyle => {
                s.border_style[side(prop, BorderTopStyle)] = kw(value, "none")
            }
            BorderTopWidth | BorderRightWidth | BorderBottomWidth | BorderLeftWidth => {
                if let Value::Lp(LengthPercentage::Length(l)) = value {
                    s.border_width[side(prop, BorderTopWidth)] = l.to_px(&cx);
                }
            }
            BorderTopColor | BorderRightColor | BorderBottomColor | BorderLeftColor => {
                s.border_color[side(prop, BorderTopColor)] = color_of(value, current_color)
            }
            BoxSizing => s.border_box_sizing = kw(value, "content-box") == "border-box",
            BackgroundColor => s.background_color = color_of(value, Rgba::TRANSPARENT),
            BorderTopLeftRadius
            | BorderTopRightRadius
            | BorderBottomRightRadius
            | BorderBottomLeftRadius => {
                if let Value::Pair(h, v) = value {
                    s.border_radius[side(prop, BorderTopLeftRadius)] =
                        (h.compute(&cx), v.compute(&cx));
                }
            }
            Opacity => {
                if let Value::Number(n) = value {
                    s.opacity = n.clamp(0.0, 1.0)
                }
            }
            FontWeight => {
                s.font_weight = match value {
                    Value::Number(n) => *n as u16,
                    Value::Keyword("bold") => 700,
                    Value::Keyword("bolder") => bolder(parent.font_weight),
                    Value::Keyword("lighter") => lighter(parent.font_weight),
                    _ => 400,
                }
            }
            FontStyle => s.italic = kw(value, "normal") != "normal",
            FontFamily => {
                if let Value::Families(f) = value {
                    s.font_family = f.clone()
                }
            }
            LineHeight => {
                s.line_height = match value {
                    Value::Number(n) => self::LineHeight::Number(*n),
                    Value::Lp(lp) => self::LineHeight::Px(lp.compute(&cx).resolve(s.font_size)),
                    _ => self::LineHeight::Normal,
                }
            }
            TextAlign => s.text_align = kw(value, "start"),
            TextDecorationLine => s.text_decoration_line = kw(value, "none"),
            WhiteSpace => s.white_space = kw(value, "normal"),
            VerticalAlign => {
                s.vertical_align = match value {
                    // A percentage refers to the element's line height.
                    Value::Lp(lp) => self::VerticalAlign::Shift(Lp::Px(
                        lp.compute(&cx).resolve(s.line_height_px()),
                    )),
                    v => self::VerticalAlign::Keyword(kw(v, "baseline")),
                }
            }
            Visibility => {
                s.visibility = kw(value, "visible");
                s.visibility_visible = s.visibility == "visible";
            }
            OverflowX => s.overflow_x = kw(value, "visible"),
            OverflowY => s.overflow_y = kw(value, "visible"),
            ZIndex => {
                s.z_index = match value {
                    Value::Integer(n) => Some(*n),
                    _ => None,
                }
            }
            FlexDirection => s.flex_direction = kw(value, "row"),
            FlexWrap => s.flex_wrap = kw(value, "nowrap"),
            FlexGrow => {
                if let Value::Number(n) = value {
                    s.flex_grow = *n
                }
            }
            FlexShrink => {
                if let Value::Number(n) = value {
                    s.flex_shrink = *n
                }
            }
            FlexBasis => {
                s.flex_basis = match value {
                    Value::Keyword("content") => None,
                    v => Some(lp_auto(v)),
                }
            }
            JustifyContent => s.justify_content = kw(value, "normal"),
            AlignItems => s.align_items = kw(value, "normal"),
            AlignSelf => {
                s.align_self = match value {
                    Value::Keyword(k) => Some(*k),
                    _ => None,
                }
            }
            AlignContent => s.align_content = kw(value, "normal"),
            RowGap | ColumnGap => {
                let gap = match value {
                    Value::Lp(lp) => Some(lp.compute(&cx)),
                    _ => None,
                };
                if prop == RowGap {
                    s.row_gap = gap
                } else {
                    s.column_gap = gap
                }
            }
            GridTemplateColumns | GridTemplateRows | GridAutoRows | GridAutoColumns => {
                *track_list_mut(&mut s, prop) = match value {
                    Value::Tracks(t) => t.clone(),
                    _ => Vec::new(),
                };
            }
            JustifyItems => s.justify_items = kw(value, "normal"),
            JustifySelf => {
                s.justify_self = match value {
                    Value::Keyword(k) => Some(*k),
                    _ => None,
                }
            }
            GridAutoFlow => s.grid_auto_flow = kw(value, "row"),
            GridColumnStart | GridColumnEnd | GridRowStart | GridRowEnd => {
                let line = match value {
                    Value::Line(l) => *l,
                    _ => GridLine::Auto,
                };
                match prop {
                    GridColumnStart => s.grid_column.0 = line,
                    GridColumnEnd => s.grid_column.1 = line,
                    GridRowStart => s.grid_row.0 = line,
                    _ => s.grid_row.1 = line,
                }
            }
            Color | FontSize => {}
        }
    }

    // CSS Backgrounds 3 § 4.3: a side whose style is none/hidden has a 0 width.
    for i in 0..4 {
        if matches!(s.border_style[i], "none" | "hidden") {
            s.border_width[i] = 0.0;
        }
    }
    s.display = match s.display_keyword {
        "none" => self::Display::None,
        "contents" => self::Display::Contents,
        "inline" => self::Display::Inline,
        "inline-block" | "inline-table" => self::Display::InlineBlock,
        "flex" => self::Display::Flex,
        "inline-flex" => self::Display::InlineFlex,
        "grid" => self::Display::Grid,
        "inline-grid" => self::Display::InlineGrid,
        // Tables lay out as blocks here (no table layout yet).
        _ => self::Display::Block,
    };
    // Blockification: the root, absolutely positioned boxes, flex and grid items.
    let parent_is_container = matches!(
        parent_display,
        Some(
            self::Display::Flex
                | self::Display::InlineFlex
                | self::Display::Grid
                | self::Display::InlineGrid
        )
    );
    if is_root || s.is_out_of_flow() || parent_is_container {
        s.display = s.display.blockified();
        // The computed keyword changes with it (CSS Display 3 § 2.7).
        s.display_keyword = match s.display_keyword {
            "inline" | "inline-block" | "contents" if s.display != self::Display::Contents => {
                "block"
            }
            "inline-flex" => "flex",
            "inline-grid" => "grid",
            "inline-table" => "table",
            k => k,
        };
    }
    // CSS Overflow 3 § 3.1: visible/clip next to a scrolling value compute to
    // auto/hidden.
    let scrolls = |v: &str| matches!(v, "hidden" | "auto" | "scroll");
    if scrolls(s.overflow_x) || scrolls(s.overflow_y) {
        for v in [&mut s.overflow_x, &mut s.overflow_y] {
            *v = match *v {
                "visible" => "auto",
                "clip" => "hidden",
                other => other,
            };
        }
    }
    // Decorations propagate to in-flow descendants, but not into atomic inlines or
    // out-of-flow boxes (CSS Text Decoration 3 § 2.1).
    let propagates = !s.is_out_of_flow()
        && !matches!(
            s.display,
            self::Display::InlineBlock | self::Display::InlineFlex | self::Display::InlineGrid
        );
    s.text_decorations = if propagates {
        parent.text_decorations.clone()
    } else {
        Vec::new()
    };
    if s.text_decoration_line != "none" {
        s.text_decorations.push((s.text_decoration_line, s.color));
    }
    s
}

/// The computed track list a grid track property sets.
fn track_list_mut(s: &mut ComputedStyle, prop: Prop) -> &mut Vec<TrackEntry> {
    match prop {
        Prop::GridTemplateColumns => &mut s.grid_template_columns,
        Prop::GridTemplateRows => &mut s.grid_template_rows,
        Prop::GridAutoRows => &mut s.grid_auto_rows,
        _ => &mut s.grid_auto_columns,
    }
}

/// CSS Fonts 4 § 2.2 "relative weights".
fn bolder(parent: u16) -> u16 {
    match parent {
        0..=349 => 400,
        350..=549 => 700,
        _ => 900,
    }
}

fn lighter(parent: u16) -> u16 {
    match parent {
        0..=549 => 100,
        550..=749 => 400,
        _ => 700,
    }
}

fn inherit_one(s: &mut ComputedStyle, from: &ComputedStyle, prop: Prop) {
    use Prop::*;
    let side = |p: Prop, first: Prop| p as usize - first as usize;
    match prop {
        Display => s.display_keyword = from.display_keyword,
        Position => {
            s.position = from.position;
            s.position_keyword = from.position_keyword;
        }
        Top | Right | Bottom | Left => s.inset[side(prop, Top)] = from.inset[side(prop, Top)],
        Width => s.width = from.width,
        Height => s.height = from.height,
        MinWidth => s.min_width = from.min_width,
        MinHeight => s.min_height = from.min_height,
        MaxWidth => s.max_width = from.max_width,
        MaxHeight => s.max_height = from.max_height,
        MarginTop | MarginRight | MarginBottom | MarginLeft => {
            s.margin[side(prop, MarginTop)] = from.margin[side(prop, MarginTop)]
        }
        PaddingTop | PaddingRight | PaddingBottom | PaddingLeft => {
            s.padding[side(prop, PaddingTop)] = from.padding[side(prop, PaddingTop)]
        }
        BorderTopWidth | BorderRightWidth | BorderBottomWidth | BorderLeftWidth => {
            s.border_width[side(prop, BorderTopWidth)] =
                from.border_width[side(prop, BorderTopWidth)]
        }
        BorderTopStyle | BorderRightStyle | BorderBottomStyle | BorderLeftStyle => {
            s.border_style[side(prop, BorderTopStyle)] =
                from.border_style[side(prop, BorderTopStyle)]
        }
        BorderTopColor | BorderRightColor | BorderBottomColor | BorderLeftColor => {
            s.border_color[side(prop, BorderTopColor)] =
                from.border_color[side(prop, BorderTopColor)]
        }
        BoxSizing => s.border_box_sizing = from.border_box_sizing,
        BackgroundColor => s.background_color = from.background_color,
        BorderTopLeftRadius
        | BorderTopRightRadius
        | BorderBottomRightRadius
        | BorderBottomLeftRadius => {
            s.border_radius[side(prop, BorderTopLeftRadius)] =
                from.border_radius[side(prop, BorderTopLeftRadius)]
        }
        Color => s.color = from.color,
        Opacity => s.opacity = from.opacity,
        FontSize => s.font_size = from.font_size,
        FontWeight => s.font_weight = from.font_weight,
        FontStyle => s.italic = from.italic,
        FontFamily => s.font_family = from.font_family.clone(),
        LineHeight => s.line_height = from.line_height,
        TextAlign => s.text_align = from.text_align,
        TextDecorationLine => s.text_decoration_line = from.text_decoration_line,
        WhiteSpace => s.white_space = from.white_space,
        VerticalAlign => s.vertical_align = from.vertical_align,
        Visibility => {
            s.visibility = from.visibility;
            s.visibility_visible = from.visibility_visible;
        }
        OverflowX => s.overflow_x = from.overflow_x,
        OverflowY => s.overflow_y = from.overflow_y,
        ZIndex => s.z_index = from.z_index,
        FlexDirection => s.flex_direction = from.flex_direction,
        FlexWrap => s.flex_wrap = from.flex_wrap,
        FlexGrow => s.flex_grow = from.flex_grow,
        FlexShrink => s.flex_shrink = from.flex_shrink,
        FlexBasis => s.flex_basis = from.flex_basis,
        JustifyContent => s.justify_content = from.justify_content,
        AlignItems => s.align_items = from.align_items,
        AlignSelf => s.align_self = from.align_self,
        AlignContent => s.align_content = from.align_content,
        RowGap => s.row_gap = from.row_gap,
        ColumnGap => s.column_gap = from.column_gap,
        GridTemplateColumns => s.grid_template_columns = from.grid_template_columns.clone(),
        GridTemplateRows => s.grid_template_rows = from.grid_template_rows.clone(),
        GridAutoRows => s.grid_auto_rows = from.grid_auto_rows.clone(),
        GridAutoColumns => s.grid_auto_columns = from.grid_auto_columns.clone(),
        JustifyItems => s.justify_items = from.justify_items,
        JustifySelf => s.justify_self = from.justify_self,
        GridAutoFlow => s.grid_auto_flow = from.grid_auto_flow,
        GridColumnStart => s.grid_column.0 = from.grid_column.0,
        GridColumnEnd => s.grid_column.1 = from.grid_column.1,
        GridRowStart => s.grid_row.0 = from.grid_row.0,
        GridRowEnd => s.grid_row.1 = from.grid_row.1,
    }
}

/// The resolved value of a property for `getComputedStyle()` (CSSOM § 9 "resolved
/// values"): width/height/margins/paddings/insets come from layout when the element
/// has a box (`used` = the used values, top/right/bottom/left order for sides).
pub struct UsedGeometry {
    pub width: f32,
    pub height: f32,
    pub margin: [f32; 4],
    pub padding: [f32; 4],
    /// Used insets of a positioned box; None on a side that is over-constrained
    /// (its computed value is reported).
    pub inset: Option<[Option<f32>; 4]>,
    /// A grid container's used track sizes (columns, rows).
    pub grid_tracks: Option<(Vec<f32>, Vec<f32>)>,
}

pub fn serialize_property(s: &ComputedStyle, prop: Prop, used: Option<&UsedGeometry>) -> String {
    use Prop::*;
    let side = |p: Prop, first: Prop| p as usize - first as usize;
    let grid_line = |l: GridLine| match l {
        GridLine::Auto => "auto".to_string(),
        GridLine::Line(n) => n.to_string(),
        GridLine::Span(n) => format!("span {n}"),
    };
    match prop {
        Display => s.display_keyword.to_string(),
        Position => s.position_keyword.to_string(),
        Top | Right | Bottom | Left => match used.and_then(|u| u.inset) {
            Some(inset) if s.is_positioned() => match inset[side(prop, Top)] {
                Some(v) => px_css(v),
                None => s.inset[side(prop, Top)].to_css(),
            },
            _ => s.inset[side(prop, Top)].to_css(),
        },
        Width => match used {
            Some(u) if s.display != self::Display::Inline => px_css(u.width),
            _ => s.width.to_css(),
        },
        Height => match used {
            Some(u) if s.display != self::Display::Inline => px_css(u.height),
            _ => s.height.to_css(),
        },
        MinWidth => s.min_width.to_css(),
        MinHeight => s.min_height.to_css(),
        MaxWidth => s.max_width.map_or("none".into(), |l| l.to_css()),
        MaxHeight => s.max_height.map_or("none".into(), |l| l.to_css()),
        MarginTop | MarginRight | MarginBottom | MarginLeft => match used {
            Some(u) => px_css(u.margin[side(prop, MarginTop)]),
            None => s.margin[side(prop, MarginTop)].to_css(),
        },
        PaddingTop | PaddingRight | PaddingBottom | PaddingLeft => match used {
            Some(u) => px_css(u.padding[side(prop, PaddingTop)]),
            None => s.padding[side(prop, PaddingTop)].to_css(),
        },
        BorderTopWidth | BorderRightWidth | BorderBottomWidth | BorderLeftWidth => {
            px_css(s.border_width[side(prop, BorderTopWidth)])
        }
        BorderTopStyle | BorderRightStyle | BorderBottomStyle | BorderLeftStyle => {
            s.border_style[side(prop, BorderTopStyle)].to_string()
        }
        BorderTopColor | BorderRightColor | BorderBottomColor | BorderLeftColor => {
            s.border_color[side(prop, BorderTopColor)].to_css()
        }
        BoxSizing => if s.border_box_sizing {
            "border-box"
        } else {
            "content-box"
        }
        .into(),
        BackgroundColor => s.background_color.to_css(),
        BorderTopLeftRadius
        | BorderTopRightRadius
        | BorderBottomRightRadius
        | BorderBottomLeftRadius => {
            let (h, v) = s.border_radius[side(prop, BorderTopLeftRadius)];
            if h == v {
                h.to_css()
            } else {
                format!("{} {}", h.to_css(), v.to_css())
            }
        }
        Color => s.color.to_css(),
        Opacity => number_css(s.opacity),
        FontSize => px_css(s.font_size),
        FontWeight => s.font_weight.to_string(),
        FontStyle => if s.italic { "italic" } else { "normal" }.into(),
        FontFamily => s
            .font_family
            .iter()
            .map(|f| {
                if f.contains(' ') {
                    format!("\"{f}\"")
                } else {
                    f.clone()
                }
            })
            .collect::<Vec<_>>()
            .join(", "),
        LineHeight => match s.line_height {
            self::LineHeight::Normal => "normal".into(),
            _ => px_css(s.line_height_px()),
        },
        TextAlign => s.text_align.into(),
        TextDecorationLine => s.text_decoration_line.into(),
        WhiteSpace => s.white_space.into(),
        VerticalAlign => match s.vertical_align {
            self::VerticalAlign::Keyword(k) => k.into(),
            self::VerticalAlign::Shift(lp) => lp.to_css(),
        },
        Visibility => s.visibility.into(),
        OverflowX => s.overflow_x.into(),
        OverflowY => s.overflow_y.into(),
        ZIndex => s.z_index.map_or("auto".into(), |z| z.to_string()),
        FlexDirection => s.flex_direction.into(),
        FlexWrap => s.flex_wrap.into(),
        FlexGrow => number_css(s.flex_grow),
        FlexShrink => number_css(s.flex_shrink),
        FlexBasis => s.flex_basis.map_or("content".into(), |b| b.to_css()),
        JustifyContent => s.justify_content.into(),
        AlignItems => s.align_items.into(),
        AlignSelf => s.align_self.unwrap_or("auto").into(),
        AlignContent => s.align_content.into(),
        RowGap => s.row_gap.map_or("normal".into(), |g| g.to_css()),
        ColumnGap => s.column_gap.map_or("normal".into(), |g| g.to_css()),
        GridTemplateColumns | GridTemplateRows if used.is_some_and(|u| u.grid_tracks.is_some()) => {
            // CSS Grid 1 § 7.2.6: the resolved value of a grid container's template is
            // every track's used size.
            let (cols, rows) = used.and_then(|u| u.grid_tracks.as_ref()).expect("tracks");
            let t = if prop == GridTemplateColumns {
                cols
            } else {
                rows
            };
            if t.is_empty() {
                "none".into()
            } else {
                t.iter().map(|v| px_css(*v)).collect::<Vec<_>>().join(" ")
            }
        }
        GridTemplateColumns | GridTemplateRows => {
            let tracks = if prop == GridTemplateColumns {
                &s.grid_template_columns
            } else {
                &s.grid_template_rows
            };
            if tracks.is_empty() {
                "none".into()
            } else {
                tracks
                    .iter()
                    .map(track_entry_css)
                    .collect::<Vec<_>>()
                    .join(" ")
            }
        }
        GridAutoRows | GridAutoColumns => {
            let tracks = if prop == GridAutoRows {
                &s.grid_auto_rows
            } else {
                &s.grid_auto_columns
            };
            if tracks.is_empty() {
                "auto".into()
            } else {
                tracks
                    .iter()
                    .map(track_entry_css)
                    .collect::<Vec<_>>()
                    .join(" ")
            }
        }
        JustifyItems => s.justify_items.into(),
        JustifySelf => s.justify_self.unwrap_or("auto").into(),
        GridAutoFlow => s.grid_auto_flow.into(),
        GridColumnStart => grid_line(s.grid_column.0),
        GridColumnEnd => grid_line(s.grid_column.1),
        GridRowStart => grid_line(s.grid_row.0),
        GridRowEnd => grid_line(s.grid_row.1),
    }
}

fn track_size_css(t: &super::properties::TrackSize) -> String {
    use super::properties::TrackSize;
    match t {
        TrackSize::Length(LengthPercentage::Percent(p)) => format!("{}%", number_css(p * 100.0)),
        TrackSize::Length(LengthPercentage::Length(l)) => px_css(l.to_px(&LengthContext {
            font_size: 16.0,
            root_font_size: 16.0,
            viewport_w: 0.0,
            viewport_h: 0.0,
        })),
        TrackSize::Fr(f) => format!("{}fr", number_css(*f)),
        TrackSize::Auto => "auto".into(),
        TrackSize::MinContent => "min-content".into(),
        TrackSize::MaxContent => "max-content".into(),
        TrackSize::MinMax(a, b) => format!("minmax({}, {})", track_size_css(a), track_size_css(b)),
    }
}

fn track_entry_css(e: &TrackEntry) -> String {
    match e {
        TrackEntry::Single(t) => track_size_css(t),
        TrackEntry::Repeat(n, sizes) => format!(
            "repeat({n}, {})",
            sizes
                .iter()
                .map(track_size_css)
                .collect::<Vec<_>>()
                .join(" ")
        ),
    }
}
