//! Boots the web API layer into a fresh runtime: the files under `bindings/js/` are
//! joined, in name order, into one function that receives `Deno.core`, so the ops stay
//! in its closure; then every non-standard global the runtime added is deleted.

use deno_core::{v8, JsRuntime};

macro_rules! js_files {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../js/", $name)))),*]
    };
}

const JS_FILES: &[(&str, &str)] = js_files!(
    "00_internals.js",
    "01_dom_exception.js",
    "02_inspect.js",
    "03_console.js",
    "04_report_exception.js",
    "05_timers.js",
    "06_microtasks.js",
    "07_time.js",
    "08_base64.js",
    "09_encoding.js",
    "10_structured_clone.js",
    "99_global.js",
);

/// Globals a bare deno_core runtime defines that pages must not see.
///
/// The QuickJS backend also defines non-enumerable `__v8x*` helpers on the global
/// (Intl/Temporal shims, Atomics.waitAsync, `import source`) and looks them up there
/// at call time, so they stay; they carry no ops and no file or process access.
const HIDDEN_GLOBALS: &[&str] = &["Deno", "__bootstrap", "gc"];

/// The functions the host calls into.
pub struct Hooks {
    pub run_timer: v8::Global<v8::Function>,
    pub notify_about_rejected_promises: v8::Global<v8::Function>,
}

fn source() -> String {
    let mut src = String::from("(function (core) {\n\"use strict\";\n");
    for (name, body) in JS_FILES {
        src.push_str(&format!("// ---- {name}\n{body}\n"));
    }
    src.push_str("})(globalThis.Deno.core);\n");
    src
}

pub fn bootstrap(runtime: &mut JsRuntime) -> Result<Hooks, String> {
    let hooks = runtime
        .execute_script("roundabout:bootstrap", source())
        .map_err(|e| format!("bootstrap failed: {e}"))?;
    let hide: String = HIDDEN_GLOBALS
        .iter()
        .map(|g| format!("delete globalThis[{g:?}];"))
        .collect();
    runtime
        .execute_script("roundabout:hide", hide)
        .map_err(|e| format!("hiding internals failed: {e}"))?;
    deno_core::scope!(scope, runtime);
    let obj = v8::Local::new(scope, hooks);
    let obj = v8::Local::<v8::Object>::try_from(obj).map_err(|_| "bootstrap returned no hooks")?;
    let get = |name: &str| -> Result<v8::Global<v8::Function>, String> {
        let key = v8::String::new(scope, name).ok_or("string")?;
        let value = obj
            .get(scope, key.into())
            .ok_or_else(|| format!("hook {name} missing"))?;
        let f = v8::Local::<v8::Function>::try_from(value)
            .map_err(|_| format!("hook {name} is not a function"))?;
        Ok(v8::Global::new(scope, f))
    };
    Ok(Hooks {
        run_timer: get("runTimer")?,
        notify_about_rejected_promises: get("notifyAboutRejectedPromises")?,
    })
}
