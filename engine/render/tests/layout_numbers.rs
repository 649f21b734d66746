//! Layout numbers: the boxes the renderer computes for small pages, checked against
//! what CSS (and Chromium, tests/render/CALIBRATION.md) gives.

use roundabout_engine::dom::{parse_html_document, Document};
use roundabout_render::{Rect, Renderer};

fn layout(html: &str) -> (Document, Renderer) {
    let doc = parse_html_document(html).document;
    let r = Renderer::new((800, 600), false);
    (doc, r)
}

fn rect(doc: &Document, r: &mut Renderer, id: &str) -> Rect {
    let node = doc
        .element_by_id(Document::ROOT, id)
        .unwrap_or_else(|| panic!("no #{id}"));
    r.element_rect(doc, node)
        .unwrap_or_else(|| panic!("#{id} has no box"))
}

fn xywh(r: Rect) -> (f32, f32, f32, f32) {
    (r.x, r.y, r.w, r.h)
}

#[test]
fn block_boxes_fill_their_container_and_stack() {
    let (doc, mut r) = layout(
        "<!DOCTYPE html><style>#a{height:50px} #b{width:100px;height:20px;padding:10px;border:2px solid}</style>\
         <div id=a></div><div id=b></div>",
    );
    assert_eq!(xywh(rect(&doc, &mut r, "a")), (8.0, 8.0, 784.0, 50.0));
    assert_eq!(xywh(rect(&doc, &mut r, "b")), (8.0, 58.0, 124.0, 44.0));
}

#[test]
fn margins_collapse_between_siblings_and_through_the_body() {
    let (doc, mut r) = layout(
        "<!DOCTYPE html><style>div{height:10px} #a{margin-top:20px;margin-bottom:20px} #b{margin-top:30px}</style>\
         <div id=a></div><div id=b></div>",
    );
    // body's 8px collapses with #a's 20px: #a starts at 20.
    assert_eq!(rect(&doc, &mut r, "a").y, 20.0);
    // 20px and 30px between siblings collapse to 30px.
    assert_eq!(rect(&doc, &mut r, "b").y, 60.0);
}

#[test]
fn auto_margins_centre_a_block() {
    let (doc, mut r) =
        layout("<!DOCTYPE html><div id=c style='width:200px;margin:0 auto;height:1px'></div>");
    assert_eq!(rect(&doc, &mut r, "c").x, 8.0 + (784.0 - 200.0) / 2.0);
}

#[test]
fn flex_grow_shares_the_free_space() {
    let (doc, mut r) = layout(
        "<!DOCTYPE html><div style='display:flex;width:320px;gap:10px'>\
         <div id=a style='flex-grow:1;height:5px'></div><div id=b style='flex-grow:2;height:5px'></div>\
         <div id=c style='flex-grow:1;height:5px'></div></div>",
    );
    assert_eq!(rect(&doc, &mut r, "a").w, 75.0);
    assert_eq!(rect(&doc, &mut r, "b").w, 150.0);
    assert_eq!(rect(&doc, &mut r, "c").x, 8.0 + 75.0 + 10.0 + 150.0 + 10.0);
}

#[test]
fn grid_tracks_and_spans() {
    let (doc, mut r) = layout(
        "<!DOCTYPE html><div style='display:grid;width:340px;grid-template-columns:100px 1fr 2fr;grid-template-rows:40px 60px;gap:0'>\
         <div id=a></div><div id=b></div><div id=c></div><div id=d style='grid-column:span 2'></div></div>",
    );
    assert_eq!(xywh(rect(&doc, &mut r, "a")), (8.0, 8.0, 100.0, 40.0));
    assert_eq!(rect(&doc, &mut r, "b").w, 80.0);
    assert_eq!(rect(&doc, &mut r, "c").w, 160.0);
    assert_eq!(xywh(rect(&doc, &mut r, "d")), (8.0, 48.0, 180.0, 60.0));
}

#[test]
fn absolute_boxes_use_the_nearest_positioned_ancestor() {
    let (doc, mut r) = layout(
        "<!DOCTYPE html><div style='height:100px'></div>\
         <div style='position:relative;margin-left:50px;width:200px;height:100px;border:5px solid'>\
         <div><div id=abs style='position:absolute;right:10px;bottom:20px;width:30px;height:40px'></div></div></div>\
         <div id=vp style='position:absolute;left:0;top:0;width:10px;height:10px'></div>",
    );
    // The containing block is the relative box's padding box: (63, 113) 200x100.
    assert_eq!(
        xywh(rect(&doc, &mut r, "abs")),
        (
            63.0 + 200.0 - 10.0 - 30.0,
            113.0 + 100.0 - 20.0 - 40.0,
            30.0,
            40.0
        )
    );
    assert_eq!(xywh(rect(&doc, &mut r, "vp")), (0.0, 0.0, 10.0, 10.0));
}

#[test]
fn relative_offsets_and_percentages() {
    let (doc, mut r) = layout(
        "<!DOCTYPE html><div style='width:300px;height:200px'><div id=p style='position:relative;top:5px;left:-3px;width:50%;height:25%'></div></div>",
    );
    assert_eq!(xywh(rect(&doc, &mut r, "p")), (5.0, 13.0, 150.0, 50.0));
}

#[test]
fn text_lines_are_as_tall_as_chromium_makes_them() {
    // DejaVu Sans, line-height normal: 16px -> 19px lines, 32px -> 38px.
    let (doc, mut r) = layout(
        "<!DOCTYPE html><style>html{font-family:'DejaVu Sans'} body{margin:0} p{margin:0}</style>\
         <p id=a>one line</p><p id=b style='font-size:32px'>big</p>\
         <p id=c style='width:60px'>three short words</p><p id=d style='line-height:30px'>x</p>",
    );
    assert_eq!(rect(&doc, &mut r, "a").h, 19.0);
    assert_eq!(rect(&doc, &mut r, "b").h, 38.0);
    assert_eq!(
        rect(&doc, &mut r, "c").h,
        3.0 * 19.0,
        "wraps at word boundaries into three lines"
    );
    assert_eq!(rect(&doc, &mut r, "d").h, 30.0);
}

#[test]
fn inline_blocks_sit_on_the_baseline() {
    let (doc, mut r) = layout(
        "<!DOCTYPE html><style>html{font-family:'DejaVu Sans'} body{margin:0} p{margin:0}</style>\
         <p id=p>Text <span id=ib style='display:inline-block;width:40px;height:40px'></span> more</p>",
    );
    let ib = rect(&doc, &mut r, "ib");
    assert_eq!((ib.w, ib.h), (40.0, 40.0));
    // The empty inline-block's bottom margin edge is on the baseline, which is 40px
    // down; the strut's descent (4px) hangs below: a 44px line.
    assert_eq!(ib.y, 0.0);
    assert_eq!(rect(&doc, &mut r, "p").h, 44.0);
}

#[test]
fn display_none_has_no_box_and_contents_passes_through() {
    let (doc, mut r) = layout(
        "<!DOCTYPE html><div id=n style='display:none'><div id=inner></div></div>\
         <div style='display:flex'><div style='display:contents'><div id=item style='width:10px;height:10px'></div></div></div>",
    );
    let n = doc.element_by_id(Document::ROOT, "n").unwrap();
    assert!(r.element_rect(&doc, n).is_none());
    assert_eq!(xywh(rect(&doc, &mut r, "item")), (8.0, 8.0, 10.0, 10.0));
}

#[test]
fn layout_is_redone_only_after_the_document_changes() {
    let (mut doc, mut r) = layout("<!DOCTYPE html><div id=a style='height:10px'></div>");
    rect(&doc, &mut r, "a");
    rect(&doc, &mut r, "a");
    assert_eq!(r.layouts, 1);
    let a = doc.element_by_id(Document::ROOT, "a").unwrap();
    doc.set_attribute(a, "style", "height:20px").unwrap();
    assert_eq!(rect(&doc, &mut r, "a").h, 20.0);
    assert_eq!(r.layouts, 2);
}

#[test]
fn vertical_align_top_bottom_and_middle() {
    let (doc, mut r) = layout(
        "<!DOCTYPE html><style>html{font-family:'DejaVu Sans'} body{margin:0} p{margin:0} \
         .b{display:inline-block;width:50px;height:50px;margin:10px}</style>\
         <p id=top><span class=b style='vertical-align:top'></span><span class=b id=small style='height:10px;vertical-align:bottom'></span></p>\
         <p id=mid>x<span class=b id=m style='vertical-align:middle'></span></p>",
    );
    // Top-aligned 70px margin box: the line is 70px, not 70 + the strut's descent.
    assert_eq!(rect(&doc, &mut r, "top").h, 70.0);
    // The bottom-aligned box's margin box ends at the line's bottom.
    let small = rect(&doc, &mut r, "small");
    assert_eq!(small.y + small.h + 10.0, 70.0);
    // middle: the box's midpoint sits half an x-height (16px * 0.547 / 2 = 4.376)
    // above the baseline: 39.376 above it, 30.624 below; with the strut (15 above,
    // 4 below) the line is 70px and the margin box starts at its top.
    let mid = rect(&doc, &mut r, "mid");
    assert!((mid.h - 70.0).abs() < 0.01, "{}", mid.h);
    assert!((rect(&doc, &mut r, "m").y - (mid.y + 10.0)).abs() < 0.01);
}

#[test]
fn zero_font_sizes_and_line_heights_lay_out() {
    // These once hung cosmic-text's layout loop (a zero-height line).
    let (doc, mut r) = layout(
        "<!DOCTYPE html><style>body{margin:0} p{margin:0}</style>\
         <ul id=u style='font-size:0;margin:0;padding:0'><li style='display:inline-block;font-size:16px'>A</li> <li style='display:inline-block;font-size:16px'>B</li></ul>\
         <p id=z style='line-height:0'>x</p><p id=t style='font-size:.4px'>x</p><p id=n style='font-size:0'>x</p>",
    );
    assert_eq!(
        rect(&doc, &mut r, "z").h,
        0.0,
        "line-height: 0 gives a 0px line"
    );
    assert_eq!(
        rect(&doc, &mut r, "u").h,
        19.0,
        "the inline-blocks' lines, no gap from the zero-size spaces"
    );
    assert!(rect(&doc, &mut r, "t").h < 1.0);
    assert_eq!(rect(&doc, &mut r, "n").h, 0.0);
}

#[test]
fn inline_blocks_size_against_their_line() {
    let (doc, mut r) = layout(
        "<!DOCTYPE html><style>html{font-family:'DejaVu Sans'} body{margin:0}</style>\
         <div style='width:200px'><span id=p style='display:inline-block;width:50%'>x</span></div>\
         <div style='width:200px'><span id=s style='display:inline-block'>A long run of words that cannot fit on one line of two hundred pixels</span></div>",
    );
    assert_eq!(
        rect(&doc, &mut r, "p").w,
        100.0,
        "a percentage of the containing block"
    );
    let s = rect(&doc, &mut r, "s");
    assert_eq!(s.w, 200.0, "shrink-to-fit: wider content fills the line");
    assert_eq!(s.h, 3.0 * 19.0, "and wraps inside it (Chromium: 200x57)");
}
