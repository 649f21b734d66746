//! Layout: the box tree (CSS Display 3 § 2: which elements generate boxes, anonymous
//! block boxes around inline content), laid out by taffy (block, flex, grid, absolute
//! positioning) with each inline formatting context as a measured leaf; then absolute
//! page coordinates for every box, which paint, hit testing and the geometry APIs read.

pub mod inline;
pub mod taffy_style;

use std::collections::HashMap;
use std::rc::Rc;

use roundabout_engine::dom::{Document, NodeData, NodeId};
use taffy::prelude::{AvailableSpace, NodeId as TaffyId, Size, TaffyTree};
use taffy::style::Style;

use crate::fonts::Fonts;
use crate::style::computed::{ComputedStyle, Display, Position};
use crate::style::values::LengthContext;
use crate::style::Styles;
use inline::{InlineBox, TextRun, WhitespaceCollapser};
pub use inline::{InlineContent, Rect};

/// What generated a box.
pub enum BoxKind {
    /// The initial containing block (the viewport).
    Viewport,
    Element(NodeId),
    /// An anonymous block wrapping inline content (CSS 2 § 9.2.1.1) — its content is
    /// `inline`.
    Anonymous,
}

/// A laid-out box.
pub struct LayoutBox {
    pub kind: BoxKind,
    pub style: Rc<ComputedStyle>,
    /// The border box in page coordinates (CSS px, before scrolling).
    pub border_box: Rect,
    /// top, right, bottom, left
    pub border: [f32; 4],
    pub padding: [f32; 4],
    pub margin: [f32; 4],
    pub children: Vec<usize>,
    /// Inline content laid out in this box's content box.
    pub inline: Option<InlineContent>,
    /// The content box's origin in page coordinates (where `inline` is drawn).
    pub content_origin: (f32, f32),
    /// Whether this is the body element's box (its background may paint the canvas).
    pub is_body: bool,
}

impl LayoutBox {
    pub fn padding_box(&self) -> Rect {
        let b = self.border_box;
        Rect {
            x: b.x + self.border[3],
            y: b.y + self.border[0],
            w: (b.w - self.border[1] - self.border[3]).max(0.0),
            h: (b.h - self.border[0] - self.border[2]).max(0.0),
        }
    }

    pub fn node(&self) -> Option<NodeId> {
        match self.kind {
            BoxKind::Element(n) => Some(n),
            _ => None,
        }
    }
}

/// The result of laying out a document.
pub struct Layout {
    pub viewport: (f32, f32),
    pub boxes: Vec<LayoutBox>,
    /// Index 0 is the viewport box.
    pub by_node: HashMap<NodeId, usize>,
    /// Inline elements: (box holding their context, index of the inline box in it).
    pub inline_by_node: HashMap<NodeId, (usize, usize)>,
    /// The root element's box.
    pub root: Option<usize>,
}

impl Layout {
    /// The border-box rectangle of an element, or the union of an inline element's
    /// fragments; None when it generates no box.
    pub fn element_rect(&self, node: NodeId) -> Option<Rect> {
        if let Some(&i) = self.by_node.get(&node) {
            return Some(self.boxes[i].border_box);
        }
        let &(holder, idx) = self.inline_by_node.get(&node)?;
        let b = &self.boxes[holder];
        let inline = b.inline.as_ref()?;
        let (ox, oy) = b.content_origin;
        inline.boxes[idx]
            .fragments
            .iter()
            .map(|r| r.translate(ox, oy))
            .reduce(Rect::union)
            .or(Some(Rect {
                x: ox,
                y: oy,
                w: 0.0,
                h: 0.0,
            }))
    }

    pub fn element_box(&self, node: NodeId) -> Option<&LayoutBox> {
        self.by_node.get(&node).map(|&i| &self.boxes[i])
    }

    /// The nearest box whose border box contains the point, topmost last in paint
    /// order (a simple hit test: later boxes in tree order and positioned boxes win).
    pub fn hit_test(&self, x: f32, y: f32) -> Option<NodeId> {
        let mut best: Option<(i32, usize, NodeId)> = None;
        let mut order = 0usize;
        self.hit_walk(0, x, y, 0, &mut order, &mut best);
        best.map(|(_, _, n)| n)
    }

    fn hit_walk(
        &self,
        i: usize,
        x: f32,
        y: f32,
        z: i32,
        order: &mut usize,
        best: &mut Option<(i32, usize, NodeId)>,
    ) {
        let b = &self.boxes[i];
        let z = if b.style.is_positioned() {
            b.style.z_index.unwrap_or(0).max(z)
        } else {
            z
        };
        *order += 1;
        if let Some(node) = b.node() {
            if b.border_box.contains(x, y) && b.style.visibility_visible {
                let key = (z, *order, node);
                if best.is_none_or(|bst| (key.0, key.1) >= (bst.0, bst.1)) {
                    *best = Some(key);
                }
            }
        }
        // Inline elements under the point.
        if let Some(inline) = &b.inline {
            let (ox, oy) = b.content_origin;
            for ib in &inline.boxes {
                if ib
                    .fragments
                    .iter()
                    .any(|r| r.translate(ox, oy).contains(x, y))
                {
                    *order += 1;
                    let key = (z, *order, ib.node);
                    if best.is_none_or(|bst| (key.0, key.1) >= (bst.0, bst.1)) {
                        *best = Some(key);
                    }
                }
            }
        }
        for &c in &b.children {
            self.hit_walk(c, x, y, z, order, best);
        }
    }
}

/// One taffy node's origin in our box list.
struct Pending {
    taffy: TaffyId,
    kind: BoxKind,
    style: Rc<ComputedStyle>,
    children: Vec<usize>,
}

struct Builder<'a> {
    doc: &'a Document,
    styles: &'a Styles,
    tree: TaffyTree<InlineContent>,
    boxes: Vec<Pending>,
    cx: LengthContext,
    /// Inline formatting context leaves, in creation order (for sizing atomics).
    atomic_holders: Vec<usize>,
}

/// Whether a node generates an inline-level box or text (vs a block-level box).
enum Level {
    Inline,
    Block,
    OutOfFlow,
    Nothing,
}

impl<'a> Builder<'a> {
    fn style(&self, node: NodeId) -> Option<Rc<ComputedStyle>> {
        self.styles.get(node).cloned()
    }

    fn level(&self, node: NodeId) -> Level {
        match self.doc.data(node) {
            NodeData::Text(_) => Level::Inline,
            NodeData::Element(_) => match self.style(node) {
                None => Level::Nothing,
                Some(s) => match s.display {
                    Display::None => Level::Nothing,
                    _ if s.is_out_of_flow() => Level::OutOfFlow,
                    Display::Contents => Level::Inline,
                    d if d.is_inline_level() => Level::Inline,
                    _ => Level::Block,
                },
            },
            _ => Level::Nothing,
        }
    }

    fn new_box(
        &mut self,
        kind: BoxKind,
        style: Rc<ComputedStyle>,
        taffy_style: Style<String>,
    ) -> usize {
        let taffy = self.tree.new_leaf(taffy_style).expect("taffy node");
        self.boxes.push(Pending {
            taffy,
            kind,
            style,
            children: Vec::new(),
        });
        self.boxes.len() - 1
    }

    fn add_child(&mut self, parent: usize, child: usize) {
        let (p, c) = (self.boxes[parent].taffy, self.boxes[child].taffy);
        self.tree.add_child(p, c).expect("taffy child");
        self.boxes[parent].children.push(child);
    }

    fn cx_for(&self, s: &ComputedStyle) -> LengthContext {
        LengthContext {
            font_size: s.font_size,
            ..self.cx
        }
    }

    /// Builds the box of an element with a block-level or atomic display, and its
    /// descendants. `cb` is the box that is the containing block for absolutely
    /// positioned descendants (the nearest positioned ancestor, or the viewport).
    fn element_box(&mut self, node: NodeId, style: Rc<ComputedStyle>, cb: usize) -> usize {
        let taffy_style = taffy_style::to_taffy(&style, &self.cx_for(&style));
        let me = self.new_box(BoxKind::Element(node), style.clone(), taffy_style);
        let cb = if style.is_positioned() { me } else { cb };
        let container = matches!(
            style.display,
            Display::Flex | Display::InlineFlex | Display::Grid | Display::InlineGrid
        );
        let children = self.box_children(node);
        if container {
            // Every in-flow child is an item; runs of text become anonymous items.
            let mut run: Vec<NodeId> = Vec::new();
            for child in children {
                match self.level(child) {
                    Level::Nothing => {}
                    Level::OutOfFlow => self.out_of_flow(child, cb),
                    Level::Block => {
                        self.flush_inline(me, &style, &mut run, cb);
                        let s = self.style(child).expect("style");
                        let b = self.element_box(child, s, cb);
                        self.add_child(me, b);
                    }
                    Level::Inline => {
                        if matches!(self.doc.data(child), NodeData::Text(_)) {
                            run.push(child);
                        } else {
                            // Blockified already; an inline here is `display: contents`.
                            self.flush_inline(me, &style, &mut run, cb);
                            run.push(child);
                            self.flush_inline(me, &style, &mut run, cb);
                        }
                    }
                }
            }
            self.flush_inline(me, &style, &mut run, cb);
            return me;
        }
        // A block container: only block-level children, or only inline-level content
        // (wrapped in one anonymous box when mixed: CSS 2 § 9.2.1.1).
        let has_block = children
            .iter()
            .any(|c| matches!(self.level(*c), Level::Block));
        let mut run: Vec<NodeId> = Vec::new();
        for child in children {
            match self.level(child) {
                Level::Nothing => {}
                Level::OutOfFlow => self.out_of_flow(child, cb),
                Level::Inline => run.push(child),
                Level::Block => {
                    self.flush_inline(me, &style, &mut run, cb);
                    let s = self.style(child).expect("style");
                    let b = self.element_box(child, s, cb);
                    self.add_child(me, b);
                }
            }
        }
        if has_block {
            self.flush_inline(me, &style, &mut run, cb);
        } else {
            // Inline content directly in this box: one leaf child holding it.
            let mut content = InlineContent::new(style.clone());
            let mut ws = WhitespaceCollapser::default();
            for child in run {
                self.collect_inline(child, None, &style, &mut content, &mut ws, cb);
            }
            content.trim_end();
            if !content.is_empty() {
                let anon = self.inline_leaf(content, &style);
                self.add_child(me, anon);
            }
        }
        me
    }

    /// The children that take part in box generation (a template's contents are not
    /// children; `display: contents` is handled by the callers).
    fn box_children(&self, node: NodeId) -> Vec<NodeId> {
        // CSS Display 3 § 2.5: a `display: contents` element is replaced by its
        // children in the box tree.
        let mut out = Vec::new();
        for c in self.doc.children(node) {
            match self.style(c) {
                Some(s) if s.display == Display::Contents => out.extend(self.box_children(c)),
                _ => out.push(c),
            }
        }
        out
    }

    fn out_of_flow(&mut self, node: NodeId, cb: usize) {
        let s = self.style(node).expect("style");
        let b = self.element_box(node, s, cb);
        // CSS Position 3 § 3.1: the containing block is the nearest positioned
        // ancestor's padding box — taffy positions absolute children against their
        // parent, so the box hangs there (fixed boxes hang on the viewport).
        let parent = if self.boxes[b].style.position == Position::Fixed {
            0
        } else {
            cb
        };
        self.add_child(parent, b);
    }

    /// Wraps the pending inline-level run in an anonymous block (or, in a flex/grid
    /// container, an anonymous item).
    fn flush_inline(
        &mut self,
        parent: usize,
        parent_style: &Rc<ComputedStyle>,
        run: &mut Vec<NodeId>,
        cb: usize,
    ) {
        if run.is_empty() {
            return;
        }
        let mut content = InlineContent::new(Rc::new(anonymous_style(parent_style)));
        let mut ws = WhitespaceCollapser::default();
        for child in run.drain(..) {
            self.collect_inline(child, None, parent_style, &mut content, &mut ws, cb);
        }
        content.trim_end();
        if content.is_empty() {
            return;
        }
        let leaf = self.inline_leaf(content, parent_style);
        self.add_child(parent, leaf);
    }

    fn inline_leaf(&mut self, content: InlineContent, parent_style: &Rc<ComputedStyle>) -> usize {
        let style = Rc::new(anonymous_style(parent_style));
        // Atomic inlines hang under the context's box (paint order, hit testing,
        // positions) but not in taffy's tree: the context places them.
        let children: Vec<usize> = content.atomics.iter().map(|a| a.box_index).collect();
        let taffy = self
            .tree
            .new_leaf_with_context(Style::default(), content)
            .expect("taffy leaf");
        self.boxes.push(Pending {
            taffy,
            kind: BoxKind::Anonymous,
            style,
            children,
        });
        self.atomic_holders.push(self.boxes.len() - 1);
        self.boxes.len() - 1
    }

    /// Adds a node's inline content to `content`.
    fn collect_inline(
        &mut self,
        node: NodeId,
        owner: Option<usize>,
        parent_style: &Rc<ComputedStyle>,
        content: &mut InlineContent,
        ws: &mut WhitespaceCollapser,
        cb: usize,
    ) {
        match self.doc.data(node) {
            NodeData::Text(text) => {
                let processed = ws.process(text, parent_style.white_space);
                if !processed.is_empty() {
                    content.runs.push(TextRun {
                        text: processed,
                        style: parent_style.clone(),
                        owner,
                        node: Some(node),
                        atomic: None,
                    });
                }
            }
            NodeData::Element(el) => {
                let Some(style) = self.style(node) else {
                    return;
                };
                match self.level(node) {
                    Level::Nothing => return,
                    Level::OutOfFlow => {
                        self.out_of_flow(node, cb);
                        return;
                    }
                    // Block-level boxes inside inline content are not split out
                    // (block-in-inline); their text joins the line.
                    _ => {}
                }
                if el.is_html("br") {
                    content.runs.push(TextRun {
                        text: "\n".into(),
                        style: style.clone(),
                        owner,
                        node: Some(node),
                        atomic: None,
                    });
                    ws.forced_break();
                    return;
                }
                if matches!(
                    style.display,
                    Display::InlineBlock | Display::InlineFlex | Display::InlineGrid
                ) {
                    // An atomic inline: its own box tree, sized before the line is
                    // broken; a placeholder in the text (see inline.rs).
                    let b = self.element_box(node, style.clone(), cb);
                    content.atomics.push(inline::Atomic {
                        box_index: b,
                        width: 0.0,
                        above: 0.0,
                        below: 0.0,
                        position: (0.0, 0.0),
                    });
                    content.runs.push(TextRun {
                        text: inline::PLACEHOLDER.into(),
                        style: parent_style.clone(),
                        owner,
                        node: Some(node),
                        atomic: Some(content.atomics.len() - 1),
                    });
                    // Text after it is not at a line start: a space there stays.
                    ws.after_atomic();
                    return;
                }
                let me = if style.display == Display::Contents {
                    owner
                } else {
                    content.boxes.push(InlineBox {
                        node,
                        parent: owner,
                        style: style.clone(),
                        fragments: Vec::new(),
                    });
                    Some(content.boxes.len() - 1)
                };
                for child in self.box_children(node) {
                    self.collect_inline(child, me, &style, content, ws, cb);
                }
            }
            _ => {}
        }
    }
}

fn measure_leaf(
    fonts: &mut Fonts,
    inputs: taffy::LayoutInput,
    ctx: Option<&mut InlineContent>,
    style: &Style<String>,
) -> taffy::LayoutOutput {
    taffy::compute_leaf_layout(
        inputs,
        style,
        |_, _| 0.0,
        |known, available| {
            let Some(content) = ctx else {
                return Size::ZERO;
            };
            let width = known.width.or(match available.width {
                AvailableSpace::Definite(w) => Some(w),
                AvailableSpace::MinContent => Some(0.0),
                AvailableSpace::MaxContent => None,
            });
            let (w, h) = content.measure(fonts, width);
            Size {
                width: known.width.unwrap_or(w),
                height: known.height.unwrap_or(h),
            }
        },
    )
}

impl Builder<'_> {
    /// Lays out every atomic inline on its own (innermost first: an inline-block's
    /// own atomics are sized before it), shrink-to-fit when its width is auto
    /// (CSS 2 § 10.3.9), and gives its context the margin-box width and the
    /// extents around its baseline.
    fn size_atomics(&mut self, fonts: &mut Fonts) {
        for holder in self.atomic_holders.clone() {
            let leaf = self.boxes[holder].taffy;
            let atomics: Vec<usize> = self
                .tree
                .get_node_context(leaf)
                .map(|c| c.atomics.iter().map(|a| a.box_index).collect())
                .unwrap_or_default();
            let mut metrics = Vec::new();
            for b in atomics {
                let root = self.boxes[b].taffy;
                let style = self.boxes[b].style.clone();
                let width = match style.width {
                    crate::style::computed::LpAuto::Auto => AvailableSpace::MaxContent,
                    _ => AvailableSpace::Definite(self.cx.viewport_w),
                };
                let _ = self.tree.compute_layout_with_measure(
                    root,
                    Size {
                        width,
                        height: AvailableSpace::MaxContent,
                    },
                    |inputs, _id, ctx, style| measure_leaf(fonts, inputs, ctx, style),
                );
                let l = *self.tree.layout(root).expect("layout");
                let (mt, mb) = (l.margin.top, l.margin.bottom);
                let width = l.size.width + l.margin.left + l.margin.right;
                let height = l.size.height + mt + mb;
                let baseline = if style.clips_overflow() {
                    None
                } else {
                    self.last_baseline(b, 0.0)
                };
                let (above, below) = match baseline {
                    Some(y) => (mt + y, height - mt - y),
                    None => (height, 0.0),
                };
                metrics.push((width, above, below));
            }
            if let Some(content) = self.tree.get_node_context_mut(leaf) {
                for (a, (w, above, below)) in content.atomics.iter_mut().zip(metrics) {
                    a.width = w;
                    a.above = above;
                    a.below = below;
                }
            }
        }
    }

    /// The baseline of the last line box inside box `b`, relative to its border-box
    /// top (`offset` accumulates taffy locations on the way down).
    fn last_baseline(&self, b: usize, offset: f32) -> Option<f32> {
        let here = self.boxes[b].taffy;
        if let Some(content) = self.tree.get_node_context(here) {
            if let Some(line) = content.lines.last() {
                return Some(offset + line.baseline);
            }
        }
        for &c in self.boxes[b].children.iter().rev() {
            // Only in-flow children in taffy's tree count (not out-of-flow boxes
            // hung elsewhere, not atomics placed by a context).
            if self.tree.parent(self.boxes[c].taffy) != Some(here) {
                continue;
            }
            let l = self.tree.layout(self.boxes[c].taffy).ok()?;
            if let Some(y) = self.last_baseline(c, offset + l.location.y) {
                return Some(y);
            }
        }
        None
    }
}

/// The style of an anonymous box: inherits from its parent, everything else initial
/// (CSS 2 § 9.2.1.1).
fn anonymous_style(parent: &ComputedStyle) -> ComputedStyle {
    let mut s = ComputedStyle::initial();
    s.display = Display::Block;
    s.display_keyword = "block";
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
    s
}

/// Lays out the document at the given viewport size.
pub fn layout_document(
    doc: &Document,
    styles: &Styles,
    fonts: &mut Fonts,
    viewport: (f32, f32),
) -> Layout {
    let root_font = doc
        .document_element()
        .and_then(|r| styles.get(r))
        .map_or(16.0, |s| s.font_size);
    let mut b = Builder {
        doc,
        styles,
        tree: {
            // Fractional layout (as browsers keep it); paint snaps edges to pixels.
            let mut t = TaffyTree::new();
            t.disable_rounding();
            t
        },
        boxes: Vec::new(),
        cx: LengthContext {
            font_size: 16.0,
            root_font_size: root_font,
            viewport_w: viewport.0,
            viewport_h: viewport.1,
        },
        atomic_holders: Vec::new(),
    };
    // The initial containing block: the viewport (CSS 2 § 10.1).
    let mut icb_style = ComputedStyle::initial();
    icb_style.display = Display::Block;
    let viewport_box = b.new_box(
        BoxKind::Viewport,
        Rc::new(icb_style),
        Style {
            display: taffy::style::Display::Block,
            size: Size {
                width: taffy::style::Dimension::length(viewport.0),
                height: taffy::style::Dimension::length(viewport.1),
            },
            ..Style::default()
        },
    );
    let mut root_box = None;
    if let Some(root) = doc.document_element() {
        if let Some(style) = b.style(root).filter(|s| s.display != Display::None) {
            let r = b.element_box(root, style, viewport_box);
            b.add_child(viewport_box, r);
            root_box = Some(r);
        }
    }
    b.size_atomics(fonts);
    let root_taffy = b.boxes[viewport_box].taffy;
    b.tree
        .compute_layout_with_measure(
            root_taffy,
            Size {
                width: AvailableSpace::Definite(viewport.0),
                height: AvailableSpace::Definite(viewport.1),
            },
            |inputs, _id, ctx, style| measure_leaf(fonts, inputs, ctx, style),
        )
        .expect("taffy layout");

    // Absolute positions, top-down.
    let Builder {
        mut tree,
        boxes: pending,
        ..
    } = b;
    let mut boxes: Vec<LayoutBox> = Vec::with_capacity(pending.len());
    let mut parent_of: Vec<Option<usize>> = vec![None; pending.len()];
    for (i, p) in pending.iter().enumerate() {
        for &c in &p.children {
            parent_of[c] = Some(i);
        }
    }
    let mut taffy_ids = Vec::with_capacity(pending.len());
    for p in pending {
        taffy_ids.push(p.taffy);
        boxes.push(LayoutBox {
            kind: p.kind,
            style: p.style,
            border_box: Rect::default(),
            border: [0.0; 4],
            padding: [0.0; 4],
            margin: [0.0; 4],
            children: p.children,
            inline: None,
            content_origin: (0.0, 0.0),
            is_body: false,
        });
    }
    // Parents come before children in `boxes` (pre-order creation), except boxes
    // re-parented to a containing block created earlier — still a parent-first order.
    let mut order: Vec<usize> = Vec::with_capacity(boxes.len());
    let mut stack = vec![0usize];
    while let Some(i) = stack.pop() {
        order.push(i);
        for &c in boxes[i].children.iter().rev() {
            stack.push(c);
        }
    }
    // Atomic inlines: border-box origins given by their contexts' line layout.
    let mut placed: HashMap<usize, (f32, f32)> = HashMap::new();
    for &i in &order {
        let l = *tree.layout(taffy_ids[i]).expect("layout");
        let (x, y) = match (placed.get(&i), parent_of[i]) {
            (Some(&(x, y)), _) => (x + l.margin.left, y + l.margin.top),
            (None, Some(p)) => (
                boxes[p].border_box.x + l.location.x,
                boxes[p].border_box.y + l.location.y,
            ),
            (None, None) => (l.location.x, l.location.y),
        };
        let bx = &mut boxes[i];
        bx.border_box = Rect {
            x,
            y,
            w: l.size.width,
            h: l.size.height,
        };
        bx.border = [l.border.top, l.border.right, l.border.bottom, l.border.left];
        bx.padding = [
            l.padding.top,
            l.padding.right,
            l.padding.bottom,
            l.padding.left,
        ];
        bx.margin = [l.margin.top, l.margin.right, l.margin.bottom, l.margin.left];
        bx.content_origin = (
            bx.border_box.x + bx.border[3] + bx.padding[3],
            bx.border_box.y + bx.border[0] + bx.padding[0],
        );
        if let Some(mut content) = tree
            .get_node_context_mut(taffy_ids[i])
            .map(|c| std::mem::replace(c, InlineContent::new(Rc::new(ComputedStyle::initial()))))
        {
            let width =
                (l.size.width - l.padding.left - l.padding.right - l.border.left - l.border.right)
                    .max(0.0);
            content.finish(fonts, width);
            let (ox, oy) = bx.content_origin;
            for a in &content.atomics {
                placed.insert(a.box_index, (ox + a.position.0, oy + a.position.1));
            }
            bx.inline = Some(content);
        }
    }
    let mut by_node = HashMap::new();
    let body = doc
        .document_element()
        .and_then(|r| doc.child_html_element(r, "body"));
    for (i, bx) in boxes.iter_mut().enumerate() {
        if let Some(n) = bx.node() {
            by_node.insert(n, i);
            bx.is_body = Some(n) == body;
        }
    }
    let mut inline_by_node = HashMap::new();
    for (i, bx) in boxes.iter().enumerate() {
        for (idx, ib) in bx.inline.iter().flat_map(|c| c.boxes.iter().enumerate()) {
            inline_by_node.insert(ib.node, (i, idx));
        }
    }
    Layout {
        viewport,
        boxes,
        by_node,
        inline_by_node,
        root: root_box,
    }
}
