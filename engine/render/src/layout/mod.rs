//! Layout: the box tree (CSS Display 3 § 2: which elements generate boxes, anonymous
//! block boxes around inline content), laid out by taffy (block, flex, grid, absolute
//! positioning) with each inline formatting context as a measured leaf; then absolute
//! page coordinates for every box, which paint, hit testing and the geometry APIs read.

pub mod inline;
pub mod stacking;
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
    /// The box it hangs under (its containing block for out-of-flow boxes).
    pub parent: Option<usize>,
    /// Inside a `position: fixed` box: placed against the viewport, not scrolled.
    pub fixed: bool,
    /// A grid container's used track sizes: (columns, rows), implicit tracks included.
    pub grid_tracks: Option<(Vec<f32>, Vec<f32>)>,
    /// A scroll container's scroll offset, already applied to what is inside it.
    pub scroll: (f32, f32),
    /// An out-of-flow box: the box it would be in (its element-tree parent's box)
    /// and its previous in-flow sibling there (stacking and static position).
    pub static_parent: Option<(usize, Option<usize>)>,
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
    /// Inline elements split around blocks: the union of their pieces.
    pub split_rects: HashMap<NodeId, Rect>,
}

impl Layout {
    /// The border-box rectangle of an element, or the union of an inline element's
    /// fragments; None when it generates no box.
    pub fn element_rect(&self, node: NodeId) -> Option<Rect> {
        if let Some(&i) = self.by_node.get(&node) {
            return Some(self.boxes[i].border_box);
        }
        if let Some(r) = self.split_rects.get(&node) {
            return Some(*r);
        }
        let &(holder, idx) = self.inline_by_node.get(&node)?;
        let b = &self.boxes[holder];
        let inline = b.inline.as_ref()?;
        let (ox, oy) = b.content_origin;
        inline.boxes[idx]
            .border_fragments()
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

    /// Whether the element's box (or the context holding it) is in a fixed subtree.
    pub fn is_fixed(&self, node: NodeId) -> bool {
        match (self.by_node.get(&node), self.inline_by_node.get(&node)) {
            (Some(&i), _) | (None, Some(&(i, _))) => self.boxes[i].fixed,
            _ => false,
        }
    }

    /// An inline element's fragments (one per line), page coordinates.
    pub fn fragments(&self, node: NodeId) -> Vec<Rect> {
        let Some(&(holder, idx)) = self.inline_by_node.get(&node) else {
            return self.element_rect(node).into_iter().collect();
        };
        let b = &self.boxes[holder];
        let (ox, oy) = b.content_origin;
        b.inline.as_ref().map_or(Vec::new(), |c| {
            c.boxes[idx]
                .border_fragments()
                .iter()
                .map(|r| r.translate(ox, oy))
                .collect()
        })
    }

    pub fn element_box(&self, node: NodeId) -> Option<&LayoutBox> {
        self.by_node.get(&node).map(|&i| &self.boxes[i])
    }

    /// The scrolling area of box `i` (CSSOM View § 6): its padding box grown to hold
    /// the border boxes laid out inside it, plus the end padding; (width, height).
    pub fn scroll_size_of(&self, i: usize) -> (f32, f32) {
        let b = &self.boxes[i];
        let p = b.padding_box();
        let (mut right, mut bottom) = (p.x + p.w, p.y + p.h);
        let mut stack = b.children.clone();
        while let Some(c) = stack.pop() {
            let d = &self.boxes[c];
            if d.fixed {
                continue;
            }
            right = right.max(d.border_box.x + d.border_box.w + b.scroll.0 + b.padding[1]);
            bottom = bottom.max(d.border_box.y + d.border_box.h + b.scroll.1 + b.padding[2]);
            if let Some(inline) = &d.inline {
                for line in &inline.lines {
                    right = right.max(d.content_origin.0 + line.width + b.scroll.0 + b.padding[1]);
                }
            }
            stack.extend(d.children.iter().copied());
        }
        (right - p.x, bottom - p.y)
    }

    /// How far scroll containers around box `i` have moved it: add this to get its
    /// unscrolled position (offsetTop and friends ignore scrolling).
    pub fn ancestor_scroll(&self, i: usize) -> (f32, f32) {
        let (mut x, mut y) = (0.0, 0.0);
        let mut p = self.boxes[i].parent;
        while let Some(a) = p {
            x += self.boxes[a].scroll.0;
            y += self.boxes[a].scroll.1;
            p = self.boxes[a].parent;
        }
        (x, y)
    }

    /// The box (or inline context box) holding an element.
    pub fn holder_of(&self, node: NodeId) -> Option<usize> {
        self.by_node
            .get(&node)
            .copied()
            .or_else(|| self.inline_by_node.get(&node).map(|&(h, _)| h))
    }

    /// Scrolls a scroll container (a box whose overflow is not visible) to `to`,
    /// clamped to its scrolling area; moves what is inside it. Returns the offset.
    pub fn set_box_scroll(&mut self, i: usize, to: (f32, f32)) -> (f32, f32) {
        if !self.boxes[i].style.clips_overflow() {
            return (0.0, 0.0);
        }
        let (w, h) = self.scroll_size_of(i);
        let p = self.boxes[i].padding_box();
        let clamp = |v: f32, max: f32| {
            if v.is_finite() {
                v.clamp(0.0, max.max(0.0))
            } else {
                0.0
            }
        };
        let to = (clamp(to.0, w - p.w), clamp(to.1, h - p.h));
        let old = self.boxes[i].scroll;
        let (dx, dy) = (old.0 - to.0, old.1 - to.1);
        if dx != 0.0 || dy != 0.0 {
            for c in self.boxes[i].children.clone() {
                shift_subtree(&mut self.boxes, c, dx, dy);
            }
            self.boxes[i].scroll = to;
        }
        to
    }

    /// Hit testing (CSSOM View § 5 "elementFromPoint"): the topmost box in paint
    /// order (the display list, walked backwards) whose border box or inline
    /// fragment contains the point inside its clip, in viewport coordinates; boxes
    /// with `visibility: hidden` are skipped.
    pub fn hit_test(&self, x: f32, y: f32, scroll: (f32, f32)) -> Option<NodeId> {
        use stacking::Item;
        for entry in self.display_list().iter().rev() {
            let (i, text) = match entry.item {
                Item::Decorations(i) => (i, false),
                Item::Text(i) => (i, true),
                _ => continue,
            };
            let b = &self.boxes[i];
            let (sx, sy) = if b.fixed { (0.0, 0.0) } else { scroll };
            let (px, py) = (x + sx, y + sy);
            if entry.clip.is_some_and(|c| !c.contains(px, py)) {
                continue;
            }
            if text {
                if let Some(inline) = &b.inline {
                    let (ox, oy) = b.content_origin;
                    for ib in inline.boxes.iter().rev() {
                        if ib.style.visibility_visible
                            && ib
                                .fragments
                                .iter()
                                .any(|r| r.translate(ox, oy).contains(px, py))
                        {
                            return Some(ib.node);
                        }
                    }
                }
            } else if let Some(node) = b.node() {
                if b.style.visibility_visible && b.border_box.contains(px, py) {
                    return Some(node);
                }
            }
        }
        None
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
    /// Out-of-flow boxes with the box and previous sibling that give their static
    /// position, in creation order.
    static_positions: Vec<(usize, usize, Option<usize>)>,
    /// The block container whose children are being built (the static parent of
    /// out-of-flow boxes met inside inline content).
    current_block: usize,
    /// Inline elements split around block children (block-in-inline).
    split_inlines: std::cell::RefCell<Vec<NodeId>>,
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
    fn element_box(
        &mut self,
        node: NodeId,
        style: Rc<ComputedStyle>,
        cb: usize,
        new_bfc: bool,
    ) -> usize {
        let saved = self.current_block;
        let b = self.element_box_inner(node, style, cb, new_bfc);
        self.current_block = saved;
        b
    }

    fn element_box_inner(
        &mut self,
        node: NodeId,
        style: Rc<ComputedStyle>,
        cb: usize,
        new_bfc: bool,
    ) -> usize {
        // CSS Overflow 3 § 3.3: when the root's overflow is visible, the body's is
        // propagated to the viewport and the body's own used value is visible.
        let style = if self.is_propagated_body(node, &style) {
            let mut s = (*style).clone();
            s.overflow_x = "visible";
            s.overflow_y = "visible";
            Rc::new(s)
        } else {
            style
        };
        let taffy_style = taffy_style::to_taffy(&style, &self.cx_for(&style), new_bfc);
        let me = self.new_box(BoxKind::Element(node), style.clone(), taffy_style);
        self.current_block = me;
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
                    Level::OutOfFlow => self.out_of_flow(child, cb, Some(me)),
                    Level::Block => {
                        self.flush_inline(me, &style, &mut run, cb);
                        let s = self.style(child).expect("style");
                        let b = self.element_box(child, s, cb, true);
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
                Level::OutOfFlow => self.out_of_flow(child, cb, Some(me)),
                Level::Inline => run.push(child),
                Level::Block => {
                    self.flush_inline(me, &style, &mut run, cb);
                    let s = self.style(child).expect("style");
                    let b = self.element_box(child, s, cb, false);
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

    fn is_propagated_body(&self, node: NodeId, style: &ComputedStyle) -> bool {
        if !style.clips_overflow() {
            return false;
        }
        let Some(root) = self.doc.document_element() else {
            return false;
        };
        self.doc.child_html_element(root, "body") == Some(node)
            && self.style(root).is_some_and(|r| !r.clips_overflow())
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
                // Block-in-inline (CSS 2 § 9.2.1.1): an inline box holding block-level
                // boxes is split around them; here its children join the parent's
                // flow (so the blocks stack as blocks) and its geometry is the union
                // of theirs. Loose text in it keeps the parent's style (a gap).
                Some(s) if s.display == Display::Inline && self.has_block_child(c) => {
                    self.split_inlines.borrow_mut().push(c);
                    out.extend(self.box_children(c));
                }
                _ => out.push(c),
            }
        }
        out
    }

    fn has_block_child(&self, node: NodeId) -> bool {
        self.box_children_plain(node)
            .into_iter()
            .any(|c| matches!(self.level(c), Level::Block))
    }

    /// Children with `display: contents` expanded, no splitting (for the test above).
    fn box_children_plain(&self, node: NodeId) -> Vec<NodeId> {
        let mut out = Vec::new();
        for c in self.doc.children(node) {
            match self.style(c) {
                Some(s) if s.display == Display::Contents => out.extend(self.box_children_plain(c)),
                _ => out.push(c),
            }
        }
        out
    }

    /// `static_parent`: the box it would be in if it were in flow (for its static
    /// position, CSS Position 3 § 3.6); its last in-flow child so far precedes it.
    fn out_of_flow(&mut self, node: NodeId, cb: usize, static_parent: Option<usize>) {
        let s = self.style(node).expect("style");
        let b = self.element_box(node, s, cb, true);
        if let Some(p) = static_parent {
            let prev = self.boxes[p].children.iter().rev().copied().find(|&c| {
                let st = &self.boxes[c].style;
                !st.is_out_of_flow()
            });
            self.static_positions.push((b, p, prev));
        }
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
        let children: Vec<usize> = content
            .atomics
            .iter()
            .map(|a| a.box_index)
            .filter(|&b| b != inline::SPACER)
            .collect();
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
                let mut processed = ws.process(text, parent_style.white_space);
                // Line wrapping is the block's (one cosmic-text buffer); text that must
                // not wrap inside a wrapping block gets no-break spaces (same advance).
                if matches!(parent_style.white_space, "nowrap" | "pre")
                    && !matches!(content.block_style.white_space, "nowrap" | "pre")
                {
                    processed = processed.replace(' ', "\u{a0}");
                }
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
                        self.out_of_flow(node, cb, Some(self.current_block));
                        return;
                    }
                    // Block-level boxes inside inline content are not split out
                    // (block-in-inline); their text joins the line.
                    _ => {}
                }
                if el.is_html("br") {
                    // A collapsible space before a forced break is removed (CSS Text 3
                    // § 4.1.2).
                    if let Some(last) = content.runs.last_mut() {
                        if !matches!(last.style.white_space, "pre" | "pre-wrap" | "break-spaces")
                            && last.atomic.is_none()
                        {
                            let kept = last.text.trim_end_matches(' ').len();
                            last.text.truncate(kept);
                        }
                    }
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
                    let b = self.element_box(node, style.clone(), cb, true);
                    content.atomics.push(inline::Atomic {
                        box_index: b,
                        width: 0.0,
                        above: 0.0,
                        below: 0.0,
                        valign: style.vertical_align,
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
                // An inline box's horizontal margin, border and padding take room in
                // the line (CSS 2 § 10.3.1): a spacer before its content and after.
                let (start, end) = inline_spacing(&style);
                if me != owner && start > 0.0 {
                    push_spacer(content, parent_style, owner, start);
                }
                for child in self.box_children(node) {
                    self.collect_inline(child, me, &style, content, ws, cb);
                }
                if me != owner && end > 0.0 {
                    push_spacer(content, parent_style, owner, end);
                }
            }
            _ => {}
        }
    }
}

/// The room an inline box's left and right margin, border and padding take in the
/// line (percentages and auto count as 0).
fn inline_spacing(s: &ComputedStyle) -> (f32, f32) {
    use crate::style::computed::LpAuto;
    use crate::style::values::Lp;
    let px = |lp: Lp| match lp {
        Lp::Px(v) => v,
        Lp::Percent(_) => 0.0,
    };
    let margin = |m: LpAuto| match m {
        LpAuto::Lp(lp) => px(lp),
        LpAuto::Auto => 0.0,
    };
    (
        margin(s.margin[3]) + s.border_width[3] + px(s.padding[3]),
        margin(s.margin[1]) + s.border_width[1] + px(s.padding[1]),
    )
}

/// A placeholder as wide as `width` that belongs to no box (inline spacing).
fn push_spacer(
    content: &mut InlineContent,
    style: &Rc<ComputedStyle>,
    owner: Option<usize>,
    width: f32,
) {
    content.atomics.push(inline::Atomic {
        box_index: inline::SPACER,
        width,
        above: 0.0,
        below: 0.0,
        valign: crate::style::computed::VerticalAlign::Keyword("baseline"),
        position: (0.0, 0.0),
    });
    content.runs.push(TextRun {
        text: inline::PLACEHOLDER.into(),
        style: style.clone(),
        owner,
        node: None,
        atomic: Some(content.atomics.len() - 1),
    });
}

/// The offset of a `position: relative` box from its insets (top wins over
/// bottom, left over right; percentages count as 0 here).
fn relative_offset(s: &ComputedStyle) -> (f32, f32) {
    use crate::style::computed::LpAuto;
    use crate::style::values::Lp;
    if s.position != Position::Relative {
        return (0.0, 0.0);
    }
    let px = |v: LpAuto| match v {
        LpAuto::Lp(Lp::Px(p)) => Some(p),
        LpAuto::Lp(Lp::Percent(_)) => Some(0.0),
        LpAuto::Auto => None,
    };
    let dx = px(s.inset[3]).or(px(s.inset[1]).map(|r| -r)).unwrap_or(0.0);
    let dy = px(s.inset[0]).or(px(s.inset[2]).map(|b| -b)).unwrap_or(0.0);
    (dx, dy)
}

/// Moves a box and everything laid out inside it.
fn shift_subtree(boxes: &mut [LayoutBox], i: usize, dx: f32, dy: f32) {
    let b = &mut boxes[i];
    b.border_box = b.border_box.translate(dx, dy);
    b.content_origin = (b.content_origin.0 + dx, b.content_origin.1 + dy);
    for c in b.children.clone() {
        shift_subtree(boxes, c, dx, dy);
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
    ///
    /// `widths`: per context leaf, its laid-out content width (the second pass): a
    /// percentage width resolves against it, and an auto width that does not fit
    /// shrinks to it. Returns whether any atomic changed (the page is laid out again).
    fn size_atomics(&mut self, fonts: &mut Fonts, widths: Option<&HashMap<usize, f32>>) -> bool {
        use crate::style::computed::LpAuto;
        use crate::style::values::Lp;
        let mut changed = false;
        for holder in self.atomic_holders.clone() {
            let leaf = self.boxes[holder].taffy;
            let available = widths.and_then(|w| w.get(&holder).copied());
            let atomics: Vec<(usize, f32)> = self
                .tree
                .get_node_context(leaf)
                .map(|c| c.atomics.iter().map(|a| (a.box_index, a.width)).collect())
                .unwrap_or_default();
            if widths.is_some() && available.is_none() {
                continue;
            }
            let mut metrics = Vec::new();
            let mut holder_changed = false;
            for (b, old_width) in atomics {
                if b == inline::SPACER {
                    metrics.push(None);
                    continue;
                }
                let root = self.boxes[b].taffy;
                let style = self.boxes[b].style.clone();
                let is_percent = |lp: &Lp| matches!(lp, Lp::Percent(_));
                let percent = matches!(style.width, LpAuto::Lp(Lp::Percent(_)))
                    || style.padding.iter().any(is_percent)
                    || style
                        .margin
                        .iter()
                        .any(|m| matches!(m, LpAuto::Lp(Lp::Percent(_))));
                // Shrink-to-fit content wider than the line fills the line.
                let mut fill = None;
                let width = match (available, style.width) {
                    // First pass: shrink-to-fit with no limit; percentages against
                    // the viewport until the line's width is known.
                    (None, LpAuto::Auto) => AvailableSpace::MaxContent,
                    (None, _) => AvailableSpace::Definite(self.cx.viewport_w),
                    // Second pass: the context's width (CSS 2 § 10.3.9).
                    (Some(w), LpAuto::Auto) if old_width > w + 0.01 => {
                        fill = Some(w);
                        AvailableSpace::Definite(w)
                    }
                    (Some(w), _) if percent => AvailableSpace::Definite(w),
                    _ => {
                        metrics.push(None);
                        continue;
                    }
                };
                let original = fill.and_then(|_| self.tree.style(root).ok().cloned());
                if let (Some(w), Some(orig)) = (fill, original.clone()) {
                    let l = self
                        .tree
                        .layout(root)
                        .map(|l| l.margin)
                        .unwrap_or(taffy::Rect::zero());
                    let mut st = orig;
                    st.box_sizing = taffy::style::BoxSizing::BorderBox;
                    st.size.width =
                        taffy::style::Dimension::length((w - l.left - l.right).max(0.0));
                    let _ = self.tree.set_style(root, st);
                }
                let _ = self.tree.compute_layout_with_measure(
                    root,
                    Size {
                        width,
                        height: AvailableSpace::MaxContent,
                    },
                    |inputs, _id, ctx, style| measure_leaf(fonts, inputs, ctx, style),
                );
                if let Some(orig) = original {
                    // Put the style back; the computed layout stays (set_style only
                    // marks the node dirty for a later pass).
                    let _ = self.tree.set_style(root, orig);
                }
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
                holder_changed |= (width - old_width).abs() > 0.01;
                metrics.push(Some((width, above, below)));
            }
            if let Some(content) = self.tree.get_node_context_mut(leaf) {
                for (a, m) in content.atomics.iter_mut().zip(metrics) {
                    if let Some((w, above, below)) = m {
                        a.width = w;
                        a.above = above;
                        a.below = below;
                    }
                }
                if holder_changed && widths.is_some() {
                    // The placeholders' advances changed: shape the line again.
                    content.invalidate();
                }
            }
            if holder_changed && widths.is_some() {
                let _ = self.tree.mark_dirty(leaf);
                changed = true;
            }
        }
        changed
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
    s.text_decorations = parent.text_decorations.clone();
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
        static_positions: Vec::new(),
        current_block: 0,
        split_inlines: Default::default(),
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
            let r = b.element_box(root, style, viewport_box, true);
            b.add_child(viewport_box, r);
            root_box = Some(r);
        }
    }
    b.size_atomics(fonts, None);
    let root_taffy = b.boxes[viewport_box].taffy;
    let viewport_space = Size {
        width: AvailableSpace::Definite(viewport.0),
        height: AvailableSpace::Definite(viewport.1),
    };
    b.tree
        .compute_layout_with_measure(root_taffy, viewport_space, |inputs, _id, ctx, style| {
            measure_leaf(fonts, inputs, ctx, style)
        })
        .expect("taffy layout");
    // Atomic inlines whose width depends on their line's width (percentages, or
    // shrink-to-fit content wider than the line) are sized again against it, and the
    // page laid out once more.
    if !b.atomic_holders.is_empty() {
        let widths: HashMap<usize, f32> = b
            .atomic_holders
            .iter()
            .filter_map(|&h| {
                b.tree
                    .layout(b.boxes[h].taffy)
                    .ok()
                    .map(|l| (h, l.size.width))
            })
            .collect();
        if b.size_atomics(fonts, Some(&widths)) {
            b.tree
                .compute_layout_with_measure(
                    root_taffy,
                    viewport_space,
                    |inputs, _id, ctx, style| measure_leaf(fonts, inputs, ctx, style),
                )
                .expect("taffy layout");
        }
    }

    // Absolute positions, top-down.
    let Builder {
        mut tree,
        boxes: pending,
        static_positions,
        split_inlines,
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
            parent: None,
            fixed: false,
            grid_tracks: None,
            scroll: (0.0, 0.0),
            static_parent: None,
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
    let pending_styles: Vec<Rc<ComputedStyle>> = boxes.iter().map(|b| b.style.clone()).collect();
    // Atomic inlines: border-box origins given by their contexts' line layout.
    let mut placed: HashMap<usize, (f32, f32)> = HashMap::new();
    for &i in &order {
        let l = *tree.layout(taffy_ids[i]).expect("layout");
        let (x, y) = match (placed.get(&i), parent_of[i]) {
            (Some(&(x, y)), _) => {
                // A relatively positioned atomic inline is offset from its place in
                // the line (CSS 2 § 9.4.3).
                let (dx, dy) = relative_offset(&pending_styles[i]);
                (x + l.margin.left + dx, y + l.margin.top + dy)
            }
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
        if let taffy::DetailedLayoutInfo::Grid(info) = tree.detailed_layout_info(taffy_ids[i]) {
            let sizes = |t: &taffy::DetailedGridTracksInfo<String>| -> Vec<f32> {
                t.positions.iter().map(|l| l.end - l.start).collect()
            };
            bx.grid_tracks = Some((sizes(&info.columns), sizes(&info.rows)));
        }
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
            for a in content
                .atomics
                .iter()
                .filter(|a| a.box_index != inline::SPACER)
            {
                placed.insert(a.box_index, (ox + a.position.0, oy + a.position.1));
            }
            bx.inline = Some(content);
        }
    }
    // Out-of-flow boxes whose insets are auto on an axis sit at their static
    // position on it (CSS Position 3 § 3.6: where they would be in flow).
    for &(abs, parent, prev) in &static_positions {
        boxes[abs].static_parent = Some((parent, prev));
    }
    for (abs, parent, prev) in static_positions {
        let style = boxes[abs].style.clone();
        let auto = |i: usize| style.inset[i] == crate::style::computed::LpAuto::Auto;
        let (px, py) = boxes[parent].content_origin;
        // In a flex or grid container the static position is the content box's start
        // (CSS Flexbox 1 § 4.1, simplified: as if it were the sole item).
        let container = matches!(
            boxes[parent].style.display,
            Display::Flex | Display::InlineFlex | Display::Grid | Display::InlineGrid
        );
        let prev = if container { None } else { prev };
        let static_y = match prev {
            Some(p) => boxes[p].border_box.y + boxes[p].border_box.h + boxes[p].margin[2],
            None => py,
        };
        let b = &boxes[abs];
        let dy = if auto(0) && auto(2) {
            static_y + b.margin[0] - b.border_box.y
        } else {
            0.0
        };
        let dx = if auto(1) && auto(3) {
            px + b.margin[3] - b.border_box.x
        } else {
            0.0
        };
        if dx != 0.0 || dy != 0.0 {
            shift_subtree(&mut boxes, abs, dx, dy);
        }
    }
    for i in order.iter().copied() {
        let fixed = boxes[i].style.position == Position::Fixed
            || parent_of[i].is_some_and(|p| boxes[p].fixed);
        boxes[i].fixed = fixed;
        boxes[i].parent = parent_of[i];
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
    // A split inline's geometry: the union of its descendants' boxes.
    let mut split_rects = HashMap::new();
    for node in split_inlines.into_inner() {
        let rect = doc
            .descendants_inclusive(node)
            .filter(|&d| d != node)
            .filter_map(|d| by_node.get(&d).map(|&i| boxes[i].border_box))
            .reduce(Rect::union);
        if let Some(r) = rect {
            split_rects.insert(node, r);
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
        split_rects,
        root: root_box,
    }
}
