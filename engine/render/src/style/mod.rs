//! Style: values, properties, sheets, the user-agent sheet, the cascade and computed
//! values. One module per CSS concept.

pub mod cascade;
pub mod computed;
pub mod properties;
pub mod sheet;
pub mod ua;
pub mod values;

pub use cascade::{author_sheets, compute_styles, Styles};
pub use computed::{ComputedStyle, Display, Position};
