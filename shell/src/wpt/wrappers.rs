//! The pages a WPT server generates around `.any.js`, `.window.js` and `.worker.js`
//! tests (wptserve's wrapper handlers, written from their documented behaviour), and
//! the report script served in place of `/resources/testharnessreport.js`.

use super::discovery::{TestEntry, TestKind};

/// Our report script: the one in `wpt-subset/resources/`, with the runner's timeout
/// multiplier filled in. It replaces any checkout's own testharnessreport.js, as
/// wptrunner replaces it, so results always reach the runner the same way.
pub fn report_script(timeout_multiplier: f64) -> String {
    include_str!("../../../wpt-subset/resources/testharnessreport.js")
        .replace("%TIMEOUT_MULTIPLIER%", &timeout_multiplier.to_string())
}

/// What the runner serves for one test: the page (its path relative to the root, and
/// its HTML) and any generated files beside it.
pub struct Wrapped {
    pub page_path: String,
    pub html: Option<String>,
    pub generated: Vec<(String, String)>,
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn js_string(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '<' => out.push_str("\\u003c"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

fn head(entry: &TestEntry) -> String {
    let mut out = String::from("<!doctype html>\n<meta charset=utf-8>\n");
    if entry.meta.long {
        out.push_str("<meta name=\"timeout\" content=\"long\">\n");
    }
    if let Some(title) = &entry.meta.title {
        out.push_str(&format!("<title>{}</title>\n", escape_html(title)));
    }
    out
}

fn global_object(window: bool) -> String {
    format!(
        "self.GLOBAL = {{\n  isWindow: function() {{ return {window}; }},\n  isWorker: function() {{ return {}; }},\n  isShadowRealm: function() {{ return false; }},\n}};\n",
        !window
    )
}

const HARNESS: &str = "<script src=\"/resources/testharness.js\"></script>\n<script src=\"/resources/testharnessreport.js\"></script>\n";

/// The page (and generated scripts) for `entry`. Plain `.html` tests are served as
/// they are (`html` is `None`).
pub fn wrap(entry: &TestEntry) -> Wrapped {
    let full = entry.id.trim_start_matches('/');
    let id = full[..full.len() - entry.variant.len()].to_string();
    let source_name = entry
        .source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match entry.kind {
        TestKind::Html => Wrapped {
            page_path: id,
            html: None,
            generated: Vec::new(),
        },
        TestKind::AnyWindow | TestKind::WindowJs => {
            let mut html = head(entry);
            if entry.kind == TestKind::AnyWindow {
                html.push_str(&format!("<script>\n{}</script>\n", global_object(true)));
            }
            html.push_str(HARNESS);
            for s in &entry.meta.scripts {
                html.push_str(&format!("<script src=\"{}\"></script>\n", escape_html(s)));
            }
            html.push_str("<div id=log></div>\n");
            html.push_str(&format!(
                "<script src=\"{}\"></script>\n",
                escape_html(&source_name)
            ));
            Wrapped {
                page_path: id,
                html: Some(html),
                generated: Vec::new(),
            }
        }
        TestKind::AnyWorker | TestKind::WorkerJs => {
            let mut generated = Vec::new();
            let worker_script = if entry.kind == TestKind::AnyWorker {
                // x.any.worker.html runs x.any.worker.js: the harness, the META
                // scripts, the test, then done().
                let script_path = id.trim_end_matches(".html").to_string() + ".js";
                let mut js = global_object(false);
                js.push_str("importScripts(\"/resources/testharness.js\");\n");
                for s in &entry.meta.scripts {
                    js.push_str(&format!("importScripts({});\n", js_string(s)));
                }
                js.push_str(&format!("importScripts({});\n", js_string(&source_name)));
                js.push_str("done();\n");
                generated.push((script_path.clone(), js));
                file_name(&script_path).to_string()
            } else {
                // x.worker.js imports the harness itself and calls done().
                source_name
            };
            let mut html = head(entry);
            html.push_str(HARNESS);
            html.push_str("<div id=log></div>\n");
            // The variant (location.search/hash) goes on to the worker's URL.
            html.push_str(&format!(
                "<script>\nfetch_tests_from_worker(new Worker({} + location.search + location.hash));\n</script>\n",
                js_string(&worker_script)
            ));
            Wrapped {
                page_path: id,
                html: Some(html),
                generated,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wpt::discovery::Meta;

    fn entry(id: &str, source: &str, kind: TestKind, meta: Meta) -> TestEntry {
        TestEntry {
            id: id.into(),
            source: source.into(),
            kind,
            meta,
            variant: String::new(),
        }
    }

    #[test]
    fn any_worker_wrapper_imports_meta_scripts_then_the_test_then_calls_done() {
        let meta = Meta {
            scripts: vec!["/common/utils.js".into(), "helper.js".into()],
            title: Some("A <title>".into()),
            long: true,
            globals: None,
            variants: Vec::new(),
        };
        let w = wrap(&entry(
            "/d/x.any.worker.html",
            "/r/d/x.any.js",
            TestKind::AnyWorker,
            meta,
        ));
        let html = w.html.unwrap();
        assert!(html.contains("<meta name=\"timeout\" content=\"long\">"));
        assert!(html.contains("<title>A &lt;title&gt;</title>"));
        assert!(html
            .contains("fetch_tests_from_worker(new Worker(\"x.any.worker.js\" + location.search"));
        let (path, js) = &w.generated[0];
        assert_eq!(path, "d/x.any.worker.js");
        let order: Vec<usize> = [
            "isWorker: function() { return true; }",
            "/resources/testharness.js",
            "\"/common/utils.js\"",
            "\"helper.js\"",
            "\"x.any.js\"",
            "done();",
        ]
        .iter()
        .map(|s| {
            js.find(s)
                .unwrap_or_else(|| panic!("{s} missing from {js}"))
        })
        .collect();
        assert!(order.windows(2).all(|w| w[0] < w[1]), "{js}");
    }

    #[test]
    fn window_wrapper_loads_harness_report_meta_scripts_and_test_in_order() {
        let meta = Meta {
            scripts: vec!["a.js".into()],
            ..Meta::default()
        };
        let w = wrap(&entry(
            "/d/x.any.html",
            "/r/d/x.any.js",
            TestKind::AnyWindow,
            meta,
        ));
        let html = w.html.unwrap();
        let at = |s: &str| html.find(s).unwrap_or_else(|| panic!("{s} missing"));
        assert!(at("isWindow: function() { return true; }") < at("testharness.js"));
        assert!(at("testharness.js") < at("testharnessreport.js"));
        assert!(at("testharnessreport.js") < at("src=\"a.js\""));
        assert!(at("src=\"a.js\"") < at("src=\"x.any.js\""));
        assert!(w.generated.is_empty());
    }

    #[test]
    fn report_script_gets_the_multiplier() {
        assert!(report_script(2.5).contains("Number(\"2.5\")"));
    }
}
