//! The event loop's task queues (HTML § 8.1.7.1: "An event loop has one or more task
//! queues"): one FIFO queue per [`TaskSource`].
//!
//! Selection policy (§ 8.1.7.3 step 2 leaves it to the user agent): round-robin over
//! the sources in [`TaskSource::ALL`] order, starting after the source that ran last.
//! A source with a runnable task therefore waits at most for one task from each other
//! source, so no source — user interaction and posted messages included — can starve,
//! however busy the others are.

use std::collections::VecDeque;

use crate::task::Task;
use crate::task_source::TaskSource;

/// One FIFO queue per task source and the round-robin cursor.
#[derive(Debug, Default)]
pub struct TaskQueues {
    queues: [VecDeque<Task>; TaskSource::ALL.len()],
    /// Index (into `TaskSource::ALL`) of the source to look at first next time.
    cursor: usize,
}

impl TaskQueues {
    pub fn new() -> Self {
        Self::default()
    }

    /// Appends `task` to its source's queue.
    pub fn push(&mut self, task: Task) {
        self.queues[task.source.index()].push_back(task);
    }

    /// Removes and returns the oldest task of the next source (round-robin) that has one.
    pub fn take_next(&mut self) -> Option<Task> {
        let n = self.queues.len();
        for step in 0..n {
            let i = (self.cursor + step) % n;
            if let Some(task) = self.queues[i].pop_front() {
                self.cursor = (i + 1) % n;
                return Some(task);
            }
        }
        None
    }

    pub fn is_empty(&self) -> bool {
        self.queues.iter().all(VecDeque::is_empty)
    }

    pub fn len(&self) -> usize {
        self.queues.iter().map(VecDeque::len).sum()
    }

    /// Number of queued tasks per source, for the pending-work report.
    pub fn counts(&self) -> Vec<(TaskSource, usize)> {
        TaskSource::ALL
            .iter()
            .map(|s| (*s, self.queues[s.index()].len()))
            .filter(|(_, n)| *n > 0)
            .collect()
    }

    /// Drops every queued task (used when an agent is torn down).
    pub fn clear(&mut self) {
        self.queues.iter_mut().for_each(VecDeque::clear);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::task::{HostTask, TaskSteps};

    fn task(source: TaskSource, n: u64) -> Task {
        Task::new(source, None, TaskSteps::Host(HostTask(n)))
    }

    fn token(t: Task) -> u64 {
        match t.steps {
            TaskSteps::Host(HostTask(n)) => n,
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn fifo_within_a_source() {
        let mut q = TaskQueues::new();
        for n in 0..5 {
            q.push(task(TaskSource::Timer, n));
        }
        let order: Vec<u64> = std::iter::from_fn(|| q.take_next()).map(token).collect();
        assert_eq!(order, vec![0, 1, 2, 3, 4]);
        assert!(q.is_empty());
    }

    #[test]
    fn round_robin_never_starves_a_source() {
        let mut q = TaskQueues::new();
        for n in 0..100 {
            q.push(task(TaskSource::Timer, n));
        }
        q.push(task(TaskSource::UserInteraction, 1000));
        q.push(task(TaskSource::PostedMessage, 2000));
        // The busy timer source gets one turn at most before the others run.
        let first: Vec<u64> = (0..3).map(|_| token(q.take_next().unwrap())).collect();
        assert!(first.contains(&1000), "{first:?}");
        assert!(first.contains(&2000), "{first:?}");
        assert_eq!(q.len(), 99);
    }

    #[test]
    fn the_last_source_runs_while_the_first_keeps_refilling() {
        // Strict priority would starve Idle (last in ALL) behind a user-interaction
        // source that always has a task; round-robin must not.
        let mut q = TaskQueues::new();
        q.push(task(TaskSource::UserInteraction, 0));
        q.push(task(TaskSource::Idle, 99));
        for turn in 0..TaskSource::ALL.len() {
            let t = q.take_next().unwrap();
            if t.source == TaskSource::Idle {
                return;
            }
            q.push(task(TaskSource::UserInteraction, turn as u64 + 1)); // refill
        }
        panic!("the idle task starved behind a busy source");
    }

    #[test]
    fn counts_report_only_non_empty_sources() {
        let mut q = TaskQueues::new();
        q.push(task(TaskSource::Networking, 1));
        q.push(task(TaskSource::Networking, 2));
        q.push(task(TaskSource::Idle, 3));
        assert_eq!(
            q.counts(),
            vec![(TaskSource::Networking, 2), (TaskSource::Idle, 1)]
        );
    }
}
