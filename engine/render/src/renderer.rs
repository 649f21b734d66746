//! The renderer of one page: fonts, the viewport, and the last style + layout, redone
//! lazily (on a geometry query or for a frame) when the document changed (its
//! generation counter moved) or the viewport did.

use roundabout_engine::dom::{Document, NodeId};
use tiny_skia::Pixmap;

use crate::fonts::Fonts;
use crate::layout::{layout_document, Layout, Rect};
use crate::paint::paint;
use crate::style::{author_sheets, compute_styles, ComputedStyle, Styles};

pub struct Renderer {
    fonts: Fonts,
    viewport: (f32, f32),
    /// The viewport's scroll position.
    pub scroll: (f32, f32),
    /// The document generation the cached style and layout were made from.
    cache: Option<(u64, Styles, Layout)>,
    /// Number of style + layout passes run (for tests and figures).
    pub layouts: u64,
    /// Scroll offsets of scroll containers (elements), re-applied after each layout.
    element_scroll: std::collections::HashMap<NodeId, (f32, f32)>,
    /// Fetches `<link rel=stylesheet>` sheets; without one they are left out.
    pub sheet_loader: Option<std::rc::Rc<crate::style::cascade::SheetLoader>>,
}

impl Renderer {
    pub fn new(viewport: (u32, u32), system_fonts: bool) -> Renderer {
        Renderer {
            fonts: Fonts::with_system_fonts(system_fonts),
            viewport: (viewport.0 as f32, viewport.1 as f32),
            scroll: (0.0, 0.0),
            cache: None,
            layouts: 0,
            element_scroll: Default::default(),
            sheet_loader: None,
        }
    }

    pub fn viewport(&self) -> (f32, f32) {
        self.viewport
    }

    pub fn set_viewport(&mut self, w: u32, h: u32) {
        if (w as f32, h as f32) != self.viewport {
            self.viewport = (w as f32, h as f32);
            self.cache = None;
        }
    }

    /// Forgets the last layout: the document (or anything styles depend on) changed.
    pub fn invalidate(&mut self) {
        self.cache = None;
    }

    /// Whether the cached layout is up to date with `doc`.
    pub fn is_current(&self, doc: &Document) -> bool {
        self.cache.as_ref().is_some_and(|c| c.0 == doc.generation)
    }

    /// Style and layout, recomputed only when invalidated.
    pub fn update(&mut self, doc: &Document) -> (&Styles, &Layout) {
        if !self.is_current(doc) {
            let sheets = author_sheets(doc, self.sheet_loader.as_deref());
            let styles = compute_styles(doc, &sheets, self.viewport);
            let mut layout = layout_document(doc, &styles, &mut self.fonts, self.viewport);
            self.layouts += 1;
            // Scroll containers keep their offsets across layouts (clamped anew);
            // elements that are gone or no longer scroll containers drop them.
            self.element_scroll
                .retain(|node, offset| match layout.by_node.get(node) {
                    Some(&i) if layout.boxes[i].style.clips_overflow() => {
                        *offset = layout.set_box_scroll(i, *offset);
                        true
                    }
                    _ => false,
                });
            self.cache = Some((doc.generation, styles, layout));
        }
        let (_, s, l) = self.cache.as_ref().expect("layout");
        (s, l)
    }

    pub fn layout(&mut self, doc: &Document) -> &Layout {
        self.update(doc).1
    }

    pub fn computed_style(&mut self, doc: &Document, node: NodeId) -> Option<&ComputedStyle> {
        self.update(doc).0.get(node).map(|s| &**s)
    }

    /// An element's border box (page coordinates), None without a box.
    pub fn element_rect(&mut self, doc: &Document, node: NodeId) -> Option<Rect> {
        self.layout(doc).element_rect(node)
    }

    /// The scrollable overflow of the viewport: (width, height), at least the viewport.
    pub fn scroll_size(&mut self, doc: &Document) -> (f32, f32) {
        let viewport = self.viewport;
        let layout = self.layout(doc);
        let (mut w, mut h) = viewport;
        for b in &layout.boxes {
            w = w.max(b.border_box.x + b.border_box.w);
            h = h.max(b.border_box.y + b.border_box.h);
        }
        (w, h)
    }

    /// An element's scroll offset (0, 0 unless it is a scroll container).
    pub fn element_scroll(&mut self, doc: &Document, node: NodeId) -> (f32, f32) {
        self.update(doc);
        self.element_scroll
            .get(&node)
            .copied()
            .unwrap_or((0.0, 0.0))
    }

    /// Scrolls an element (a scroll container) to `to`; returns whether it moved.
    pub fn scroll_element_to(&mut self, doc: &Document, node: NodeId, to: (f32, f32)) -> bool {
        self.update(doc);
        let before = self
            .element_scroll
            .get(&node)
            .copied()
            .unwrap_or((0.0, 0.0));
        let (_, _, layout) = self.cache.as_mut().expect("layout");
        let Some(&i) = layout.by_node.get(&node) else {
            return false;
        };
        let after = layout.set_box_scroll(i, to);
        if after == (0.0, 0.0) {
            self.element_scroll.remove(&node);
        } else {
            self.element_scroll.insert(node, after);
        }
        after != before
    }

    /// Scrolls the viewport, clamped to the scrollable overflow.
    pub fn scroll_to(&mut self, doc: &Document, x: f32, y: f32) {
        let (w, h) = self.scroll_size(doc);
        let clamp = |v: f32, max: f32| {
            if v.is_finite() {
                v.clamp(0.0, max.max(0.0))
            } else {
                0.0
            }
        };
        self.scroll = (clamp(x, w - self.viewport.0), clamp(y, h - self.viewport.1));
    }

    /// Paints a frame of the current layout.
    pub fn paint(&mut self, doc: &Document) -> Pixmap {
        self.update(doc);
        let (_, _, layout) = self.cache.as_ref().expect("layout");
        paint(layout, &mut self.fonts, self.scroll)
    }
}

/// Renders an HTML string at a viewport size to a pixmap (tests, tools).
pub fn render_html(html: &str, viewport: (u32, u32)) -> Pixmap {
    let doc = roundabout_engine::dom::parse_html_document(html).document;
    Renderer::new(viewport, false).paint(&doc)
}
