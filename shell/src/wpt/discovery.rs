//! Finding tests in a WPT checkout, following WPT's file-name conventions
//! (web-platform-tests.org, "File Name Flags" and "testharness.js tests"):
//!
//! - `.html`/`.htm` files that load `/resources/testharness.js` are testharness tests;
//!   ones with `<link rel=match|mismatch>` are reftests, `-manual` files are manual
//!   tests (both skipped and counted); other HTML is support material.
//! - `x.any.js` runs in each global its `// META: global=` names (default: window and
//!   dedicated worker) as `x.any.html` and `x.any.worker.html`; shared and service
//!   workers and ShadowRealm are not implemented (skipped and counted).
//! - `x.window.js` runs as `x.window.html`, `x.worker.js` as `x.worker.html`.
//! - `resources/`, `support/` and dot-folders anywhere, and the top-level `tools/`,
//!   `common/`, `docs/` and `conformance-checkers/` hold no tests; nor do `reference/`
//!   folders and `-ref`/`-notref` files (reftest references).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// How a test's page is made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TestKind {
    /// A testharness `.html`/`.htm` file, run as it is.
    Html,
    /// `x.any.js` in a window: the page `x.any.html`.
    AnyWindow,
    /// `x.any.js` in a dedicated worker: `x.any.worker.html` runs `x.any.worker.js`.
    AnyWorker,
    /// `x.window.js`: the page `x.window.html`.
    WindowJs,
    /// `x.worker.js` (which calls `done()` itself): `x.worker.html`.
    WorkerJs,
}

/// `// META:` lines of a `.js` test (or `<meta name=timeout>` of an HTML one).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Meta {
    pub scripts: Vec<String>,
    pub title: Option<String>,
    pub long: bool,
    pub globals: Option<String>,
    /// `// META: variant=?x` (or `<meta name=variant content=?x>`): the test runs
    /// once per variant, the variant in its URL (location.search / hash).
    pub variants: Vec<String>,
}

/// One test: a page to open, named by its URL path under the root.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TestEntry {
    /// The test's URL path, as wpt.fyi names it: `/dom/nodes/x.any.worker.html`.
    pub id: String,
    /// The file that holds the test (`.html` or `.js`), absolute.
    pub source: PathBuf,
    pub kind: TestKind,
    pub meta: Meta,
    /// This run's variant (`?x` or `#x`; empty for none), also the end of `id`.
    pub variant: String,
}

impl TestEntry {
    /// One entry per variant of the test (just itself when it has none).
    fn per_variant(self) -> Vec<TestEntry> {
        if self.meta.variants.is_empty() {
            return vec![self];
        }
        self.meta
            .variants
            .iter()
            .map(|v| TestEntry {
                id: format!("{}{v}", self.id),
                variant: v.clone(),
                ..self.clone()
            })
            .collect()
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Skipped {
    pub reftests: usize,
    pub manual: usize,
    /// Variants for globals Roundabout lacks (shared/service workers, ShadowRealm).
    pub unsupported_globals: usize,
}

#[derive(Debug, Default)]
pub struct Discovery {
    pub tests: Vec<TestEntry>,
    pub skipped: Skipped,
}

const TOP_LEVEL_NON_TEST: &[&str] = &["tools", "common", "docs", "conformance-checkers"];

/// Every test under `start` (a folder or a file inside `root`), sorted by id.
pub fn discover(root: &Path, start: &Path) -> Result<Discovery, String> {
    let mut found = Discovery::default();
    if start.is_file() {
        classify(root, start, &mut found)?;
    } else {
        walk(root, start, &mut found)?;
    }
    found.tests.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(found)
}

fn walk(root: &Path, dir: &Path, found: &mut Discovery) -> Result<(), String> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') {
            continue;
        }
        if path.is_dir() {
            let top_level = path.parent() == Some(root);
            if matches!(name, "resources" | "support" | "reference")
                || (top_level && TOP_LEVEL_NON_TEST.contains(&name))
            {
                continue;
            }
            walk(root, &path, found)?;
        } else {
            classify(root, &path, found)?;
        }
    }
    Ok(())
}

/// The URL path of a file under the root: `/dom/nodes/x.html`.
pub fn url_path(root: &Path, file: &Path) -> String {
    let rel = file.strip_prefix(root).unwrap_or(file);
    let mut out = String::new();
    for c in rel.components() {
        out.push('/');
        out.push_str(&c.as_os_str().to_string_lossy());
    }
    out
}

fn classify(root: &Path, file: &Path, found: &mut Discovery) -> Result<(), String> {
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let stem = name.split('.').next().unwrap_or("");
    if stem.ends_with("-ref") || stem.ends_with("-notref") {
        return Ok(());
    }
    let manual = stem.ends_with("-manual");
    let id = url_path(root, file);
    let js_kind = [
        (".any.js", None),
        (".window.js", Some(TestKind::WindowJs)),
        (".worker.js", Some(TestKind::WorkerJs)),
    ]
    .into_iter()
    .find(|(suffix, _)| name.ends_with(suffix));
    if let Some((suffix, kind)) = js_kind {
        if manual {
            found.skipped.manual += 1;
            return Ok(());
        }
        let text = read(file)?;
        let meta = js_meta(&text);
        let base = &id[..id.len() - suffix.len()];
        let entry = |id: String, kind: TestKind| TestEntry {
            id,
            source: file.to_path_buf(),
            kind,
            meta: meta.clone(),
            variant: String::new(),
        };
        let mut entries = Vec::new();
        match kind {
            Some(TestKind::WindowJs) => {
                entries.push(entry(format!("{base}.window.html"), TestKind::WindowJs))
            }
            Some(_) => entries.push(entry(format!("{base}.worker.html"), TestKind::WorkerJs)),
            None => {
                let globals = any_globals(meta.globals.as_deref());
                found.skipped.unsupported_globals +=
                    globals.unsupported * meta.variants.len().max(1);
                if globals.window {
                    entries.push(entry(format!("{base}.any.html"), TestKind::AnyWindow));
                }
                if globals.dedicated_worker {
                    entries.push(entry(
                        format!("{base}.any.worker.html"),
                        TestKind::AnyWorker,
                    ));
                }
            }
        }
        found
            .tests
            .extend(entries.into_iter().flat_map(TestEntry::per_variant));
        return Ok(());
    }
    let is_html = name.ends_with(".html") || name.ends_with(".htm");
    // Wrappers a server would generate are not files of their own.
    if !is_html {
        return Ok(());
    }
    let text = read(file)?;
    let lower = text.to_ascii_lowercase();
    if is_reftest(&lower) {
        found.skipped.reftests += 1;
    } else if manual {
        found.skipped.manual += 1;
    } else if lower.contains("/resources/testharness.js") {
        let entry = TestEntry {
            id,
            source: file.to_path_buf(),
            kind: TestKind::Html,
            meta: html_meta(&text, &lower),
            variant: String::new(),
        };
        found.tests.extend(entry.per_variant());
    }
    Ok(())
}

fn read(file: &Path) -> Result<String, String> {
    let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn is_reftest(lower: &str) -> bool {
    lower.match_indices("<link").any(|(i, _)| {
        let tag = &lower[i..lower[i..].find('>').map_or(lower.len(), |e| i + e)];
        ["rel=match", "rel=\"match\"", "rel='match'"]
            .iter()
            .chain(["rel=mismatch", "rel=\"mismatch\"", "rel='mismatch'"].iter())
            .any(|r| tag.contains(r))
    })
}

/// `<meta name=timeout content=long>` and `<meta name=variant content=?x>` of an
/// HTML test.
fn html_meta(text: &str, lower: &str) -> Meta {
    let mut variants = Vec::new();
    for (i, _) in lower.match_indices("<meta") {
        let end = lower[i..].find('>').map_or(lower.len(), |e| i + e);
        let tag = &lower[i..end];
        if !(tag.contains("name=variant")
            || tag.contains("name=\"variant\"")
            || tag.contains("name='variant'"))
        {
            continue;
        }
        // The content as written (variants are case-sensitive).
        let original = &text[i..end];
        if let Some(at) = tag.find("content=") {
            let rest = &original[at + "content=".len()..];
            let value = match rest.chars().next() {
                Some(q @ ('"' | '\'')) => rest[1..].split(q).next().unwrap_or(""),
                _ => rest.split([' ', '>', '/']).next().unwrap_or(""),
            };
            if value.starts_with('?') || value.starts_with('#') {
                variants.push(value.to_string());
            }
        }
    }
    Meta {
        long: html_long_timeout(lower),
        variants,
        ..Meta::default()
    }
}

fn html_long_timeout(lower: &str) -> bool {
    lower.match_indices("<meta").any(|(i, _)| {
        let tag = &lower[i..lower[i..].find('>').map_or(lower.len(), |e| i + e)];
        tag.contains("timeout") && tag.contains("long")
    })
}

/// `// META: key=value` lines at the top of a `.js` test.
pub fn js_meta(text: &str) -> Meta {
    let mut meta = Meta::default();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let Some(rest) = line.strip_prefix("// META:") else {
            break;
        };
        let Some((key, value)) = rest.trim().split_once('=') else {
            continue;
        };
        let value = value.trim().to_string();
        match key.trim() {
            "script" => meta.scripts.push(value),
            "title" => meta.title = Some(value),
            "timeout" => meta.long = value == "long",
            "global" => meta.globals = Some(value),
            "variant" if value.starts_with('?') || value.starts_with('#') => {
                meta.variants.push(value)
            }
            "variant" if value.is_empty() => meta.variants.push(String::new()),
            _ => {}
        }
    }
    meta
}

#[derive(Debug, PartialEq, Eq)]
struct Globals {
    window: bool,
    dedicated_worker: bool,
    unsupported: usize,
}

/// `// META: global=window,worker,!sharedworker`: which variants of an `.any.js`.
fn any_globals(spec: Option<&str>) -> Globals {
    let mut set: BTreeMap<&str, bool> = BTreeMap::new();
    let all = [
        "window",
        "dedicatedworker",
        "sharedworker",
        "serviceworker",
        "shadowrealm",
    ];
    let expand = |token: &str| -> Vec<&'static str> {
        match token {
            "worker" => vec!["dedicatedworker", "sharedworker", "serviceworker"],
            t if t.starts_with("shadowrealm") => vec!["shadowrealm"],
            "window" => vec!["window"],
            "dedicatedworker" => vec!["dedicatedworker"],
            "sharedworker" => vec!["sharedworker"],
            "serviceworker" | "serviceworker-module" => vec!["serviceworker"],
            "dedicatedworker-module" => vec!["dedicatedworker"],
            "sharedworker-module" => vec!["sharedworker"],
            _ => vec![],
        }
    };
    let spec = spec.unwrap_or("window,dedicatedworker");
    for token in spec.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        let (negate, token) = match token.strip_prefix('!') {
            Some(t) => (true, t),
            None => (false, token),
        };
        for g in expand(token) {
            set.insert(g, !negate);
        }
    }
    let on = |g: &str| set.get(g).copied().unwrap_or(false);
    Globals {
        window: on("window"),
        dedicated_worker: on("dedicatedworker"),
        unsupported: all[2..].iter().filter(|g| on(g)).count(),
    }
}

/// The entry for a test id (a URL path such as `/x/y.any.worker.html`), for the
/// child process that runs one test.
pub fn entry_for_id(root: &Path, id: &str) -> Result<TestEntry, String> {
    let cut = id.find(['?', '#']).unwrap_or(id.len());
    let (base, variant) = id.split_at(cut);
    let mut entry = entry_for_base_id(root, base)?;
    entry.id = id.to_string();
    entry.variant = variant.to_string();
    Ok(entry)
}

fn entry_for_base_id(root: &Path, id: &str) -> Result<TestEntry, String> {
    let rel = id.trim_start_matches('/');
    let variants: [(&str, &str, TestKind); 4] = [
        (".any.worker.html", ".any.js", TestKind::AnyWorker),
        (".any.html", ".any.js", TestKind::AnyWindow),
        (".window.html", ".window.js", TestKind::WindowJs),
        (".worker.html", ".worker.js", TestKind::WorkerJs),
    ];
    for (suffix, js, kind) in variants {
        if let Some(base) = rel.strip_suffix(suffix) {
            let source = root.join(format!("{base}{js}"));
            if source.is_file() {
                let meta = js_meta(&read(&source)?);
                return Ok(TestEntry {
                    id: id.to_string(),
                    source,
                    kind,
                    meta,
                    variant: String::new(),
                });
            }
        }
    }
    let source = root.join(rel);
    if source.is_file() {
        let text = read(&source)?;
        let lower = text.to_ascii_lowercase();
        return Ok(TestEntry {
            id: id.to_string(),
            source,
            kind: TestKind::Html,
            meta: html_meta(&text, &lower),
            variant: String::new(),
        });
    }
    Err(format!("{id}: no such test under {}", root.display()))
}

/// FNV-1a: a hash that is the same on every machine and every run, so a test's chunk
/// (`--this-chunk`) never depends on the rest of the list.
pub fn stable_hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in s.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Whether test `id` belongs to chunk `this` (1-based) of `total`.
pub fn in_chunk(id: &str, this: usize, total: usize) -> bool {
    total <= 1 || (stable_hash(id) % total as u64) as usize == this - 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn meta_lines_stop_at_the_first_other_line() {
        let m = js_meta(
            "// META: title=Hi\n// META: script=/common/a.js\n// META: timeout=long\n\n// META: script=late.js\nx();\n// META: script=no.js",
        );
        assert_eq!(m.title.as_deref(), Some("Hi"));
        assert_eq!(m.scripts, vec!["/common/a.js", "late.js"]);
        assert!(m.long);
    }

    #[test]
    fn variants_multiply_the_entries() {
        let m = js_meta("// META: variant=?a=1\n// META: variant=#frag\ntest();");
        assert_eq!(m.variants, vec!["?a=1", "#frag"]);
        let e = TestEntry {
            id: "/x.any.html".into(),
            source: "/r/x.any.js".into(),
            kind: TestKind::AnyWindow,
            meta: m,
            variant: String::new(),
        };
        let ids: Vec<String> = e.per_variant().into_iter().map(|e| e.id).collect();
        assert_eq!(ids, ["/x.any.html?a=1", "/x.any.html#frag"]);
        let text = "<meta name=\"variant\" content=\"?Upper\"><meta name=variant content=?b>";
        let m = html_meta(text, &text.to_ascii_lowercase());
        assert_eq!(m.variants, vec!["?Upper", "?b"]);
    }

    #[test]
    fn globals_default_and_negation() {
        let g = any_globals(None);
        assert!(g.window && g.dedicated_worker);
        assert_eq!(g.unsupported, 0);
        let g = any_globals(Some("worker,!sharedworker"));
        assert!(!g.window && g.dedicated_worker);
        assert_eq!(g.unsupported, 1); // serviceworker
        let g = any_globals(Some("window,shadowrealm-in-window"));
        assert!(g.window && !g.dedicated_worker);
        assert_eq!(g.unsupported, 1);
    }

    #[test]
    fn reftests_and_long_timeouts_are_recognised() {
        assert!(is_reftest("<link rel=\"match\" href=\"a-ref.html\">"));
        assert!(is_reftest("<link href=a.html rel=mismatch>"));
        assert!(!is_reftest("<link rel=\"stylesheet\" href=\"a.css\">"));
        assert!(html_long_timeout(
            "<meta name=\"timeout\" content=\"long\">"
        ));
        assert!(!html_long_timeout("<meta charset=utf-8>"));
    }

    #[test]
    fn chunks_partition_the_tests() {
        let ids: Vec<String> = (0..200).map(|i| format!("/t/{i}.html")).collect();
        let mut seen = 0;
        for this in 1..=3 {
            let n = ids.iter().filter(|id| in_chunk(id, this, 3)).count();
            assert!(n > 40, "chunk {this} has only {n}");
            seen += n;
        }
        assert_eq!(seen, ids.len());
        assert_eq!(stable_hash("/a.html"), stable_hash("/a.html"));
    }
}
