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
    "19_events.js",
    "20_dom_nodes.js",
    "21_dom_queries.js",
    "22_dom_token_list.js",
    "23_error_events.js",
    "24_abort.js",
    "25_dynamic_scripts.js",
    "26_reflect.js",
    "27_attributes.js",
    "28_css_style.js",
    "29_event_handler_attributes.js",
    "30_mutation_observer.js",
    "31_animation_frames.js",
    "32_cssom_view.js",
    "33_ui_events.js",
    "40_workers.js",
    "41_message_channel.js",
    "42_location.js",
    "99_global.js",
);

/// Globals a bare deno_core runtime defines that pages must not see.
///
/// The QuickJS backend also defines non-enumerable `__v8x*` helpers on the global
/// (Intl/Temporal shims, Atomics.waitAsync, `import source`) and looks them up there
/// at call time, so they stay; they carry no ops and no file or process access.
/// `__v8x_snapshot_intrinsics` (read only while contexts are created and snapshots
/// taken) would hand out `gc` and the raw console natives; `SharedArrayBuffer` is not
/// exposed to pages that are not cross-origin isolated (HTML § 8.1.3.9), and it would
/// get around the heap limit.
const HIDDEN_GLOBALS: &[&str] = &[
    "Deno",
    "__bootstrap",
    "gc",
    "__v8x_snapshot_intrinsics",
    "SharedArrayBuffer",
];

/// The functions the host calls into.
pub struct Hooks {
    pub run_timer: v8::Global<v8::Function>,
    pub run_global_task: v8::Global<v8::Function>,
    pub begin_message: v8::Global<v8::Function>,
    pub begin_broadcast: v8::Global<v8::Function>,
    pub begin_port_message: v8::Global<v8::Function>,
    pub begin_worker_error: v8::Global<v8::Function>,
    pub finish_worker_error: v8::Global<v8::Function>,
    pub parser_paused: v8::Global<v8::Function>,
    pub watch_module_evaluation: v8::Global<v8::Function>,
    pub begin_animation_frames: v8::Global<v8::Function>,
    pub step_animation_frame: v8::Global<v8::Function>,
    pub start_idle_period: v8::Global<v8::Function>,
    pub import_evaluated: v8::Global<v8::Function>,
    pub notify_about_rejected_promises: v8::Global<v8::Function>,
    pub begin_event: v8::Global<v8::Function>,
    pub step_event: v8::Global<v8::Function>,
    pub begin_input_event: v8::Global<v8::Function>,
    pub set_ready_state: v8::Global<v8::Function>,
    pub set_current_script: v8::Global<v8::Function>,
    pub report_exception: v8::Global<v8::Function>,
    pub begin_deferred_report: v8::Global<v8::Function>,
    pub finish_deferred_report: v8::Global<v8::Function>,
    pub evaluate_and_print: v8::Global<v8::Function>,
    pub evaluate_to_string: v8::Global<v8::Function>,
    pub set_document_url: v8::Global<v8::Function>,
}

fn source(is_worker: bool) -> String {
    let mut src = String::from("(function (core, isWorker) {\n\"use strict\";\n");
    for (name, body) in JS_FILES {
        src.push_str(&format!("// ---- {name}\n{body}\n"));
    }
    src.push_str(&format!("}})(globalThis.Deno.core, {is_worker});\n"));
    src
}

pub fn bootstrap(runtime: &mut JsRuntime, is_worker: bool) -> Result<Hooks, String> {
    let hooks = runtime
        .execute_script("roundabout:bootstrap", source(is_worker))
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
        run_global_task: get("runGlobalTask")?,
        begin_message: get("beginMessage")?,
        begin_broadcast: get("beginBroadcast")?,
        begin_port_message: get("beginPortMessage")?,
        begin_worker_error: get("beginWorkerError")?,
        finish_worker_error: get("finishWorkerError")?,
        parser_paused: get("parserPaused")?,
        watch_module_evaluation: get("watchModuleEvaluation")?,
        begin_animation_frames: get("beginAnimationFrames")?,
        step_animation_frame: get("stepAnimationFrame")?,
        start_idle_period: get("startIdlePeriod")?,
        import_evaluated: get("importEvaluated")?,
        notify_about_rejected_promises: get("notifyAboutRejectedPromises")?,
        begin_event: get("beginEvent")?,
        step_event: get("stepEvent")?,
        begin_input_event: get("beginInputEvent")?,
        set_ready_state: get("setReadyState")?,
        set_current_script: get("setCurrentScript")?,
        report_exception: get("reportException")?,
        begin_deferred_report: get("beginDeferredReport")?,
        finish_deferred_report: get("finishDeferredReport")?,
        evaluate_and_print: get("evaluateAndPrint")?,
        evaluate_to_string: get("evaluateToString")?,
        set_document_url: get("setDocumentURL")?,
    })
}

#[cfg(test)]
mod tests {
    use super::JS_FILES;
    use std::collections::HashMap;

    /// All files share one function scope, so a top-level name declared in two files
    /// silently replaces the first (a `wrap` in two files once broke console.log).
    #[test]
    fn top_level_names_are_unique_across_files() {
        let mut seen: HashMap<String, &str> = HashMap::new();
        let mut clashes = Vec::new();
        for (file, body) in JS_FILES {
            for line in body.lines() {
                let decl = ["function* ", "function ", "const ", "let ", "class "]
                    .iter()
                    .find_map(|kw| line.strip_prefix(kw));
                let Some(rest) = decl else { continue };
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
                    .collect();
                if name.is_empty() {
                    continue;
                }
                if let Some(other) = seen.insert(name.clone(), file) {
                    clashes.push(format!("{name}: {other} and {file}"));
                }
            }
        }
        assert!(clashes.is_empty(), "{clashes:?}");
        assert!(
            seen.contains_key("wrapNode") && seen.contains_key("inspect"),
            "the scan sees declarations"
        );
    }
}
