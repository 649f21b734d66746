//! roundabout: run HTML pages and scripts under a browser-style event loop.
//!
//! [`Page`] is the library entry point (open a file or a string of HTML, run it to
//! quiescence, evaluate script, dump the DOM); [`run_page`] is what `roundabout run`
//! does with one.
//!
//! ```no_run
//! use std::rc::Rc;
//! use roundabout::{Page, RunOptions};
//! use roundabout_bindings::StdOutput;
//!
//! let options = RunOptions { virtual_time: true, ..Default::default() };
//! let output = Rc::new(StdOutput { quiet: false });
//! let mut page = Page::open("examples/event-loop-order.html".as_ref(), options, output).unwrap();
//! page.run_until_idle().unwrap();
//! println!("{}", page.evaluate("document.title").unwrap());
//! ```

pub mod cli;
pub mod page_source;
pub mod run;
pub mod script_element;
pub mod window;
pub mod wpt;

pub use page_source::{LoadError, PageKind, PageSource};
pub use run::{run_page, Page, PageError, RunError, RunOptions, RunReport};
