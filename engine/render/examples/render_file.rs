//! Renders an HTML file (no scripts) to a PNG: `cargo run -p roundabout-render
//! --example render_file -- page.html out.png [W H]`.
fn main() {
    let args: Vec<String> = std::env::args().collect();
    let html = std::fs::read_to_string(&args[1]).expect("read page");
    let w = args.get(3).and_then(|v| v.parse().ok()).unwrap_or(800);
    let h = args.get(4).and_then(|v| v.parse().ok()).unwrap_or(600);
    let start = std::time::Instant::now();
    let pixmap = roundabout_render::render_html(&html, (w, h));
    eprintln!("rendered in {:?}", start.elapsed());
    pixmap.save_png(&args[2]).expect("write png");
}
