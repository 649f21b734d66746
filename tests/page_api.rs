//! The library API: `Page` in one process, several at a time.

use std::rc::Rc;

use roundabout::{Page, RunOptions};
use roundabout_bindings::CapturedOutput;
use roundabout_engine::RunOutcome;

fn page(html: &str, output: &CapturedOutput) -> Page {
    let options = RunOptions {
        virtual_time: true,
        ..Default::default()
    };
    Page::from_html(
        html,
        std::env::temp_dir().as_path(),
        options,
        Rc::new(output.clone()),
    )
    .unwrap()
}

#[test]
fn two_pages_share_nothing() {
    let (out_a, out_b) = (CapturedOutput::default(), CapturedOutput::default());
    let mut a = page("<p id=x>a</p><script>var shared = 'from a'; setTimeout(() => console.log('a timer'), 5)</script>", &out_a);
    let mut b = page(
        "<p id=x>b</p><script>console.log(typeof shared)</script>",
        &out_b,
    );
    assert_eq!(a.run_until_idle().unwrap(), RunOutcome::Quiescent);
    assert_eq!(b.run_until_idle().unwrap(), RunOutcome::Quiescent);
    assert_eq!(out_a.lines(), ["log: a timer"]);
    assert_eq!(out_b.lines(), ["log: undefined"]);
    assert_eq!(
        a.evaluate("document.getElementById('x').textContent"),
        Ok("a".into())
    );
    assert_eq!(
        b.evaluate("document.getElementById('x').textContent"),
        Ok("b".into())
    );
    assert_eq!(
        b.evaluate("nope"),
        Err("ReferenceError: nope is not defined".into())
    );
}

#[test]
fn evaluate_then_run_again() {
    let out = CapturedOutput::default();
    let mut p = page("<body></body>", &out);
    p.run_until_idle().unwrap();
    assert_eq!(
        p.evaluate("setTimeout(() => document.body.append('late'), 10); 1 + 1"),
        Ok("2".into())
    );
    assert!(!p.dump_dom().contains("late"), "the timer has not run yet");
    p.run_until_idle().unwrap();
    assert!(p.dump_dom().contains("<body>late</body>"));
    assert_eq!(p.errors().uncaught, 0);
}

/// Creating and removing 300k nodes, in 30 tasks of 10k: unreachable nodes are freed
/// and their slots reused, so the arena stays small (measured for 1M nodes in 100
/// tasks with the release build: 40 MB peak RSS). Within one synchronous job, nodes whose wrappers were made in
/// that job are freed only after it (WeakRef targets stay alive until the job ends).
#[test]
fn nodes_created_and_removed_across_tasks_keep_the_arena_bounded() {
    let out = CapturedOutput::default();
    let html = "<body><script>
        let batch = 0;
        function step() {
          for (let i = 0; i < 10000; i++) {
            const d = document.createElement('div');
            d.textContent = 'node ' + i;
            document.body.appendChild(d);
            d.remove();
          }
          if (++batch < 30) setTimeout(step, 0); else console.log('done');
        }
        step();
      </script>";
    let mut p = page(html, &out);
    p.run_until_idle().unwrap();
    assert_eq!(out.lines(), ["log: done"]);
    let live = p.live_node_count();
    assert!(
        live < 40_000,
        "{live} nodes still in the arena after 600k were created"
    );
}
