//! The script watchdog (`--script-timeout`): a thread that interrupts a callback that
//! runs longer than the limit, in real time (a busy loop does not advance virtual
//! time). The interrupt itself is supplied by the script host (for deno_core,
//! terminating execution through the isolate's thread-safe handle), so this module
//! stays engine-independent.

use std::sync::{Arc, Condvar, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

type Interrupt = Box<dyn Fn() + Send>;

#[derive(Default)]
struct State {
    /// Generation and deadline of the armed callback, if any.
    armed: Option<(u64, Instant)>,
    generation: u64,
    /// The generation the watchdog interrupted, if it fired.
    fired: Option<u64>,
    /// The watchdog thread waits without a deadline (nothing armed) and must be woken
    /// by the next `arm`. Otherwise it wakes by itself at the deadline it knows of, so
    /// arming costs one uncontended lock and no wake-up.
    idle: bool,
    shutdown: bool,
}

struct Shared {
    state: Mutex<State>,
    cond: Condvar,
}

/// Interrupts script that runs past `limit`. Dropping it stops its thread.
pub struct Watchdog {
    shared: Arc<Shared>,
    limit: Duration,
    thread: Option<JoinHandle<()>>,
}

/// An armed watchdog; disarms on drop.
pub struct WatchGuard<'a> {
    dog: &'a Watchdog,
    generation: u64,
}

impl Watchdog {
    pub fn new(limit: Duration, interrupt: impl Fn() + Send + 'static) -> std::io::Result<Self> {
        let shared = Arc::new(Shared {
            state: Mutex::default(),
            cond: Condvar::new(),
        });
        let for_thread = shared.clone();
        let interrupt: Interrupt = Box::new(interrupt);
        let thread = std::thread::Builder::new()
            .name("roundabout-watchdog".into())
            .spawn(move || watch(&for_thread, limit, &interrupt))?;
        Ok(Watchdog {
            shared,
            limit,
            thread: Some(thread),
        })
    }

    pub fn limit(&self) -> Duration {
        self.limit
    }

    /// Arms the watchdog for one callback.
    pub fn arm(&self) -> WatchGuard<'_> {
        let mut st = self.shared.state.lock().expect("watchdog lock");
        st.generation += 1;
        let generation = st.generation;
        st.armed = Some((generation, Instant::now() + self.limit));
        let wake = st.idle;
        drop(st);
        if wake {
            self.shared.cond.notify_one();
        }
        WatchGuard {
            dog: self,
            generation,
        }
    }
}

impl WatchGuard<'_> {
    /// Whether the watchdog has interrupted this callback so far.
    pub fn fired(&self) -> bool {
        self.dog.shared.state.lock().expect("watchdog lock").fired == Some(self.generation)
    }

    /// Disarms, then tells whether the watchdog interrupted this callback. After this
    /// returns the watchdog can no longer fire for it, so a caller that sees `false`
    /// knows no interrupt is left pending.
    pub fn finish(self) -> bool {
        let fired = self.disarm();
        std::mem::forget(self); // already disarmed
        fired
    }

    fn disarm(&self) -> bool {
        let mut st = self.dog.shared.state.lock().expect("watchdog lock");
        if st.armed.is_some_and(|(g, _)| g == self.generation) {
            st.armed = None;
        }
        st.fired == Some(self.generation)
    }
}

impl Drop for WatchGuard<'_> {
    fn drop(&mut self) {
        self.disarm();
    }
}

impl Drop for Watchdog {
    fn drop(&mut self) {
        self.shared.state.lock().expect("watchdog lock").shutdown = true;
        self.shared.cond.notify_one();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn watch(shared: &Shared, limit: Duration, interrupt: &Interrupt) {
    let mut st = shared.state.lock().expect("watchdog lock");
    // The last generation this thread has seen. While callbacks keep coming it wakes
    // by itself once per `limit`; only after a quiet `limit` does it wait to be woken.
    let mut seen = 0;
    loop {
        if st.shutdown {
            return;
        }
        match st.armed {
            None if st.generation == seen => {
                st.idle = true;
                st = shared.cond.wait(st).expect("watchdog lock");
                st.idle = false;
            }
            None => {
                seen = st.generation;
                st = shared
                    .cond
                    .wait_timeout(st, limit)
                    .expect("watchdog lock")
                    .0;
            }
            Some((generation, deadline)) => {
                seen = generation;
                let now = Instant::now();
                if now >= deadline {
                    st.armed = None;
                    st.fired = Some(generation);
                    interrupt();
                } else {
                    st = shared
                        .cond
                        .wait_timeout(st, deadline - now)
                        .expect("watchdog lock")
                        .0;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicBool, Ordering};

    /// A watchdog whose interrupt sets the returned flag.
    fn flagging_dog(limit_ms: u64) -> (Watchdog, Arc<AtomicBool>) {
        let flag = Arc::new(AtomicBool::new(false));
        let f = flag.clone();
        let dog = Watchdog::new(Duration::from_millis(limit_ms), move || {
            f.store(true, Ordering::SeqCst)
        })
        .unwrap();
        (dog, flag)
    }

    /// Busy-waits (like a runaway script) until the flag is set; returns how long.
    fn spin_until(flag: &AtomicBool) -> Duration {
        let t0 = Instant::now();
        while !flag.load(Ordering::SeqCst) {
            assert!(
                t0.elapsed() < Duration::from_secs(5),
                "watchdog never fired"
            );
            std::hint::spin_loop();
        }
        t0.elapsed()
    }

    #[test]
    fn interrupts_a_callback_that_runs_too_long() {
        let (dog, stop) = flagging_dog(20);
        let guard = dog.arm();
        let waited = spin_until(&stop);
        assert!(guard.fired());
        assert!(waited >= Duration::from_millis(20));
    }

    #[test]
    fn fires_for_a_long_callback_after_many_quick_ones() {
        let (dog, stop) = flagging_dog(40);
        for _ in 0..1000 {
            assert!(!dog.arm().finish());
        }
        std::thread::sleep(Duration::from_millis(60)); // the watchdog goes idle
        let guard = dog.arm();
        let waited = spin_until(&stop);
        assert!(waited >= Duration::from_millis(35));
        assert!(guard.finish());
    }

    #[test]
    fn a_quick_callback_is_left_alone() {
        let (dog, hit) = flagging_dog(30);
        for _ in 0..100 {
            let g = dog.arm();
            assert!(!g.fired());
        }
        std::thread::sleep(Duration::from_millis(60));
        assert!(!hit.load(Ordering::SeqCst));
    }
}
