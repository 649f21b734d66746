//! Rendering opportunities (HTML § 8.1.7.3, "update the rendering": "a navigable has
//! a rendering opportunity if the user agent is currently able to present its
//! contents", typically at the display's refresh rate).
//!
//! Frames sit on a grid of ticks: `k × interval` on the agent's clock (60 Hz by
//! default). A frame is taken only while the host needs one (animation frame
//! callbacks, later a screenshot or a live window): the first at the first tick
//! *after* the need arose, then one per tick; ticks missed behind a long task are
//! skipped, not replayed. On a virtual clock, N frames therefore take exactly
//! N × interval.

use std::time::Duration;

#[derive(Clone, Debug)]
pub struct FrameClock {
    /// Frames per second; tick k is at k × 10⁹ / rate ns, rounded once per tick, so
    /// ticks never drift (60 Hz: tick 3 is exactly 50 ms).
    rate: f64,
    interval: Duration,
    /// The tick of the next frame, while armed (the host needs frames).
    next: Option<Duration>,
    /// A rendering task is queued and has not run yet.
    task_queued: bool,
}

impl FrameClock {
    /// A frame clock at `frame_rate` frames per second (clamped to 1..=1000).
    pub fn new(frame_rate: f64) -> Self {
        let rate = if frame_rate.is_finite() {
            frame_rate.clamp(1.0, 1000.0)
        } else {
            60.0
        };
        FrameClock {
            rate,
            interval: Duration::from_secs_f64(1.0 / rate),
            next: None,
            task_queued: false,
        }
    }

    pub fn interval(&self) -> Duration {
        self.interval
    }

    fn tick(&self, k: u64) -> Duration {
        Duration::from_nanos((k as f64 * 1e9 / self.rate).round() as u64)
    }

    /// The index of the largest tick at or before `now`.
    fn index_at_or_before(&self, now: Duration) -> u64 {
        let mut k = (now.as_nanos() as f64 * self.rate / 1e9).floor() as u64;
        while self.tick(k + 1) <= now {
            k += 1;
        }
        while k > 0 && self.tick(k) > now {
            k -= 1;
        }
        k
    }

    /// The smallest tick strictly after `now`.
    fn tick_after(&self, now: Duration) -> Duration {
        self.tick(self.index_at_or_before(now) + 1)
    }

    /// The largest tick at or before `now`.
    fn tick_at_or_before(&self, now: Duration) -> Duration {
        self.tick(self.index_at_or_before(now))
    }

    /// Called each turn with whether the host needs frames: arms the clock at the
    /// first tick after `now` when the need arises, disarms it when it goes.
    pub fn update_need(&mut self, needed: bool, now: Duration) {
        match (needed, self.next) {
            (true, None) => self.next = Some(self.tick_after(now)),
            (false, Some(_)) if !self.task_queued => self.next = None,
            _ => {}
        }
    }

    /// If a frame is due at `now` and none is queued: its frame time (the tick it
    /// belongs to), marking a rendering task as queued.
    pub fn take_due_frame(&mut self, now: Duration) -> Option<Duration> {
        let next = self.next?;
        if self.task_queued || now < next {
            return None;
        }
        self.task_queued = true;
        Some(self.tick_at_or_before(now).max(next))
    }

    /// The rendering task for the frame at `frame_time` runs: the next frame is one
    /// interval later.
    pub fn frame_started(&mut self, frame_time: Duration) {
        self.task_queued = false;
        if self.next.is_some() {
            self.next = Some(self.tick_after(frame_time));
        }
    }

    /// When the loop, with nothing runnable, must wake for the next frame.
    pub fn next_frame(&self) -> Option<Duration> {
        if self.task_queued {
            return None;
        }
        self.next
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(v: f64) -> Duration {
        Duration::from_secs_f64(v / 1000.0)
    }

    #[test]
    fn first_frame_is_the_tick_after_the_need_then_one_per_tick() {
        let mut fc = FrameClock::new(60.0);
        fc.update_need(true, ms(5.0));
        assert_eq!(fc.take_due_frame(ms(10.0)), None);
        let t1 = fc.take_due_frame(ms(16.7)).unwrap();
        assert_eq!(t1.as_nanos(), 16_666_667);
        assert_eq!(
            fc.take_due_frame(ms(16.8)),
            None,
            "one rendering task at a time"
        );
        fc.frame_started(t1);
        assert_eq!(fc.next_frame().unwrap().as_nanos(), 33_333_333);
        let t2 = fc.take_due_frame(ms(40.0)).unwrap();
        fc.frame_started(t2);
        assert_eq!(fc.next_frame(), Some(ms(50.0)), "no drift: tick 3 is 50 ms");
    }

    #[test]
    fn a_need_at_a_tick_waits_for_the_next_one() {
        let mut fc = FrameClock::new(60.0);
        fc.update_need(true, Duration::ZERO);
        assert_eq!(fc.take_due_frame(Duration::ZERO), None);
        assert_eq!(fc.next_frame().unwrap().as_nanos(), 16_666_667);
    }

    #[test]
    fn missed_ticks_are_skipped_and_the_need_going_away_disarms() {
        let mut fc = FrameClock::new(50.0); // 20 ms
        fc.update_need(true, ms(1.0));
        let t = fc.take_due_frame(ms(75.0)).unwrap();
        assert_eq!(t, ms(60.0));
        fc.frame_started(t);
        assert_eq!(fc.next_frame(), Some(ms(80.0)));
        fc.update_need(false, ms(81.0));
        assert_eq!(fc.next_frame(), None);
        assert_eq!(fc.take_due_frame(ms(200.0)), None);
    }

    #[test]
    fn rates_are_clamped() {
        assert_eq!(FrameClock::new(0.0).interval(), Duration::from_secs(1));
        assert_eq!(
            FrameClock::new(f64::NAN).interval(),
            FrameClock::new(60.0).interval()
        );
    }
}
