//! Where a page's console output and error reports go.

use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

/// Console levels, as the Console Standard's logLevel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConsoleLevel {
    Log,
    Info,
    Debug,
    Warn,
    Error,
    Trace,
    /// A value the user asked for (`--eval`): stdout, even with `--quiet`.
    Result,
}

impl ConsoleLevel {
    pub fn parse(s: &str) -> Self {
        match s {
            "info" => ConsoleLevel::Info,
            "debug" => ConsoleLevel::Debug,
            "warn" => ConsoleLevel::Warn,
            "error" => ConsoleLevel::Error,
            "trace" => ConsoleLevel::Trace,
            "result" => ConsoleLevel::Result,
            _ => ConsoleLevel::Log,
        }
    }

    /// log/info/debug go to stdout; warn/error/trace to stderr.
    pub fn is_stderr(self) -> bool {
        matches!(
            self,
            ConsoleLevel::Warn | ConsoleLevel::Error | ConsoleLevel::Trace
        )
    }
}

/// Receives everything a page prints.
pub trait Output {
    fn console(&self, level: ConsoleLevel, text: &str);
    /// An uncaught exception or unhandled rejection, already formatted
    /// ("Uncaught TypeError: boom\n    at page.html:3:9").
    fn exception(&self, text: &str);
}

/// stdout/stderr, one console call per line. `quiet` drops log/info/debug.
pub struct StdOutput {
    pub quiet: bool,
}

impl Output for StdOutput {
    fn console(&self, level: ConsoleLevel, text: &str) {
        if level.is_stderr() {
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "{text}");
        } else if !self.quiet || level == ConsoleLevel::Result {
            let mut out = std::io::stdout().lock();
            let _ = writeln!(out, "{text}");
        }
    }

    fn exception(&self, text: &str) {
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, "{text}");
    }
}

/// Collects output in memory (tests, embedders).
#[derive(Clone, Default)]
pub struct CapturedOutput(pub Rc<RefCell<Vec<(String, String)>>>);

impl CapturedOutput {
    /// Every line as "level: text".
    pub fn lines(&self) -> Vec<String> {
        self.0
            .borrow()
            .iter()
            .map(|(l, t)| format!("{l}: {t}"))
            .collect()
    }
}

impl Output for CapturedOutput {
    fn console(&self, level: ConsoleLevel, text: &str) {
        self.0
            .borrow_mut()
            .push((format!("{level:?}").to_lowercase(), text.to_string()));
    }
    fn exception(&self, text: &str) {
        self.0
            .borrow_mut()
            .push(("exception".into(), text.to_string()));
    }
}
