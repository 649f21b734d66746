//! Computed style → taffy style: the box-model and block/flex/grid properties that
//! taffy's algorithms read.

use taffy::geometry::{Line, MinMax, Rect, Size};
use taffy::style::{
    AlignContent, AlignItems, BoxSizing, Dimension, FlexDirection, FlexWrap, GridAutoFlow,
    GridPlacement, GridTemplateComponent, JustifyContent, LengthPercentage, LengthPercentageAuto,
    MaxTrackSizingFunction, MinTrackSizingFunction, Overflow, Position, Style, TrackSizingFunction,
};

use crate::style::computed::{ComputedStyle, Display, LpAuto, Position as CssPosition};
use crate::style::properties::{GridLine, TrackEntry, TrackSize};
use crate::style::values::{LengthContext, LengthPercentage as CssLp, Lp};

fn lp(v: Lp) -> LengthPercentage {
    match v {
        Lp::Px(px) => LengthPercentage::length(px),
        Lp::Percent(p) => LengthPercentage::percent(p),
    }
}

fn lpa(v: LpAuto) -> LengthPercentageAuto {
    match v {
        LpAuto::Auto => LengthPercentageAuto::auto(),
        LpAuto::Lp(Lp::Px(px)) => LengthPercentageAuto::length(px),
        LpAuto::Lp(Lp::Percent(p)) => LengthPercentageAuto::percent(p),
    }
}

fn dim(v: LpAuto) -> Dimension {
    match v {
        LpAuto::Auto => Dimension::auto(),
        LpAuto::Lp(Lp::Px(px)) => Dimension::length(px),
        LpAuto::Lp(Lp::Percent(p)) => Dimension::percent(p),
    }
}

fn align_items(k: &str) -> Option<AlignItems> {
    Some(match k {
        "stretch" => AlignItems::STRETCH,
        "flex-start" | "self-start" => AlignItems::FLEX_START,
        "start" => AlignItems::START,
        "flex-end" | "self-end" => AlignItems::FLEX_END,
        "end" => AlignItems::END,
        "center" => AlignItems::CENTER,
        "baseline" => AlignItems::BASELINE,
        "left" => AlignItems::START,
        "right" => AlignItems::END,
        _ => return None,
    })
}

fn align_content(k: &str) -> Option<AlignContent> {
    Some(match k {
        "stretch" => AlignContent::STRETCH,
        "flex-start" | "left" => AlignContent::FLEX_START,
        "start" => AlignContent::START,
        "flex-end" | "right" => AlignContent::FLEX_END,
        "end" => AlignContent::END,
        "center" => AlignContent::CENTER,
        "space-between" => AlignContent::SPACE_BETWEEN,
        "space-around" => AlignContent::SPACE_AROUND,
        "space-evenly" => AlignContent::SPACE_EVENLY,
        _ => return None,
    })
}

fn track_size(t: &TrackSize, cx: &LengthContext) -> TrackSizingFunction {
    let (min, max) = match t {
        TrackSize::Length(CssLp::Length(l)) => {
            let px = l.to_px(cx);
            (
                MinTrackSizingFunction::length(px),
                MaxTrackSizingFunction::length(px),
            )
        }
        TrackSize::Length(CssLp::Percent(p)) => (
            MinTrackSizingFunction::percent(*p),
            MaxTrackSizingFunction::percent(*p),
        ),
        TrackSize::Fr(f) => (
            MinTrackSizingFunction::auto(),
            MaxTrackSizingFunction::fr(*f),
        ),
        TrackSize::Auto => (
            MinTrackSizingFunction::auto(),
            MaxTrackSizingFunction::auto(),
        ),
        TrackSize::MinContent => (
            MinTrackSizingFunction::min_content(),
            MaxTrackSizingFunction::min_content(),
        ),
        TrackSize::MaxContent => (
            MinTrackSizingFunction::max_content(),
            MaxTrackSizingFunction::max_content(),
        ),
        TrackSize::MinMax(a, b) => {
            let min = track_size(a, cx).min;
            let max = track_size(b, cx).max;
            (min, max)
        }
    };
    MinMax { min, max }
}

/// A track list as sizing functions: a fixed-count repeat() is the same as writing
/// its tracks out.
fn auto_tracks(entries: &[TrackEntry], cx: &LengthContext) -> Vec<TrackSizingFunction> {
    let mut out = Vec::new();
    for e in entries {
        match e {
            TrackEntry::Single(t) => out.push(track_size(t, cx)),
            TrackEntry::Repeat(n, sizes) => {
                for _ in 0..*n {
                    out.extend(sizes.iter().map(|t| track_size(t, cx)));
                }
            }
        }
    }
    out
}

fn tracks(entries: &[TrackEntry], cx: &LengthContext) -> Vec<GridTemplateComponent<String>> {
    auto_tracks(entries, cx)
        .into_iter()
        .map(GridTemplateComponent::Single)
        .collect()
}

fn placement(l: GridLine) -> GridPlacement<String> {
    match l {
        GridLine::Auto => GridPlacement::Auto,
        GridLine::Line(n) => GridPlacement::Line(n.into()),
        GridLine::Span(n) => GridPlacement::Span(n),
    }
}

/// The taffy style of an element's box. `display` is the box's role for taffy (block
/// containers with inline content are blocks whose content is a measured leaf).
///
/// `new_bfc`: the box establishes a new block formatting context (CSS 2 § 9.4.1: the
/// root, flow-root, out-of-flow boxes, flex/grid items, atomic inlines, overflow
/// other than visible), so no margin collapses through its edges.
pub fn to_taffy(s: &ComputedStyle, cx: &LengthContext, new_bfc: bool) -> Style<String> {
    let display = match s.display {
        Display::Flex | Display::InlineFlex => taffy::style::Display::Flex,
        Display::Grid | Display::InlineGrid => taffy::style::Display::Grid,
        Display::None => taffy::style::Display::None,
        _ if new_bfc || s.display_keyword == "flow-root" || s.clips_overflow() => {
            taffy::style::Display::FlowRoot
        }
        _ => taffy::style::Display::Block,
    };
    let overflow = |k: &str| match k {
        "hidden" | "auto" | "scroll" => Overflow::Hidden,
        "clip" => Overflow::Clip,
        _ => Overflow::Visible,
    };
    let gap = |g: Option<Lp>| g.map_or(LengthPercentage::length(0.0), lp);
    Style {
        display,
        box_sizing: if s.border_box_sizing {
            BoxSizing::BorderBox
        } else {
            BoxSizing::ContentBox
        },
        position: match s.position {
            CssPosition::Absolute | CssPosition::Fixed => Position::Absolute,
            _ => Position::Relative,
        },
        inset: if s.position == CssPosition::Static {
            Rect::auto()
        } else {
            Rect {
                top: lpa(s.inset[0]),
                right: lpa(s.inset[1]),
                bottom: lpa(s.inset[2]),
                left: lpa(s.inset[3]),
            }
        },
        overflow: taffy::geometry::Point {
            x: overflow(s.overflow_x),
            y: overflow(s.overflow_y),
        },
        scrollbar_width: 0.0,
        size: Size {
            width: dim(s.width),
            height: dim(s.height),
        },
        min_size: Size {
            width: lpa(s.min_width),
            height: lpa(s.min_height),
        },
        max_size: Size {
            width: s
                .max_width
                .map_or(LengthPercentageAuto::auto(), |v| lpa(LpAuto::Lp(v))),
            height: s
                .max_height
                .map_or(LengthPercentageAuto::auto(), |v| lpa(LpAuto::Lp(v))),
        },
        margin: Rect {
            top: lpa(s.margin[0]),
            right: lpa(s.margin[1]),
            bottom: lpa(s.margin[2]),
            left: lpa(s.margin[3]),
        },
        padding: Rect {
            top: lp(s.padding[0]),
            right: lp(s.padding[1]),
            bottom: lp(s.padding[2]),
            left: lp(s.padding[3]),
        },
        border: Rect {
            top: LengthPercentage::length(s.border_width[0]),
            right: LengthPercentage::length(s.border_width[1]),
            bottom: LengthPercentage::length(s.border_width[2]),
            left: LengthPercentage::length(s.border_width[3]),
        },
        align_items: align_items(s.align_items).unwrap_or(AlignItems::NORMAL),
        align_self: s.align_self.and_then(align_items),
        align_content: align_content(s.align_content).unwrap_or(AlignContent::NORMAL),
        justify_content: match s.justify_content {
            "normal" | "stretch" => JustifyContent::NORMAL,
            k => align_content(k).unwrap_or(JustifyContent::NORMAL),
        },
        gap: Size {
            width: gap(s.column_gap),
            height: gap(s.row_gap),
        },
        flex_direction: match s.flex_direction {
            "row-reverse" => FlexDirection::RowReverse,
            "column" => FlexDirection::Column,
            "column-reverse" => FlexDirection::ColumnReverse,
            _ => FlexDirection::Row,
        },
        flex_wrap: match s.flex_wrap {
            "wrap" => FlexWrap::Wrap,
            "wrap-reverse" => FlexWrap::WrapReverse,
            _ => FlexWrap::NoWrap,
        },
        flex_grow: s.flex_grow,
        flex_shrink: s.flex_shrink,
        flex_basis: s.flex_basis.map_or(Dimension::auto(), dim),
        grid_template_columns: tracks(&s.grid_template_columns, cx),
        grid_template_rows: tracks(&s.grid_template_rows, cx),
        grid_auto_rows: auto_tracks(&s.grid_auto_rows, cx),
        grid_auto_columns: auto_tracks(&s.grid_auto_columns, cx),
        justify_items: align_items(s.justify_items).unwrap_or(AlignItems::NORMAL),
        justify_self: s.justify_self.and_then(align_items),
        grid_auto_flow: match s.grid_auto_flow {
            "column" => GridAutoFlow::Column,
            "row dense" => GridAutoFlow::RowDense,
            "column dense" => GridAutoFlow::ColumnDense,
            _ => GridAutoFlow::Row,
        },
        grid_column: Line {
            start: placement(s.grid_column.0),
            end: placement(s.grid_column.1),
        },
        grid_row: Line {
            start: placement(s.grid_row.0),
            end: placement(s.grid_row.1),
        },
        ..Style::default()
    }
}
