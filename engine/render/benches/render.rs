//! Renderer internals: style + layout, and paint, of a fixture page and of a larger
//! generated document (300 paragraphs of wrapped text in a flex/grid page), each
//! against the cost of parsing the same HTML (the baseline measured in the same run).

use criterion::{criterion_group, criterion_main, Criterion};
use roundabout_engine::dom::parse_html_document;
use roundabout_render::Renderer;

fn big_page() -> String {
    let mut html = String::from(
        "<!DOCTYPE html><style>html{font-family:'DejaVu Sans'} .row{display:flex;gap:8px} \
         .card{flex:1;padding:8px;border:1px solid #999;background:#f4f4f4} \
         .grid{display:grid;grid-template-columns:repeat(3,1fr);gap:4px} .grid div{height:20px;background:#cde}</style>",
    );
    for i in 0..100 {
        html.push_str(&format!(
            "<div class=row><div class=card><h3>Card {i}</h3><p>Lorem ipsum dolor sit amet, <b>consectetur</b> \
             adipiscing elit, sed do <i>eiusmod</i> tempor incididunt ut labore et dolore magna aliqua.</p></div>\
             <div class=card><p>Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip \
             ex ea commodo consequat.</p></div><div class=grid><div></div><div></div><div></div></div></div>"
        ));
    }
    html
}

fn bench(c: &mut Criterion) {
    let fixture = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/render/fixtures/text-inline-spans.html"
    ))
    .expect("fixture");
    let big = big_page();
    for (name, html, viewport) in [("fixture", &fixture, (400, 300)), ("big", &big, (800, 600))] {
        c.bench_function(&format!("{name}/parse (baseline)"), |b| {
            b.iter(|| parse_html_document(html).document)
        });
        let doc = parse_html_document(html).document;
        let mut renderer = Renderer::new(viewport, false);
        c.bench_function(&format!("{name}/style+layout"), |b| {
            b.iter(|| {
                renderer.invalidate();
                renderer.layout(&doc).boxes.len()
            })
        });
        renderer.layout(&doc);
        c.bench_function(&format!("{name}/paint"), |b| {
            b.iter(|| renderer.paint(&doc))
        });
    }
    c.bench_function("fonts/renderer creation", |b| {
        b.iter(|| Renderer::new((800, 600), false))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
