//! What keeps an event loop alive, as reported when `--timeout` stops a run.

use std::fmt;

use crate::task_source::TaskSource;

/// A snapshot of the work still pending on an agent's loop.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PendingReport {
    pub timeouts: usize,
    pub intervals: usize,
    pub tasks: Vec<(TaskSource, usize)>,
    /// Reservations (off-thread work) that have not enqueued their task yet.
    pub in_flight: usize,
    /// The host's own descriptions (e.g. "1 module load").
    pub host: Vec<String>,
}

impl PendingReport {
    pub fn is_empty(&self) -> bool {
        self.timeouts == 0
            && self.intervals == 0
            && self.tasks.is_empty()
            && self.in_flight == 0
            && self.host.is_empty()
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl fmt::Display for PendingReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if self.timeouts > 0 {
            parts.push(plural(self.timeouts, "timer", "timers"));
        }
        if self.intervals > 0 {
            parts.push(plural(self.intervals, "interval", "intervals"));
        }
        for (source, n) in &self.tasks {
            parts.push(format!(
                "{} ({source})",
                plural(*n, "queued task", "queued tasks")
            ));
        }
        if self.in_flight > 0 {
            parts.push(plural(
                self.in_flight,
                "async operation",
                "async operations",
            ));
        }
        parts.extend(self.host.iter().cloned());
        if parts.is_empty() {
            f.write_str("nothing")
        } else {
            f.write_str(&parts.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_like_a_sentence() {
        let r = PendingReport {
            timeouts: 2,
            intervals: 1,
            tasks: vec![(TaskSource::Timer, 3)],
            in_flight: 1,
            host: vec!["1 module load".into()],
        };
        assert_eq!(
            r.to_string(),
            "2 timers, 1 interval, 3 queued tasks (timer), 1 async operation, 1 module load"
        );
        assert_eq!(PendingReport::default().to_string(), "nothing");
        assert!(PendingReport::default().is_empty());
    }
}
