// Scripts inserted by script (HTML § 4.12.1.1 "prepare the script element", from
// the post-connection steps): an inline classic script runs at once, during the
// insertion; a `src` one is async by default and runs in a networking task of its
// own. Scripts from innerHTML or the parser never come here (already started).

const { op_dom_take_scripts, op_dom_queue_script, op_dom_queue_module_script } = ops;

const CLASSIC_TYPES = ["application/ecmascript", "application/javascript", "application/x-ecmascript",
  "application/x-javascript", "text/ecmascript", "text/javascript", "text/javascript1.0", "text/javascript1.1",
  "text/javascript1.2", "text/javascript1.3", "text/javascript1.4", "text/javascript1.5", "text/jscript",
  "text/livescript", "text/x-ecmascript", "text/x-javascript"];

// "classic", "module" or "data" from the type and language attributes.
function scriptKind(el) {
  const type = el.getAttribute("type");
  const language = el.getAttribute("language");
  let t;
  if (type !== null && type !== "") t = type.trim().toLowerCase();
  else if (type === null && language !== null && language !== "") t = `text/${language.toLowerCase()}`;
  else return "classic";
  if (CLASSIC_TYPES.includes(t)) return "classic";
  return t === "module" ? "module" : "data";
}

function prepareConnectedScripts() {
  for (const id of op_dom_take_scripts()) {
    const el = wrapNode(id);
    const kind = scriptKind(el);
    if (kind === "module") {
      // HTML "prepare the script element" for a module script not inserted by the
      // parser: fetched, then run as soon as it is ready (a task).
      const moduleSrc = el.getAttribute("src");
      if (moduleSrc === "") {
        // HTML "prepare the script element": an empty src queues an element task
        // that fires error at the element.
        queueGlobalTask(TASK_SOURCE.domManipulation, () => dispatchTrusted(el, new Event("error")));
        continue;
      }
      pinWrapper(el); // the task refers to it by id until it has run
      op_dom_queue_module_script(id, moduleSrc ?? "", el.textContent);
      continue;
    }
    if (kind !== "classic" || el.hasAttribute("nomodule")) continue;
    const src = el.getAttribute("src");
    if (src !== null) {
      pinWrapper(el); // the task refers to it by id until it has run
      if (!op_dom_queue_script(id, src)) reportException(new DOMException(`cannot load ${src}`, "NetworkError"));
      continue;
    }
    const previous = currentScript;
    currentScript = el;
    try {
      op_rb_run_classic_script(documentURL, el.textContent);
    } catch (e) {
      reportException(e);
    } finally {
      currentScript = previous;
    }
  }
}
