//! The ops behind the web API layer. Page scripts never reach them: the bootstrap
//! captures them in a closure and deletes `Deno` (see bootstrap.rs).

use std::rc::Rc;

use deno_core::{op2, v8, OpState};
use roundabout_engine::{SharedLoopState, Task, TaskSource, TimerId};

use crate::output::{ConsoleLevel, Output};

/// The agent's output, kept in the OpState.
pub struct OutputSlot(pub Rc<dyn Output>);

#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_rb_print(state: &mut OpState, #[string] level: &str, #[string] text: &str) {
    state
        .borrow::<OutputSlot>()
        .0
        .console(ConsoleLevel::parse(level), text);
}

#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_rb_report_exception(state: &mut OpState, #[string] text: &str) {
    state
        .borrow::<SharedLoopState>()
        .borrow_mut()
        .errors
        .uncaught += 1;
    state.borrow::<OutputSlot>().0.exception(text);
}

#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_rb_now(state: &mut OpState) -> f64 {
    state.borrow::<SharedLoopState>().borrow().clock.now_ms()
}

#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_rb_time_origin(state: &mut OpState) -> f64 {
    state
        .borrow::<SharedLoopState>()
        .borrow()
        .clock
        .origin_unix_ms()
}

#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_rb_timer_start(state: &mut OpState, timeout: i32, repeat: bool) -> u32 {
    state
        .borrow::<SharedLoopState>()
        .borrow_mut()
        .start_timer(timeout, repeat)
        .0
}

#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_rb_timer_clear(state: &mut OpState, id: u32) {
    state
        .borrow::<SharedLoopState>()
        .borrow_mut()
        .clear_timer(TimerId(id));
}

/// HTML "queue a global task": queues a task on `source` (an index into
/// `TaskSource::ALL`) that calls the bootstrap's `runGlobalTask(key)`; JS keeps the
/// steps under `key`. False for an unknown source.
#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_rb_queue_global_task(state: &mut OpState, source: u32, key: u32) -> bool {
    let Some(&source) = TaskSource::ALL.get(source as usize) else {
        return false;
    };
    let task = Task::native(source, None, move |h| {
        if let Some(host) = h.as_any_mut().downcast_mut::<crate::JsHost>() {
            host.run_global_task(key);
        }
    });
    state
        .borrow::<SharedLoopState>()
        .borrow_mut()
        .queue_task(task);
    true
}

/// Whether `body` parses as exactly one FunctionBody with `params` (an event handler
/// content attribute, HTML § 8.1.8.1). Compiled, never run: QuickJS's Function
/// constructor evaluates its concatenated source, so a body like `}); x(); ({` would
/// run code. It is compiled in a declaration and in an expression; a body that
/// closes the function early breaks one of the two.
#[op2(fast)]
pub fn op_rb_is_function_body(
    scope: &mut v8::PinScope,
    #[string] params: &str,
    #[string] body: &str,
) -> bool {
    let compiles = |scope: &mut v8::PinScope, source: String| -> bool {
        v8::tc_scope!(let tc, scope);
        let Some(source) = v8::String::new(tc, &source) else {
            return false;
        };
        v8::Script::compile(tc, source, None).is_some()
    };
    compiles(
        scope,
        format!("function __rb_check({params}) {{\n{body}\n}}"),
    ) && compiles(scope, format!("(function ({params}) {{\n{body}\n}});"))
}

/// Whether a value is a Proxy (structured clone refuses exotic objects).
#[op2(fast)]
pub fn op_rb_is_proxy(value: v8::Local<v8::Value>) -> bool {
    value.is_proxy()
}

/// A promise's [[PromiseIsHandled]] (for HTML's "outstanding rejected promises").
#[op2(fast)]
pub fn op_rb_promise_is_handled(promise: v8::Local<v8::Value>) -> bool {
    v8::Local::<v8::Promise>::try_from(promise).is_ok_and(|p| p.has_handler())
}

/// How many animation frame callbacks the page has (the loop takes frames while
/// there are any).
#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_rb_set_frame_callbacks(state: &mut OpState, count: u32) {
    state
        .borrow::<SharedLoopState>()
        .borrow_mut()
        .animation_frame_callbacks = count as usize;
}

/// An exception thrown by a callback waits for the host to report it (host.rs
/// `fire_deferred_error_reports`).
#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_rb_defer_error_report(state: &mut OpState) {
    state
        .borrow::<SharedLoopState>()
        .borrow_mut()
        .deferred_error_reports = true;
}

/// How many idle callbacks wait for an idle period.
#[cfg_attr(feature = "v8", op2(fast))]
#[cfg_attr(not(feature = "v8"), op2(nofast))]
pub fn op_rb_set_idle_callbacks(state: &mut OpState, count: u32) {
    state
        .borrow::<SharedLoopState>()
        .borrow_mut()
        .idle_callbacks = count as usize;
}

use crate::broadcast::{op_bc_close, op_bc_open, op_bc_post};
use crate::dom_ops::*;
use crate::message_ports::*;
use crate::mutation_observer_ops::*;
use crate::worker_ops::*;

deno_core::extension!(
    roundabout_web,
    ops = [
        op_rb_print,
        op_rb_report_exception,
        op_rb_now,
        op_rb_time_origin,
        op_rb_timer_start,
        op_rb_timer_clear,
        op_rb_queue_global_task,
        op_rb_set_frame_callbacks,
        op_rb_set_idle_callbacks,
        op_rb_defer_error_report,
        op_rb_promise_is_handled,
        op_rb_run_classic_script,
        op_rb_is_function_body,
        op_rb_is_proxy,
        op_dom_node_type,
        op_dom_link,
        op_dom_name,
        op_dom_get_attribute,
        op_dom_set_attribute,
        op_dom_remove_attribute,
        op_dom_attribute_names,
        op_dom_attributes,
        op_dom_get_attribute_ns,
        op_dom_set_attribute_ns,
        op_dom_remove_attribute_ns,
        op_dom_create,
        op_dom_insert,
        op_dom_remove_child,
        op_dom_replace_child,
        op_dom_replace_children,
        op_dom_remove,
        op_dom_text_content,
        op_dom_set_text_content,
        op_dom_replace_data,
        op_dom_serialize,
        op_dom_set_inner_html,
        op_dom_element_by_id,
        op_dom_document_part,
        op_dom_clone,
        op_dom_template_content,
        op_dom_contains,
        op_dom_query,
        op_dom_matches,
        op_dom_closest,
        op_dom_collection,
        op_dom_normalize,
        op_dom_split_text,
        op_dom_compare_position,
        op_dom_is_equal,
        op_dom_parse_fragment,
        op_dom_register_tags,
        op_dom_interface,
        op_dom_create_element_ns,
        op_dom_take_scripts,
        op_dom_queue_script,
        op_dom_queue_module_script,
        op_bc_open,
        op_port_export_pair,
        op_port_send_away,
        op_port_claim,
        op_port_post,
        op_port_close,
        op_bc_close,
        op_bc_post,
        op_worker_create,
        op_worker_post,
        op_worker_terminate,
        op_worker_was_terminated,
        op_worker_post_to_page,
        op_worker_close,
        op_worker_report_error,
        op_worker_info,
        op_worker_import_script,
        op_mo_install,
        op_mo_create,
        op_mo_observe,
        op_mo_disconnect,
        op_mo_begin_notify,
        op_mo_take,
        op_mo_take_orphaned,
        op_dom_collect,
        op_dom_wants_gc,
        op_dom_focused,
        op_dom_set_focused,
        crate::render_ops::op_render_computed_style,
        crate::render_ops::op_render_style_names,
        crate::render_ops::op_render_client_rect,
        crate::render_ops::op_render_client_rects,
        crate::render_ops::op_render_scroll_size,
        crate::render_ops::op_render_element_scroll,
        crate::render_ops::op_render_element_scroll_to,
        crate::render_ops::op_render_offsets,
        crate::render_ops::op_render_viewport,
        crate::render_ops::op_render_scroll_to,
        crate::render_ops::op_render_element_from_point,
    ],
);

/// Runs `source` as a classic script named `name` in the global scope (HTML "create
/// a classic script" + "run a classic script" for importScripts(), string timer
/// handlers and script-inserted inline scripts): unlike an indirect eval, its
/// top-level let/const/class become global lexical bindings. Returns the completion
/// value; an exception (a syntax error included) is rethrown to the caller.
#[op2(reentrant)]
pub fn op_rb_run_classic_script<'s>(
    scope: &mut v8::PinScope<'s, '_>,
    #[string] name: String,
    #[string] source: String,
) -> v8::Local<'s, v8::Value> {
    let undefined: v8::Local<v8::Value> = v8::undefined(scope).into();
    let (Some(text), Some(origin)) = (
        v8::String::new(scope, &source),
        crate::modules::script_origin(scope, &name, false),
    ) else {
        return undefined;
    };
    let Some(script) = v8::Script::compile(scope, text, Some(&origin)) else {
        return undefined; // the syntax error is pending: it propagates to the caller
    };
    script.run(scope).unwrap_or(undefined)
}
