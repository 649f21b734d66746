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

/// MutationObserver state (registrations, queues, the "mutation observer microtask
/// queued" flag) belongs to each page's agent, not to the process.
#[test]
fn two_pages_do_not_share_mutation_observer_state() {
    let (out_a, out_b) = (CapturedOutput::default(), CapturedOutput::default());
    let setup = "<body><script>
      window.seen = [];
      window.mo = new MutationObserver((records) => seen.push(records.length));
      mo.observe(document.body, { childList: true, attributes: true });
    </script></body>";
    let mut a = page(setup, &out_a);
    let mut b = page(setup, &out_b);
    a.run_until_idle().unwrap();
    b.run_until_idle().unwrap();
    // Records queued in A (not delivered yet: takeRecords is synchronous) are A's.
    assert_eq!(
        a.evaluate("document.body.append('x'); document.body.id = 'a'; mo.takeRecords().length"),
        Ok("2".into())
    );
    assert_eq!(b.evaluate("mo.takeRecords().length"), Ok("0".into()));
    // A mutation in A leaves A's flag set until A's checkpoint; B still delivers its own.
    assert_eq!(
        b.evaluate("document.body.append('y'); seen.length"),
        Ok("0".into())
    );
    b.run_until_idle().unwrap();
    assert_eq!(b.evaluate("seen"), Ok("[ 1 ]".into()));
    a.run_until_idle().unwrap();
    assert_eq!(a.evaluate("document.body.append('z'); 0"), Ok("0".into()));
    a.run_until_idle().unwrap();
    assert_eq!(a.evaluate("seen"), Ok("[ 1 ]".into()));
    assert!(out_a.lines().is_empty() && out_b.lines().is_empty());
}

#[test]
fn layout_runs_only_when_geometry_is_asked_for_after_a_change() {
    let output = CapturedOutput::default();
    let mut page = page(
        "<div id=list></div><script>\
         const list = document.getElementById('list');\
         for (let i = 0; i < 200; i++) { const d = document.createElement('div'); d.textContent = i; list.append(d); }\
         </script>",
        &output,
    );
    page.run_until_idle().unwrap();
    assert_eq!(
        page.layout_passes(),
        0,
        "200 insertions, no geometry query: no layout"
    );
    assert_eq!(page.evaluate("list.offsetHeight").unwrap(), "3800");
    assert_eq!(
        page.evaluate("list.firstChild.offsetHeight + list.lastChild.offsetTop")
            .unwrap(),
        "3808"
    );
    assert_eq!(
        page.layout_passes(),
        1,
        "queries without changes in between share one layout"
    );
    page.evaluate("list.firstChild.remove(); list.offsetHeight")
        .unwrap();
    assert_eq!(page.layout_passes(), 2);
    assert!(output.lines().is_empty(), "{:?}", output.lines());
}
