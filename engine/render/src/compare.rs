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
