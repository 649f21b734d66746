//! Timers: the engine half of the timer initialization steps (HTML § 8.6 "Timers").
//! The handler and its arguments are values of the script host; the engine keeps the
//! "map of setTimeout and setInterval IDs", the deadlines and the nesting levels.

use std::collections::{BTreeMap, HashMap};
use std::time::Duration;

/// A timer id as returned by `setTimeout`/`setInterval`: positive, unique among the
/// active timers of its global, shared by timeouts and intervals.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TimerId(pub u32);

/// Nesting level above which short timeouts are clamped (step 5).
pub const MAX_NESTING_WITHOUT_CLAMP: u32 = 5;
/// The clamp itself, in milliseconds (step 5).
pub const CLAMPED_TIMEOUT_MS: u32 = 4;

/// Steps 4 and 5 of the timer initialization steps: a negative timeout becomes 0, and
/// once the nesting level exceeds 5 a timeout under 4 ms becomes 4 ms. `timeout` is
/// the IDL `long` already converted (ToInt32: NaN → 0, 2³¹ wraps negative → 0).
pub fn clamp_timeout(timeout: i32, nesting_level: u32) -> u32 {
    let timeout = timeout.max(0) as u32; // step 4
    if nesting_level > MAX_NESTING_WITHOUT_CLAMP && timeout < CLAMPED_TIMEOUT_MS {
        CLAMPED_TIMEOUT_MS // step 5
    } else {
        timeout
    }
}

/// A timer whose timeout has elapsed: the task the completion step queues (step 12).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ExpiredTimer {
    pub id: TimerId,
    pub handle: u64,
    pub nesting_level: u32,
}

#[derive(Debug)]
struct ActiveTimer {
    /// "uniqueHandle" (steps 8, 13, 14).
    handle: u64,
    repeat: bool,
    /// The timeout after steps 4–5, reused when an interval is re-armed (step 9.9).
    timeout_ms: u32,
    /// The timer nesting level of the task this timer will queue (step 11).
    nesting_level: u32,
    /// Key in `waiting` while the timeout has not elapsed yet.
    waiting: Option<(Duration, u64)>,
}

/// The timers of one global.
#[derive(Debug, Default)]
pub struct TimerList {
    last_id: u32,
    next_handle: u64,
    next_seq: u64,
    active: HashMap<TimerId, ActiveTimer>,
    /// Timers still waiting, ordered by (deadline, creation sequence): "run steps after
    /// a timeout" waits for earlier-started timers with a timeout ≤ this one, so equal
    /// deadlines complete in creation order.
    waiting: BTreeMap<(Duration, u64), TimerId>,
}

impl TimerList {
    pub fn new() -> Self {
        Self::default()
    }

    /// The timer initialization steps, steps 2–5 and 10–15. `previous_id` is given when
    /// an interval re-arms itself; `running_task_nesting` is the timer nesting level of
    /// the currently running task if that task was queued by a timer (step 3).
    pub fn initialize(
        &mut self,
        now: Duration,
        timeout: i32,
        repeat: bool,
        previous_id: Option<TimerId>,
        running_task_nesting: Option<u32>,
    ) -> TimerId {
        let id = previous_id.unwrap_or_else(|| self.fresh_id()); // step 2
        let nesting_level = running_task_nesting.unwrap_or(0); // step 3
        let timeout_ms = clamp_timeout(timeout, nesting_level); // steps 4-5
        self.next_handle += 1;
        let handle = self.next_handle; // step 13
        self.next_seq += 1;
        let key = (
            now + Duration::from_millis(u64::from(timeout_ms)),
            self.next_seq,
        );
        if let Some(old) = self.active.remove(&id) {
            if let Some(k) = old.waiting {
                self.waiting.remove(&k);
            }
        }
        self.waiting.insert(key, id);
        let timer = ActiveTimer {
            handle,
            repeat,
            timeout_ms,
            nesting_level: nesting_level + 1, // steps 10-11
            waiting: Some(key),
        };
        self.active.insert(id, timer); // step 14
        id // step 15
    }

    /// `clearTimeout`/`clearInterval`: remove the entry from the map of IDs. A task
    /// already queued for it then finds its id missing and does nothing.
    pub fn clear(&mut self, id: TimerId) -> bool {
        match self.active.remove(&id) {
            Some(t) => {
                if let Some(k) = t.waiting {
                    self.waiting.remove(&k);
                }
                true
            }
            None => false,
        }
    }

    /// Takes every timer whose deadline is ≤ `now`, in (deadline, creation) order.
    pub fn take_expired(&mut self, now: Duration) -> Vec<ExpiredTimer> {
        let mut out = Vec::new();
        while let Some(entry) = self.waiting.first_entry() {
            if entry.key().0 > now {
                break;
            }
            let id = entry.remove();
            let t = self.active.get_mut(&id).expect("waiting timers are active");
            t.waiting = None;
            out.push(ExpiredTimer {
                id,
                handle: t.handle,
                nesting_level: t.nesting_level,
            });
        }
        out
    }

    /// The earliest deadline of a waiting timer.
    pub fn next_deadline(&self) -> Option<Duration> {
        self.waiting.keys().next().map(|(d, _)| *d)
    }

    /// Steps 9.2–9.3 and 9.7–9.8: whether the map of IDs still holds `id` with `handle`.
    pub fn is_current(&self, id: TimerId, handle: u64) -> bool {
        self.active.get(&id).is_some_and(|t| t.handle == handle)
    }

    /// Whether the active timer `id` repeats.
    pub fn is_repeating(&self, id: TimerId) -> bool {
        self.active.get(&id).is_some_and(|t| t.repeat)
    }

    /// Steps 9.7–9.10, after the handler ran in the task for `expired`: re-arm an
    /// interval (with the same id and the task's nesting level) or forget a timeout.
    /// Returns true if the timer is still active afterwards.
    pub fn complete(&mut self, now: Duration, expired: ExpiredTimer) -> bool {
        if !self.is_current(expired.id, expired.handle) {
            return false; // cleared (or replaced) by the handler
        }
        let t = &self.active[&expired.id];
        if t.repeat {
            let timeout = t.timeout_ms as i32;
            self.initialize(
                now,
                timeout,
                true,
                Some(expired.id),
                Some(expired.nesting_level),
            );
            true
        } else {
            self.active.remove(&expired.id);
            false
        }
    }

    /// (timeouts, intervals) currently active.
    pub fn counts(&self) -> (usize, usize) {
        let intervals = self.active.values().filter(|t| t.repeat).count();
        (self.active.len() - intervals, intervals)
    }

    pub fn is_empty(&self) -> bool {
        self.active.is_empty()
    }

    fn fresh_id(&mut self) -> TimerId {
        loop {
            self.last_id = if self.last_id >= i32::MAX as u32 {
                1
            } else {
                self.last_id + 1
            };
            let id = TimerId(self.last_id);
            if !self.active.contains_key(&id) {
                return id;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MS: fn(u64) -> Duration = Duration::from_millis;

    #[test]
    fn clamp_arithmetic() {
        assert_eq!(clamp_timeout(-5, 0), 0);
        assert_eq!(clamp_timeout(0, 0), 0);
        assert_eq!(clamp_timeout(0, 5), 0, "nesting level 5 is not clamped");
        assert_eq!(clamp_timeout(0, 6), 4, "nesting level 6 is");
        assert_eq!(clamp_timeout(3, 6), 4);
        assert_eq!(clamp_timeout(4, 6), 4);
        assert_eq!(clamp_timeout(10, 60), 10);
        assert_eq!(clamp_timeout(i32::MIN, 9), 4);
    }

    #[test]
    fn ids_are_positive_unique_and_shared_by_timeouts_and_intervals() {
        let mut t = TimerList::new();
        let a = t.initialize(MS(0), 10, false, None, None);
        let b = t.initialize(MS(0), 10, true, None, None);
        assert!(a.0 > 0 && b.0 > 0 && a != b);
        assert_eq!(t.counts(), (1, 1));
    }

    #[test]
    fn ids_wrap_without_reusing_an_active_id() {
        let mut t = TimerList::new();
        let first = t.initialize(MS(0), 0, false, None, None);
        t.last_id = i32::MAX as u32 - 1;
        let near_max = t.initialize(MS(0), 0, false, None, None);
        assert_eq!(near_max.0, i32::MAX as u32);
        let wrapped = t.initialize(MS(0), 0, false, None, None);
        assert_ne!(wrapped, first, "id 1 is still active");
        assert_eq!(wrapped.0, 2);
    }

    #[test]
    fn expiry_in_deadline_then_creation_order() {
        let mut t = TimerList::new();
        let late = t.initialize(MS(0), 20, false, None, None);
        let tie1 = t.initialize(MS(0), 10, false, None, None);
        let tie2 = t.initialize(MS(0), 10, false, None, None);
        let early = t.initialize(MS(5), 0, false, None, None);
        assert_eq!(t.next_deadline(), Some(MS(5)));
        assert!(t.take_expired(MS(4)).is_empty());
        let ids: Vec<_> = t.take_expired(MS(20)).iter().map(|e| e.id).collect();
        assert_eq!(ids, vec![early, tie1, tie2, late]);
    }

    #[test]
    fn cleared_timer_never_expires_and_stale_tasks_are_detected() {
        let mut t = TimerList::new();
        let a = t.initialize(MS(0), 1, false, None, None);
        assert!(t.clear(a));
        assert!(!t.clear(a));
        assert!(t.take_expired(MS(10)).is_empty());
        let b = t.initialize(MS(0), 1, false, None, None);
        let e = t.take_expired(MS(10))[0];
        assert!(t.is_current(b, e.handle));
        t.clear(b);
        assert!(
            !t.is_current(b, e.handle),
            "a queued task for a cleared timer aborts"
        );
        assert!(!t.complete(MS(10), e));
    }

    #[test]
    fn nesting_level_grows_through_the_chain_and_clamps_after_five() {
        let mut t = TimerList::new();
        let mut now = MS(0);
        let mut nesting = None;
        let mut delays = Vec::new();
        for _ in 0..9 {
            t.initialize(now, 0, false, None, nesting);
            let deadline = t.next_deadline().unwrap();
            delays.push((deadline - now).as_millis());
            now = deadline;
            let e = t.take_expired(now)[0];
            nesting = Some(e.nesting_level);
            t.complete(now, e);
        }
        assert_eq!(delays, vec![0, 0, 0, 0, 0, 0, 4, 4, 4]);
    }

    #[test]
    fn interval_rearms_with_same_id_and_clamps_once_nested() {
        let mut t = TimerList::new();
        let id = t.initialize(MS(0), 0, true, None, None);
        let mut now = MS(0);
        let mut delays = Vec::new();
        for _ in 0..8 {
            let deadline = t.next_deadline().unwrap();
            delays.push((deadline - now).as_millis());
            now = deadline;
            let e = t.take_expired(now)[0];
            assert_eq!(e.id, id);
            assert!(t.complete(now, e));
        }
        assert_eq!(delays, vec![0, 0, 0, 0, 0, 0, 4, 4]);
        assert_eq!(t.counts(), (0, 1));
    }

    #[test]
    fn timeout_is_forgotten_after_it_ran() {
        let mut t = TimerList::new();
        t.initialize(MS(0), 0, false, None, None);
        let e = t.take_expired(MS(0))[0];
        assert!(!t.complete(MS(0), e));
        assert!(t.is_empty());
    }
}
