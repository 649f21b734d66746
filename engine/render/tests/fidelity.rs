//! The fidelity fixtures (tests/render/): each page rendered by Roundabout at 400x300
//! must match Chromium's committed reference on at least its floor's share of pixels
//! (channel tolerance 16; floors in tests/render/floors.txt). Our renderings and red
//! diff images are written to target/render-fidelity/ for inspection.

use std::path::PathBuf;

use roundabout_render::compare::{diff_image, similarity, text_coverage};
use roundabout_render::{render_html, Pixmap};

const TOLERANCE: i32 = 16;

fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/render")
}

fn out_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/render-fidelity");
    std::fs::create_dir_all(&dir).expect("output dir");
    dir
}

/// Text pages also need this share of Chromium's text pixels matched (one pixel of
/// slack): missing or misplaced text fails even when the boxes match.
const TEXT_COVERAGE_FLOOR: f64 = 0.7;

struct Outcome {
    name: String,
    kind: String,
    floor: f64,
    score: f64,
    /// Text pages: the text coverage.
    text: Option<f64>,
}

fn run_fixture(name: &str) -> (Pixmap, Pixmap) {
    let dir = fixtures_dir();
    let html = std::fs::read_to_string(dir.join("fixtures").join(format!("{name}.html")))
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    let ours = render_html(&html, (400, 300));
    let reference = Pixmap::load_png(dir.join("chromium").join(format!("{name}.png")))
        .unwrap_or_else(|e| panic!("{name} reference: {e}"));
    (ours, reference)
}

#[test]
fn every_fixture_meets_its_similarity_floor() {
    let floors = std::fs::read_to_string(fixtures_dir().join("floors.txt")).expect("floors.txt");
    let out = out_dir();
    let mut outcomes = Vec::new();
    for line in floors
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
    {
        let parts: Vec<&str> = line.split_whitespace().collect();
        let [name, kind, floor] = parts[..] else {
            panic!("bad floors line {line:?}")
        };
        let floor: f64 = floor.parse().expect("floor");
        let (ours, reference) = run_fixture(name);
        let score = similarity(&ours, &reference, TOLERANCE);
        let text = (kind == "text").then(|| {
            let no_text = Pixmap::load_png(
                fixtures_dir()
                    .join("chromium")
                    .join(format!("{name}.notext.png")),
            )
            .unwrap_or_else(|e| panic!("{name} text-hidden reference: {e}"));
            text_coverage(&ours, &reference, &no_text, TOLERANCE, 1)
        });
        ours.save_png(out.join(format!("{name}.png")))
            .expect("save");
        diff_image(&ours, &reference, TOLERANCE)
            .save_png(out.join(format!("{name}.diff.png")))
            .expect("save diff");
        outcomes.push(Outcome {
            name: name.into(),
            kind: kind.into(),
            floor,
            score,
            text,
        });
    }
    assert!(outcomes.len() >= 20, "at least 20 fixtures");
    let mut report = String::new();
    let below = |o: &Outcome| o.score < o.floor || o.text.is_some_and(|t| t < TEXT_COVERAGE_FLOOR);
    for o in &outcomes {
        report.push_str(&format!(
            "{:<22} {:<4} {:.4} (floor {:.2}){}{}\n",
            o.name,
            o.kind,
            o.score,
            o.floor,
            o.text.map_or(String::new(), |t| format!(
                "  text {t:.3} (floor {TEXT_COVERAGE_FLOOR})"
            )),
            if below(o) { "  BELOW" } else { "" }
        ));
    }
    eprintln!("{report}");
    let failing: Vec<&Outcome> = outcomes.iter().filter(|o| below(o)).collect();
    assert!(failing.is_empty(), "below their floors:\n{report}");
}

#[test]
fn the_comparison_can_fail() {
    // A blank page against a fixture's reference scores well below the box floor.
    let (_, reference) = run_fixture("boxes-basic");
    let blank = render_html("<!DOCTYPE html>", (400, 300));
    assert!(similarity(&blank, &reference, TOLERANCE) < 0.97);
    assert_eq!(similarity(&reference, &reference, 0), 1.0);
    // A text page without its text scores 0 on text coverage.
    let (_, text_ref) = run_fixture("text-paragraph");
    let no_text =
        Pixmap::load_png(fixtures_dir().join("chromium/text-paragraph.notext.png")).unwrap();
    assert_eq!(
        text_coverage(&no_text, &text_ref, &no_text, TOLERANCE, 1),
        0.0
    );
    assert_eq!(
        text_coverage(&text_ref, &text_ref, &no_text, TOLERANCE, 0),
        1.0
    );
}
