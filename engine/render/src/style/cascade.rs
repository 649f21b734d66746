//! The cascade (CSS Cascade 5 § 6): for each element, every declaration that applies
//! (user-agent sheet, the document's `<style>` sheets, its `style` attribute), sorted
//! by origin and importance, then specificity, then order of appearance; the last one
//! of each property wins. Then inheritance and computed values (computed.rs) top-down.

use std::rc::Rc;

use roundabout_engine::dom::{Document, NodeData, NodeId};
use selectors::context::SelectorCaches;

use super::computed::{compute, Cascaded, ComputedStyle, Display};
use super::properties::{Declaration, Value, PROP_COUNT};
use super::sheet::{parse_style_attribute, parse_stylesheet, StyleSheet};
use super::ua::UA_SHEET;

/// CSS Cascade 5 § 6.2 "cascade origins" and § 6.3 importance, lowest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Level {
    UserAgentNormal = 0,
    /// Author declarations inside `@layer`: below unlayered ones, and the other way
    /// round for `!important` (CSS Cascade 5 § 6.4).
    AuthorLayeredNormal = 1,
    AuthorNormal = 2,
    AuthorImportant = 3,
    AuthorLayeredImportant = 4,
    UserAgentImportant = 5,
}

/// The computed style of every element of a document, by node id.
pub struct Styles {
    by_node: Vec<Option<Rc<ComputedStyle>>>,
}

impl Styles {
    pub fn get(&self, node: NodeId) -> Option<&Rc<ComputedStyle>> {
        self.by_node.get(node.index()).and_then(|s| s.as_ref())
    }
}

thread_local! {
    static UA: Rc<StyleSheet> = Rc::new(parse_stylesheet(UA_SHEET));
}

/// Loads the text of a `<link rel=stylesheet>`'s `href` (None: not allowed or not
/// found; the link then contributes nothing, as a failed fetch does).
pub type SheetLoader = dyn Fn(&str) -> Option<String>;

/// The author style sheets of a document in tree order (CSS Cascade 5 § 6.1 "order
/// of appearance"): each `<style>` element's child text content (HTML § 4.2.6) and
/// each `<link rel=stylesheet href>` (HTML § 4.6.7.3) that `load` can fetch. `<style>`
/// inside `<template>` contents is not in the tree. A `media` attribute other than
/// all/screen (or one we cannot evaluate) leaves the sheet out.
pub fn author_sheets(doc: &Document, load: Option<&SheetLoader>) -> Vec<StyleSheet> {
    let mut sheets = Vec::new();
    for node in doc.descendants_inclusive(Document::ROOT) {
        let Some(el) = doc.data(node).element() else {
            continue;
        };
        // The sheet's media query (HTML § 4.2.6 / § 4.6.7.3) is kept with its rules.
        let media = el.attr("media").map(super::sheet::parse_media_query);
        if el.is_html("style") {
            let text: String = doc
                .children(node)
                .filter_map(|c| match doc.data(c) {
                    NodeData::Text(t) => Some(t.as_str()),
                    _ => None,
                })
                .collect();
            sheets.push(with_media(parse_stylesheet(&text), &media));
        } else if el.is_html("link") {
            // rel must contain "stylesheet" and not "alternate" (alternate style
            // sheets are off until chosen: HTML § 4.6.7.3).
            let rel = el.attr("rel").unwrap_or("").to_ascii_lowercase();
            let tokens: Vec<&str> = rel.split_ascii_whitespace().collect();
            if !tokens.contains(&"stylesheet") || tokens.contains(&"alternate") {
                continue;
            }
            if let (Some(href), Some(load)) = (el.attr("href"), load) {
                if let Some(text) = load(href.trim()) {
                    sheets.push(with_media(parse_stylesheet(&text), &media));
                }
            }
        }
    }
    sheets
}

/// Gives every rule of a sheet the sheet's own media query (both must match).
fn with_media(mut sheet: StyleSheet, media: &Option<super::sheet::MediaQuery>) -> StyleSheet {
    if let Some(m) = media {
        for rule in &mut sheet.rules {
            rule.media = Some(match rule.media.take() {
                Some(inner) => m.and(&inner),
                None => m.clone(),
            });
        }
    }
    sheet
}

/// Computes the style of every element under the document element.
pub fn compute_styles(doc: &Document, author: &[StyleSheet], viewport: (f32, f32)) -> Styles {
    let ua = UA.with(|ua| ua.clone());
    compute_with(doc, &ua, author, viewport)
}

fn compute_with<'s>(
    doc: &Document,
    ua: &'s StyleSheet,
    author: &'s [StyleSheet],
    viewport: (f32, f32),
) -> Styles {
    let mut styles = Styles {
        by_node: vec![None; doc.len()],
    };
    let Some(root) = doc.document_element() else {
        return styles;
    };
    let mut caches = SelectorCaches::default();
    let initial = ComputedStyle::initial();
    // Iterative pre-order walk with the parent's style at hand.
    let mut stack: Vec<(NodeId, Rc<ComputedStyle>, Option<Display>, f32)> =
        vec![(root, Rc::new(initial), None, 16.0)];
    while let Some((node, parent_style, parent_display, root_font_size)) = stack.pop() {
        let is_root = node == root;
        let mut matched: Vec<(Level, u32, usize, &Declaration)> = Vec::new();
        let mut order = 0usize;
        let mut collect = |sheet: &'s StyleSheet, normal: Level, important: Level| {
            let mut found: Vec<(Level, u32, usize, &'s Declaration)> = Vec::new();
            for rule in &sheet.rules {
                if rule.media.as_ref().is_some_and(|m| !m.matches(viewport)) {
                    order += rule.declarations.len();
                    continue;
                }
                let mut best: Option<u32> = None;
                for selector in rule.selectors.slice() {
                    if doc.style_selector_matches(node, selector, &mut caches) {
                        best = best.max(Some(selector.specificity()));
                    }
                }
                let (normal, important) = match (rule.layered, normal) {
                    (true, Level::AuthorNormal) => {
                        (Level::AuthorLayeredNormal, Level::AuthorLayeredImportant)
                    }
                    _ => (normal, important),
                };
                for d in &rule.declarations {
                    order += 1;
                    if let Some(spec) = best {
                        found.push((if d.important { important } else { normal }, spec, order, d));
                    }
                }
            }
            found
        };
        matched.extend(collect(
            ua,
            Level::UserAgentNormal,
            Level::UserAgentImportant,
        ));
        for sheet in author {
            matched.extend(collect(sheet, Level::AuthorNormal, Level::AuthorImportant));
        }
        let inline: Vec<Declaration> = doc
            .data(node)
            .element()
            .and_then(|e| e.attr("style"))
            .map(parse_style_attribute)
            .unwrap_or_default();
        for d in &inline {
            order += 1;
            // The style attribute is more specific than any selector (Cascade 5 § 6.4).
            let level = if d.important {
                Level::AuthorImportant
            } else {
                Level::AuthorNormal
            };
            matched.push((level, u32::MAX, order, d));
        }
        matched.sort_by_key(|(level, spec, order, _)| (*level, *spec, *order));
        let mut cascaded: Cascaded = [None; PROP_COUNT];
        // The user-agent origin's winners, for `revert` in author declarations.
        let mut ua_winner: Cascaded = [None; PROP_COUNT];
        for (level, _, _, d) in &matched {
            let k = d.prop as usize;
            let ua = matches!(level, Level::UserAgentNormal | Level::UserAgentImportant);
            cascaded[k] = match (&d.value, ua) {
                (Value::Revert, true) => Some(&Value::Unset),
                (Value::Revert, false) => ua_winner[k],
                (v, _) => Some(v as &Value),
            };
            if ua {
                ua_winner[k] = cascaded[k];
            }
        }
        let style = Rc::new(compute(
            &cascaded,
            &parent_style,
            parent_display,
            is_root,
            root_font_size,
            viewport,
        ));
        let root_font_size = if is_root {
            style.font_size
        } else {
            root_font_size
        };
        let display = Some(style.display);
        styles.by_node[node.index()] = Some(style.clone());
        let children: Vec<NodeId> = doc
            .children(node)
            .filter(|c| matches!(doc.data(*c), NodeData::Element(_)))
            .collect();
        for child in children.into_iter().rev() {
            // display:contents passes its parent's box context through.
            let d = if style.display == Display::Contents {
                parent_display
            } else {
                display
            };
            stack.push((child, style.clone(), d, root_font_size));
        }
    }
    styles
}

#[cfg(test)]
mod tests {
    use super::super::computed::LpAuto;
    use super::super::values::{Lp, Rgba};
    use super::*;
    use roundabout_engine::dom::parse_html_document;

    fn styles_of(html: &str) -> (Document, Styles) {
        let doc = parse_html_document(html).document;
        let sheets = author_sheets(&doc, None);
        let styles = compute_styles(&doc, &sheets, (800.0, 600.0));
        (doc, styles)
    }

    fn by_id<'a>(doc: &Document, styles: &'a Styles, id: &str) -> &'a ComputedStyle {
        let node = doc.element_by_id(Document::ROOT, id).expect("element");
        styles.get(node).expect("style")
    }

    #[test]
    fn specificity_then_order_then_importance() {
        let (doc, styles) = styles_of(
            "<style>#a { color: red } div { color: blue } .c.c { color: green }\
             div { background-color: red !important } #b { background-color: blue }</style>\
             <div id=a class=c></div><div id=b style='background-color: lime'></div>",
        );
        let a = by_id(&doc, &styles, "a");
        assert_eq!(
            a.color,
            Rgba::rgb(255, 0, 0),
            "id beats two classes and a later type"
        );
        let b = by_id(&doc, &styles, "b");
        assert_eq!(
            b.background_color,
            Rgba::rgb(255, 0, 0),
            "!important beats the style attribute"
        );
    }

    #[test]
    fn style_attribute_beats_ids_and_later_wins_among_equals() {
        let (doc, styles) = styles_of(
            "<style>#x { width: 10px } p { width: 1px } p { width: 2px }</style>\
             <div id=x style='width: 20px'></div><p id=p></p>",
        );
        assert_eq!(by_id(&doc, &styles, "x").width, LpAuto::Lp(Lp::Px(20.0)));
        assert_eq!(by_id(&doc, &styles, "p").width, LpAuto::Lp(Lp::Px(2.0)));
    }

    #[test]
    fn inheritance_and_em_units() {
        let (doc, styles) = styles_of(
            "<style>body { font-size: 20px; color: navy } .big { font-size: 1.5em; margin-left: 2em }\
             .inh { border-top: 1px solid; background-color: inherit }</style>\
             <div class=big id=d><span id=s class=inh>x</span></div>",
        );
        let d = by_id(&doc, &styles, "d");
        assert_eq!(d.font_size, 30.0);
        assert_eq!(
            d.margin[3],
            LpAuto::Lp(Lp::Px(60.0)),
            "em is the element's own font size"
        );
        assert_eq!(d.color, Rgba::rgb(0, 0, 128));
        let s = by_id(&doc, &styles, "s");
        assert_eq!(s.font_size, 30.0, "font-size inherits");
        assert_eq!(
            s.border_color[0],
            Rgba::rgb(0, 0, 128),
            "border colour defaults to currentcolor"
        );
        assert_eq!(
            s.background_color,
            Rgba::TRANSPARENT,
            "background does not inherit, but inherit works"
        );
        assert_eq!(
            s.margin[3],
            LpAuto::Lp(Lp::Px(0.0)),
            "margins do not inherit"
        );
    }

    #[test]
    fn user_agent_defaults() {
        let (doc, styles) =
            styles_of("<h1 id=h>x</h1><p id=p>y</p><span id=s></span><script id=sc></script>");
        let body = styles
            .get(doc.elements_by_tag_name(Document::ROOT, "body")[0])
            .unwrap();
        assert_eq!(body.margin[0], LpAuto::Lp(Lp::Px(8.0)));
        let h = by_id(&doc, &styles, "h");
        assert_eq!(h.font_size, 32.0);
        assert_eq!(h.font_weight, 700);
        assert_eq!(h.margin[0], LpAuto::Lp(Lp::Px(32.0 * 0.67)));
        assert_eq!(
            by_id(&doc, &styles, "p").margin[2],
            LpAuto::Lp(Lp::Px(16.0))
        );
        assert_eq!(by_id(&doc, &styles, "s").display, Display::Inline);
        assert_eq!(by_id(&doc, &styles, "sc").display, Display::None);
    }

    #[test]
    fn blockification_of_flex_items_and_absolute_boxes() {
        let (doc, styles) = styles_of(
            "<div style='display:flex'><span id=i>x</span></div>\
             <span id=a style='position:absolute'></span><span id=n></span>",
        );
        assert_eq!(by_id(&doc, &styles, "i").display, Display::Block);
        assert_eq!(by_id(&doc, &styles, "a").display, Display::Block);
        assert_eq!(by_id(&doc, &styles, "n").display, Display::Inline);
    }

    #[test]
    fn linked_sheets_apply_in_tree_order() {
        let doc = parse_html_document(
            "<link rel=stylesheet href=a.css><style>#d { color: blue }</style>\
             <link rel='alternate stylesheet' href=b.css><link rel=stylesheet href=missing.css><div id=d></div>",
        )
        .document;
        let load = |href: &str| match href {
            "a.css" => Some("#d { color: red; width: 5px }".to_string()),
            "b.css" => Some("#d { width: 7px }".to_string()),
            _ => None,
        };
        let sheets = author_sheets(&doc, Some(&load));
        let styles = compute_styles(&doc, &sheets, (800.0, 600.0));
        let d = by_id(&doc, &styles, "d");
        assert_eq!(d.color, Rgba::rgb(0, 0, 255), "the later <style> wins");
        assert_eq!(
            d.width,
            LpAuto::Lp(Lp::Px(5.0)),
            "an alternate style sheet is not applied"
        );
    }

    #[test]
    fn rem_and_viewport_units() {
        let (doc, styles) = styles_of(
            "<style>html { font-size: 10px } #d { width: 10rem; height: 50vh; padding-left: 5vw }</style><div id=d></div>",
        );
        let d = by_id(&doc, &styles, "d");
        assert_eq!(d.width, LpAuto::Lp(Lp::Px(100.0)));
        assert_eq!(d.height, LpAuto::Lp(Lp::Px(300.0)));
        assert_eq!(d.padding[3], Lp::Px(40.0));
    }
}
