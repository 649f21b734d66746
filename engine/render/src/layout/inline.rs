//! Inline formatting contexts (CSS Inline 3, CSS Text 3): the text runs and inline
//! elements of one block container, shaped and broken into lines by cosmic-text. The
//! context is one measured leaf for taffy; after layout it knows where each glyph and
//! each inline element's line fragments are.

use std::rc::Rc;

use cosmic_text::{Align, Attrs, Buffer, Metrics, Shaping, Style as FontStyle, Weight, Wrap};
use roundabout_engine::dom::NodeId;

use crate::fonts::{FamilyChoice, Fonts};
use crate::style::ComputedStyle;

/// A rectangle in CSS px.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

impl Rect {
    pub fn union(self, o: Rect) -> Rect {
        let x = self.x.min(o.x);
        let y = self.y.min(o.y);
        Rect {
            x,
            y,
            w: (self.x + self.w).max(o.x + o.w) - x,
            h: (self.y + self.h).max(o.y + o.h) - y,
        }
    }

    pub fn translate(self, dx: f32, dy: f32) -> Rect {
        Rect {
            x: self.x + dx,
            y: self.y + dy,
            ..self
        }
    }

    pub fn contains(&self, x: f32, y: f32) -> bool {
        x >= self.x && x < self.x + self.w && y >= self.y && y < self.y + self.h
    }
}

/// An inline element (a box inside the context): its node, style and enclosing inline.
pub struct InlineBox {
    pub node: NodeId,
    pub parent: Option<usize>,
    pub style: Rc<ComputedStyle>,
    /// Its fragments, one per line it touches, relative to the context's origin
    /// (filled by `finish`).
    pub fragments: Vec<Rect>,
}

impl InlineBox {
    /// The fragments' border boxes: the content area grown by the padding and border
    /// above and below, and on the left of the first fragment and the right of the
    /// last (CSS Break 3 `box-decoration-break: slice`).
    pub fn border_fragments(&self) -> Vec<Rect> {
        let s = &self.style;
        let px = |lp: crate::style::values::Lp| lp.resolve(0.0);
        let n = self.fragments.len();
        self.fragments
            .iter()
            .enumerate()
            .map(|(k, f)| {
                let left = if k == 0 {
                    px(s.padding[3]) + s.border_width[3]
                } else {
                    0.0
                };
                let right = if k + 1 == n {
                    px(s.padding[1]) + s.border_width[1]
                } else {
                    0.0
                };
                let top = px(s.padding[0]) + s.border_width[0];
                let bottom = px(s.padding[2]) + s.border_width[2];
                Rect {
                    x: f.x - left,
                    y: f.y - top,
                    w: f.w + left + right,
                    h: f.h + top + bottom,
                }
            })
            .collect()
    }
}

/// The `box_index` of a spacer placeholder (an inline box's margin, border and
/// padding): it has no box.
pub const SPACER: usize = usize::MAX;

/// A run of text with one style, inside inline box `owner` (None = the block itself).
pub struct TextRun {
    pub text: String,
    pub style: Rc<ComputedStyle>,
    pub owner: Option<usize>,
    pub node: Option<NodeId>,
    /// Set for the placeholder of an atomic inline (index into `atomics`).
    pub atomic: Option<usize>,
}

/// An atomic inline (inline-block, inline-flex, inline-grid: CSS Display 3 § 2.4),
/// laid out on its own; in the line it is a placeholder character as wide as its
/// margin box.
pub struct Atomic {
    /// Its box in the layout's box list.
    pub box_index: usize,
    /// Margin-box width, and the extents above and below its baseline (CSS 2
    /// § 10.8.1: the last line box's baseline, or the bottom margin edge).
    pub width: f32,
    pub above: f32,
    pub below: f32,
    /// Its `vertical-align`.
    pub valign: crate::style::computed::VerticalAlign,
    /// Where its margin box landed, relative to the context (set by `finish`).
    pub position: (f32, f32),
}

impl Atomic {
    /// Extents above and below the line's baseline after `vertical-align` (CSS 2
    /// § 10.8.1), `parent` being the style of the inline box it sits in; None for
    /// `top`/`bottom`, which align to the line box itself.
    fn extents(&self, parent: &ComputedStyle) -> Option<(f32, f32)> {
        use crate::style::computed::VerticalAlign::{Keyword, Shift};
        let h = self.above + self.below;
        let fs = parent.font_size;
        let (ascent, descent) = ((fs * 0.928).round(), (fs * 0.236).round());
        Some(match self.valign {
            Keyword("top") | Keyword("bottom") => return None,
            // The midpoint at the parent's baseline plus half its x-height.
            Keyword("middle") => {
                let mid = fs * 0.547 / 2.0;
                (h / 2.0 + mid, h / 2.0 - mid)
            }
            Keyword("text-top") => (ascent, h - ascent),
            Keyword("text-bottom") => (h - descent, descent),
            Keyword("sub") => (
                self.above - (fs * 0.2).round(),
                self.below + (fs * 0.2).round(),
            ),
            Keyword("super") => (
                self.above + (fs * 0.34).round(),
                self.below - (fs * 0.34).round(),
            ),
            Shift(lp) => {
                let d = lp.resolve(0.0);
                (self.above + d, self.below - d)
            }
            _ => (self.above, self.below),
        })
    }
}

/// Glyph metadata at or above this marks an atomic inline's placeholder.
pub const ATOMIC_METADATA: usize = 1 << 30;

/// The object replacement character stands in for atomic inlines (CSS Text 3 § 5.1
/// treats them like it for line breaking).
pub const PLACEHOLDER: &str = "\u{FFFC}";

/// One line box (CSS Inline 3 § 2): its top, height and baseline, relative to the
/// context.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LineBox {
    pub top: f32,
    pub height: f32,
    pub baseline: f32,
    pub width: f32,
}

pub struct InlineContent {
    pub block_style: Rc<ComputedStyle>,
    pub runs: Vec<TextRun>,
    pub boxes: Vec<InlineBox>,
    pub atomics: Vec<Atomic>,
    /// The line boxes at the last layout width.
    pub lines: Vec<LineBox>,
    buffer: Option<Buffer>,
    /// The width the buffer was last laid out at (None = unbounded).
    laid_out_at: Option<Option<f32>>,
}

/// CSS Text 3 § 4.1.1 phase I: collapsing of spaces, tabs and segment breaks.
pub struct WhitespaceCollapser {
    /// Whether the last character emitted was a collapsible space (or the line start).
    after_space: bool,
}

impl Default for WhitespaceCollapser {
    fn default() -> Self {
        WhitespaceCollapser { after_space: true }
    }
}

impl WhitespaceCollapser {
    pub fn process(&mut self, text: &str, white_space: &str) -> String {
        let mut out = String::with_capacity(text.len());
        match white_space {
            "pre" | "pre-wrap" | "break-spaces" => {
                out.push_str(&text.replace("\r\n", "\n").replace('\r', "\n"));
                self.after_space = false;
            }
            "pre-line" => {
                for c in text.chars() {
                    if c == '\n' {
                        // Spaces before a preserved break are removed.
                        while out.ends_with(' ') {
                            out.pop();
                        }
                        out.push('\n');
                        self.after_space = true;
                    } else if c == ' ' || c == '\t' {
                        if !self.after_space {
                            out.push(' ');
                            self.after_space = true;
                        }
                    } else {
                        out.push(c);
                        self.after_space = false;
                    }
                }
            }
            _ => {
                for c in text.chars() {
                    if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c') {
                        if !self.after_space {
                            out.push(' ');
                            self.after_space = true;
                        }
                    } else {
                        out.push(c);
                        self.after_space = false;
                    }
                }
            }
        }
        out
    }

    /// A forced break (`<br>`) resets the "line start" state.
    pub fn forced_break(&mut self) {
        self.after_space = true;
    }

    /// After an atomic inline, a following space is kept.
    pub fn after_atomic(&mut self) {
        self.after_space = false;
    }
}

fn attrs_for<'a>(style: &ComputedStyle, family: &'a FamilyChoice, metadata: usize) -> Attrs<'a> {
    let mut attrs = Attrs::new();
    attrs.family = family.as_family();
    attrs.weight = Weight(style.font_weight);
    attrs.style = if style.italic {
        FontStyle::Italic
    } else {
        FontStyle::Normal
    };
    attrs.color_opt = None;
    attrs.metadata = metadata;
    attrs.metrics(shaping_metrics(style.font_size, style.line_height_px()))
}

/// cosmic-text's metrics for a run. Line boxes are ours (CSS line heights may be 0),
/// but cosmic-text must not see a zero line height or font size: its layout loop
/// never ends on a zero-height line (a `font-size: 0` or `line-height: 0` page would
/// hang), so both are kept above a small floor here.
fn shaping_metrics(font_size: f32, line_height: f32) -> Metrics {
    let font_size = if font_size.is_finite() {
        font_size.max(0.01)
    } else {
        16.0
    };
    let line_height = if line_height.is_finite() {
        line_height.max(1.0)
    } else {
        font_size
    };
    Metrics::new(font_size, line_height)
}

impl InlineContent {
    pub fn new(block_style: Rc<ComputedStyle>) -> InlineContent {
        InlineContent {
            block_style,
            runs: Vec::new(),
            boxes: Vec::new(),
            atomics: Vec::new(),
            lines: Vec::new(),
            buffer: None,
            laid_out_at: None,
        }
    }

    /// Forgets the shaped text (the atomics' sizes changed).
    pub fn invalidate(&mut self) {
        self.buffer = None;
        self.laid_out_at = None;
    }

    /// Whether the context has anything but collapsed-away white space.
    pub fn is_empty(&self) -> bool {
        self.runs.iter().all(|r| r.text.is_empty())
    }

    /// Removes collapsible spaces at the very end (CSS Text 3 § 4.1.2: spaces at the
    /// end of a line are removed; cosmic-text handles the ends of wrapped lines).
    pub fn trim_end(&mut self) {
        for run in self.runs.iter_mut().rev() {
            if matches!(run.style.white_space, "pre" | "pre-wrap" | "break-spaces") {
                break;
            }
            let trimmed = run.text.trim_end_matches(' ').len();
            let all_space = trimmed == 0;
            run.text.truncate(trimmed);
            if !all_space {
                break;
            }
        }
    }

    fn ensure_buffer(&mut self, fonts: &mut Fonts) {
        if self.buffer.is_some() {
            return;
        }
        let block = &self.block_style;
        let mut buffer = Buffer::new(
            &mut fonts.system,
            shaping_metrics(block.font_size, block.line_height_px()),
        );
        buffer.set_wrap(match block.white_space {
            "pre" | "nowrap" => Wrap::None,
            // overflow-wrap: normal — words are never broken (CSS Text 3 § 5.5).
            _ => Wrap::Word,
        });
        let families: Vec<FamilyChoice> = self
            .runs
            .iter()
            .map(|r| fonts.resolve(&r.style.font_family))
            .collect();
        let block_family = fonts.resolve(&block.font_family);
        let spans: Vec<(&str, Attrs)> = self
            .runs
            .iter()
            .zip(&families)
            .map(|(run, family)| match run.atomic {
                Some(i) => {
                    // The placeholder's advance is the atomic's margin-box width.
                    let mut attrs = attrs_for(&run.style, family, ATOMIC_METADATA + i);
                    let em = run.style.font_size.max(1.0);
                    let base = fonts.placeholder_advance_em(family);
                    attrs.letter_spacing_opt = Some(cosmic_text::LetterSpacing(
                        self.atomics[i].width / em - base,
                    ));
                    (run.text.as_str(), attrs)
                }
                None => {
                    let metadata = run.owner.map_or(0, |o| o + 1);
                    (run.text.as_str(), attrs_for(&run.style, family, metadata))
                }
            })
            .collect();
        let align = match block.text_align {
            "center" => Align::Center,
            "right" | "end" => Align::Right,
            "justify" => Align::Justified,
            _ => Align::Left,
        };
        buffer.set_rich_text(
            spans,
            &attrs_for(block, &block_family, 0),
            Shaping::Advanced,
            Some(align),
        );
        self.buffer = Some(buffer);
    }

    fn layout_at(&mut self, fonts: &mut Fonts, width: Option<f32>) {
        self.ensure_buffer(fonts);
        if self.laid_out_at == Some(width) {
            return;
        }
        let buffer = self.buffer.as_mut().expect("buffer");
        buffer.set_size(width, None);
        buffer.shape_until_scroll(&mut fonts.system, false);
        self.laid_out_at = Some(width);
        self.lines = self.line_boxes();
    }

    /// The extents of one inline box's text above and below the baseline: the
    /// font's ascent and descent (rounded separately, as Chromium does) plus half
    /// the leading each side, the top half floored (CSS Inline 3 § 4.2 / CSS 2
    /// § 10.8.1; tests/render/CALIBRATION.md).
    fn text_extents(style: &ComputedStyle) -> (f32, f32) {
        let fs = style.font_size;
        let (ascent, descent) = ((fs * 0.928).round(), (fs * 0.236).round());
        let line_height = style.line_height_px();
        let above = ascent + ((line_height - (ascent + descent)) / 2.0).floor();
        (above, line_height - above)
    }

    /// CSS 2 § 10.8: each line box is as tall as its tallest inline content above
    /// the baseline plus the deepest below it, the block's strut included.
    fn line_boxes(&self) -> Vec<LineBox> {
        let Some(buffer) = self.buffer.as_ref() else {
            return Vec::new();
        };
        let strut = Self::text_extents(&self.block_style);
        let mut lines = Vec::new();
        let mut top = 0.0f32;
        for run in buffer.layout_runs() {
            let (mut above, mut below) = strut;
            let mut line_aligned = 0.0f32;
            for glyph in run.glyphs {
                let (a, b) = match glyph.metadata.checked_sub(ATOMIC_METADATA) {
                    Some(i) => {
                        match self.atomics[i].extents(self.style_for_metadata(glyph.metadata)) {
                            Some(e) => e,
                            None => {
                                let a = &self.atomics[i];
                                line_aligned = line_aligned.max(a.above + a.below);
                                continue;
                            }
                        }
                    }
                    None => Self::text_extents(self.style_for_metadata(glyph.metadata)),
                };
                above = above.max(a);
                below = below.max(b);
            }
            // `top`/`bottom` boxes taller than the rest make the line taller below.
            below = below.max(line_aligned - above);
            lines.push(LineBox {
                top,
                height: above + below,
                baseline: top + above,
                width: run.line_w,
            });
            top += above + below;
        }
        lines
    }

    /// Measures the context for taffy: `width` None = max-content, Some(0) ≈ min-content.
    pub fn measure(&mut self, fonts: &mut Fonts, width: Option<f32>) -> (f32, f32) {
        self.layout_at(fonts, width);
        let w = self.lines.iter().map(|l| l.width).fold(0.0, f32::max);
        let h = self.lines.last().map_or(0.0, |l| l.top + l.height);
        (w, h)
    }

    /// Lays the context out at its final width and records each inline box's
    /// fragments (relative to the context's content box).
    pub fn finish(&mut self, fonts: &mut Fonts, width: f32) {
        self.layout_at(fonts, Some(width));
        for b in &mut self.boxes {
            b.fragments.clear();
        }
        let buffer = self.buffer.as_ref().expect("buffer");
        for (k, run) in buffer.layout_runs().enumerate() {
            let baseline = self.lines[k].baseline;
            let mut line: Vec<Option<Rect>> = vec![None; self.boxes.len()];
            for glyph in run.glyphs {
                if let Some(i) = glyph.metadata.checked_sub(ATOMIC_METADATA) {
                    let parent = self.style_for_metadata(glyph.metadata).clone();
                    let line = self.lines[k];
                    let a = &mut self.atomics[i];
                    let y = match a.extents(&parent) {
                        Some((above, _)) => baseline - above,
                        None if a.valign
                            == crate::style::computed::VerticalAlign::Keyword("top") =>
                        {
                            line.top
                        }
                        None => line.top + line.height - (a.above + a.below),
                    };
                    a.position = (glyph.x, y);
                    continue;
                }
                let mut owner = glyph.metadata.checked_sub(1);
                while let Some(i) = owner {
                    let b = &self.boxes[i];
                    // The inline box's content area: its font's ascent and descent
                    // around the baseline (CSS Inline 3 § 4.2).
                    // DejaVu's ascent and descent, each rounded to whole pixels as
                    // Chromium does (tests/render/CALIBRATION.md).
                    let fs = b.style.font_size;
                    let (ascent, descent) = ((fs * 0.928).round(), (fs * 0.236).round());
                    let r = Rect {
                        x: glyph.x,
                        y: baseline - ascent,
                        w: glyph.w,
                        h: ascent + descent,
                    };
                    line[i] = Some(line[i].map_or(r, |o| o.union(r)));
                    owner = b.parent;
                }
            }
            for (i, r) in line.into_iter().enumerate() {
                if let Some(r) = r {
                    self.boxes[i].fragments.push(r);
                }
            }
        }
    }

    pub fn buffer(&self) -> Option<&Buffer> {
        self.buffer.as_ref()
    }

    /// The laid-out lines: (top, height, width) relative to the context.
    pub fn lines(&self) -> Vec<(f32, f32, f32)> {
        self.buffer
            .as_ref()
            .map(|b| {
                b.layout_runs()
                    .map(|r| (r.line_top, r.line_height, r.line_w))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The style for glyphs with this metadata (0 = the block's).
    pub fn style_for_metadata(&self, metadata: usize) -> &ComputedStyle {
        if let Some(i) = metadata.checked_sub(ATOMIC_METADATA) {
            let run = self.runs.iter().find(|r| r.atomic == Some(i));
            return run.map_or(&self.block_style, |r| &r.style);
        }
        match metadata.checked_sub(1) {
            Some(i) => &self.boxes[i].style,
            None => &self.block_style,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn white_space_collapses_across_runs() {
        let mut c = WhitespaceCollapser::default();
        assert_eq!(c.process("  Hello \n\t world ", "normal"), "Hello world ");
        assert_eq!(
            c.process(" again", "normal"),
            "again",
            "space after a space is removed"
        );
        let mut c = WhitespaceCollapser::default();
        assert_eq!(c.process("a  \n  b", "pre-line"), "a\nb");
        assert_eq!(c.process(" x  y", "pre"), " x  y");
    }
}
