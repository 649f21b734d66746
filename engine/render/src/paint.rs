//! Paint: the canvas background from the root or body (CSS Backgrounds 3 § 2.11.2),
//! then the display list in stacking order (layout/stacking.rs, CSS 2 Appendix E):
//! backgrounds and borders, inline content, opacity groups as layers, each entry
//! clipped by the `overflow` of the boxes it hangs in. Box edges and text baselines
//! are snapped to device pixels, as browsers do.

use cosmic_text::Color;
use tiny_skia::{FillRule, Paint, PathBuilder, Pixmap, PixmapPaint, Transform};

use crate::fonts::Fonts;
use crate::layout::{BoxKind, Layout, Rect};
use crate::style::values::Rgba;

/// An integer pixel rectangle (x0, y0, x1, y1), exclusive end.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Px {
    x0: i32,
    y0: i32,
    x1: i32,
    y1: i32,
}

impl Px {
    fn snap(r: Rect) -> Px {
        Px {
            x0: r.x.round() as i32,
            y0: r.y.round() as i32,
            x1: (r.x + r.w).round() as i32,
            y1: (r.y + r.h).round() as i32,
        }
    }

    fn intersect(self, o: Px) -> Px {
        Px {
            x0: self.x0.max(o.x0),
            y0: self.y0.max(o.y0),
            x1: self.x1.min(o.x1),
            y1: self.y1.min(o.y1),
        }
    }

    fn is_empty(&self) -> bool {
        self.x1 <= self.x0 || self.y1 <= self.y0
    }
}

fn paint_color(c: Rgba, opacity: f32) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color_rgba8(
        c.r,
        c.g,
        c.b,
        (c.a * opacity * 255.0).round().clamp(0.0, 255.0) as u8,
    );
    paint.anti_alias = false;
    paint
}

struct Painter<'a> {
    layout: &'a Layout,
    fonts: &'a mut Fonts,
    /// Scroll offset of the viewport (page → device coordinates).
    scroll: (f32, f32),
}

/// Paints the layout into a new pixmap of the viewport's size.
pub fn paint(layout: &Layout, fonts: &mut Fonts, scroll: (f32, f32)) -> Pixmap {
    let (w, h) = (
        layout.viewport.0.max(1.0) as u32,
        layout.viewport.1.max(1.0) as u32,
    );
    let mut pixmap = Pixmap::new(w, h).expect("pixmap size");
    // CSS Backgrounds 3 § 2.11.2: the root's background paints the canvas; if it has
    // none, the body's does. The canvas default is white (the UA's).
    let canvas_bg = canvas_background(layout);
    pixmap.fill(tiny_skia::Color::WHITE);
    let full = Px {
        x0: 0,
        y0: 0,
        x1: w as i32,
        y1: h as i32,
    };
    fill_px(&mut pixmap, full, canvas_bg, 1.0);
    let mut painter = Painter {
        layout,
        fonts,
        scroll,
    };
    painter.run(&mut pixmap);
    pixmap
}

/// The canvas background (root, else body) and which box gave it.
fn canvas_background(layout: &Layout) -> Rgba {
    let Some(root) = layout.root else {
        return Rgba::TRANSPARENT;
    };
    let rs = &layout.boxes[root].style;
    if rs.background_color.a > 0.0 {
        return rs.background_color;
    }
    body_box(layout).map_or(Rgba::TRANSPARENT, |b| {
        layout.boxes[b].style.background_color
    })
}

fn body_box(layout: &Layout) -> Option<usize> {
    let root = layout.root?;
    layout.boxes[root]
        .children
        .iter()
        .copied()
        .find(|&c| layout.boxes[c].is_body)
}

fn fill_px(pixmap: &mut Pixmap, r: Px, c: Rgba, opacity: f32) {
    if r.is_empty() || c.a <= 0.0 {
        return;
    }
    if let Some(rect) =
        tiny_skia::Rect::from_ltrb(r.x0 as f32, r.y0 as f32, r.x1 as f32, r.y1 as f32)
    {
        pixmap.fill_rect(rect, &paint_color(c, opacity), Transform::identity(), None);
    }
}

/// Fills a polygon clipped to `clip` (borders with mitred corners).
fn fill_polygon(pixmap: &mut Pixmap, points: &[(f32, f32)], c: Rgba, clip: Px) {
    if c.a <= 0.0 {
        return;
    }
    let mut pb = PathBuilder::new();
    pb.move_to(points[0].0, points[0].1);
    for p in &points[1..] {
        pb.line_to(p.0, p.1);
    }
    pb.close();
    let Some(path) = pb.finish() else { return };
    let mask = clip_mask(pixmap, clip);
    pixmap.fill_path(
        &path,
        &paint_color(c, 1.0),
        FillRule::Winding,
        Transform::identity(),
        mask.as_ref(),
    );
}

fn clip_mask(pixmap: &Pixmap, clip: Px) -> Option<tiny_skia::Mask> {
    if clip.x0 <= 0
        && clip.y0 <= 0
        && clip.x1 >= pixmap.width() as i32
        && clip.y1 >= pixmap.height() as i32
    {
        return None;
    }
    let mut mask = tiny_skia::Mask::new(pixmap.width(), pixmap.height())?;
    let rect = tiny_skia::Rect::from_ltrb(
        clip.x0 as f32,
        clip.y0 as f32,
        clip.x1 as f32,
        clip.y1 as f32,
    )?;
    let path = PathBuilder::from_rect(rect);
    mask.fill_path(&path, FillRule::Winding, false, Transform::identity());
    Some(mask)
}

/// Blends one coverage span of a glyph (premultiplied source-over).
fn blend_pixel(pixmap: &mut Pixmap, x: i32, y: i32, color: Color) {
    let (w, h) = (pixmap.width() as i32, pixmap.height() as i32);
    if x < 0 || y < 0 || x >= w || y >= h {
        return;
    }
    let a = color.a() as u32;
    if a == 0 {
        return;
    }
    let i = ((y * w + x) * 4) as usize;
    let data = pixmap.data_mut();
    let inv = 255 - a;
    let src = [
        color.r() as u32 * a / 255,
        color.g() as u32 * a / 255,
        color.b() as u32 * a / 255,
        a,
    ];
    for k in 0..4 {
        data[i + k] = (src[k] + (data[i + k] as u32 * inv + 127) / 255).min(255) as u8;
    }
}

impl Painter<'_> {
    /// Page → device coordinates for box `i`: the viewport's scroll, except for
    /// boxes in a `position: fixed` subtree (placed against the viewport).
    fn device(&self, i: usize, r: Rect) -> Rect {
        let (sx, sy) = self.scroll_of(i);
        r.translate(-sx, -sy)
    }

    fn scroll_of(&self, i: usize) -> (f32, f32) {
        if self.layout.boxes[i].fixed {
            (0.0, 0.0)
        } else {
            self.scroll
        }
    }

    /// Paints the display list (layout/stacking.rs) into `base`: opacity groups
    /// paint into layers composited at their opacity.
    fn run(&mut self, base: &mut Pixmap) {
        use crate::layout::stacking::Item;
        let (w, h) = (base.width(), base.height());
        let viewport = Px {
            x0: 0,
            y0: 0,
            x1: w as i32,
            y1: h as i32,
        };
        let root = self.layout.root;
        let body_bg_on_canvas =
            root.is_some_and(|r| self.layout.boxes[r].style.background_color.a <= 0.0);
        let mut layers: Vec<(Pixmap, f32)> = Vec::new();
        for entry in self.layout.display_list() {
            let clip_for = |painter: &Self, i: usize| match entry.clip {
                Some(c) => viewport.intersect(Px::snap(painter.device(i, c))),
                None => viewport,
            };
            match entry.item {
                Item::PushLayer(opacity) => {
                    if let Some(layer) = Pixmap::new(w, h) {
                        layers.push((layer, opacity));
                    }
                }
                Item::PopLayer => {
                    if let Some((layer, opacity)) = layers.pop() {
                        let target = layers.last_mut().map_or(&mut *base, |(p, _)| p);
                        let paint = PixmapPaint {
                            opacity,
                            ..PixmapPaint::default()
                        };
                        target.draw_pixmap(
                            0,
                            0,
                            layer.as_ref(),
                            &paint,
                            Transform::identity(),
                            None,
                        );
                    }
                }
                Item::Decorations(i) => {
                    let clip = clip_for(self, i);
                    // The root's background is the canvas's, and the body's when the
                    // root has none (CSS Backgrounds 3 § 2.11.2): not painted again.
                    let skip =
                        Some(i) == root || (self.layout.boxes[i].is_body && body_bg_on_canvas);
                    let target = layers.last_mut().map_or(&mut *base, |(p, _)| p);
                    self.box_decorations(target, i, clip, skip);
                }
                Item::Text(i) => {
                    let clip = clip_for(self, i);
                    let target = layers.last_mut().map_or(&mut *base, |(p, _)| p);
                    self.box_text(target, i, clip);
                }
            }
        }
    }

    fn box_decorations(&mut self, target: &mut Pixmap, i: usize, clip: Px, skip_background: bool) {
        let b = &self.layout.boxes[i];
        let s = &b.style;
        if !s.visibility_visible || matches!(b.kind, BoxKind::Viewport | BoxKind::Anonymous) {
            return;
        }
        let outer = Px::snap(self.device(i, b.border_box));
        let radii = used_radii(s, outer);
        if radii.iter().any(|(x, y)| *x > 0.0 && *y > 0.0) {
            rounded_decorations(target, outer, radii, b.border, s, clip, skip_background);
            return;
        }
        if !skip_background && s.background_color.a > 0.0 {
            fill_px(target, outer.intersect(clip), s.background_color, 1.0);
        }
        if s.border_style
            .iter()
            .any(|st| matches!(*st, "dashed" | "dotted"))
        {
            dashed_borders(target, outer, b.border, s, clip);
            return;
        }
        self.borders(target, outer, b.border, s.border_color, clip);
    }

    /// Solid borders: each side a trapezoid (mitred corners), or a rectangle when
    /// neighbouring sides share a colour.
    fn borders(
        &self,
        target: &mut Pixmap,
        outer: Px,
        widths: [f32; 4],
        colors: [Rgba; 4],
        clip: Px,
    ) {
        let w = widths.map(|v| v.round());
        if w.iter().all(|v| *v <= 0.0) {
            return;
        }
        let (x0, y0, x1, y1) = (
            outer.x0 as f32,
            outer.y0 as f32,
            outer.x1 as f32,
            outer.y1 as f32,
        );
        let (t, r, bt, l) = (w[0], w[1], w[2], w[3]);
        if colors.iter().all(|c| *c == colors[0]) {
            let c = colors[0];
            fill_px(
                target,
                Px {
                    x0: outer.x0,
                    y0: outer.y0,
                    x1: outer.x1,
                    y1: outer.y0 + t as i32,
                }
                .intersect(clip),
                c,
                1.0,
            );
            fill_px(
                target,
                Px {
                    x0: outer.x0,
                    y0: outer.y1 - bt as i32,
                    x1: outer.x1,
                    y1: outer.y1,
                }
                .intersect(clip),
                c,
                1.0,
            );
            fill_px(
                target,
                Px {
                    x0: outer.x0,
                    y0: outer.y0 + t as i32,
                    x1: outer.x0 + l as i32,
                    y1: outer.y1 - bt as i32,
                }
                .intersect(clip),
                c,
                1.0,
            );
            fill_px(
                target,
                Px {
                    x0: outer.x1 - r as i32,
                    y0: outer.y0 + t as i32,
                    x1: outer.x1,
                    y1: outer.y1 - bt as i32,
                }
                .intersect(clip),
                c,
                1.0,
            );
            return;
        }
        let sides: [(usize, [(f32, f32); 4]); 4] = [
            (0, [(x0, y0), (x1, y0), (x1 - r, y0 + t), (x0 + l, y0 + t)]),
            (1, [(x1, y0), (x1, y1), (x1 - r, y1 - bt), (x1 - r, y0 + t)]),
            (
                2,
                [(x1, y1), (x0, y1), (x0 + l, y1 - bt), (x1 - r, y1 - bt)],
            ),
            (3, [(x0, y1), (x0, y0), (x0 + l, y0 + t), (x0 + l, y1 - bt)]),
        ];
        for (side, pts) in sides {
            if w[side] > 0.0 {
                fill_polygon(target, &pts, colors[side], clip);
            }
        }
    }

    fn box_text(&mut self, target: &mut Pixmap, i: usize, clip: Px) {
        let b = &self.layout.boxes[i];
        let Some(inline) = &b.inline else { return };
        let (ox, oy) = (
            b.content_origin.0 - self.scroll_of(i).0,
            b.content_origin.1 - self.scroll_of(i).1,
        );
        // Inline boxes' backgrounds and borders first (CSS 2 Appendix E step 7.2.1).
        for ib in &inline.boxes {
            let s = &ib.style;
            if !s.visibility_visible {
                continue;
            }
            let has_border = s.border_width.iter().any(|w| *w > 0.0);
            if s.background_color.a <= 0.0 && !has_border {
                continue;
            }
            let n = ib.fragments.len();
            for (k, f) in ib.border_fragments().into_iter().enumerate() {
                let px = Px::snap(f.translate(ox, oy));
                fill_px(target, px.intersect(clip), s.background_color, 1.0);
                // Left and right borders only where the box starts and ends.
                let mut widths = s.border_width;
                if k > 0 {
                    widths[3] = 0.0;
                }
                if k + 1 < n {
                    widths[1] = 0.0;
                }
                self.borders(target, px, widths, s.border_color, clip);
            }
        }
        let Some(buffer) = inline.buffer() else {
            return;
        };
        let fonts = &mut *self.fonts;
        for (k, run) in buffer.layout_runs().enumerate() {
            let line_y = inline.lines.get(k).map_or(run.line_y, |l| l.baseline);
            for glyph in run.glyphs {
                if glyph.metadata >= crate::layout::inline::ATOMIC_METADATA {
                    continue; // an atomic inline's placeholder: the box paints itself
                }
                let style = inline.style_for_metadata(glyph.metadata);
                if !style.visibility_visible || style.color.a <= 0.0 {
                    continue;
                }
                let c = style.color;
                let color = Color::rgba(c.r, c.g, c.b, (c.a * 255.0).round() as u8);
                // Baselines snap to whole pixels, as Skia does for horizontal text.
                let physical = glyph.physical((ox, (oy + line_y).round()), 1.0);
                let Some(image) = fonts.swash.get_image(&mut fonts.system, physical.cache_key)
                else {
                    continue;
                };
                let (gx, gy) = (
                    physical.x + image.placement.left,
                    physical.y - image.placement.top,
                );
                let (gw, gh) = (image.placement.width as i32, image.placement.height as i32);
                match image.content {
                    cosmic_text::SwashContent::Mask => {
                        let mut k = 0usize;
                        for yy in 0..gh {
                            for xx in 0..gw {
                                let coverage = image.data[k] as u32;
                                k += 1;
                                let (px, py) = (gx + xx, gy + yy);
                                if coverage == 0
                                    || px < clip.x0
                                    || px >= clip.x1
                                    || py < clip.y0
                                    || py >= clip.y1
                                {
                                    continue;
                                }
                                let a = (color.a() as u32 * coverage / 255) as u8;
                                blend_pixel(
                                    target,
                                    px,
                                    py,
                                    Color::rgba(color.r(), color.g(), color.b(), a),
                                );
                            }
                        }
                    }
                    cosmic_text::SwashContent::Color => {
                        let mut k = 0usize;
                        for yy in 0..gh {
                            for xx in 0..gw {
                                let p = &image.data[k..k + 4];
                                k += 4;
                                let (px, py) = (gx + xx, gy + yy);
                                if px < clip.x0 || px >= clip.x1 || py < clip.y0 || py >= clip.y1 {
                                    continue;
                                }
                                blend_pixel(target, px, py, Color::rgba(p[0], p[1], p[2], p[3]));
                            }
                        }
                    }
                    cosmic_text::SwashContent::SubpixelMask => {}
                }
                // Underline / line-through (CSS Text Decoration 3 § 2), propagated
                // from the inline box or block that declares it.
                // Underline / line-through / overline (CSS Text Decoration 3 § 2):
                // every decoration in effect, in the colour of the box declaring it.
                for &(decoration, color) in &style.text_decorations {
                    let fs = style.font_size;
                    let thickness = (fs / 14.0).round().max(1.0) as i32;
                    let y = match decoration {
                        "underline" => oy + line_y + (fs * 0.12).round().max(1.0),
                        "line-through" => oy + line_y - (fs * 0.3).round(),
                        _ => oy + line_y - (fs * 0.93).round(),
                    };
                    let line = Px::snap(Rect {
                        x: ox + glyph.x,
                        y,
                        w: glyph.w,
                        h: 0.0,
                    });
                    let line = Px {
                        y1: line.y0 + thickness,
                        ..line
                    };
                    fill_px(target, line.intersect(clip), color, 1.0);
                }
            }
        }
    }
}

/// Corner radii in px, (horizontal, vertical) for top-left, top-right,
/// bottom-right, bottom-left; percentages of the border box's width and height; all
/// scaled down when adjacent ones would overlap (CSS Backgrounds 3 § 5.5).
fn used_radii(s: &crate::style::ComputedStyle, outer: Px) -> [(f32, f32); 4] {
    let (w, h) = ((outer.x1 - outer.x0) as f32, (outer.y1 - outer.y0) as f32);
    let r = s
        .border_radius
        .map(|(x, y)| (x.resolve(w).max(0.0), y.resolve(h).max(0.0)));
    if r.iter().all(|(x, y)| *x == 0.0 || *y == 0.0) {
        return [(0.0, 0.0); 4];
    }
    let f = [
        w / (r[0].0 + r[1].0),
        h / (r[1].1 + r[2].1),
        w / (r[2].0 + r[3].0),
        h / (r[3].1 + r[0].1),
    ]
    .into_iter()
    .filter(|v| v.is_finite())
    .fold(1.0f32, f32::min);
    r.map(|(x, y)| (x * f, y * f))
}

/// A rounded rectangle path with elliptical corners (cubic arcs, kappa 0.5523).
fn rounded_rect(pb: &mut PathBuilder, x0: f32, y0: f32, x1: f32, y1: f32, r: [(f32, f32); 4]) {
    const K: f32 = 0.552_284_8;
    let [(tlx, tly), (trx, try_), (brx, bry), (blx, bly)] = r;
    pb.move_to(x0 + tlx, y0);
    pb.line_to(x1 - trx, y0);
    pb.cubic_to(
        x1 - trx + trx * K,
        y0,
        x1,
        y0 + try_ - try_ * K,
        x1,
        y0 + try_,
    );
    pb.line_to(x1, y1 - bry);
    pb.cubic_to(x1, y1 - bry + bry * K, x1 - brx + brx * K, y1, x1 - brx, y1);
    pb.line_to(x0 + blx, y1);
    pb.cubic_to(x0 + blx - blx * K, y1, x0, y1 - bly + bly * K, x0, y1 - bly);
    pb.line_to(x0, y0 + tly);
    pb.cubic_to(x0, y0 + tly - tly * K, x0 + tlx - tlx * K, y0, x0 + tlx, y0);
    pb.close();
}

/// Background and borders of a box with rounded corners: the background fills the
/// rounded border box; the border is the ring between it and the padding box with
/// radii reduced by the border widths (CSS Backgrounds 3 § 5.2), in the top
/// border's colour.
fn rounded_decorations(
    target: &mut Pixmap,
    outer: Px,
    radii: [(f32, f32); 4],
    widths: [f32; 4],
    s: &crate::style::ComputedStyle,
    clip: Px,
    skip_background: bool,
) {
    let (x0, y0, x1, y1) = (
        outer.x0 as f32,
        outer.y0 as f32,
        outer.x1 as f32,
        outer.y1 as f32,
    );
    let mask = clip_mask(target, clip);
    let mut paint = paint_color(s.background_color, 1.0);
    paint.anti_alias = true;
    if !skip_background && s.background_color.a > 0.0 {
        let mut pb = PathBuilder::new();
        rounded_rect(&mut pb, x0, y0, x1, y1, radii);
        if let Some(path) = pb.finish() {
            target.fill_path(
                &path,
                &paint,
                FillRule::Winding,
                Transform::identity(),
                mask.as_ref(),
            );
        }
    }
    let w = widths.map(|v| v.round());
    if w.iter().all(|v| *v <= 0.0) {
        return;
    }
    // The padding edge's radii: the outer ones minus the adjacent border widths.
    let inner = [
        ((radii[0].0 - w[3]).max(0.0), (radii[0].1 - w[0]).max(0.0)),
        ((radii[1].0 - w[1]).max(0.0), (radii[1].1 - w[0]).max(0.0)),
        ((radii[2].0 - w[1]).max(0.0), (radii[2].1 - w[2]).max(0.0)),
        ((radii[3].0 - w[3]).max(0.0), (radii[3].1 - w[2]).max(0.0)),
    ];
    let mut pb = PathBuilder::new();
    rounded_rect(&mut pb, x0, y0, x1, y1, radii);
    rounded_rect(&mut pb, x0 + w[3], y0 + w[0], x1 - w[1], y1 - w[2], inner);
    let color = s.border_color[if w[0] > 0.0 {
        0
    } else {
        w.iter().position(|v| *v > 0.0).unwrap_or(0)
    }];
    let mut paint = paint_color(color, 1.0);
    paint.anti_alias = true;
    if let Some(path) = pb.finish() {
        target.fill_path(
            &path,
            &paint,
            FillRule::EvenOdd,
            Transform::identity(),
            mask.as_ref(),
        );
    }
}

/// Dashed and dotted sides (other sides solid): each side stroked along its middle
/// with dashes three widths long, or round dots one width apart.
fn dashed_borders(
    target: &mut Pixmap,
    outer: Px,
    widths: [f32; 4],
    s: &crate::style::ComputedStyle,
    clip: Px,
) {
    let (x0, y0, x1, y1) = (
        outer.x0 as f32,
        outer.y0 as f32,
        outer.x1 as f32,
        outer.y1 as f32,
    );
    let w = widths.map(|v| v.round());
    let mask = clip_mask(target, clip);
    let sides = [
        ((x0, y0 + w[0] / 2.0), (x1, y0 + w[0] / 2.0)),
        ((x1 - w[1] / 2.0, y0), (x1 - w[1] / 2.0, y1)),
        ((x1, y1 - w[2] / 2.0), (x0, y1 - w[2] / 2.0)),
        ((x0 + w[3] / 2.0, y1), (x0 + w[3] / 2.0, y0)),
    ];
    for (k, (a, b)) in sides.into_iter().enumerate() {
        if w[k] <= 0.0 {
            continue;
        }
        let mut pb = PathBuilder::new();
        pb.move_to(a.0, a.1);
        pb.line_to(b.0, b.1);
        let Some(path) = pb.finish() else { continue };
        let mut stroke = tiny_skia::Stroke {
            width: w[k],
            ..Default::default()
        };
        match s.border_style[k] {
            "dashed" => stroke.dash = tiny_skia::StrokeDash::new(vec![3.0 * w[k], 3.0 * w[k]], 0.0),
            "dotted" => {
                stroke.line_cap = tiny_skia::LineCap::Round;
                stroke.dash = tiny_skia::StrokeDash::new(vec![0.0, 2.0 * w[k]], 0.0);
            }
            _ => {}
        }
        let mut paint = paint_color(s.border_color[k], 1.0);
        paint.anti_alias = s.border_style[k] == "dotted";
        target.stroke_path(&path, &paint, &stroke, Transform::identity(), mask.as_ref());
    }
}
