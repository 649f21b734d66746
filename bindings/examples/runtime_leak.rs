//! Diagnostic: memory a process keeps after creating and dropping bare deno_core
//! runtimes (no Roundabout code involved). On the QuickJS backend (deno_core 0.413,
//! v8x 149) each create/drop keeps about 0.87 MB even after `malloc_trim`; this is
//! what makes RSS grow with the number of workers a page creates.
//!
//! `cargo run --release -p roundabout-bindings --example runtime_leak`

fn rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|v| v.parse().ok()))
        })
        .unwrap_or(0)
}

extern "C" {
    fn malloc_trim(pad: usize) -> i32;
}

fn main() {
    let start = rss_kb();
    for round in 1..=4 {
        for _ in 0..50 {
            drop(deno_core::JsRuntime::new(Default::default()));
        }
        // SAFETY: glibc's malloc_trim only hands free heap memory back to the OS.
        unsafe { malloc_trim(0) };
        let now = rss_kb();
        println!(
            "after {} runtimes: {now} KB RSS ({:.2} MB kept per runtime)",
            round * 50,
            (now - start) as f64 / 1024.0 / (round * 50) as f64
        );
    }
}
