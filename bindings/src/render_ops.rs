//! The page's renderer as script sees it (CSSOM § 9 getComputedStyle, CSSOM View
//! geometry: getBoundingClientRect, offset*, client*, innerWidth, elementFromPoint,
//! scrolling). Style and layout run lazily here: on a geometry query, or when a frame
//! is painted, and only if the document changed since the last pass.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use deno_core::{op2, OpState};
use roundabout_engine::dom::{NodeData, NodeId};
use roundabout_render::style::computed::{serialize_property, UsedGeometry};
use roundabout_render::style::properties::{longhand, ALL_NAMES};
use roundabout_render::style::{Display, Position};
use roundabout_render::Renderer;

use crate::dom_ops::PageDocument;

/// The window's renderer, made on first use (fonts take a few milliseconds).
pub struct PageRenderer {
    renderer: RefCell<Option<Renderer>>,
    viewport: Cell<(u32, u32)>,
    system_fonts: bool,
    /// The viewport size the page last saw in a resize step.
    pub reported_viewport: Cell<(u32, u32)>,
    /// The document generation of the last painted frame (window shell).
    painted_generation: Cell<Option<u64>>,
    /// Something besides the DOM changed the picture (scroll, resize, expose).
    repaint: Cell<bool>,
    /// The viewport scrolled since the last rendering update (`scroll` is due).
    pub scroll_pending: Cell<bool>,
    /// How long the last `paint` took (style and layout if stale, then paint).
    pub last_paint: Cell<std::time::Duration>,
    /// Elements that scrolled since the last rendering update (`scroll` is due).
    pub element_scrolls_pending: RefCell<Vec<NodeId>>,
    /// Fetches `<link rel=stylesheet>` sheets (the page's file policy).
    sheet_loader: RefCell<Option<Rc<roundabout_render::style::cascade::SheetLoader>>>,
}

pub const DEFAULT_VIEWPORT: (u32, u32) = (800, 600);

impl PageRenderer {
    pub fn new(viewport: Option<(u32, u32)>, system_fonts: bool) -> PageRenderer {
        let viewport = viewport.unwrap_or(DEFAULT_VIEWPORT);
        PageRenderer {
            renderer: RefCell::new(None),
            viewport: Cell::new(viewport),
            system_fonts,
            reported_viewport: Cell::new(viewport),
            painted_generation: Cell::new(None),
            repaint: Cell::new(true),
            scroll_pending: Cell::new(false),
            element_scrolls_pending: RefCell::new(Vec::new()),
            last_paint: Cell::new(std::time::Duration::ZERO),
            sheet_loader: RefCell::new(None),
        }
    }

    /// Sets how linked style sheets are fetched.
    pub fn set_sheet_loader(&self, loader: Rc<roundabout_render::style::cascade::SheetLoader>) {
        *self.sheet_loader.borrow_mut() = Some(loader.clone());
        if let Some(r) = self.renderer.borrow_mut().as_mut() {
            r.sheet_loader = Some(loader);
            r.invalidate();
        }
    }

    /// Asks for a new frame even though the document did not change.
    pub fn request_repaint(&self) {
        self.repaint.set(true);
    }

    /// Whether the last painted frame is out of date.
    pub fn needs_paint(&self, generation: u64) -> bool {
        self.repaint.get() || self.painted_generation.get() != Some(generation)
    }

    /// Paints a frame of `doc` and remembers it as painted.
    pub fn paint(&self, doc: &roundabout_engine::dom::Document) -> roundabout_render::Pixmap {
        self.repaint.set(false);
        self.painted_generation.set(Some(doc.generation));
        let start = std::time::Instant::now();
        let frame = self.with(|r| r.paint(doc));
        self.last_paint.set(start.elapsed());
        frame
    }

    /// Scrolls the viewport (the window's wheel) and notes that `scroll` is due.
    pub fn scroll_by(&self, doc: &roundabout_engine::dom::Document, dx: f32, dy: f32) {
        let moved = self.with(|r| {
            let before = r.scroll;
            r.scroll_to(doc, before.0 + dx, before.1 + dy);
            r.scroll != before
        });
        if moved {
            self.scroll_pending.set(true);
            self.repaint.set(true);
        }
    }

    pub fn viewport(&self) -> (u32, u32) {
        self.viewport.get()
    }

    pub fn set_viewport(&self, w: u32, h: u32) {
        self.repaint.set(true);
        self.viewport.set((w.max(1), h.max(1)));
        if let Some(r) = self.renderer.borrow_mut().as_mut() {
            r.set_viewport(w.max(1), h.max(1));
        }
    }

    /// Runs `f` with the renderer (creating it on first use).
    pub fn with<T>(&self, f: impl FnOnce(&mut Renderer) -> T) -> T {
        let mut slot = self.renderer.borrow_mut();
        let r = slot.get_or_insert_with(|| {
            let mut r = Renderer::new(self.viewport.get(), self.system_fonts);
            r.sheet_loader = self.sheet_loader.borrow().clone();
            r
        });
        f(r)
    }
}

fn renderer(state: &OpState) -> Rc<PageRenderer> {
    state.borrow::<Rc<PageRenderer>>().clone()
}

fn element(
    state: &OpState,
    id: u32,
) -> Option<(Rc<RefCell<roundabout_engine::dom::Document>>, NodeId)> {
    let doc = state.borrow::<PageDocument>().0.clone();
    let ok = {
        let d = doc.borrow();
        (id as usize) < d.len() && matches!(d.data(NodeId(id)), NodeData::Element(_))
    };
    ok.then_some((doc, NodeId(id)))
}

/// `getComputedStyle(el).getPropertyValue(name)`: the resolved value (CSSOM § 9),
/// "" for an unknown property. Elements not in the document have no style: "".
#[op2]
#[string]
pub fn op_render_computed_style(state: &mut OpState, id: u32, #[string] name: &str) -> String {
    let Some((doc, node)) = element(state, id) else {
        return String::new();
    };
    let r = renderer(state);
    let doc = doc.borrow();
    r.with(|r| {
        let (styles, layout) = r.update(&doc);
        let Some(style) = styles.get(node) else {
            return String::new();
        };
        let insets = layout
            .by_node
            .get(&node)
            .and_then(|&i| used_insets(layout, i));
        let used = layout.element_box(node).map(|b| {
            let content_w =
                b.border_box.w - b.border[1] - b.border[3] - b.padding[1] - b.padding[3];
            let content_h =
                b.border_box.h - b.border[0] - b.border[2] - b.padding[0] - b.padding[2];
            UsedGeometry {
                width: if style.border_box_sizing {
                    b.border_box.w
                } else {
                    content_w.max(0.0)
                },
                height: if style.border_box_sizing {
                    b.border_box.h
                } else {
                    content_h.max(0.0)
                },
                margin: b.margin,
                padding: b.padding,
                inset: insets,
                grid_tracks: b.grid_tracks.clone(),
            }
        });
        resolved_value(style, used.as_ref(), &name.trim().to_ascii_lowercase()).unwrap_or_default()
    })
}

/// The resolved top/right/bottom/left of a positioned box (CSSOM § 9: the used
/// values). Relative: specified values with percentages resolved, an auto side the
/// negation of the opposite one. Absolute/fixed: the distances from the containing
/// block's padding edges to the margin box.
fn used_insets(layout: &roundabout_render::layout::Layout, i: usize) -> Option<[Option<f32>; 4]> {
    use roundabout_render::style::computed::LpAuto;
    let b = &layout.boxes[i];
    let s = &b.style;
    let parent = &layout.boxes[b.parent?];
    let set = |side: usize| s.inset[side] != LpAuto::Auto;
    match s.position {
        Position::Static => None,
        Position::Relative => {
            // The containing block of an in-flow box: its parent's content box.
            let p = parent.padding_box();
            let (cw, ch) = (
                p.w - parent.padding[1] - parent.padding[3],
                p.h - parent.padding[0] - parent.padding[2],
            );
            let resolve = |side: usize, basis: f32| match s.inset[side] {
                LpAuto::Auto => None,
                LpAuto::Lp(lp) => Some(lp.resolve(basis)),
            };
            // Both sides set: over-constrained, the computed values are reported.
            let (top, bottom) = match (resolve(0, ch), resolve(2, ch)) {
                (Some(_), Some(_)) => (None, None),
                (Some(t), None) => (Some(t), Some(-t)),
                (None, Some(b)) => (Some(-b), Some(b)),
                (None, None) => (Some(0.0), Some(0.0)),
            };
            let (left, right) = match (resolve(3, cw), resolve(1, cw)) {
                (Some(_), Some(_)) => (None, None),
                (Some(l), None) => (Some(l), Some(-l)),
                (None, Some(r)) => (Some(-r), Some(r)),
                (None, None) => (Some(0.0), Some(0.0)),
            };
            Some([top, right, bottom, left])
        }
        Position::Absolute | Position::Fixed => {
            let cb = parent.padding_box();
            let r = b.border_box;
            // Over-constrained on an axis (both insets and the size set): computed values.
            let v_over = set(0) && set(2) && s.height != LpAuto::Auto;
            let h_over = set(1) && set(3) && s.width != LpAuto::Auto;
            let pick = |over: bool, v: f32| (!over).then_some(v);
            Some([
                pick(v_over, r.y - b.margin[0] - cb.y),
                pick(h_over, cb.x + cb.w - (r.x + r.w + b.margin[1])),
                pick(v_over, cb.y + cb.h - (r.y + r.h + b.margin[2])),
                pick(h_over, r.x - b.margin[3] - cb.x),
            ])
        }
    }
}

/// [scrollWidth, scrollHeight] of an element: its scrolling area (CSSOM View § 6,
/// CSS Overflow 3 § 2.2).
#[op2]
#[serde]
pub fn op_render_scroll_size(state: &mut OpState, id: u32) -> Vec<f64> {
    let Some((doc, node)) = element(state, id) else {
        return vec![0.0, 0.0];
    };
    let r = renderer(state);
    let doc = doc.borrow();
    r.with(|r| {
        let layout = r.layout(&doc);
        let Some(&i) = layout.by_node.get(&node) else {
            return vec![0.0, 0.0];
        };
        let (w, h) = layout.scroll_size_of(i);
        vec![w.round() as f64, h.round() as f64]
    })
}

/// An element's [scrollLeft, scrollTop].
#[op2]
#[serde]
pub fn op_render_element_scroll(state: &mut OpState, id: u32) -> Vec<f64> {
    let Some((doc, node)) = element(state, id) else {
        return vec![0.0, 0.0];
    };
    let r = renderer(state);
    let doc = doc.borrow();
    let (x, y) = r.with(|r| r.element_scroll(&doc, node));
    vec![x as f64, y as f64]
}

/// Scrolls a scroll container (CSSOM View § 6 "scroll an element"); a `scroll`
/// event fires at it in the next rendering update's scroll steps.
#[op2(fast)]
pub fn op_render_element_scroll_to(state: &mut OpState, id: u32, x: f64, y: f64) {
    let Some((doc, node)) = element(state, id) else {
        return;
    };
    let r = renderer(state);
    let doc = doc.borrow();
    if r.with(|r| r.scroll_element_to(&doc, node, (x as f32, y as f32))) {
        r.request_repaint();
        let mut pending = r.element_scrolls_pending.borrow_mut();
        if !pending.contains(&node) {
            pending.push(node);
        }
    }
}

/// The property names getComputedStyle enumerates (CSSOM order: alphabetical).
#[op2]
#[serde]
pub fn op_render_style_names() -> Vec<String> {
    ALL_NAMES.iter().map(|(n, _)| n.to_string()).collect()
}

/// An element's border box relative to the viewport: [x, y, width, height, has a
/// box]; all zero without a box (CSSOM View § 6.1 getBoundingClientRect).
#[op2]
#[serde]
pub fn op_render_client_rect(state: &mut OpState, id: u32) -> Vec<f64> {
    let Some((doc, node)) = element(state, id) else {
        return vec![0.0; 5];
    };
    let r = renderer(state);
    let doc = doc.borrow();
    r.with(|r| {
        let (sx, sy) = if r.layout(&doc).is_fixed(node) {
            (0.0, 0.0)
        } else {
            r.scroll
        };
        match r.element_rect(&doc, node) {
            Some(rect) => vec![
                (rect.x - sx) as f64,
                (rect.y - sy) as f64,
                rect.w as f64,
                rect.h as f64,
                1.0,
            ],
            None => vec![0.0; 5],
        }
    })
}

/// getClientRects(): one rect per box fragment (an inline element: one per line),
/// viewport coordinates, flattened [x, y, w, h, ...]; empty without a box.
#[op2]
#[serde]
pub fn op_render_client_rects(state: &mut OpState, id: u32) -> Vec<f64> {
    let Some((doc, node)) = element(state, id) else {
        return Vec::new();
    };
    let r = renderer(state);
    let doc = doc.borrow();
    r.with(|r| {
        let scroll = r.scroll;
        let layout = r.layout(&doc);
        let (sx, sy) = if layout.is_fixed(node) {
            (0.0, 0.0)
        } else {
            scroll
        };
        layout
            .fragments(node)
            .iter()
            .flat_map(|f| [(f.x - sx) as f64, (f.y - sy) as f64, f.w as f64, f.h as f64])
            .collect()
    })
}

/// CSSOM View § 7 offset* and client*: [offsetParent id or -1, offsetTop,
/// offsetLeft, offsetWidth, offsetHeight, clientTop, clientLeft, clientWidth,
/// clientHeight]; null-ish zeros for elements without a box.
#[op2]
#[serde]
pub fn op_render_offsets(state: &mut OpState, id: u32) -> Vec<f64> {
    let Some((doc, node)) = element(state, id) else {
        return vec![-1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0];
    };
    let r = renderer(state);
    let doc = doc.borrow();
    let body = doc
        .document_element()
        .and_then(|h| doc.child_html_element(h, "body"));
    let root = doc.document_element();
    r.with(|r| {
        let viewport = r.viewport();
        let (styles, layout) = r.update(&doc);
        let Some(bounds) = layout.element_rect(node) else {
            return vec![-1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0];
        };
        // offsetTop/Left come from the first fragment of an inline box; the size is
        // its bounding box (CSSOM View § 7).
        let first = layout.fragments(node).first().copied().unwrap_or(bounds);
        let rect = roundabout_render::Rect {
            w: bounds.w,
            h: bounds.h,
            ..first
        };
        // offsetParent: the nearest positioned ancestor, or td/th/table for a
        // static element, or body; null for body, the root and fixed boxes.
        let fixed = styles
            .get(node)
            .is_some_and(|s| s.position == Position::Fixed);
        let mut parent = None;
        if Some(node) != body && Some(node) != root && !fixed {
            let positioned = styles.get(node).is_some_and(|s| s.is_positioned());
            let mut p = doc.parent(node);
            while let Some(a) = p {
                if !matches!(doc.data(a), NodeData::Element(_)) {
                    break;
                }
                let s = styles.get(a);
                let is_cell = doc
                    .data(a)
                    .element()
                    .is_some_and(|e| e.is_html("td") || e.is_html("th") || e.is_html("table"));
                if s.is_some_and(|s| s.is_positioned())
                    || Some(a) == body
                    || (!positioned && is_cell)
                {
                    parent = Some(a);
                    break;
                }
                p = doc.parent(a);
            }
        }
        let (top, left) = if Some(node) == body {
            // § 7: the body's offsetTop and offsetLeft are 0.
            (0.0, 0.0)
        } else {
            // Positions before any element scrolling (§ 7 ignores scroll offsets).
            let unscroll = |n: NodeId| {
                layout
                    .holder_of(n)
                    .map_or((0.0, 0.0), |i| layout.ancestor_scroll(i))
            };
            let (ux, uy) = unscroll(node);
            match parent.and_then(|p| {
                (Some(p) != body)
                    .then(|| layout.element_box(p).map(|b| (p, b)))
                    .flatten()
            }) {
                Some((p, pb)) => {
                    let pad = pb.padding_box();
                    let (px, py) = unscroll(p);
                    (rect.y + uy - (pad.y + py), rect.x + ux - (pad.x + px))
                }
                None => (rect.y + uy, rect.x + ux),
            }
        };
        let b = layout.element_box(node);
        let inline = styles
            .get(node)
            .is_some_and(|s| s.display == Display::Inline)
            || b.is_none();
        let (ct, cl, cw, ch) = if Some(node) == root {
            // The root element's client area is the viewport (CSSOM View § 7).
            (0.0, 0.0, viewport.0, viewport.1)
        } else if inline {
            (0.0, 0.0, 0.0, 0.0)
        } else {
            let b = b.expect("box");
            let p = b.padding_box();
            (b.border[0], b.border[3], p.w, p.h)
        };
        vec![
            parent.map_or(-1.0, |p| p.0 as f64),
            top.round() as f64,
            left.round() as f64,
            rect.w.round() as f64,
            rect.h.round() as f64,
            ct.round() as f64,
            cl.round() as f64,
            cw.round() as f64,
            ch.round() as f64,
        ]
    })
}

/// [innerWidth, innerHeight, scrollX, scrollY, scrollWidth, scrollHeight].
#[op2]
#[serde]
pub fn op_render_viewport(state: &mut OpState) -> Vec<f64> {
    let r = renderer(state);
    let (w, h) = r.viewport();
    let doc = state.borrow::<PageDocument>().0.clone();
    let doc = doc.borrow();
    r.with(|r| {
        let (sw, sh) = r.scroll_size(&doc);
        vec![
            w as f64,
            h as f64,
            r.scroll.0 as f64,
            r.scroll.1 as f64,
            sw as f64,
            sh as f64,
        ]
    })
}

/// window.scrollTo: clamps to the scrollable area (CSSOM View § 4 "scroll").
#[op2(fast)]
pub fn op_render_scroll_to(state: &mut OpState, x: f64, y: f64) {
    let r = renderer(state);
    let doc = state.borrow::<PageDocument>().0.clone();
    let doc = doc.borrow();
    let moved = r.with(|r| {
        let before = r.scroll;
        r.scroll_to(&doc, x as f32, y as f32);
        r.scroll != before
    });
    if moved {
        r.scroll_pending.set(true);
        r.request_repaint();
    }
}

/// document.elementFromPoint(x, y) in viewport coordinates: an element id or -1.
#[op2(fast)]
pub fn op_render_element_from_point(state: &mut OpState, x: f64, y: f64) -> i32 {
    let r = renderer(state);
    let doc = state.borrow::<PageDocument>().0.clone();
    let doc = doc.borrow();
    r.with(|r| {
        let (w, h) = r.viewport();
        if x < 0.0 || y < 0.0 || x >= w as f64 || y >= h as f64 {
            return -1;
        }
        let (sx, sy) = r.scroll;
        r.layout(&doc)
            .hit_test(x as f32, y as f32, (sx, sy))
            .or(doc.document_element())
            .map_or(-1, |n| n.0 as i32)
    })
}

/// A property's resolved value, longhands and the shorthands browsers serialize.
fn resolved_value(
    style: &roundabout_render::style::ComputedStyle,
    used: Option<&UsedGeometry>,
    name: &str,
) -> Option<String> {
    let one = |n: &str| longhand(n).map(|p| serialize_property(style, p, used));
    if let Some(v) = one(name) {
        return Some(v);
    }
    // A shorthand whose longhands differ in a way it cannot express serializes as ""
    // (CSSOM § 6.7.2 "serialize a CSS value").
    if name == "border" {
        let side = |s: &str| -> Option<String> {
            Some(format!(
                "{} {} {}",
                one(&format!("border-{s}-width"))?,
                one(&format!("border-{s}-style"))?,
                one(&format!("border-{s}-color"))?
            ))
        };
        let all: Vec<String> = ["top", "right", "bottom", "left"]
            .iter()
            .filter_map(|s| side(s))
            .collect();
        return Some(if all.iter().all(|v| *v == all[0]) {
            all[0].clone()
        } else {
            String::new()
        });
    }
    // Shorthands that browsers serialize from their longhands.
    let sides = |prefix: &str, suffix: &str| -> Option<String> {
        let v: Vec<String> = ["top", "right", "bottom", "left"]
            .iter()
            .map(|s| one(&format!("{prefix}-{s}{suffix}")))
            .collect::<Option<_>>()?;
        Some(if v[1] == v[3] {
            if v[0] == v[2] {
                if v[0] == v[1] {
                    v[0].clone()
                } else {
                    format!("{} {}", v[0], v[1])
                }
            } else {
                format!("{} {} {}", v[0], v[1], v[2])
            }
        } else {
            v.join(" ")
        })
    };
    match name {
        "margin" => sides("margin", ""),
        "padding" => sides("padding", ""),
        "inset" => sides("", "").or_else(|| {
            let v: Vec<String> = ["top", "right", "bottom", "left"]
                .iter()
                .filter_map(|s| one(s))
                .collect();
            Some(v.join(" "))
        }),
        "border-width" => sides("border", "-width"),
        "border-style" => sides("border", "-style"),
        "border-color" => sides("border", "-color"),
        "border" | "border-top" | "border-right" | "border-bottom" | "border-left" => {
            let side = if name == "border" { "top" } else { &name[7..] };
            let w = one(&format!("border-{side}-width"))?;
            let s = one(&format!("border-{side}-style"))?;
            let c = one(&format!("border-{side}-color"))?;
            Some(format!("{w} {s} {c}"))
        }
        "overflow" => {
            let (x, y) = (one("overflow-x")?, one("overflow-y")?);
            Some(if x == y { x } else { format!("{x} {y}") })
        }
        "gap" => {
            let (r, c) = (one("row-gap")?, one("column-gap")?);
            Some(if r == c { r } else { format!("{r} {c}") })
        }
        "flex" => Some(format!(
            "{} {} {}",
            one("flex-grow")?,
            one("flex-shrink")?,
            one("flex-basis")?
        )),
        "flex-flow" => Some(format!("{} {}", one("flex-direction")?, one("flex-wrap")?)),
        "background" => one("background-color"),
        "text-decoration" => one("text-decoration-line"),
        _ => None,
    }
}
