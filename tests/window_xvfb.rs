//! `roundabout window` under a virtual X server: opens examples/animation.html, clicks
//! the animated box and presses a key with xdotool, grabs the screen with
//! ImageMagick's `import`, closes the window, and checks the page's log, the screen
//! and the final frame. Needs Xvfb, xdotool and ImageMagick (`.ci/setup` installs
//! them); without them the test fails and says what is missing.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread::sleep;
use std::time::{Duration, Instant};

use roundabout_render::Pixmap;

fn tool(name: &str) {
    let found = Command::new("sh")
        .args(["-c", &format!("command -v {name}")])
        .output()
        .is_ok_and(|o| o.status.success());
    assert!(
        found,
        "{name} is not installed: run .ci/setup (it installs xvfb, xdotool and imagemagick)"
    );
}

struct Killed(Child);
impl Drop for Killed {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn xdotool(display: &str, args: &[&str]) -> String {
    let o = Command::new("xdotool")
        .args(args)
        .env("DISPLAY", display)
        .output()
        .expect("xdotool");
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn rgb(p: &Pixmap, x: u32, y: u32) -> (u8, u8, u8) {
    let c = p.pixel(x, y).expect("pixel");
    (c.red(), c.green(), c.blue())
}

#[test]
fn the_window_animates_takes_clicks_and_keys_and_closes() {
    for t in ["Xvfb", "xdotool", "import"] {
        tool(t);
    }
    let n = 90 + std::process::id() % 100;
    let display = format!(":{n}");
    let xvfb = Killed(
        Command::new("Xvfb")
            .args([&display, "-screen", "0", "800x600x24", "-nolisten", "tcp"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start Xvfb"),
    );
    let socket = PathBuf::from(format!("/tmp/.X11-unix/X{n}"));
    let start = Instant::now();
    while !socket.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "Xvfb did not start"
        );
        sleep(Duration::from_millis(50));
    }
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("window_xvfb");
    std::fs::create_dir_all(&dir).unwrap();
    let frame = dir.join("last-frame.png");
    let screen = dir.join("screen.png");
    let _ = std::fs::remove_file(&frame);
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/animation.html");
    let mut page = Killed(
        Command::new(env!("CARGO_BIN_EXE_roundabout"))
            .args([
                "window",
                example.to_str().unwrap(),
                "--viewport",
                "640x400",
                "--timeout",
                "30",
            ])
            .args(["--screenshot", frame.to_str().unwrap(), "--frame-stats"])
            .env("DISPLAY", &display)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start roundabout window"),
    );
    // The window appears.
    let wid = loop {
        let ids = xdotool(&display, &["search", "--name", "Roundabout"]);
        if let Some(id) = ids.lines().next() {
            break id.trim().to_string();
        }
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "no window appeared"
        );
        sleep(Duration::from_millis(100));
    };
    // The slide takes 2 s; after it the box rests at the right end of the track:
    // track border box x 16..624 (640 - 2 * 16), 2px border, box 80px wide at
    // left = 604 - 80 -> x 542..622; y: h1 line 24px + 16px margins -> track top 56,
    // box top 56 + 2 + 20 = 78 .. 158.
    sleep(Duration::from_millis(3000));
    xdotool(
        &display,
        &["mousemove", "--window", &wid, "580", "118", "click", "1"],
    );
    // The click restarts the slide (2 s) with the next colour.
    sleep(Duration::from_millis(2600));
    // XTEST input to the focused window (synthetic XSendEvent keys are ignored).
    xdotool(&display, &["windowfocus", "--sync", &wid]);
    xdotool(&display, &["key", "a"]);
    sleep(Duration::from_millis(300));
    let grabbed = Command::new("import")
        .args(["-window", "root", screen.to_str().unwrap()])
        .env("DISPLAY", &display)
        .status()
        .expect("import");
    assert!(grabbed.success(), "import -window root failed");
    // Resizing relays the page out and fires `resize`; the wheel scrolls the page.
    xdotool(&display, &["windowsize", "--sync", &wid, "500", "300"]);
    sleep(Duration::from_millis(300));
    xdotool(
        &display,
        &["mousemove", "--window", &wid, "100", "250", "click", "5"],
    );
    sleep(Duration::from_millis(500));
    let screen2 = dir.join("screen-after-resize.png");
    let grabbed = Command::new("import")
        .args(["-window", "root", screen2.to_str().unwrap()])
        .env("DISPLAY", &display)
        .status()
        .expect("import");
    assert!(grabbed.success(), "import -window root failed");
    // Closing the window ends the run (well before the 30 s timeout).
    xdotool(&display, &["windowclose", &wid]);
    let closed_at = Instant::now();
    let status = loop {
        if let Some(s) = page.0.try_wait().unwrap() {
            break s;
        }
        assert!(
            closed_at.elapsed() < Duration::from_secs(10),
            "the run did not end when the window closed"
        );
        sleep(Duration::from_millis(50));
    };
    let mut out = String::new();
    page.0
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .unwrap();
    let mut err = String::new();
    page.0
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(
        status.success(),
        "exit {status:?}\nstdout:\n{out}\nstderr:\n{err}"
    );
    drop(xvfb);

    // The page's log: the first slide, the trusted click on the box, the second
    // slide, the key.
    let lines: Vec<&str> = out.lines().collect();
    assert!(
        lines.iter().any(|l| l.starts_with("animation done:")),
        "{out}"
    );
    assert!(
        lines.contains(&"click on #box at 580,118 (isTrusted true)"),
        "{out}"
    );
    assert_eq!(
        lines
            .iter()
            .filter(|l| l.starts_with("animation done:"))
            .count(),
        2,
        "{out}"
    );
    assert!(lines.contains(&"key \"a\" (KeyA)"), "{out}");
    assert!(lines.contains(&"resize 500x300"), "{out}");
    // A wheel click scrolls 40px a step (X11 may deliver it as one or two steps);
    // one `scroll` event per rendering update.
    let scrolled: Vec<u32> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("scroll to "))
        .map(|n| n.parse().unwrap())
        .collect();
    assert!(matches!(scrolled[..], [40] | [80]), "{out}");
    let scrolled = scrolled[0];
    assert!(err.contains("frames: "), "frame statistics: {err}");

    // The screen shows the window's last frame: the box, red after one click, at the
    // right end; the status line changed.
    let shot = Pixmap::load_png(&screen).expect("screen grab");
    assert_eq!(
        rgb(&shot, 580, 118),
        (200, 60, 50),
        "the clicked box on screen"
    );
    assert_eq!(
        rgb(&shot, 100, 118),
        (226, 221, 210),
        "the empty track on screen"
    );
    assert_eq!(
        rgb(&shot, 10, 10),
        (244, 241, 234),
        "the page background on screen"
    );
    // After the resize and the scroll, the screen shows exactly the frame the page
    // paints at the end (nothing changed in between).
    let last = Pixmap::load_png(&frame).expect("last frame");
    assert_eq!(
        (last.width(), last.height()),
        (500, 300),
        "the last frame has the new size"
    );
    let shot2 = Pixmap::load_png(&screen2).expect("screen grab");
    for y in 0..300 {
        for x in 0..500 {
            assert_eq!(
                rgb(&shot2, x, y),
                rgb(&last, x, y),
                "screen and frame differ at {x},{y}"
            );
        }
    }
    // Scrolled, at 500px wide (the title now wraps onto two 24px lines, so the track
    // is at page y 80..204): the inside of the track at page y 190, the page below
    // it at y 212.
    assert_eq!(
        rgb(&last, 100, 190 - scrolled),
        (226, 221, 210),
        "the track, scrolled"
    );
    assert_eq!(
        rgb(&last, 100, 212 - scrolled),
        (244, 241, 234),
        "below the track, scrolled"
    );
}
