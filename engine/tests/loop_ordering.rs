//! Ordering tests for the event loop with a recording fake script host: what runs
//! when, per the HTML processing model.

use std::any::Any;
use std::collections::{HashMap, VecDeque};
use std::rc::Rc;
use std::time::{Duration, Instant};

use roundabout_engine::{
    perform_microtask_checkpoint, Clock, EventLoop, HostTask, IdlePeriod, LoopState, OtherAgents,
    RunOutcome, ScriptHost, SharedLoopState, Task, TaskSource, TimerId, Turn,
};

type Job = Box<dyn FnOnce(&mut Fake)>;
type Handler = Rc<dyn Fn(&mut Fake)>;

/// A fake script host: a microtask queue of closures, timer handlers as closures,
/// and a log of everything that ran.
struct Fake {
    state: SharedLoopState,
    log: Vec<String>,
    microtasks: VecDeque<Job>,
    handlers: HashMap<TimerId, Handler>,
    checkpoints: usize,
    idle_periods: Vec<Option<Duration>>,
    /// Animation frame callbacks, run by update_the_rendering.
    frame_callbacks: Vec<Handler>,
    /// What other agents (workers) report, and how often they were woken.
    agents: OtherAgents,
    agent_wakes: usize,
}

impl Fake {
    fn log(&mut self, s: impl Into<String>) {
        self.log.push(s.into());
    }
    fn now_ms(&self) -> f64 {
        self.state.borrow().clock.now_ms()
    }
    fn queue_microtask(&mut self, job: impl FnOnce(&mut Fake) + 'static) {
        self.microtasks.push_back(Box::new(job));
    }
    fn set_timer(&mut self, ms: i32, repeat: bool, h: impl Fn(&mut Fake) + 'static) -> TimerId {
        let id = self.state.borrow_mut().start_timer(ms, repeat);
        self.handlers.insert(id, Rc::new(h));
        id
    }
    fn clear_timer(&mut self, id: TimerId) {
        self.state.borrow_mut().clear_timer(id);
        self.handlers.remove(&id);
    }
}

impl ScriptHost for Fake {
    fn run_timer(&mut self, id: TimerId) {
        let h = self.handlers[&id].clone();
        h(self);
    }
    fn run_host_task(&mut self, task: HostTask) {
        self.log(format!("host task {}", task.0));
    }
    fn perform_microtask_checkpoint(&mut self) {
        self.checkpoints += 1;
        while let Some(job) = self.microtasks.pop_front() {
            job(self);
        }
    }
    fn idle_period(&mut self, deadline: Option<Duration>) -> IdlePeriod {
        self.idle_periods.push(deadline);
        IdlePeriod::Nothing
    }
    fn needs_rendering(&self) -> bool {
        !self.frame_callbacks.is_empty()
    }
    fn other_agents(&self) -> OtherAgents {
        self.agents
    }
    fn wake_other_agents(&mut self) {
        self.agent_wakes += 1;
        // The fake worker's timer is due now: it becomes quiescent.
        if self
            .agents
            .next_deadline
            .is_some_and(|d| d <= self.state.borrow().clock.now())
        {
            self.log(format!("worker timer at {}", self.now_ms()));
            self.agents = OtherAgents::default();
        }
    }
    fn update_the_rendering(&mut self, frame_time: Duration) {
        let callbacks = std::mem::take(&mut self.frame_callbacks);
        self.log(format!("frame {:.3}", frame_time.as_secs_f64() * 1000.0));
        for cb in callbacks {
            cb(self);
        }
    }
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

fn new_loop(clock: Clock) -> EventLoop<Fake> {
    let state = LoopState::shared(clock);
    let fake = Fake {
        state: state.clone(),
        log: Vec::new(),
        microtasks: VecDeque::new(),
        handlers: HashMap::new(),
        checkpoints: 0,
        idle_periods: Vec::new(),
        frame_callbacks: Vec::new(),
        agents: OtherAgents::default(),
        agent_wakes: 0,
    };
    EventLoop::new(state, fake).unwrap()
}

fn fake(host: &mut dyn ScriptHost) -> &mut Fake {
    host.as_any_mut().downcast_mut::<Fake>().unwrap()
}

fn queue(el: &EventLoop<Fake>, source: TaskSource, f: impl FnOnce(&mut Fake) + 'static) {
    el.queue_task(Task::native(source, None, move |h| f(fake(h))));
}

fn run_to_quiescence(el: &mut EventLoop<Fake>) -> Vec<String> {
    assert_eq!(
        el.run(Some(Duration::from_secs(3600))).unwrap(),
        RunOutcome::Quiescent
    );
    std::mem::take(&mut el.host().log)
}

#[test]
fn tasks_of_one_source_run_fifo_with_a_checkpoint_after_each() {
    let mut el = new_loop(Clock::virtual_at(0.0));
    for i in 0..3 {
        queue(&el, TaskSource::DomManipulation, move |f| {
            f.log(format!("task {i}"));
            f.queue_microtask(move |f| f.log(format!("micro {i}")));
        });
    }
    let log = run_to_quiescence(&mut el);
    assert_eq!(
        log,
        ["task 0", "micro 0", "task 1", "micro 1", "task 2", "micro 2"]
    );
    assert_eq!(el.host().checkpoints, 3);
}

#[test]
fn microtasks_queued_by_microtasks_run_in_the_same_checkpoint() {
    let mut el = new_loop(Clock::virtual_at(0.0));
    queue(&el, TaskSource::Networking, |f| {
        f.log("task A");
        f.queue_microtask(|f| {
            f.log("micro 1");
            f.queue_microtask(|f| {
                f.log("micro 2");
                f.queue_microtask(|f| f.log("micro 3"));
            });
        });
    });
    queue(&el, TaskSource::Networking, |f| f.log("task B"));
    let log = run_to_quiescence(&mut el);
    assert_eq!(log, ["task A", "micro 1", "micro 2", "micro 3", "task B"]);
}

#[test]
fn checkpoint_inside_a_checkpoint_does_nothing() {
    let mut el = new_loop(Clock::virtual_at(0.0));
    queue(&el, TaskSource::Networking, |f| {
        f.queue_microtask(|f| {
            f.log("outer microtask");
            f.queue_microtask(|f| f.log("queued during checkpoint"));
            let state = f.state.clone();
            let before = f.checkpoints;
            perform_microtask_checkpoint(&state, f); // re-entrant: must be a no-op
            assert_eq!(f.checkpoints, before);
            f.log("after nested checkpoint call");
        });
    });
    let log = run_to_quiescence(&mut el);
    assert_eq!(
        log,
        [
            "outer microtask",
            "after nested checkpoint call",
            "queued during checkpoint"
        ]
    );
}

#[test]
fn timers_fire_by_deadline_and_ties_in_creation_order() {
    let mut el = new_loop(Clock::virtual_at(0.0));
    queue(&el, TaskSource::Networking, |f| {
        for (name, ms) in [("a", 10), ("b", 0), ("c", 10), ("d", 5), ("e", 0)] {
            f.set_timer(ms, false, move |f| {
                let t = f.now_ms();
                f.log(format!("{name}@{t}"));
            });
        }
        f.log("script end");
    });
    let log = run_to_quiescence(&mut el);
    assert_eq!(log, ["script end", "b@0", "e@0", "d@5", "a@10", "c@10"]);
}

#[test]
fn virtual_clock_jumps_to_the_next_deadline_instead_of_sleeping() {
    let mut el = new_loop(Clock::virtual_at(0.0));
    queue(&el, TaskSource::Networking, |f| {
        f.set_timer(60_000, false, |f| {
            let t = f.now_ms();
            f.log(format!("fired at {t}"));
        });
    });
    let started = Instant::now();
    let log = run_to_quiescence(&mut el);
    assert_eq!(log, ["fired at 60000"]);
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn real_clock_sleeps_until_the_deadline() {
    let mut el = new_loop(Clock::real());
    queue(&el, TaskSource::Networking, |f| {
        f.set_timer(30, false, |f| {
            let t = f.now_ms();
            f.log(format!("{}", t >= 30.0));
        });
    });
    let started = Instant::now();
    assert_eq!(run_to_quiescence(&mut el), ["true"]);
    assert!(started.elapsed() >= Duration::from_millis(30));
}

fn chain(f: &mut Fake, left: u32, last: f64) {
    let now = f.now_ms();
    f.log(format!("{}", now - last));
    if left > 0 {
        f.set_timer(0, false, move |f| chain(f, left - 1, now));
    }
}

#[test]
fn nested_zero_timeouts_are_clamped_after_nesting_level_five() {
    let mut el = new_loop(Clock::virtual_at(0.0));
    queue(&el, TaskSource::Networking, |f| {
        f.set_timer(0, false, |f| chain(f, 9, 0.0));
    });
    let log = run_to_quiescence(&mut el);
    // Callbacks 1-6 are scheduled at nesting levels 0-5 (no clamp); from the 7th on the
    // scheduling task's nesting level is 6 > 5, so 0 becomes 4 ms (HTML § 8.6 step 5).
    assert_eq!(log, ["0", "0", "0", "0", "0", "0", "4", "4", "4", "4"]);
}

#[test]
fn interval_repeats_until_cleared_from_its_own_callback() {
    let mut el = new_loop(Clock::virtual_at(0.0));
    queue(&el, TaskSource::Networking, |f| {
        let count = Rc::new(std::cell::Cell::new(0));
        let id = Rc::new(std::cell::Cell::new(TimerId(0)));
        let id2 = id.clone();
        id.set(f.set_timer(10, true, move |f| {
            count.set(count.get() + 1);
            let t = f.now_ms();
            f.log(format!("tick {} at {t}", count.get()));
            if count.get() == 3 {
                f.clear_timer(id2.get());
            }
        }));
    });
    let log = run_to_quiescence(&mut el);
    assert_eq!(log, ["tick 1 at 10", "tick 2 at 20", "tick 3 at 30"]);
}

#[test]
fn a_timer_cleared_after_its_task_was_queued_does_not_run() {
    let mut el = new_loop(Clock::virtual_at(0.0));
    queue(&el, TaskSource::Networking, |f| {
        let victim = Rc::new(std::cell::Cell::new(TimerId(0)));
        let v = victim.clone();
        // Both expire together; the clearer's task runs first and clears the victim,
        // whose task is already queued (timer task steps 9.2-9.3 then abort it).
        f.set_timer(0, false, move |f| {
            f.log("clearer ran");
            f.clear_timer(v.get());
        });
        victim.set(f.set_timer(0, false, |f| f.log("victim ran")));
    });
    assert_eq!(run_to_quiescence(&mut el), ["clearer ran"]);
}

#[test]
fn timeout_reports_what_is_still_pending() {
    let mut el = new_loop(Clock::virtual_at(0.0));
    queue(&el, TaskSource::Networking, |f| {
        f.set_timer(10, true, |_| {});
        f.set_timer(100_000, false, |_| {});
        f.set_timer(200_000, false, |_| {});
    });
    match el.run(Some(Duration::from_millis(1000))).unwrap() {
        RunOutcome::TimedOut(report) => {
            assert_eq!(report.to_string(), "2 timers, 1 interval");
        }
        other => panic!("expected a timeout, got {other:?}"),
    }
    assert_eq!(
        el.state().borrow().clock.now_ms(),
        1000.0,
        "stopped exactly at the limit"
    );
}

#[test]
fn empty_loop_is_quiescent_at_once() {
    let mut el = new_loop(Clock::real());
    assert_eq!(el.process_one_turn(None).unwrap(), Turn::Quiescent);
}

#[test]
fn a_reservation_keeps_the_loop_alive_until_its_task_arrives() {
    let mut el = new_loop(Clock::real());
    let r = el.register_callback("test read");
    assert_eq!(el.pending().to_string(), "1 async operation");
    let t = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(30));
        r.enqueue(TaskSource::Networking, None, |h| {
            fake(h).log("off-thread result")
        });
    });
    let started = Instant::now();
    assert_eq!(run_to_quiescence(&mut el), ["off-thread result"]);
    assert!(started.elapsed() >= Duration::from_millis(25));
    t.join().unwrap();
}

#[test]
fn an_abandoned_reservation_is_reported_not_waited_for_forever() {
    let mut el = new_loop(Clock::real());
    let r = el.register_callback("lost work");
    std::thread::spawn(move || drop(r)).join().unwrap();
    assert_eq!(run_to_quiescence(&mut el), Vec::<String>::new());
    assert_eq!(el.state().borrow().abandoned, ["lost work"]);
}

#[test]
fn reservations_under_virtual_time_are_waited_for_in_real_time() {
    let mut el = new_loop(Clock::virtual_at(0.0));
    let r = el.register_callback("slow");
    queue(&el, TaskSource::Networking, |f| {
        f.set_timer(1000, false, |f| f.log("timer"));
    });
    let t = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(20));
        r.enqueue(TaskSource::Networking, None, |h| {
            let f = fake(h);
            let t = f.now_ms();
            f.log(format!("reply at {t}"));
        });
    });
    // The virtual clock does not run ahead of outstanding off-thread work.
    assert_eq!(run_to_quiescence(&mut el), ["reply at 0", "timer"]);
    t.join().unwrap();
}

#[test]
fn host_tasks_and_sources_interleave_round_robin() {
    let mut el = new_loop(Clock::virtual_at(0.0));
    for i in 0..3 {
        el.queue_task(Task::new(
            TaskSource::Timer,
            None,
            roundabout_engine::TaskSteps::Host(HostTask(i)),
        ));
    }
    queue(&el, TaskSource::UserInteraction, |f| f.log("click"));
    let log = run_to_quiescence(&mut el);
    assert_eq!(log, ["click", "host task 0", "host task 1", "host task 2"]);
}

#[test]
fn idle_periods_come_only_when_nothing_is_runnable_with_the_next_timer_as_deadline() {
    let mut el = new_loop(Clock::virtual_at(0.0));
    queue(&el, TaskSource::Networking, |f| {
        f.set_timer(100, false, |f| f.log("timer"));
    });
    queue(&el, TaskSource::Networking, |f| f.log("second task"));
    let log = run_to_quiescence(&mut el);
    assert_eq!(log, ["second task", "timer"]);
    // One idle period, before the clock jumped to the timer; none between the tasks
    // and none at quiescence.
    assert_eq!(el.host().idle_periods, [Some(Duration::from_millis(100))]);
}

#[test]
fn timers_started_by_microtasks_have_nesting_level_zero() {
    // "Perform a microtask checkpoint" step 2.3 makes the microtask the currently
    // running task, so a timer started from a microtask inside a deeply nested timer
    // task is not clamped.
    fn chain(f: &mut Fake, left: u32, last: f64) {
        let now = f.now_ms();
        f.log(format!("{}", now - last));
        if left > 0 {
            f.queue_microtask(move |f| {
                f.set_timer(0, false, move |f| chain(f, left - 1, now));
            });
        }
    }
    let mut el = new_loop(Clock::virtual_at(0.0));
    queue(&el, TaskSource::Networking, |f| {
        f.set_timer(0, false, |f| chain(f, 9, 0.0));
    });
    let log = run_to_quiescence(&mut el);
    assert_eq!(log, ["0"; 10]);
}

fn request_frame(f: &mut Fake, cb: impl Fn(&mut Fake) + 'static) {
    f.frame_callbacks.push(Rc::new(cb));
}

#[test]
fn frames_come_at_ticks_only_while_wanted_and_n_frames_take_n_ticks_of_virtual_time() {
    let mut el = new_loop(Clock::virtual_time());
    fn again(f: &mut Fake) {
        let n = f.log.len();
        if n < 5 {
            request_frame(f, again);
        }
    }
    queue(&el, TaskSource::DomManipulation, |f| {
        request_frame(f, again)
    });
    assert_eq!(
        run_to_quiescence(&mut el),
        [
            "frame 16.667",
            "frame 33.333",
            "frame 50.000",
            "frame 66.667",
            "frame 83.333"
        ]
    );
    assert_eq!(
        el.state().borrow().clock.now(),
        Duration::from_nanos(83_333_333)
    );
}

#[test]
fn the_rendering_task_is_a_rendering_source_task_between_other_tasks() {
    let mut el = new_loop(Clock::virtual_time());
    queue(&el, TaskSource::Timer, |f| {
        request_frame(f, |f| f.log("rAF callback"));
        f.set_timer(16, false, |f| f.log("timer at 16"));
        f.set_timer(17, false, |f| f.log("timer at 17"));
    });
    // The frame (tick 16.667) comes between the two timers.
    assert_eq!(
        run_to_quiescence(&mut el),
        ["timer at 16", "frame 16.667", "rAF callback", "timer at 17"]
    );
}

#[test]
fn a_stream_of_tasks_does_not_starve_rendering() {
    let mut el = new_loop(Clock::real());
    fn busy(f: &mut Fake) {
        let start = Instant::now();
        while start.elapsed() < Duration::from_millis(1) {}
        if f.now_ms() < 60.0 {
            let state = f.state.clone();
            state
                .borrow_mut()
                .queue_task(Task::native(TaskSource::DomManipulation, None, |h| {
                    busy(fake(h))
                }));
        } else {
            f.log("stream ended");
        }
    }
    queue(&el, TaskSource::DomManipulation, |f| {
        request_frame(f, |f| f.log("rAF"));
        busy(f);
    });
    let log = run_to_quiescence(&mut el);
    assert_eq!(log.len(), 3, "{log:?}");
    assert!(log[0].starts_with("frame "), "{log:?}");
    assert_eq!(log[1..], ["rAF", "stream ended"]);
}

#[test]
fn an_idle_period_ends_at_the_next_frame_when_one_is_wanted() {
    let mut el = new_loop(Clock::virtual_time());
    queue(&el, TaskSource::DomManipulation, |f| {
        request_frame(f, |_| {});
        f.set_timer(100, false, |_| {});
    });
    run_to_quiescence(&mut el);
    let first = el.host().idle_periods[0];
    assert_eq!(first, Some(Duration::from_nanos(16_666_667)));
}

#[test]
fn virtual_time_moves_to_the_earliest_deadline_of_the_page_and_its_waiting_workers() {
    let mut el = new_loop(Clock::virtual_time());
    queue(&el, TaskSource::DomManipulation, |f| {
        f.set_timer(300, false, |f| {
            f.log(format!("page timer at {}", f.now_ms()))
        });
        f.agents = OtherAgents {
            busy: false,
            next_deadline: Some(Duration::from_millis(120)),
        };
    });
    assert_eq!(
        run_to_quiescence(&mut el),
        ["worker timer at 120", "page timer at 300"]
    );
    assert!(el.host().agent_wakes >= 1);
}

#[test]
fn a_busy_worker_holds_virtual_time_and_quiescence() {
    let mut el = new_loop(Clock::virtual_time());
    el.host().agents = OtherAgents {
        busy: true,
        next_deadline: None,
    };
    // With a busy worker the loop neither ends nor moves the clock: it waits (here
    // with nothing to wake it, a bounded turn proves it did not advance).
    let waker = el.waker();
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(50));
        waker.wake();
    });
    queue(&el, TaskSource::DomManipulation, |f| {
        f.set_timer(10, false, |f| f.log("page timer"));
    });
    assert_eq!(el.process_one_turn(None).unwrap(), Turn::RanTask);
    assert_eq!(el.process_one_turn(None).unwrap(), Turn::Waited);
    assert_eq!(el.state().borrow().clock.now(), Duration::ZERO, "time held");
    el.host().agents = OtherAgents::default();
    assert_eq!(run_to_quiescence(&mut el), ["page timer"]);
}
