//! Loading the page a user asked for: a `.html`/`.htm` document or a `.js` classic
//! script, as UTF-8. Everything the page may read lives under its directory.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageKind {
    Html,
    Script,
}

#[derive(Debug)]
pub struct PageSource {
    /// The path as the user gave it (shown in error locations).
    pub display_name: String,
    /// The folder everything the page loads must lie in (canonical): the page's own
    /// directory, or the `--root` given. A `src` starting with `/` resolves here.
    pub root: PathBuf,
    /// The page's own directory (canonical): relative `src`s resolve here.
    pub dir: PathBuf,
    /// More folders the page may read from (`--allow-read`), canonical.
    pub allowed: Vec<PathBuf>,
    pub kind: PageKind,
    pub text: String,
    /// Files that exist only in memory, by absolute path under `root`: what
    /// `roundabout wpt` generates (`.any.js` wrappers, its report script). They take
    /// precedence over the disk, as a server's generated responses do.
    pub generated: Arc<HashMap<PathBuf, String>>,
    /// When set (`roundabout wpt`: `http://web-platform.test:8000`), files under
    /// `root` get URLs under it, as a server at that origin would give them: the
    /// document's URL, `location`, workers' `location`, module identities.
    pub url_base: Option<String>,
    /// A `?query` / `#fragment` the document's URL ends with (a WPT variant).
    pub url_suffix: String,
}

#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{0}: no such file")]
    NotFound(String),
    #[error("{0}: is a directory, not a page")]
    IsDirectory(String),
    #[error("{0}: not valid UTF-8 (first bad byte at offset {1})")]
    NotUtf8(String, usize),
    #[error("{0}: {1}")]
    Io(String, std::io::Error),
    #[error("{0}: not inside --root {1}")]
    OutsideRoot(String, String),
    #[error("{0}: unsupported file type (expected .html, .htm or a classic-script .js; modules are not supported yet)")]
    UnknownKind(String),
}

/// Reads a file as UTF-8 text, with the errors a user can act on.
pub fn read_utf8(path: &Path, shown: &str) -> Result<String, LoadError> {
    if path.is_dir() {
        return Err(LoadError::IsDirectory(shown.into()));
    }
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => LoadError::NotFound(shown.into()),
        _ => LoadError::Io(shown.into(), e),
    })?;
    String::from_utf8(bytes)
        .map_err(|e| LoadError::NotUtf8(shown.into(), e.utf8_error().valid_up_to()))
}

impl PageSource {
    pub fn load(path: &Path) -> Result<Self, LoadError> {
        let shown = path.display().to_string();
        let kind = match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
        {
            Some(e) if e == "html" || e == "htm" => PageKind::Html,
            Some(e) if e == "js" => PageKind::Script,
            _ if path.is_dir() => return Err(LoadError::IsDirectory(shown)),
            _ if !path.exists() => return Err(LoadError::NotFound(shown)),
            _ => return Err(LoadError::UnknownKind(shown)),
        };
        let text = read_utf8(path, &shown)?;
        let canonical = path
            .canonicalize()
            .map_err(|e| LoadError::Io(shown.clone(), e))?;
        let dir = canonical
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("/"));
        Ok(PageSource {
            display_name: shown,
            root: dir.clone(),
            dir,
            allowed: Vec::new(),
            kind,
            text,
            generated: Arc::default(),
            url_base: None,
            url_suffix: String::new(),
        })
    }

    /// Adds a folder the page may read from (`--allow-read DIR`).
    pub fn allow_read(&mut self, dir: &Path) -> Result<(), LoadError> {
        let shown = dir.display().to_string();
        let dir = dir.canonicalize().map_err(|e| LoadError::Io(shown, e))?;
        self.allowed.push(dir);
        Ok(())
    }

    /// Like `load`, with `root` as the folder the page may read from (it must contain
    /// the page), as a web server's document root: `src="/resources/x.js"` resolves
    /// under it.
    pub fn load_with_root(path: &Path, root: &Path) -> Result<Self, LoadError> {
        let mut page = Self::load(path)?;
        let shown = root.display().to_string();
        let root = root
            .canonicalize()
            .map_err(|e| LoadError::Io(shown.clone(), e))?;
        if !page.dir.starts_with(&root) {
            return Err(LoadError::OutsideRoot(page.display_name, shown));
        }
        page.root = root;
        Ok(page)
    }

    /// A page from a string of HTML; scripts load from `base` (a folder), which is
    /// also the only folder it may read from.
    pub fn from_html(html: &str, base: &Path) -> Result<Self, LoadError> {
        let shown = base.display().to_string();
        let dir = base
            .canonicalize()
            .map_err(|e| LoadError::Io(shown.clone(), e))?;
        if !dir.is_dir() {
            return Err(LoadError::Io(shown, std::io::Error::other("not a folder")));
        }
        Ok(PageSource {
            display_name: "inline.html".into(),
            root: dir.clone(),
            dir,
            allowed: Vec::new(),
            kind: PageKind::Html,
            text: html.to_string(),
            generated: Arc::default(),
            url_base: None,
            url_suffix: String::new(),
        })
    }

    /// A generated page at `root`/`rel` (which need not exist on disk), with more
    /// generated files beside it (`generated`, keyed by paths relative to `root`).
    pub fn generated_page(
        root: &Path,
        rel: &str,
        html: String,
        generated: Vec<(String, String)>,
    ) -> Result<Self, LoadError> {
        let shown = root.display().to_string();
        let root = root
            .canonicalize()
            .map_err(|e| LoadError::Io(shown.clone(), e))?;
        let path = lexical(&root.join(rel.trim_start_matches('/')));
        let dir = path.parent().map(Path::to_path_buf).unwrap_or(root.clone());
        if !dir.starts_with(&root) {
            return Err(LoadError::OutsideRoot(rel.into(), shown));
        }
        let generated = generated
            .into_iter()
            .map(|(rel, text)| (lexical(&root.join(rel.trim_start_matches('/'))), text))
            .collect();
        Ok(PageSource {
            display_name: path.display().to_string(),
            root,
            dir,
            allowed: Vec::new(),
            kind: PageKind::Html,
            text: html,
            generated: Arc::new(generated),
            url_base: None,
            url_suffix: String::new(),
        })
    }

    /// The document's URL: `file://` and the page's absolute path (percent-encoding
    /// the few characters a path may hold that a URL may not).
    pub fn url(&self) -> String {
        let file = std::path::Path::new(&self.display_name);
        let name = file
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let path = self.dir.join(name);
        if self.url_base.is_some() && path.starts_with(&self.root) {
            return self.key_for(&path) + &self.url_suffix;
        }
        file_url(&path.to_string_lossy()) + &self.url_suffix
    }

    /// A copy for tasks that outlive the parsing task (async scripts).
    pub fn clone_for_tasks(&self) -> PageSource {
        PageSource {
            display_name: self.display_name.clone(),
            root: self.root.clone(),
            dir: self.dir.clone(),
            allowed: self.allowed.clone(),
            kind: self.kind,
            text: String::new(),
            generated: self.generated.clone(),
            url_base: self.url_base.clone(),
            url_suffix: self.url_suffix.clone(),
        }
    }

    /// The absolute URL of a file the page loads (a script's name in error reports):
    /// under `url_base` when set, else `file://` and its path.
    pub fn url_of(&self, path: &Path) -> String {
        let key = self.key_for(path);
        if key.starts_with('/') {
            file_url(&key)
        } else {
            key
        }
    }

    /// The URL of a file the page loads: under `url_base` when one is set and the
    /// file lies under the root, else its path (which callers show as a file name).
    pub fn key_for(&self, path: &Path) -> String {
        match (&self.url_base, path.strip_prefix(&self.root)) {
            (Some(base), Ok(rel)) => {
                let mut url = base.trim_end_matches('/').to_string();
                for c in rel.components() {
                    url.push('/');
                    url.push_str(&c.as_os_str().to_string_lossy());
                }
                url
            }
            _ => path.display().to_string(),
        }
    }

    /// Resolves `src` (as [`PageSource::resolve`]) and reads it: a generated file
    /// if there is one at that path, else the file on disk. Returns the path and text.
    pub fn fetch(&self, src: &str) -> Result<(PathBuf, String), String> {
        if !self.generated.is_empty() {
            if let Some(candidate) = self.candidate(src) {
                if let Some(text) = self.generated.get(&lexical(&candidate)) {
                    return Ok((lexical(&candidate), text.clone()));
                }
            }
        }
        let path = self.resolve(src)?;
        let text = read_utf8(&path, src).map_err(|e| e.to_string())?;
        Ok((path, text))
    }

    fn candidate(&self, src: &str) -> Option<PathBuf> {
        if src.contains("://") || src.starts_with("data:") {
            return None;
        }
        let path = src.split(['?', '#']).next().unwrap_or(src);
        Some(match path.strip_prefix('/') {
            Some(from_root) => self.root.join(from_root),
            None => self.dir.join(path),
        })
    }

    /// Resolves a script `src` against the page's directory, refusing anything that
    /// leaves it (absolute paths, `..`, symlinks pointing outside, URLs with a scheme).
    pub fn resolve(&self, src: &str) -> Result<PathBuf, String> {
        let Some(candidate) = self.candidate(src) else {
            return Err(format!("{src}: only files next to the page can be loaded"));
        };
        let canonical = candidate
            .canonicalize()
            .map_err(|_| format!("{src}: no such file"))?;
        if !canonical.starts_with(&self.root)
            && !self.allowed.iter().any(|a| canonical.starts_with(a))
        {
            return Err(format!(
                "{src}: outside the folder the page may read; refused"
            ));
        }
        Ok(canonical)
    }
}

/// The `?query#fragment` part of a script reference ("" if none): part of its URL
/// and its module identity, not of the file read.
pub fn query_and_fragment(src: &str) -> &str {
    src.find(['?', '#']).map_or("", |i| &src[i..])
}

/// `file://` and an absolute path, percent-encoding the few characters a path may
/// hold that a URL may not.
pub fn file_url(path: &str) -> String {
    let mut url = String::from("file://");
    for c in path.chars() {
        match c {
            ' ' => url.push_str("%20"),
            '#' => url.push_str("%23"),
            '?' => url.push_str("%3F"),
            '%' => url.push_str("%25"),
            c => url.push(c),
        }
    }
    url
}

/// `.` and `..` collapsed without touching the disk (for generated files, which
/// have no canonical path). `..` never climbs above the root of an absolute path.
pub fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}
