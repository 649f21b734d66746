//! roundabout: run HTML pages and scripts under a browser-style event loop.
//!
//! ```no_run
//! use std::rc::Rc;
//! use roundabout::{run_page, PageSource, RunOptions};
//! use roundabout_bindings::StdOutput;
//!
//! let page = PageSource::load("examples/event-loop-order.html".as_ref()).unwrap();
//! let options = RunOptions { virtual_time: true, ..Default::default() };
//! let report = run_page(page, &options, Rc::new(StdOutput { quiet: false })).unwrap();
//! assert!(report.timed_out.is_none());
//! ```

pub mod cli;
pub mod page_source;
pub mod run;
pub mod script_element;

pub use page_source::{LoadError, PageKind, PageSource};
pub use run::{run_page, RunError, RunOptions, RunReport};
