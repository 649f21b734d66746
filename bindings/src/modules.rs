//! Module scripts (HTML § 8.1.4.2 "fetching scripts", § 8.1.4.4 "run a module
//! script") on the engine's module API directly: fetch the graph (files only, read
//! synchronously through the embedder's fetcher), link, evaluate, and hand the
//! evaluation promise to JS, which reports a rejection as an exception ("upon
//! rejection of evaluationPromise, report the exception"). Dynamic `import()` is
//! queued as a networking task that fetches, links and evaluates the same way.
//!
//! deno_core's own module map is not used: its `mod_evaluate` turns a module's
//! exception into an unhandled rejection, and its loading pumps deno_core's
//! Node-style event loop, neither of which is HTML's model.
//!
//! A module's "URL" here is its request path: relative to the page's folder
//! (`lib/util.js`) or to `--root` (`/lib/util.js`). Identity is the file the fetcher
//! resolves it to, so `./a.js` and `../dir/a.js` naming one file are one module.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use deno_core::v8;
use roundabout_engine::{SharedLoopState, Task, TaskSource};

/// Reads a module: request path → (identity key, e.g. the canonical file path;
/// source text), or why it cannot be read.
pub type ModuleFetcher = Rc<dyn Fn(&str) -> Result<(String, String), String>>;

/// Per-agent module state, kept in an isolate slot so the engine's callbacks
/// (resolve, import.meta, dynamic import) reach it.
pub struct ModuleRegistry {
    fetch: ModuleFetcher,
    /// The page's display name: scripts with this resource name resolve specifiers
    /// against the page's folder.
    page_name: String,
    /// The document's URL: `import.meta.url` of its inline module scripts.
    page_url: String,
    by_key: HashMap<String, v8::Global<v8::Module>>,
    /// request path → key, for every request fetched.
    key_by_request: HashMap<String, String>,
    /// Every compiled module.
    modules: Vec<CompiledModule>,
    /// Indices into `modules` by the module's identity hash.
    by_hash: HashMap<u64, Vec<usize>>,
    /// Dynamic imports waiting for their networking task.
    pending_imports: HashMap<u32, PendingImport>,
    next_import: u32,
    state: SharedLoopState,
}

struct CompiledModule {
    module: v8::Global<v8::Module>,
    /// The request path (or, inline, the page's name): what its imports resolve against.
    request: String,
    /// Its identity: the file's path, or the page's URL for an inline module.
    key: String,
    /// The promise its one evaluation returned (module evaluation is memoized, and
    /// QuickJS's backend does not keep an errored module's exception).
    evaluation: Option<v8::Global<v8::Value>>,
}

pub struct PendingImport {
    pub resolver: v8::Global<v8::PromiseResolver>,
    pub request: Result<String, String>,
}

pub type SharedModuleRegistry = Rc<RefCell<ModuleRegistry>>;

/// Why a module graph could not be made ready.
pub enum GraphError {
    /// A file could not be fetched (HTML: the graph is null; the script element's
    /// `error` event, a console message).
    Fetch(String),
    /// A parse or link error: the exception to report ("error to rethrow").
    Exception(v8::Global<v8::Value>),
}

impl ModuleRegistry {
    pub fn new(fetch: ModuleFetcher, page_name: &str, state: SharedLoopState) -> Self {
        ModuleRegistry {
            fetch,
            page_name: page_name.to_string(),
            page_url: "about:blank".to_string(),
            by_key: HashMap::new(),
            key_by_request: HashMap::new(),
            modules: Vec::new(),
            by_hash: HashMap::new(),
            pending_imports: HashMap::new(),
            next_import: 0,
            state,
        }
    }

    pub fn page_name(&self) -> &str {
        &self.page_name
    }

    pub fn set_page_url(&mut self, url: &str) {
        self.page_url = url.to_string();
    }

    /// The request path specifiers in the script named `resource` are resolved
    /// against: the page's folder for the page's own scripts, else the script's.
    fn base_for(&self, resource: &str) -> String {
        // QuickJS's backend tells apart modules compiled under one name (a page's
        // inline module scripts) with a "#v8x:N" suffix.
        let resource = match resource.rfind("#v8x:") {
            Some(i) if resource[i + 5..].bytes().all(|b| b.is_ascii_digit()) => &resource[..i],
            _ => resource,
        };
        if resource == self.page_name {
            String::new()
        } else {
            resource.to_string()
        }
    }

    fn add(
        &mut self,
        hash: impl std::hash::Hash,
        module: v8::Global<v8::Module>,
        request: String,
        key: String,
    ) {
        let index = self.modules.len();
        self.by_hash.entry(hash_key(hash)).or_default().push(index);
        self.modules.push(CompiledModule {
            module,
            request,
            key,
            evaluation: None,
        });
    }

    /// The module's entry: candidates by identity hash (usually one), then identity.
    fn entry(&self, scope: &v8::PinScope<'_, '_>, module: v8::Local<v8::Module>) -> Option<usize> {
        let candidates = self.by_hash.get(&hash_key(module.get_identity_hash()))?;
        candidates
            .iter()
            .copied()
            .find(|i| v8::Local::new(scope, &self.modules[*i].module) == module)
    }

    fn request_of(
        &self,
        scope: &v8::PinScope<'_, '_>,
        module: v8::Local<v8::Module>,
    ) -> Option<&CompiledModule> {
        self.entry(scope, module).map(|i| &self.modules[i])
    }

    /// HTML "run a module script"'s `record.Evaluate()`, once per module: later
    /// runs (another import()) get the same promise.
    pub fn evaluate<'s>(
        registry: &SharedModuleRegistry,
        scope: &mut v8::PinScope<'s, '_>,
        module: v8::Local<'s, v8::Module>,
    ) -> Option<v8::Local<'s, v8::Value>> {
        let index = registry.borrow().entry(scope, module);
        if let Some(done) = index.and_then(|i| registry.borrow().modules[i].evaluation.clone()) {
            return Some(v8::Local::new(scope, done));
        }
        let promise = module.evaluate(scope)?;
        if let Some(i) = index {
            registry.borrow_mut().modules[i].evaluation = Some(v8::Global::new(scope, promise));
        }
        Some(promise)
    }

    pub fn take_pending_import(&mut self, id: u32) -> Option<PendingImport> {
        self.pending_imports.remove(&id)
    }
}

fn hash_key(hash: impl std::hash::Hash) -> u64 {
    use std::hash::Hasher;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    hash.hash(&mut h);
    h.finish()
}

/// Resolves a module specifier against the request path of the referring script
/// (HTML "resolve a module specifier", for files: `/`, `./` and `../` references;
/// bare specifiers need an import map, which Roundabout does not have).
pub fn resolve_specifier(specifier: &str, base: &str) -> Result<String, String> {
    let relative = specifier.starts_with("./")
        || specifier.starts_with("../")
        || specifier == "."
        || specifier == "..";
    if specifier.starts_with('/') && !specifier.starts_with("//") {
        return Ok(normalize(specifier));
    }
    if relative {
        let dir = match base.rfind('/') {
            Some(i) => &base[..=i],
            None => "",
        };
        return Ok(normalize(&format!("{dir}{specifier}")));
    }
    if has_scheme(specifier) || specifier.starts_with("//") {
        // A URL: the fetcher refuses anything that is not a file next to the page.
        return Ok(specifier.to_string());
    }
    Err(format!(
        "Failed to resolve module specifier \"{specifier}\". Relative references must start with either \"/\", \"./\", or \"../\"."
    ))
}

/// The request path for a module `<script src>`: a URL relative to the page, so
/// `lib/a.js` means `./lib/a.js` (unlike an import specifier).
/// The query and fragment stay: they are part of the URL (a worker's location, a
/// module's identity), though not of the file read.
pub fn request_for_src(src: &str) -> Result<String, String> {
    let cut = src.find(['?', '#']).unwrap_or(src.len());
    let (path, suffix) = src.split_at(cut);
    let resolved = if path.starts_with('/')
        || path.starts_with("./")
        || path.starts_with("../")
        || has_scheme(path)
    {
        resolve_specifier(path, "")
    } else {
        resolve_specifier(&format!("./{path}"), "")
    }?;
    Ok(resolved + suffix)
}

fn has_scheme(s: &str) -> bool {
    let Some(colon) = s.find(':') else {
        return false;
    };
    let scheme = &s[..colon];
    scheme.len() > 1
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Collapses `.` and `..` segments; `..` above a relative path's start is kept (the
/// fetcher then refuses it if it leaves the readable folders).
fn normalize(path: &str) -> String {
    let absolute = path.starts_with('/');
    let mut out: Vec<&str> = Vec::new();
    let segments: Vec<&str> = path.split('/').collect();
    for (i, seg) in segments.iter().enumerate() {
        let last = i == segments.len() - 1;
        match *seg {
            "" if !last => {}
            "." => {}
            ".." => {
                if matches!(out.last(), Some(s) if *s != "..") {
                    out.pop();
                } else if !absolute {
                    out.push("..");
                }
            }
            s => out.push(s),
        }
    }
    let joined = out.join("/");
    if absolute {
        format!("/{joined}")
    } else {
        joined
    }
}

/// The origin scripts and modules are compiled with: just a resource name (the
/// file as errors show it).
pub(crate) fn script_origin<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    name: &str,
    is_module: bool,
) -> Option<v8::ScriptOrigin<'s>> {
    let name = v8::String::new(scope, name)?;
    Some(v8::ScriptOrigin::new(
        scope,
        name.into(),
        0,
        0,
        false,
        -1,
        None,
        false,
        false,
        is_module,
        None,
    ))
}

/// Compiles a module's source with its request path as the resource name.
fn compile<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    name: &str,
    source: &str,
) -> Option<v8::Local<'s, v8::Module>> {
    let source = v8::String::new(scope, source)?;
    let origin = script_origin(scope, name, true)?;
    let mut source = v8::script_compiler::Source::new(source, Some(&origin));
    v8::script_compiler::compile_module(scope, &mut source)
}

/// The module's requested specifiers, in order.
fn requests(scope: &mut v8::PinScope<'_, '_>, module: v8::Local<v8::Module>) -> Vec<String> {
    let list = module.get_module_requests();
    let mut out = Vec::new();
    for i in 0..list.length() {
        let Some(data) = list.get(scope, i) else {
            continue;
        };
        let Ok(request) = v8::Local::<v8::ModuleRequest>::try_from(data) else {
            continue;
        };
        out.push(request.get_specifier().to_rust_string_lossy(scope));
    }
    out
}

/// How one step of fetching or linking failed.
enum Failure {
    Fetch(String),
    /// An exception is pending in the caller's TryCatch (parse or link error).
    Thrown,
    TypeError(String),
}

/// HTML "fetch a module script graph" / "fetch an inline module script graph" for
/// files, then link it. `inline` is (name, padded source) for an inline script; else
/// `request` is fetched.
pub fn fetch_and_link(
    scope: &mut v8::PinScope<'_, '_>,
    registry: &SharedModuleRegistry,
    request: &str,
    inline: Option<(&str, &str)>,
) -> Result<v8::Global<v8::Module>, GraphError> {
    v8::tc_scope!(let tc, scope);
    match link(tc, registry, request, inline) {
        Ok(module) => Ok(module),
        Err(Failure::Fetch(why)) => Err(GraphError::Fetch(why)),
        Err(Failure::Thrown) => match tc.exception() {
            Some(e) => Err(GraphError::Exception(v8::Global::new(tc, e))),
            None => Err(GraphError::Fetch("the script was stopped".to_string())),
        },
        Err(Failure::TypeError(why)) => {
            let message = v8::String::new(tc, &why).ok_or(GraphError::Fetch(why))?;
            let error = v8::Exception::type_error(tc, message);
            Err(GraphError::Exception(v8::Global::new(tc, error)))
        }
    }
}

fn link(
    scope: &mut v8::PinScope<'_, '_>,
    registry: &SharedModuleRegistry,
    request: &str,
    inline: Option<(&str, &str)>,
) -> Result<v8::Global<v8::Module>, Failure> {
    let root = match inline {
        Some((name, source)) => {
            let module = compile(scope, name, source).ok_or(Failure::Thrown)?;
            let global = v8::Global::new(scope, module);
            let mut r = registry.borrow_mut();
            let key = r.page_url.clone();
            r.add(
                module.get_identity_hash(),
                global.clone(),
                name.to_string(),
                key,
            );
            global
        }
        None => fetch_one(scope, registry, request)?,
    };
    fetch_descendants(scope, registry, &root)?;
    let module = v8::Local::new(scope, &root);
    if module.get_status() == v8::ModuleStatus::Uninstantiated
        && module.instantiate_module(scope, resolve_callback).is_none()
    {
        return Err(Failure::Thrown);
    }
    Ok(root)
}

/// Fetches and compiles one module (or returns the one already there).
fn fetch_one(
    scope: &mut v8::PinScope<'_, '_>,
    registry: &SharedModuleRegistry,
    request: &str,
) -> Result<v8::Global<v8::Module>, Failure> {
    let known = registry.borrow().key_by_request.get(request).cloned();
    if let Some(module) = known.and_then(|k| registry.borrow().by_key.get(&k).cloned()) {
        return Ok(module);
    }
    let fetch = registry.borrow().fetch.clone();
    let (key, text) = fetch(request).map_err(Failure::Fetch)?;
    registry
        .borrow_mut()
        .key_by_request
        .insert(request.to_string(), key.clone());
    if let Some(module) = registry.borrow().by_key.get(&key).cloned() {
        return Ok(module);
    }
    let module = compile(scope, request, &text).ok_or(Failure::Thrown)?;
    let global = v8::Global::new(scope, module);
    let mut r = registry.borrow_mut();
    r.by_key.insert(key.clone(), global.clone());
    r.add(
        module.get_identity_hash(),
        global.clone(),
        request.to_string(),
        key,
    );
    Ok(global)
}

/// HTML "fetch the descendants of a module script", depth first, each file once.
fn fetch_descendants(
    scope: &mut v8::PinScope<'_, '_>,
    registry: &SharedModuleRegistry,
    root: &v8::Global<v8::Module>,
) -> Result<(), Failure> {
    let mut stack = vec![root.clone()];
    let mut seen = std::collections::HashSet::new();
    while let Some(module) = stack.pop() {
        let module = v8::Local::new(scope, &module);
        if !seen.insert(module.get_identity_hash()) {
            continue;
        }
        let base = {
            let r = registry.borrow();
            r.request_of(scope, module)
                .map(|c| r.base_for(&c.request))
                .unwrap_or_default()
        };
        for specifier in requests(scope, module) {
            let request = resolve_specifier(&specifier, &base).map_err(Failure::TypeError)?;
            let child = fetch_one(scope, registry, &request)?;
            if v8::Local::new(scope, &child).get_status() == v8::ModuleStatus::Uninstantiated {
                stack.push(child);
            }
        }
    }
    Ok(())
}

/// The engine's resolve hook while linking: every module was fetched beforehand.
fn resolve_callback<'s>(
    context: v8::Local<'s, v8::Context>,
    specifier: v8::Local<'s, v8::String>,
    _import_attributes: v8::Local<'s, v8::FixedArray>,
    referrer: v8::Local<'s, v8::Module>,
) -> Option<v8::Local<'s, v8::Module>> {
    // SAFETY: a callback scope may be opened from the context V8 hands the callback.
    v8::callback_scope!(unsafe scope, context);
    let registry = scope.get_slot::<SharedModuleRegistry>()?.clone();
    let specifier = specifier.to_rust_string_lossy(scope);
    let found = {
        let r = registry.borrow();
        let base = r
            .request_of(scope, referrer)
            .map(|c| r.base_for(&c.request))
            .unwrap_or_default();
        resolve_specifier(&specifier, &base)
            .ok()
            .and_then(|request| r.key_by_request.get(&request).cloned())
            .and_then(|key| r.by_key.get(&key).cloned())
    };
    match found {
        Some(module) => Some(v8::Local::new(scope, module)),
        None => {
            let message =
                v8::String::new(scope, &format!("Cannot resolve module \"{specifier}\""))?;
            let error = v8::Exception::type_error(scope, message);
            scope.throw_exception(error);
            None
        }
    }
}

/// `import.meta.url`: the module's file URL.
pub extern "C" fn import_meta_callback(
    context: v8::Local<v8::Context>,
    module: v8::Local<v8::Module>,
    meta: v8::Local<v8::Object>,
) {
    // SAFETY: a callback scope may be opened from the context V8 hands the callback.
    v8::callback_scope!(unsafe scope, context);
    let Some(registry) = scope.get_slot::<SharedModuleRegistry>().cloned() else {
        return;
    };
    let url = {
        let r = registry.borrow();
        let Some(CompiledModule { key, .. }) = r.request_of(scope, module) else {
            return;
        };
        // Inline modules' key is the page's URL; files' is their path.
        if key.starts_with('/') {
            format!("file://{key}")
        } else {
            key.clone()
        }
    };
    let (Some(name), Some(value)) = (v8::String::new(scope, "url"), v8::String::new(scope, &url))
    else {
        return;
    };
    meta.create_data_property(scope, name.into(), value.into());
}

/// `import(specifier)` (HTML HostLoadImportedModule for dynamic imports): a promise
/// now; the fetch, link and evaluation happen in a networking task.
pub fn import_dynamically<'s, 'i>(
    scope: &mut v8::PinScope<'s, 'i>,
    _host_defined_options: v8::Local<'s, v8::Data>,
    resource_name: v8::Local<'s, v8::Value>,
    specifier: v8::Local<'s, v8::String>,
    _import_attributes: v8::Local<'s, v8::FixedArray>,
) -> Option<v8::Local<'s, v8::Promise>> {
    let resolver = v8::PromiseResolver::new(scope)?;
    let promise = resolver.get_promise(scope);
    let Some(registry) = scope.get_slot::<SharedModuleRegistry>().cloned() else {
        let message = v8::String::new(scope, "import() is not available here")?;
        let error = v8::Exception::type_error(scope, message);
        resolver.reject(scope, error);
        return Some(promise);
    };
    let resource = resource_name.to_rust_string_lossy(scope);
    let specifier = specifier.to_rust_string_lossy(scope);
    let mut r = registry.borrow_mut();
    let request = resolve_specifier(&specifier, &r.base_for(&resource));
    let id = r.next_import;
    r.next_import += 1;
    r.pending_imports.insert(
        id,
        PendingImport {
            resolver: v8::Global::new(scope, resolver),
            request,
        },
    );
    let task = Task::native(TaskSource::Networking, None, move |h| {
        if let Some(host) = h.as_any_mut().downcast_mut::<crate::JsHost>() {
            host.finish_dynamic_import(id);
        }
    });
    r.state.borrow_mut().queue_task(task);
    Some(promise)
}

/// The same, for engines that call the phase-aware hook.
pub fn import_dynamically_with_phase<'s, 'i>(
    scope: &mut v8::PinScope<'s, 'i>,
    host_defined_options: v8::Local<'s, v8::Data>,
    resource_name: v8::Local<'s, v8::Value>,
    specifier: v8::Local<'s, v8::String>,
    _phase: v8::ModuleImportPhase,
    import_attributes: v8::Local<'s, v8::FixedArray>,
) -> Option<v8::Local<'s, v8::Promise>> {
    import_dynamically(
        scope,
        host_defined_options,
        resource_name,
        specifier,
        import_attributes,
    )
}

#[cfg(test)]
mod tests {
    use super::resolve_specifier;

    #[test]
    fn specifiers_resolve_like_urls_for_files() {
        assert_eq!(resolve_specifier("./a.js", "").unwrap(), "a.js");
        assert_eq!(
            resolve_specifier("./a.js", "lib/main.js").unwrap(),
            "lib/a.js"
        );
        assert_eq!(
            resolve_specifier("../a.js", "lib/x/main.js").unwrap(),
            "lib/a.js"
        );
        assert_eq!(resolve_specifier("../a.js", "main.js").unwrap(), "../a.js");
        assert_eq!(
            resolve_specifier("./b/../c.js", "lib/m.js").unwrap(),
            "lib/c.js"
        );
        assert_eq!(resolve_specifier("/x/y.js", "lib/m.js").unwrap(), "/x/y.js");
        assert_eq!(resolve_specifier("/../y.js", "").unwrap(), "/y.js");
        assert_eq!(resolve_specifier("./a.js", "/r/m.js").unwrap(), "/r/a.js");
        assert_eq!(
            resolve_specifier("https://e.com/a.js", "").unwrap(),
            "https://e.com/a.js"
        );
        let bare = resolve_specifier("lodash", "").unwrap_err();
        assert!(
            bare.contains("Relative references must start with"),
            "{bare}"
        );
    }
}
