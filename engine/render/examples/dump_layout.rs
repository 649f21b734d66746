//! Prints the box tree of an HTML file after layout (debugging aid):
//! `cargo run -p roundabout-render --example dump_layout -- page.html [W H]`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let html = std::fs::read_to_string(&args[1]).expect("read page");
    let w = args.get(2).and_then(|v| v.parse().ok()).unwrap_or(800);
    let h = args.get(3).and_then(|v| v.parse().ok()).unwrap_or(600);
    let doc = roundabout_engine::dom::parse_html_document(&html).document;
    let mut r = roundabout_render::Renderer::new((w, h), false);
    let layout = r.layout(&doc);
    fn walk(
        l: &roundabout_render::layout::Layout,
        doc: &roundabout_engine::dom::Document,
        i: usize,
        depth: usize,
    ) {
        let b = &l.boxes[i];
        let name = match b.node() {
            Some(n) => doc
                .data(n)
                .element()
                .map_or("#text".to_string(), |e| e.name.local.to_string()),
            None => "(anonymous)".into(),
        };
        let r = b.border_box;
        println!(
            "{:indent$}{name} {:.2},{:.2} {:.2}x{:.2}",
            "",
            r.x,
            r.y,
            r.w,
            r.h,
            indent = depth * 2
        );
        if let Some(inline) = &b.inline {
            for line in &inline.lines {
                println!(
                    "{:indent$}  line top {:.2} height {:.2} baseline {:.2} width {:.2}",
                    "",
                    line.top,
                    line.height,
                    line.baseline,
                    line.width,
                    indent = depth * 2
                );
            }
        }
        for &c in &b.children {
            walk(l, doc, c, depth + 1);
        }
    }
    walk(layout, &doc, 0, 0);
}
