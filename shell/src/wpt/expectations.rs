//! The expectations file, in jsdom's to-run.yaml style: YAML documents separated by
//! `---`, each a `DIR:` (a folder relative to the root) and `glob: [kind, reason]`
//! entries for tests in it that are not expected to pass:
//!
//! ```yaml
//! DIR: dom/nodes
//!
//! Node-cloneNode.html: [fail, cloneNode is not implemented]
//! "Element-*.any.worker.html": [timeout, needs SharedArrayBuffer]
//! ```
//!
//! Globs match the test's id below `DIR/` (`*` within a path segment, `**` across
//! segments, `?` one character). Kinds: `fail` (finishes, not all passing), `timeout`,
//! `crash`, `flaky` (any result is accepted) and `skip` (not run). A test that no
//! entry names must pass. Unexpected failures and unexpected passes both fail the run.

use std::path::Path;

use yaml_rust2::{Yaml, YamlLoader};

use super::results::Outcome;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Fail,
    Timeout,
    Crash,
    Flaky,
    Skip,
}

impl Expected {
    fn parse(s: &str) -> Option<Expected> {
        Some(match s {
            "fail" => Expected::Fail,
            "timeout" => Expected::Timeout,
            "crash" => Expected::Crash,
            "flaky" => Expected::Flaky,
            "skip" => Expected::Skip,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Expected::Fail => "fail",
            Expected::Timeout => "timeout",
            Expected::Crash => "crash",
            Expected::Flaky => "flaky",
            Expected::Skip => "skip",
        }
    }
}

#[derive(Clone, Debug)]
pub struct Entry {
    pub dir: String,
    pub glob: String,
    pub expected: Expected,
    pub reason: String,
}

#[derive(Clone, Debug, Default)]
pub struct Expectations {
    pub entries: Vec<Entry>,
}

/// Whether a result meets what was expected of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Expected,
    /// Expected to pass (or to fail in another way), and it did not.
    UnexpectedFailure,
    /// Listed as failing, and it passed: the entry should go.
    UnexpectedPass,
}

impl Expectations {
    pub fn load(path: &Path) -> Result<Expectations, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Self::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    pub fn parse(text: &str) -> Result<Expectations, String> {
        let docs = YamlLoader::load_from_str(text).map_err(|e| e.to_string())?;
        let mut entries = Vec::new();
        for (n, doc) in docs.iter().enumerate() {
            let Yaml::Hash(map) = doc else {
                if doc.is_null() {
                    continue;
                }
                return Err(format!(
                    "document {}: expected `DIR:` and `glob: [kind, reason]` entries",
                    n + 1
                ));
            };
            let dir = map
                .get(&Yaml::String("DIR".into()))
                .and_then(Yaml::as_str)
                .ok_or_else(|| format!("document {}: no `DIR: folder` line", n + 1))?
                .trim_matches('/')
                .to_string();
            for (key, value) in map {
                let Some(glob) = key.as_str() else {
                    return Err(format!("{dir}: a key that is not a string: {key:?}"));
                };
                if glob == "DIR" {
                    continue;
                }
                let items = value.as_vec().filter(|v| v.len() == 2).ok_or_else(|| {
                    format!("{dir}/{glob}: expected [kind, reason], e.g. [fail, \"why\"]")
                })?;
                let kind = items[0].as_str().unwrap_or("");
                let expected = Expected::parse(kind).ok_or_else(|| {
                    format!(
                        "{dir}/{glob}: unknown kind '{kind}' (fail, timeout, crash, flaky, skip)"
                    )
                })?;
                let reason = match &items[1] {
                    Yaml::String(s) if !s.trim().is_empty() => s.clone(),
                    _ => return Err(format!("{dir}/{glob}: every entry needs a reason")),
                };
                entries.push(Entry {
                    dir: dir.clone(),
                    glob: glob.to_string(),
                    expected,
                    reason,
                });
            }
        }
        Ok(Expectations { entries })
    }

    /// The entry that covers test `id` (`/dir/sub/x.html`), if any: the first match.
    pub fn lookup(&self, id: &str) -> Option<&Entry> {
        let id = id.trim_start_matches('/');
        self.entries.iter().find(|e| {
            let rest = if e.dir.is_empty() {
                Some(id)
            } else {
                id.strip_prefix(e.dir.as_str())
                    .and_then(|r| r.strip_prefix('/'))
            };
            rest.is_some_and(|r| glob_match(&e.glob, r))
        })
    }

    pub fn verdict(&self, id: &str, outcome: Outcome) -> Verdict {
        let expected = self.lookup(id).map(|e| e.expected);
        match (expected, outcome) {
            (None, Outcome::Pass) => Verdict::Expected,
            (None, _) => Verdict::UnexpectedFailure,
            (Some(Expected::Flaky | Expected::Skip), _) => Verdict::Expected,
            (Some(_), Outcome::Pass) => Verdict::UnexpectedPass,
            (Some(Expected::Fail), Outcome::Fail)
            | (Some(Expected::Timeout), Outcome::Timeout)
            | (Some(Expected::Crash), Outcome::Crash) => Verdict::Expected,
            (Some(_), _) => Verdict::UnexpectedFailure,
        }
    }
}

/// `*` any run of characters but `/`, `**` any run at all, `?` one character but `/`.
pub fn glob_match(glob: &str, text: &str) -> bool {
    fn go(g: &[u8], t: &[u8]) -> bool {
        match g.first() {
            None => t.is_empty(),
            Some(b'*') if g.get(1) == Some(&b'*') => (0..=t.len()).any(|i| go(&g[2..], &t[i..])),
            Some(b'*') => {
                for i in 0..=t.len() {
                    if go(&g[1..], &t[i..]) {
                        return true;
                    }
                    if t.get(i) == Some(&b'/') {
                        return false;
                    }
                }
                false
            }
            Some(b'?') => t.first().is_some_and(|c| *c != b'/') && go(&g[1..], &t[1..]),
            Some(c) => t.first() == Some(c) && go(&g[1..], &t[1..]),
        }
    }
    go(glob.as_bytes(), text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "DIR: dom/nodes\n\nNode-a.html: [fail, not yet]\n\"Element-*.html\": [timeout, slow]\n\n---\n\nDIR: workers\n\nx.any.*: [flaky, races]\n\"**/deep.html\": [crash, known]\nskipme.html: [skip, needs a server]\n";

    #[test]
    fn parses_documents_and_matches_globs() {
        let e = Expectations::parse(SAMPLE).unwrap();
        assert_eq!(e.entries.len(), 5);
        assert_eq!(
            e.lookup("/dom/nodes/Node-a.html").unwrap().expected,
            Expected::Fail
        );
        assert_eq!(
            e.lookup("/dom/nodes/Element-b.html").unwrap().expected,
            Expected::Timeout
        );
        assert!(e.lookup("/dom/nodes/sub/Element-b.html").is_none());
        assert!(e.lookup("/dom/Node-a.html").is_none());
        assert_eq!(
            e.lookup("/workers/x.any.worker.html").unwrap().expected,
            Expected::Flaky
        );
        assert_eq!(e.lookup("/workers/a/b/deep.html").unwrap().reason, "known");
    }

    #[test]
    fn verdicts_catch_unexpected_failures_and_passes() {
        let e = Expectations::parse(SAMPLE).unwrap();
        assert_eq!(e.verdict("/other.html", Outcome::Pass), Verdict::Expected);
        assert_eq!(
            e.verdict("/other.html", Outcome::Fail),
            Verdict::UnexpectedFailure
        );
        assert_eq!(
            e.verdict("/dom/nodes/Node-a.html", Outcome::Fail),
            Verdict::Expected
        );
        assert_eq!(
            e.verdict("/dom/nodes/Node-a.html", Outcome::Pass),
            Verdict::UnexpectedPass
        );
        assert_eq!(
            e.verdict("/dom/nodes/Node-a.html", Outcome::Timeout),
            Verdict::UnexpectedFailure
        );
        assert_eq!(
            e.verdict("/dom/nodes/Element-x.html", Outcome::Timeout),
            Verdict::Expected
        );
        assert_eq!(
            e.verdict("/workers/x.any.html", Outcome::Crash),
            Verdict::Expected
        );
    }

    #[test]
    fn bad_files_get_clear_errors() {
        let err = Expectations::parse("DIR: a\nx.html: [broken, why]\n").unwrap_err();
        assert!(err.contains("unknown kind 'broken'"), "{err}");
        let err = Expectations::parse("DIR: a\nx.html: [fail]\n").unwrap_err();
        assert!(err.contains("[kind, reason]"), "{err}");
        let err = Expectations::parse("x.html: [fail, why]\n").unwrap_err();
        assert!(err.contains("DIR"), "{err}");
        let err = Expectations::parse("DIR: a\nx.html: [fail, \"\"]\n").unwrap_err();
        assert!(err.contains("reason"), "{err}");
    }

    #[test]
    fn globs() {
        assert!(glob_match("a*c", "abbc"));
        assert!(!glob_match("a*c", "a/c"));
        assert!(glob_match("**c", "a/b/c"));
        assert!(glob_match("a?c", "abc"));
        assert!(!glob_match("a?c", "a/c"));
        assert!(glob_match("x.html", "x.html"));
        assert!(!glob_match("x.html", "x.htm"));
    }
}
