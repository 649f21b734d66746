//! Rendering from the command line: `--screenshot`, `--screenshot-at`, `--viewport`,
//! geometry seen by script, and the errors for bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use roundabout_render::Pixmap;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/render")
}

fn roundabout(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_roundabout"))
        .args(args)
        .current_dir(fixtures())
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .expect("run roundabout")
}

fn out_path(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli_render");
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    let _ = std::fs::remove_file(&p);
    p
}

fn rgb(p: &Pixmap, x: u32, y: u32) -> (u8, u8, u8) {
    let c = p.pixel(x, y).expect("pixel");
    (c.red(), c.green(), c.blue())
}

#[test]
fn screenshot_after_quiescence_at_the_viewport_size() {
    let png = out_path("after.png");
    let o = roundabout(&[
        "run",
        "boxes.html",
        "--virtual-time",
        "--viewport",
        "300x200",
        "--screenshot",
        png.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let p = Pixmap::load_png(&png).expect("a PNG");
    assert_eq!((p.width(), p.height()), (300, 200));
    assert_eq!(rgb(&p, 50, 30), (255, 0, 0), "the red box");
    assert_eq!(
        rgb(&p, 140, 30),
        (0, 255, 0),
        "the timer ran before the frame was taken"
    );
    assert_eq!(rgb(&p, 250, 150), (255, 255, 255), "the canvas");
}

#[test]
fn screenshot_at_a_page_time_then_the_run_goes_on() {
    let png = out_path("at50.png");
    let o = roundabout(&[
        "run",
        "boxes.html",
        "--virtual-time",
        "--screenshot",
        png.to_str().unwrap(),
        "--screenshot-at",
        "50",
        "--eval",
        "document.getElementById('blue').style.background",
    ]);
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let p = Pixmap::load_png(&png).expect("a PNG");
    assert_eq!((p.width(), p.height()), (800, 600), "the default viewport");
    assert_eq!(
        rgb(&p, 140, 30),
        (0, 0, 255),
        "at 50 ms the timer has not fired"
    );
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).trim(),
        "lime",
        "the run went on after the frame"
    );
}

#[test]
fn script_sees_layout_geometry() {
    let o = roundabout(&["run", "geometry.html", "--viewport", "400x300"]);
    assert_eq!(o.status.code(), Some(0));
    let out = String::from_utf8_lossy(&o.stdout);
    let lines: Vec<&str> = out.lines().collect();
    // 400 - 16 body margin = 384 wide; the 114px border box is centred: (384-114)/2 + 8.
    assert_eq!(
        lines,
        [
            "rect 143 10 114 54",
            "offset 143 10 114 54",
            "client 110 50",
            "viewport 400x300",
            "computed 100px 135px",
        ]
    );
}

#[test]
fn bad_rendering_options_are_usage_errors() {
    for (args, message) in [
        (
            vec!["run", "boxes.html", "--viewport", "800"],
            "is not WIDTHxHEIGHT",
        ),
        (
            vec!["run", "boxes.html", "--viewport", "0x10"],
            "between 1 and 16384",
        ),
        (
            vec!["run", "boxes.html", "--viewport", "99999x10"],
            "between 1 and 16384",
        ),
        (
            vec!["run", "boxes.html", "--screenshot-at", "10"],
            "--screenshot",
        ),
    ] {
        let o = roundabout(&args);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        let err = String::from_utf8_lossy(&o.stderr);
        assert!(err.contains(message), "{args:?}: {err}");
    }
}

#[test]
fn an_unwritable_screenshot_path_is_reported() {
    let o = roundabout(&[
        "run",
        "boxes.html",
        "--screenshot",
        "/nonexistent-dir/x.png",
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("could not write the screenshot /nonexistent-dir/x.png"),
        "{err}"
    );
}

#[test]
fn the_window_needs_a_display_and_says_so() {
    let o = roundabout(&["window", "boxes.html", "--timeout", "1"]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("cannot open a window") && err.contains("DISPLAY"),
        "{err}"
    );
}

#[test]
fn linked_style_sheets_load_under_the_file_policy() {
    let o = roundabout(&["run", "linked.html"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        String::from_utf8_lossy(&o.stdout).trim(),
        "123 rgb(0, 128, 0)"
    );
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(
        err.matches("Failed to load stylesheet missing.css").count(),
        1,
        "{err}"
    );
}
