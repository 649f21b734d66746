//! The agent clock. `performance.now()`, `Date.now()` and every timer deadline read
//! it, so a virtual clock makes all of them jump together.
//!
//! * Real: monotonic time since the time origin (`Instant`), plus the wall-clock time
//!   of the origin for `Date` and `performance.timeOrigin`.
//! * Virtual (`--virtual-time`): time stands still while work runs and the event loop
//!   moves it forward to the next deadline whenever it would otherwise sleep. The clock
//!   is `Send + Sync` and cheap to clone so a page and all its workers can share one.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

#[derive(Debug)]
enum Mode {
    Real { origin: Instant },
    Virtual { now_ns: AtomicU64 },
}

#[derive(Debug)]
struct Inner {
    mode: Mode,
    /// Milliseconds since the Unix epoch at the time origin.
    origin_unix_ms: f64,
}

/// A shared, injectable clock. Clones observe the same time.
#[derive(Clone, Debug)]
pub struct Clock(Arc<Inner>);

impl Clock {
    /// A clock that follows real time, with its origin now.
    pub fn real() -> Self {
        Clock(Arc::new(Inner {
            mode: Mode::Real {
                origin: Instant::now(),
            },
            origin_unix_ms: unix_ms_now(),
        }))
    }

    /// A virtual clock at 0 whose origin is the current wall-clock time.
    pub fn virtual_time() -> Self {
        Self::virtual_at(unix_ms_now())
    }

    /// A virtual clock at 0 whose origin is `origin_unix_ms` (deterministic dates).
    pub fn virtual_at(origin_unix_ms: f64) -> Self {
        Clock(Arc::new(Inner {
            mode: Mode::Virtual {
                now_ns: AtomicU64::new(0),
            },
            origin_unix_ms,
        }))
    }

    pub fn is_virtual(&self) -> bool {
        matches!(self.0.mode, Mode::Virtual { .. })
    }

    /// Time elapsed since the time origin.
    pub fn now(&self) -> Duration {
        match &self.0.mode {
            Mode::Real { origin } => origin.elapsed(),
            Mode::Virtual { now_ns } => Duration::from_nanos(now_ns.load(Ordering::SeqCst)),
        }
    }

    /// `now()` in milliseconds, as `performance.now()` reports it.
    pub fn now_ms(&self) -> f64 {
        self.now().as_secs_f64() * 1000.0
    }

    /// Milliseconds since the Unix epoch at the time origin (`performance.timeOrigin`).
    pub fn origin_unix_ms(&self) -> f64 {
        self.0.origin_unix_ms
    }

    /// The current time in milliseconds since the Unix epoch (`Date.now()`).
    pub fn unix_ms(&self) -> f64 {
        self.0.origin_unix_ms + self.now_ms()
    }

    /// Moves a virtual clock forward to `to` (never backwards). Returns whether time
    /// moved. A real clock cannot be moved and returns `false`.
    pub fn advance_to(&self, to: Duration) -> bool {
        match &self.0.mode {
            Mode::Real { .. } => false,
            Mode::Virtual { now_ns } => {
                let to = u64::try_from(to.as_nanos()).unwrap_or(u64::MAX);
                now_ns.fetch_max(to, Ordering::SeqCst) < to
            }
        }
    }
}

fn unix_ms_now() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs_f64() * 1000.0)
        .unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn virtual_clock_stands_still_and_jumps_forward_only() {
        let c = Clock::virtual_at(1_000.0);
        assert_eq!(c.now(), Duration::ZERO);
        std::thread::sleep(Duration::from_millis(2));
        assert_eq!(
            c.now(),
            Duration::ZERO,
            "virtual time does not follow real time"
        );
        assert!(c.advance_to(Duration::from_millis(250)));
        assert_eq!(c.now_ms(), 250.0);
        assert!(!c.advance_to(Duration::from_millis(100)), "never backwards");
        assert_eq!(c.now_ms(), 250.0);
        assert_eq!(c.unix_ms(), 1_250.0);
    }

    #[test]
    fn clones_share_one_virtual_time() {
        let a = Clock::virtual_at(0.0);
        let b = a.clone();
        a.advance_to(Duration::from_millis(7));
        assert_eq!(b.now_ms(), 7.0);
    }

    #[test]
    fn real_clock_moves_and_cannot_be_advanced() {
        let c = Clock::real();
        let t0 = c.now();
        std::thread::sleep(Duration::from_millis(2));
        assert!(c.now() > t0);
        assert!(!c.advance_to(Duration::from_secs(3600)));
        assert!(c.now() < Duration::from_secs(3600));
    }
}
