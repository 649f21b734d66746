//! Pixel comparison for the fidelity fixtures (tests/render/README.md): a pixel
//! matches when every channel differs by at most `tolerance` after both images are
//! flattened on white; similarity = matching pixels / all pixels.

use tiny_skia::Pixmap;

/// Straight RGB of a premultiplied pixel flattened on white.
fn on_white(p: tiny_skia::PremultipliedColorU8) -> [i32; 3] {
    let a = p.alpha() as i32;
    let inv = 255 - a;
    [
        p.red() as i32 + inv,
        p.green() as i32 + inv,
        p.blue() as i32 + inv,
    ]
}

/// The share of pixels within `tolerance`; images of different sizes compare over
/// the larger area, pixels outside the smaller one counting as mismatches.
pub fn similarity(a: &Pixmap, b: &Pixmap, tolerance: i32) -> f64 {
    let (w, h) = (a.width().max(b.width()), a.height().max(b.height()));
    let mut matching = 0u64;
    for y in 0..h {
        for x in 0..w {
            if let (Some(pa), Some(pb)) = (a.pixel(x, y), b.pixel(x, y)) {
                let (ca, cb) = (on_white(pa), on_white(pb));
                if (0..3).all(|k| (ca[k] - cb[k]).abs() <= tolerance) {
                    matching += 1;
                }
            }
        }
    }
    matching as f64 / (w as f64 * h as f64)
}

/// A visual diff: matching pixels faded, mismatches in red.
pub fn diff_image(a: &Pixmap, b: &Pixmap, tolerance: i32) -> Pixmap {
    let (w, h) = (a.width().min(b.width()), a.height().min(b.height()));
    let mut out = Pixmap::new(w.max(1), h.max(1)).expect("size");
    let data = out.data_mut();
    for y in 0..h {
        for x in 0..w {
            let (ca, cb) = (
                on_white(a.pixel(x, y).unwrap()),
                on_white(b.pixel(x, y).unwrap()),
            );
            let i = ((y * w + x) * 4) as usize;
            let px = if (0..3).all(|k| (ca[k] - cb[k]).abs() <= tolerance) {
                let g = (ca[0] + ca[1] + ca[2]) / 3;
                let v = (200 + g / 5).min(255) as u8;
                [v, v, v, 255]
            } else {
                [255, 0, 0, 255]
            };
            data[i..i + 4].copy_from_slice(&px);
        }
    }
    out
}

/// Text fidelity on a text page: of the pixels where Chromium drew glyphs (where its
/// reference differs from the same page with transparent text), the share that ours
/// matches within `tolerance`, allowing the glyph to sit one pixel off (`slack`).
/// A page with no text scores 0; text shifted by 2 px scores about 0.5.
pub fn text_coverage(
    ours: &Pixmap,
    reference: &Pixmap,
    no_text: &Pixmap,
    tolerance: i32,
    slack: i32,
) -> f64 {
    let (w, h) = (
        reference.width().min(no_text.width()),
        reference.height().min(no_text.height()),
    );
    let (mut text, mut matched) = (0u64, 0u64);
    for y in 0..h {
        for x in 0..w {
            let r = on_white(reference.pixel(x, y).unwrap());
            let n = on_white(no_text.pixel(x, y).unwrap());
            if (0..3).all(|k| (r[k] - n[k]).abs() <= tolerance) {
                continue;
            }
            text += 1;
            let hit = (-slack..=slack).any(|dy| {
                (-slack..=slack).any(|dx| {
                    let (ox, oy) = (x as i32 + dx, y as i32 + dy);
                    ox >= 0
                        && oy >= 0
                        && ours.pixel(ox as u32, oy as u32).is_some_and(|p| {
                            let o = on_white(p);
                            (0..3).all(|k| (o[k] - r[k]).abs() <= tolerance)
                        })
                })
            });
            if hit {
                matched += 1;
            }
        }
    }
    if text == 0 {
        1.0
    } else {
        matched as f64 / text as f64
    }
}
