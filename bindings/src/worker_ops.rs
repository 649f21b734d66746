//! The ops behind Worker (in a page) and DedicatedWorkerGlobalScope (in a worker):
//! js/40_workers.js. A page's runtime holds a `WorkerRegistry`, a worker's a
//! `WorkerContext`; an op called on the wrong kind of agent does nothing.

use deno_core::{op2, OpState};

use crate::modules::{request_for_src, resolve_specifier};
use crate::workers::{SharedWorkerRegistry, WorkerContext};

/// `new Worker(url, {type, name})`: the worker's id, or -1 when the page cannot
/// start one (the reason is printed).
#[op2(fast)]
pub fn op_worker_create(
    state: &mut OpState,
    #[string] url: &str,
    module: bool,
    #[string] name: &str,
) -> i32 {
    let Some(registry) = state.try_borrow::<SharedWorkerRegistry>().cloned() else {
        return -1;
    };
    // In a worker, relative to its script; in a page, to the page.
    let request = match state.try_borrow::<WorkerContext>() {
        Some(c) => resolve_specifier(&relative_reference(url), &c.request),
        None => request_for_src(url),
    };
    let Ok(request) = request else {
        return -2;
    };
    let created = registry
        .borrow_mut()
        .create(request, module, name.to_string());
    match created {
        Ok(id) => id as i32,
        Err(why) => {
            state
                .borrow::<crate::ops::OutputSlot>()
                .0
                .exception(&format!("Failed to construct 'Worker': {why}"));
            -1
        }
    }
}

#[op2(fast)]
pub fn op_worker_post(state: &mut OpState, id: u32, #[string] data: String) {
    if let Some(registry) = state.try_borrow::<SharedWorkerRegistry>().cloned() {
        registry.borrow_mut().post(id, data);
    }
}

#[op2(fast)]
pub fn op_worker_terminate(state: &mut OpState, id: u32) {
    if let Some(registry) = state.try_borrow::<SharedWorkerRegistry>().cloned() {
        registry.borrow_mut().terminate(id);
    }
}

/// Whether the page terminated worker `id` (its undelivered messages are dropped;
/// a worker that ended by close() still has its messages delivered).
#[op2(fast)]
pub fn op_worker_was_terminated(state: &mut OpState, id: u32) -> bool {
    state
        .try_borrow::<SharedWorkerRegistry>()
        .is_some_and(|r| r.borrow().was_terminated(id))
}

/// In a worker: `postMessage(data)` to its page.
#[op2(fast)]
pub fn op_worker_post_to_page(state: &mut OpState, #[string] data: String) {
    if let Some(context) = state.try_borrow::<WorkerContext>() {
        context.post_to_page(data);
    }
}

/// In a worker: `close()`.
#[op2(fast)]
pub fn op_worker_close(state: &mut OpState) {
    if let Some(context) = state.try_borrow::<WorkerContext>() {
        context.close();
    }
}

/// In a worker: an error its `error` listeners did not cancel, for the page.
#[op2(fast)]
pub fn op_worker_report_error(
    state: &mut OpState,
    #[string] message: String,
    #[string] filename: String,
    lineno: u32,
    colno: u32,
) {
    if let Some(context) = state.try_borrow::<WorkerContext>() {
        context.report_error(message, filename, lineno, colno);
    }
}

/// In a worker: [name, request path, URL] ("" outside a worker).
#[op2]
#[serde]
pub fn op_worker_info(state: &mut OpState) -> Vec<String> {
    match state.try_borrow::<WorkerContext>() {
        Some(c) => vec![
            c.name.clone(),
            c.request.clone(),
            c.url.clone(),
            if c.module { "module" } else { "classic" }.to_string(),
        ],
        None => vec![String::new(), String::new(), String::new(), String::new()],
    }
}

/// In a worker: `importScripts(url)` reads one script, resolved against the
/// worker's script: [request path, text], or [error] when it cannot be read.
#[op2]
#[serde]
pub fn op_worker_import_script(state: &mut OpState, #[string] url: &str) -> Vec<String> {
    let Some(context) = state.try_borrow::<WorkerContext>() else {
        return vec!["importScripts is only available in workers".to_string()];
    };
    let request = match resolve_specifier(&relative_reference(url), &context.request) {
        Ok(r) => r,
        Err(why) => return vec![why],
    };
    match (context.fetcher)(&request) {
        Ok((_, text)) => vec![request, text],
        Err(why) => vec![why],
    }
}

/// A URL as a module-style reference: `a.js` means `./a.js` (a URL, not a bare
/// specifier); query and fragment dropped (files have none).
fn relative_reference(url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    if path.starts_with('/')
        || path.starts_with("./")
        || path.starts_with("../")
        || path.contains("://")
    {
        path.to_string()
    } else {
        format!("./{path}")
    }
}
