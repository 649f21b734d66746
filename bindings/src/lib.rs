//! roundabout-bindings: one deno_core runtime per agent, with the web API surface
//! written in JS (`bindings/js/`, one file per interface family) over a few ops.
//! Page scripts never see `Deno`, `Deno.core` or the ops.

mod bootstrap;
mod broadcast;
mod dom_ops;
pub mod host;
mod message_ports;
pub mod modules;
mod mutation_observer_ops;
mod ops;
pub mod output;
pub mod render_ops;
mod worker_ops;
pub mod workers;

pub use dom_ops::ScriptLoader;
pub use host::{
    format_js_error, AgentKind, ClassicScript, EventTargetKind, FramePresenter, HostError,
    HostOptions, JsHost, ModuleScript,
};
pub use modules::ModuleFetcher;
pub use output::{CapturedOutput, ConsoleLevel, Output, StdOutput};
