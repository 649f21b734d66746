//! `roundabout window`: the page in a live window. One loop: the page's calloop loop
//! also watches the windowing system's connection (winit's fd), so it sleeps until a
//! timer, a frame, a worker's message or input is due; after every turn winit's
//! events are pumped without blocking. Painted frames (tiny-skia) are presented with
//! softbuffer. Input becomes trusted UI events queued on the user-interaction task
//! source; resizing re-lays the page out and fires `resize` in the next rendering
//! update; the wheel scrolls the viewport; closing the window ends the run.

use std::cell::RefCell;
use std::num::NonZeroU32;
use std::os::fd::AsFd;
use std::rc::Rc;
use std::time::{Duration, Instant};

use roundabout_bindings::{JsHost, Output};
use roundabout_engine::dom::NodeId;
use roundabout_engine::{Task, TaskSource, Turn};
use winit::application::ApplicationHandler;
use winit::dpi::{PhysicalPosition, PhysicalSize};
use winit::event::{ElementState, MouseButton, MouseScrollDelta, WindowEvent};
use winit::event_loop::{ActiveEventLoop, EventLoop};
use winit::keyboard::{Key, NamedKey, PhysicalKey};
use winit::platform::pump_events::EventLoopExtPumpEvents;
use winit::window::{Window, WindowId};

use crate::page_source::PageSource;
use crate::run::{Page, RunError, RunOptions};

#[derive(Debug, thiserror::Error)]
pub enum WindowError {
    #[error(
        "cannot open a window: {0} (is DISPLAY set? headless runs use `roundabout run --screenshot`)"
    )]
    NoDisplay(String),
    #[error(transparent)]
    Run(#[from] RunError),
    #[error("window: {0}")]
    Window(String),
}

/// What the window shell measured.
#[derive(Debug, Default, Clone)]
pub struct FrameStats {
    /// Per frame: style + layout (when the DOM changed) + paint + present.
    pub frame_times: Vec<Duration>,
}

impl FrameStats {
    pub fn summary(&self) -> String {
        let mut t: Vec<f64> = self
            .frame_times
            .iter()
            .map(|d| d.as_secs_f64() * 1000.0)
            .collect();
        if t.is_empty() {
            return "frames: 0".into();
        }
        t.sort_by(|a, b| a.total_cmp(b));
        let mean = t.iter().sum::<f64>() / t.len() as f64;
        let p95 = t[((t.len() as f64 * 0.95) as usize).min(t.len() - 1)];
        format!(
            "frames: {}, style+layout+paint+present mean {:.2} ms, median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
            t.len(),
            mean,
            t[t.len() / 2],
            p95,
            t[t.len() - 1]
        )
    }
}

/// An input event from the window, turned into DOM events by a task.
enum Input {
    Move(f64, f64),
    Button {
        pressed: bool,
        button: i16,
        x: f64,
        y: f64,
    },
    Wheel {
        dx: f64,
        dy: f64,
        x: f64,
        y: f64,
    },
    Key {
        pressed: bool,
        key: String,
        code: String,
        repeat: bool,
    },
}

/// The softbuffer surface of the window, shared with the frame presenter.
type SharedSurface = Rc<RefCell<Option<softbuffer::Surface<Rc<Window>, Rc<Window>>>>>;

/// The winit side: the window, its softbuffer surface, the events it collected.
struct App {
    title: String,
    size: (u32, u32),
    window: Option<Rc<Window>>,
    surface: SharedSurface,
    inputs: Vec<Input>,
    resized: Option<(u32, u32)>,
    exposed: bool,
    closed: bool,
    cursor: (f64, f64),
    error: Option<String>,
}

impl ApplicationHandler for App {
    fn resumed(&mut self, event_loop: &ActiveEventLoop) {
        if self.window.is_some() {
            return;
        }
        let attributes = Window::default_attributes()
            .with_title(self.title.clone())
            .with_inner_size(PhysicalSize::new(self.size.0, self.size.1));
        let window = match event_loop.create_window(attributes) {
            Ok(w) => Rc::new(w),
            Err(e) => {
                self.error = Some(e.to_string());
                event_loop.exit();
                return;
            }
        };
        let surface = softbuffer::Context::new(window.clone())
            .and_then(|context| softbuffer::Surface::new(&context, window.clone()));
        match surface {
            Ok(s) => *self.surface.borrow_mut() = Some(s),
            Err(e) => {
                self.error = Some(e.to_string());
                event_loop.exit();
                return;
            }
        }
        self.window = Some(window);
    }

    fn window_event(&mut self, _: &ActiveEventLoop, _: WindowId, event: WindowEvent) {
        match event {
            WindowEvent::CloseRequested | WindowEvent::Destroyed => self.closed = true,
            WindowEvent::Resized(size)
                if size.width > 0 && size.height > 0 && (size.width, size.height) != self.size =>
            {
                self.size = (size.width, size.height);
                self.resized = Some(self.size);
            }
            WindowEvent::RedrawRequested => self.exposed = true,
            WindowEvent::CursorMoved {
                position: PhysicalPosition { x, y },
                ..
            } => {
                self.cursor = (x, y);
                self.inputs.push(Input::Move(x, y));
            }
            WindowEvent::MouseInput { state, button, .. } => {
                // UI Events § 5.1: 0 primary, 1 auxiliary, 2 secondary, 3 back, 4 forward.
                let button = match button {
                    MouseButton::Left => 0,
                    MouseButton::Middle => 1,
                    MouseButton::Right => 2,
                    MouseButton::Back => 3,
                    MouseButton::Forward => 4,
                    MouseButton::Other(n) => n as i16,
                };
                let (x, y) = self.cursor;
                self.inputs.push(Input::Button {
                    pressed: state == ElementState::Pressed,
                    button,
                    x,
                    y,
                });
            }
            WindowEvent::MouseWheel { delta, .. } => {
                let (dx, dy) = match delta {
                    // Lines are 40 px, Chromium's wheel step.
                    MouseScrollDelta::LineDelta(x, y) => (-x as f64 * 40.0, -y as f64 * 40.0),
                    MouseScrollDelta::PixelDelta(p) => (-p.x, -p.y),
                };
                let (x, y) = self.cursor;
                self.inputs.push(Input::Wheel { dx, dy, x, y });
            }
            WindowEvent::KeyboardInput { event, .. } => {
                let key = match &event.logical_key {
                    Key::Character(c) => c.to_string(),
                    Key::Named(NamedKey::Space) => " ".into(),
                    Key::Named(n) => format!("{n:?}"),
                    _ => "Unidentified".into(),
                };
                let code = match event.physical_key {
                    PhysicalKey::Code(c) => format!("{c:?}"),
                    PhysicalKey::Unidentified(_) => String::new(),
                };
                self.inputs.push(Input::Key {
                    pressed: event.state == ElementState::Pressed,
                    key,
                    code,
                    repeat: event.repeat,
                });
            }
            _ => {}
        }
    }
}

fn present(
    surface: &RefCell<Option<softbuffer::Surface<Rc<Window>, Rc<Window>>>>,
    frame: &roundabout_render::Pixmap,
) -> Result<(), String> {
    let mut slot = surface.borrow_mut();
    let Some(surface) = slot.as_mut() else {
        return Ok(());
    };
    let (w, h) = (frame.width(), frame.height());
    let (Some(nw), Some(nh)) = (NonZeroU32::new(w), NonZeroU32::new(h)) else {
        return Ok(());
    };
    surface.resize(nw, nh).map_err(|e| e.to_string())?;
    let mut buffer = surface.buffer_mut().map_err(|e| e.to_string())?;
    // Frames are opaque (the canvas is painted first): pack R, G, B as 0x00RRGGBB.
    for (dst, px) in buffer.iter_mut().zip(frame.pixels()) {
        *dst = (px.red() as u32) << 16 | (px.green() as u32) << 8 | px.blue() as u32;
    }
    buffer.present().map_err(|e| e.to_string())
}

fn js(host: &mut dyn roundabout_engine::ScriptHost) -> &mut JsHost {
    host.as_any_mut().downcast_mut::<JsHost>().expect("JsHost")
}

/// The mouse state the tasks need: which element got the last mousedown (a click
/// needs mousedown and mouseup on the same element: UI Events § 4.3.3).
#[derive(Default)]
struct Pointer {
    down_target: Option<NodeId>,
    buttons: u16,
}

fn mouse_init(x: f64, y: f64, button: i16, buttons: u16, detail: i32) -> String {
    format!(
        r#"{{"bubbles":true,"cancelable":true,"composed":true,"clientX":{x},"clientY":{y},"screenX":{x},"screenY":{y},"button":{button},"buttons":{buttons},"detail":{detail}}}"#
    )
}

fn target_at(host: &mut JsHost, x: f64, y: f64) -> Option<NodeId> {
    let renderer = host.renderer();
    let doc = host.document().clone();
    let doc = doc.borrow();
    renderer.with(|r| {
        let (sx, sy) = r.scroll;
        r.layout(&doc)
            .hit_test(x as f32, y as f32, (sx, sy))
            .or(doc.document_element())
    })
}

/// Queues the DOM events for one input on the user-interaction task source.
fn queue_input(page: &mut Page, input: Input, pointer: &Rc<RefCell<Pointer>>) {
    let pointer = pointer.clone();
    let task = Task::native(TaskSource::UserInteraction, None, move |h| {
        let host = js(h);
        match input {
            Input::Move(x, y) => {
                let target = target_at(host, x, y);
                let buttons = pointer.borrow().buttons;
                host.fire_input_event(
                    "mouse",
                    "mousemove",
                    target,
                    &mouse_init(x, y, 0, buttons, 0),
                );
            }
            Input::Button {
                pressed,
                button,
                x,
                y,
            } => {
                let target = target_at(host, x, y);
                let bit = 1u16 << [0, 2, 1, 3, 4].get(button as usize).copied().unwrap_or(0);
                if pressed {
                    let buttons = {
                        let mut p = pointer.borrow_mut();
                        p.buttons |= bit;
                        p.down_target = target;
                        p.buttons
                    };
                    host.fire_input_event(
                        "mouse",
                        "mousedown",
                        target,
                        &mouse_init(x, y, button, buttons, 1),
                    );
                    // The press moves focus (HTML § 6.6.4 "focusing steps").
                    if button == 0 {
                        host.fire_input_event("focus", "", target, "{}");
                    }
                } else {
                    let (buttons, down) = {
                        let mut p = pointer.borrow_mut();
                        p.buttons &= !bit;
                        (p.buttons, p.down_target.take())
                    };
                    host.fire_input_event(
                        "mouse",
                        "mouseup",
                        target,
                        &mouse_init(x, y, button, buttons, 1),
                    );
                    // click for the primary button, auxclick for the others, when the
                    // press and release hit the same element.
                    if down.is_some() && down == target {
                        let kind = if button == 0 { "click" } else { "auxclick" };
                        host.fire_input_event(
                            "mouse",
                            kind,
                            target,
                            &mouse_init(x, y, button, buttons, 1),
                        );
                    }
                }
            }
            Input::Wheel { dx, dy, x, y } => {
                let target = target_at(host, x, y);
                let init = format!(
                    r#"{{"bubbles":true,"cancelable":true,"composed":true,"clientX":{x},"clientY":{y},"deltaX":{dx},"deltaY":{dy},"deltaMode":0}}"#
                );
                host.fire_input_event("wheel", "wheel", target, &init);
                // The default action: scroll the viewport (`scroll` fires in the next
                // rendering update's scroll steps).
                let doc = host.document().clone();
                host.renderer()
                    .scroll_by(&doc.borrow(), dx as f32, dy as f32);
            }
            Input::Key {
                pressed,
                key,
                code,
                repeat,
            } => {
                // Keys go to the focused element, else the body (HTML § 6.6).
                let target = {
                    let doc = host.document().borrow();
                    doc.focused
                        .filter(|f| doc.is_connected(*f))
                        .or_else(|| {
                            doc.document_element()
                                .and_then(|r| doc.child_html_element(r, "body"))
                        })
                        .or(doc.document_element())
                };
                let init = serde_json::json!({
                    "bubbles": true, "cancelable": true, "composed": true,
                    "key": key, "code": code, "repeat": repeat,
                })
                .to_string();
                let kind = if pressed { "keydown" } else { "keyup" };
                host.fire_input_event("keyboard", kind, target, &init);
            }
        }
    });
    page.event_loop().queue_task(task);
}

/// Runs `page` in a window until the window is closed or the options' timeout.
pub fn run_window(
    source: PageSource,
    options: &RunOptions,
    output: Rc<dyn Output>,
) -> Result<FrameStats, WindowError> {
    let mut event_loop = EventLoop::new().map_err(|e| WindowError::NoDisplay(e.to_string()))?;
    let viewport = options.viewport.unwrap_or((800, 600));
    let title = format!("Roundabout — {}", source.display_name);
    let mut page = Page::new(source, options.clone(), output)?;
    let surface = Rc::new(RefCell::new(None));
    let stats = Rc::new(RefCell::new(FrameStats::default()));
    let present_error: Rc<RefCell<Option<String>>> = Rc::new(RefCell::new(None));
    {
        let (surface, stats, present_error) =
            (surface.clone(), stats.clone(), present_error.clone());
        let host = page.event_loop().host();
        host.set_frame_presenter(Some(Box::new(move |frame| {
            let start = Instant::now();
            if let Err(e) = present(&surface, frame) {
                *present_error.borrow_mut() = Some(e);
            }
            stats.borrow_mut().frame_times.push(start.elapsed());
        })));
    }
    // The one loop: the page's calloop loop wakes for the display connection too.
    let fd = event_loop
        .as_fd()
        .try_clone_to_owned()
        .map_err(|e| WindowError::Window(e.to_string()))?;
    page.event_loop()
        .watch_fd(fd)
        .map_err(|e| WindowError::Window(e.to_string()))?;
    let mut app = App {
        title,
        size: viewport,
        window: None,
        surface,
        inputs: Vec::new(),
        resized: None,
        exposed: false,
        closed: false,
        cursor: (0.0, 0.0),
        error: None,
    };
    let pointer = Rc::new(RefCell::new(Pointer::default()));
    let limit = options.timeout;
    let started = Instant::now();
    let mut shot_taken = false;
    loop {
        event_loop.pump_app_events(Some(Duration::ZERO), &mut app);
        if let Some(e) = app
            .error
            .take()
            .or_else(|| present_error.borrow_mut().take())
        {
            return Err(WindowError::Window(e));
        }
        if app.closed {
            break;
        }
        if let Some((w, h)) = app.resized.take() {
            page.event_loop().host().renderer().set_viewport(w, h);
        }
        if std::mem::take(&mut app.exposed) {
            page.event_loop().host().renderer().request_repaint();
        }
        for input in app.inputs.drain(..) {
            queue_input(&mut page, input, &pointer);
        }
        let now = page.event_loop().state().borrow().clock.now();
        if let (Some(path), Some(at), false) =
            (&options.screenshot, options.screenshot_at, shot_taken)
        {
            if now >= at {
                page.save_screenshot(path)?;
                shot_taken = true;
            }
        }
        if limit.is_some_and(|l| now >= l || started.elapsed() >= l) {
            break;
        }
        // Sleep at most until the limit or the screenshot time.
        let mut until = limit;
        if let (Some(at), false) = (options.screenshot_at, shot_taken) {
            until = Some(until.map_or(at, |l| l.min(at)));
        }
        match page
            .event_loop()
            .process_one_turn(until)
            .map_err(RunError::Loop)?
        {
            // Nothing to do: sleep until input (or a worker, or the limit).
            Turn::Quiescent => {
                let timeout = until.map(|u| u.saturating_sub(now));
                page.event_loop().wait(timeout).map_err(RunError::Loop)?;
            }
            Turn::RanTask | Turn::Idle | Turn::Waited | Turn::AwaitingClock => {}
        }
    }
    if let (Some(path), false) = (&options.screenshot, shot_taken) {
        page.save_screenshot(path)?;
    }
    let stats = stats.borrow().clone();
    Ok(stats)
}
