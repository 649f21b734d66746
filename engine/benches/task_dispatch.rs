//! Raw task dispatch: queue → run → microtask checkpoint, through the real
//! `EventLoop::process_one_turn` with a host that does nothing. This is the loop's
//! own overhead per task, the ceiling for everything built on it.

use std::any::Any;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use roundabout_engine::{
    Clock, EventLoop, HostTask, LoopState, ScriptHost, Task, TaskSource, TaskSteps, TimerId, Turn,
};

struct NoopHost {
    ran: u64,
}

impl ScriptHost for NoopHost {
    fn run_timer(&mut self, _id: TimerId) {
        self.ran += 1;
    }
    fn run_host_task(&mut self, _task: HostTask) {
        self.ran += 1;
    }
    fn perform_microtask_checkpoint(&mut self) {}
    fn as_any_mut(&mut self) -> &mut dyn Any {
        self
    }
}

const TASKS: u64 = 100_000;

fn new_loop() -> EventLoop<NoopHost> {
    let state = LoopState::shared(Clock::virtual_at(0.0));
    EventLoop::new(state, NoopHost { ran: 0 }).unwrap()
}

fn fill(el: &EventLoop<NoopHost>, source: impl Fn(u64) -> TaskSource) {
    for i in 0..TASKS {
        el.queue_task(Task::new(source(i), None, TaskSteps::Host(HostTask(i))));
    }
}

fn drain(el: &mut EventLoop<NoopHost>) {
    while el.process_one_turn(None).unwrap() == Turn::RanTask {}
    assert_eq!(el.host().ran, TASKS);
}

fn task_dispatch(c: &mut Criterion) {
    let mut group = c.benchmark_group("task_dispatch");
    group.throughput(Throughput::Elements(TASKS));
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("one_source", |b| {
        b.iter_batched(
            || {
                let el = new_loop();
                fill(&el, |_| TaskSource::DomManipulation);
                el
            },
            |mut el| drain(&mut el),
            BatchSize::LargeInput,
        )
    });
    group.bench_function("four_sources_round_robin", |b| {
        const SOURCES: [TaskSource; 4] = [
            TaskSource::DomManipulation,
            TaskSource::Timer,
            TaskSource::PostedMessage,
            TaskSource::UserInteraction,
        ];
        b.iter_batched(
            || {
                let el = new_loop();
                fill(&el, |i| SOURCES[(i % 4) as usize]);
                el
            },
            |mut el| drain(&mut el),
            BatchSize::LargeInput,
        )
    });
    group.bench_function("queue_and_run_native_closures", |b| {
        b.iter_batched(
            new_loop,
            |mut el| {
                for _ in 0..TASKS {
                    el.queue_task(Task::native(TaskSource::Networking, None, |h| {
                        h.run_host_task(HostTask(0))
                    }));
                }
                drain(&mut el);
            },
            BatchSize::LargeInput,
        )
    });
    group.bench_function("timers_fire_and_run", |b| {
        b.iter_batched(
            || {
                let el = new_loop();
                {
                    let mut st = el.state().borrow_mut();
                    for i in 0..TASKS {
                        st.start_timer((i % 50) as i32, false);
                    }
                }
                el
            },
            |mut el| {
                while el.process_one_turn(None).unwrap() != Turn::Quiescent {}
                assert_eq!(el.host().ran, TASKS);
            },
            BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, task_dispatch);
criterion_main!(benches);
