//! The web API layer on a real runtime: each test runs a classic script under the
//! event loop (virtual clock) and compares everything it printed.

use std::rc::Rc;

use roundabout_bindings::{CapturedOutput, ClassicScript, HostOptions, JsHost};
use roundabout_engine::{Clock, EventLoop, LoopState, RunOutcome, Task, TaskSource};

fn run_js(src: &'static str) -> (Vec<String>, u32) {
    let output = CapturedOutput::default();
    let state = LoopState::shared(Clock::virtual_at(1_000_000.0));
    let host = JsHost::new(
        state.clone(),
        Rc::new(output.clone()),
        HostOptions::default(),
    )
    .unwrap();
    let mut el = EventLoop::new(state.clone(), host).unwrap();
    el.queue_task(Task::native(TaskSource::Networking, None, move |h| {
        let host = h.as_any_mut().downcast_mut::<JsHost>().unwrap();
        host.run_classic_script(&ClassicScript {
            name: "test.js",
            source: src,
            line: 1,
            column: 1,
        });
    }));
    assert_eq!(el.run(None).unwrap(), RunOutcome::Quiescent);
    let uncaught = state.borrow().errors.uncaught;
    (output.lines(), uncaught)
}

#[track_caller]
fn assert_logs(src: &'static str, expected: &[&str]) {
    let (lines, _) = run_js(src);
    assert_eq!(lines, expected);
}

#[test]
fn structured_clone_keeps_shape_cycles_and_shared_references() {
    assert_logs(
        r#"
        const shared = { s: 1 };
        const buf = new ArrayBuffer(4);
        const src = {
          a: [1, , shared, shared], m: new Map([[shared, "v"]]), s: new Set([1, 2]),
          d: new Date(86400000), r: /x+/gi, n: new Number(5), str: new String("s"),
          big: 2n ** 70n, u8: new Uint8Array(buf, 1, 2), dv: new DataView(buf), neg0: -0,
        };
        src.self = src;
        src.u8[0] = 7;
        const c = structuredClone(src);
        console.log(c !== src, c.self === c, c.a[2] === c.a[3], c.m.keys().next().value === c.a[2]);
        console.log(1 in c.a, c.a.length, c.s.has(2), c.d.getTime(), c.r.source, c.r.flags);
        console.log(typeof c.n, c.n + 0, c.str.length, c.big === 2n ** 70n, Object.is(c.neg0, -0));
        console.log(c.u8 instanceof Uint8Array, c.u8.byteOffset, c.u8[0], c.u8.buffer === c.dv.buffer, c.u8.buffer !== buf);
        "#,
        &[
            "log: true true true true",
            "log: false 4 true 86400000 x+ gi",
            "log: object 5 1 true true",
            "log: true 1 7 true true",
        ],
    );
}

#[test]
fn structured_clone_errors_and_data_clone_errors() {
    assert_logs(
        r#"
        const e = structuredClone(new RangeError("out"));
        console.log(e instanceof RangeError, e.name, e.message);
        class Custom extends Error { constructor() { super("c"); this.name = "Custom"; } }
        const c = structuredClone(new Custom());
        console.log(c.constructor === Error, c.name, c.message);
        const d = structuredClone(new DOMException("gone", "NotFoundError"));
        console.log(d instanceof DOMException, d.name, d.code);
        for (const bad of [() => 1, Symbol("x"), new WeakMap(), Promise.resolve(), { f() {} }]) {
          try { structuredClone(bad); console.log("cloned?!"); }
          catch (err) { console.log(err instanceof DOMException, err.name, err.code); }
        }
        "#,
        &[
            "log: true RangeError out",
            "log: true Error c",
            "log: true NotFoundError 8",
            "log: true DataCloneError 25",
            "log: true DataCloneError 25",
            "log: true DataCloneError 25",
            "log: true DataCloneError 25",
            "log: true DataCloneError 25",
        ],
    );
}

#[test]
fn structured_clone_transfers_array_buffers() {
    assert_logs(
        r#"
        const buf = new Uint8Array([1, 2, 3]).buffer;
        const out = structuredClone({ buf }, { transfer: [buf] });
        console.log(buf.byteLength, out.buf.byteLength, new Uint8Array(out.buf).join());
        try { structuredClone(buf, { transfer: [buf] }); } catch (e) { console.log(e.name); }
        const b2 = new ArrayBuffer(1);
        try { structuredClone(1, { transfer: [b2, b2] }); } catch (e) { console.log(e.name); }
        try { structuredClone(1, { transfer: [{}] }); } catch (e) { console.log(e.name); }
        "#,
        &[
            "log: 0 3 1,2,3",
            "log: DataCloneError",
            "log: DataCloneError",
            "log: DataCloneError",
        ],
    );
}

#[test]
fn base64_follows_forgiving_base64() {
    assert_logs(
        r#"
        console.log(btoa(""), btoa("a"), btoa("ab"), btoa("abc"), btoa("\xff\xfe"));
        console.log(atob("YQ=="), atob("YQ"), atob(" Y W\nJ j "), atob("").length);
        for (const bad of ["YQ=", "Y", "a===", "Y!==", "YQ==="]) {
          try { atob(bad); console.log("decoded?!", bad); }
          catch (e) { console.log(e.name, e.code); }
        }
        try { btoa("€"); } catch (e) { console.log(e.name); }
        console.log(btoa(null), atob(undefined === 1 ? "" : "bnVsbA=="));
        "#,
        &[
            "log:  YQ== YWI= YWJj //4=",
            "log: a a abc 0",
            "log: InvalidCharacterError 5",
            "log: InvalidCharacterError 5",
            "log: InvalidCharacterError 5",
            "log: InvalidCharacterError 5",
            "log: InvalidCharacterError 5",
            "log: InvalidCharacterError",
            "log: bnVsbA== null",
        ],
    );
}

#[test]
fn text_encoder_and_decoder_utf8() {
    assert_logs(
        r#"
        const enc = new TextEncoder();
        console.log(enc.encoding, enc.encode("aé€😀").join(), enc.encode("\uD800x").join());
        const dest = new Uint8Array(5); // "b" no longer fits
        console.log(JSON.stringify(enc.encodeInto("a😀b", dest)), dest.join());
        const dec = new TextDecoder();
        console.log(dec.encoding, dec.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69])));
        // Maximal subparts: F0 9F 98 (truncated) then 41; lone continuation; overlong; surrogate.
        const bad = dec.decode(new Uint8Array([0xf0, 0x9f, 0x98, 0x41, 0x80, 0xc0, 0xaf, 0xed, 0xa0, 0x80]));
        console.log(JSON.stringify(bad));
        // Streaming across chunk boundaries.
        const s = new TextDecoder();
        const euro = [0xe2, 0x82, 0xac];
        console.log(s.decode(new Uint8Array(euro.slice(0, 1)), { stream: true }) + "|" +
          s.decode(new Uint8Array(euro.slice(1)), { stream: true }) + "|" + s.decode());
        console.log(JSON.stringify(new TextDecoder().decode(new Uint8Array([0xe2, 0x82]))));
        try { new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array([0xff])); }
        catch (e) { console.log(e.name); }
        console.log(new TextDecoder("utf-8", { ignoreBOM: true }).decode(new Uint8Array([0xef, 0xbb, 0xbf])).length);
        try { new TextDecoder("latin2"); } catch (e) { console.log(e.name); }
        console.log(new TextDecoder(" UTF8 ").encoding);
        "#,
        &[
            "log: utf-8 97,195,169,226,130,172,240,159,152,128 239,191,189,120",
            r#"log: {"read":3,"written":5} 97,240,159,152,128"#,
            "log: utf-8 hi",
            "log: \"\u{FFFD}A\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\"",
            "log: |€|",
            "log: \"\u{FFFD}\"",
            "log: TypeError",
            "log: 1",
            "log: RangeError",
            "log: utf-8",
        ],
    );
}

#[test]
fn dom_exception_names_codes_and_prototype() {
    assert_logs(
        r#"
        const e = new DOMException("msg", "SyntaxError");
        console.log(e.name, e.message, e.code, e instanceof Error, Object.prototype.toString.call(e));
        console.log(new DOMException().name, new DOMException("x", "Custom").code, DOMException.DATA_CLONE_ERR);
        try { Object.getOwnPropertyDescriptor(DOMException.prototype, "name").get.call({}); }
        catch (err) { console.log(err instanceof TypeError); }
        "#,
        &[
            "log: SyntaxError msg 12 true [object DOMException]",
            "log: Error 0 25",
            "log: true",
        ],
    );
}

#[test]
fn microtasks_of_a_timer_callback_run_before_the_interval_is_rearmed() {
    // Timer task steps 9.5 (invoke, then clean up after running script: a microtask
    // checkpoint) come before 9.9 (re-arm): clearing from a microtask stops the interval.
    assert_logs(
        r#"
        let n = 0;
        const id = setInterval(() => {
          n++;
          console.log("tick", n, performance.now());
          Promise.resolve().then(() => { if (n === 2) clearInterval(id); });
        }, 10);
        "#,
        &["log: tick 1 10", "log: tick 2 20"],
    );
}

#[test]
fn timer_handlers_get_the_global_as_this_and_string_handlers_run_globally() {
    assert_logs(
        r#"
        setTimeout(function () { console.log(this === globalThis); });
        var seen = "global";
        setTimeout("console.log(seen, typeof this)");
        setTimeout(42); // a non-callable non-string becomes the string "42"
        "#,
        &["log: true", "log: global object"],
    );
}

#[test]
fn console_helpers() {
    assert_logs(
        r#"
        console.assert(true, "never");
        console.assert(false, "shown %s", "here");
        console.assert(false);
        console.count(); console.count(); console.count("x"); console.countReset(); console.count();
        console.group("g"); console.log("inside"); console.groupEnd(); console.log("outside");
        console.time("t"); setTimeout(() => console.timeEnd("t"), 25);
        console.log();
        "#,
        &[
            "error: Assertion failed: shown here",
            "error: Assertion failed",
            "info: default: 1",
            "info: default: 2",
            "info: x: 1",
            "info: default: 1",
            "log: g",
            "log:   inside",
            "log: outside",
            "info: t: 25 ms",
        ],
    );
}

#[test]
fn report_error_and_rejections_are_counted_once_each() {
    let (lines, uncaught) = run_js(
        r#"
        reportError("plain string");
        Promise.reject(42);
        const late = Promise.reject(new Error("late"));
        setTimeout(() => late.catch(() => {}), 0);
        queueMicrotask(() => { throw new SyntaxError("in microtask"); });
        "#,
    );
    assert_eq!(
        lines,
        [
            "exception: Uncaught plain string",
            "exception: Uncaught SyntaxError: in microtask\n    at test.js:6:38",
            "exception: Uncaught (in promise) 42",
            "exception: Uncaught (in promise) Error: late\n    at test.js:4:37",
        ]
    );
    assert_eq!(uncaught, 4);
}

#[test]
fn date_and_performance_follow_the_virtual_clock() {
    assert_logs(
        r#"
        console.log(performance.timeOrigin, Date.now(), performance.now());
        setTimeout(() => console.log(Date.now(), new Date().getTime(), performance.now()), 1500);
        console.log(Date() === new Date(1000000).toString(), new Date(5).getTime(), Date.UTC(1970, 0, 1));
        console.log(typeof Date.parse("2020-01-01"), new Date() instanceof Date, Date.name, Date.length);
        "#,
        &[
            "log: 1000000 1000000 0",
            "log: true 5 0",
            "log: number true Date 7",
            "log: 1001500 1001500 1500",
        ],
    );
}
