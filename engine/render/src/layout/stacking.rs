//! Painting order as a display list (CSS 2 Appendix E "Elaborate description of
//! Stacking Contexts", with CSS 2 § 9.9.1 z-index): paint and hit testing both walk
//! it, so what is drawn on top is what a click finds.
//!
//! A stacking context paints: its own background and borders; child contexts with
//! negative z-index; the backgrounds of its in-flow, non-positioned descendants (step
//! 4), then their inline content (step 7); positioned descendants with `z-index: auto`
//! ("as if" they were contexts, but their positioned descendants belong to the
//! enclosing context) and contexts with z-index 0, in tree order; contexts with
//! positive z-index. Contexts are the root, positioned boxes with a z-index, flex and
//! grid items with a z-index (Flexbox § 4.3, Grid § 9.5) and boxes with opacity < 1,
//! which paint into a layer composited at that opacity (CSS Color 4 § 14.1).
//!
//! Stacking follows the element tree, not containing blocks: an absolutely
//! positioned box belongs to the context of its DOM ancestors (so an opacity group
//! includes it) even though its box hangs on its containing block. Clips follow
//! containing blocks: a box is clipped by the `overflow` of the boxes it hangs in.

use super::{Layout, Rect};
use crate::style::computed::Display;

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Item {
    /// Background and borders of a box (and of its inline boxes: with `Text`).
    Decorations(usize),
    /// Inline content of a box: inline boxes' backgrounds, then glyphs.
    Text(usize),
    /// Start of an opacity group.
    PushLayer(f32),
    PopLayer,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Entry {
    pub item: Item,
    /// The clip in page coordinates (None: only the viewport).
    pub clip: Option<Rect>,
}

enum Layer6 {
    Context(usize),
    /// A positioned box with `z-index: auto` and its in-flow descendants.
    Pseudo(usize, Vec<usize>),
}

#[derive(Default)]
struct Lists {
    negative: Vec<(i32, usize)>,
    flow: Vec<usize>,
    layer6: Vec<Layer6>,
    positive: Vec<(i32, usize)>,
}

struct Builder<'a> {
    layout: &'a Layout,
    /// Children in element-tree order, for stacking.
    stacking_children: Vec<Vec<usize>>,
    clips: Vec<Option<Rect>>,
    out: Vec<Entry>,
}

fn intersect(a: Rect, b: Rect) -> Rect {
    let x0 = a.x.max(b.x);
    let y0 = a.y.max(b.y);
    let x1 = (a.x + a.w).min(b.x + b.w);
    let y1 = (a.y + a.h).min(b.y + b.h);
    Rect {
        x: x0,
        y: y0,
        w: (x1 - x0).max(0.0),
        h: (y1 - y0).max(0.0),
    }
}

impl Layout {
    /// The display list of the whole page.
    pub fn display_list(&self) -> Vec<Entry> {
        let n = self.boxes.len();
        // Clips: pre-order over the box tree (containing blocks).
        let mut clips: Vec<Option<Rect>> = vec![None; n];
        let mut stack = vec![0usize];
        while let Some(i) = stack.pop() {
            let b = &self.boxes[i];
            // The root's overflow applies to the viewport, which is not clipped here.
            let inner = if i != 0 && Some(i) != self.root && b.style.clips_overflow() {
                let p = b.padding_box();
                Some(clips[i].map_or(p, |c| intersect(c, p)))
            } else {
                clips[i]
            };
            for &c in &b.children {
                clips[c] = inner;
                stack.push(c);
            }
        }
        // Element-tree children: an out-of-flow box hung on another box comes back
        // under the box it would be in, after its previous in-flow sibling.
        let mut stacking_children: Vec<Vec<usize>> = Vec::with_capacity(n);
        for (i, b) in self.boxes.iter().enumerate() {
            stacking_children.push(
                b.children
                    .iter()
                    .copied()
                    .filter(|&c| self.boxes[c].static_parent.is_none_or(|(p, _)| p == i))
                    .collect(),
            );
        }
        // Boxes are in creation (tree) order; several after the same sibling keep it.
        let mut placed: std::collections::HashMap<(usize, Option<usize>), usize> =
            Default::default();
        for (i, b) in self.boxes.iter().enumerate() {
            if let Some((p, prev)) = b.static_parent {
                if b.parent == Some(p) {
                    continue;
                }
                let list = &mut stacking_children[p];
                let after = prev
                    .and_then(|q| list.iter().position(|&c| c == q))
                    .map_or(0, |k| k + 1);
                let count = placed.entry((p, prev)).or_insert(0);
                list.insert((after + *count).min(list.len()), i);
                *count += 1;
            }
        }
        let mut builder = Builder {
            layout: self,
            stacking_children,
            clips,
            out: Vec::new(),
        };
        // The root element is the root stacking context; boxes hung directly on the
        // viewport (and not under an element) join it.
        match self.root {
            Some(root) => {
                let extra: Vec<usize> = builder.stacking_children[0]
                    .iter()
                    .copied()
                    .filter(|&c| c != root)
                    .collect();
                builder.stacking_children[root].extend(extra);
                builder.context(root);
            }
            None => builder.context(0),
        }
        builder.out
    }
}

impl Builder<'_> {
    fn push(&mut self, item: Item, i: usize) {
        self.out.push(Entry {
            item,
            clip: self.clips[i],
        });
    }

    /// The z-index of a box that is a stacking context, None otherwise.
    fn context_z(&self, i: usize) -> Option<i32> {
        let b = &self.layout.boxes[i];
        let s = &b.style;
        let item_of_container = b.parent.is_some_and(|p| {
            matches!(
                self.layout.boxes[p].style.display,
                Display::Flex | Display::InlineFlex | Display::Grid | Display::InlineGrid
            )
        }) && !s.is_out_of_flow();
        match s.z_index {
            Some(z) if s.is_positioned() || item_of_container => Some(z),
            _ if s.opacity < 1.0 => Some(0),
            _ => None,
        }
    }

    fn context(&mut self, i: usize) {
        let opacity = self.layout.boxes[i].style.opacity;
        if opacity < 1.0 {
            self.out.push(Entry {
                item: Item::PushLayer(opacity),
                clip: None,
            });
        }
        self.push(Item::Decorations(i), i);
        let mut lists = Lists::default();
        for c in self.stacking_children[i].clone() {
            self.collect(c, &mut lists, None);
        }
        // Own inline content is painted with the in-flow content (step 7).
        lists.flow.insert(0, i);
        lists.negative.sort_by_key(|(z, _)| *z);
        lists.positive.sort_by_key(|(z, _)| *z);
        for (_, c) in std::mem::take(&mut lists.negative) {
            self.context(c);
        }
        for &b in &lists.flow[1..] {
            self.push(Item::Decorations(b), b);
        }
        for &b in &lists.flow {
            self.push(Item::Text(b), b);
        }
        for entry in std::mem::take(&mut lists.layer6) {
            match entry {
                Layer6::Context(c) => self.context(c),
                Layer6::Pseudo(p, flow) => {
                    self.push(Item::Decorations(p), p);
                    for &b in &flow {
                        self.push(Item::Decorations(b), b);
                    }
                    self.push(Item::Text(p), p);
                    for &b in &flow {
                        self.push(Item::Text(b), b);
                    }
                }
            }
        }
        for (_, c) in std::mem::take(&mut lists.positive) {
            self.context(c);
        }
        if opacity < 1.0 {
            self.out.push(Entry {
                item: Item::PopLayer,
                clip: None,
            });
        }
    }

    /// Sorts box `c` and its descendants into the lists of the enclosing context;
    /// `pseudo` is the `z-index: auto` positioned box whose in-flow content it is.
    fn collect(&mut self, c: usize, lists: &mut Lists, pseudo: Option<usize>) {
        if let Some(z) = self.context_z(c) {
            match z {
                z if z < 0 => lists.negative.push((z, c)),
                0 => lists.layer6.push(Layer6::Context(c)),
                z => lists.positive.push((z, c)),
            }
            return;
        }
        if self.layout.boxes[c].style.is_positioned() {
            let slot = lists.layer6.len();
            lists.layer6.push(Layer6::Pseudo(c, Vec::new()));
            for cc in self.stacking_children[c].clone() {
                self.collect(cc, lists, Some(slot));
            }
            return;
        }
        match pseudo {
            Some(slot) => {
                if let Layer6::Pseudo(_, flow) = &mut lists.layer6[slot] {
                    flow.push(c);
                }
            }
            None => lists.flow.push(c),
        }
        for cc in self.stacking_children[c].clone() {
            self.collect(cc, lists, pseudo);
        }
    }
}
