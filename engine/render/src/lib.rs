//! Roundabout's renderer: style (cssparser + selectors cascade), layout (taffy for
//! block/flex/grid, cosmic-text for inline text), paint (tiny-skia). Knows nothing of
//! JavaScript; the bindings ask it for geometry and computed styles, the shell for
//! frames.

pub mod compare;
pub mod fonts;
pub mod layout;
pub mod paint;
pub mod renderer;
pub mod style;

pub use layout::Rect;
pub use renderer::{render_html, Renderer};
pub use tiny_skia::Pixmap;
