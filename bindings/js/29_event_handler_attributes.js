// Event handler content attributes (HTML § 8.1.8.1): `<button onclick="...">`.
// Setting one stores an "internal raw uncompiled handler" and activates the handler
// (its listener keeps that position); it is compiled when first needed, with the
// element, then the document, then the global in its scope chain.
//
// Elements the parser (or innerHTML, or cloneNode) created got their attributes
// before any script could add a listener, so their handlers are activated lazily,
// *before* every other listener, the first time anything touches the element's
// handlers: a dispatch through it, an onxxx IDL attribute, or a change to an on*
// attribute (`ensureContentHandlers`).

// Attributes on <body> that set the *window's* handlers (HTML § 8.1.8.2:
// "Window-reflecting body element event handler set" and WindowEventHandlers).
const WINDOW_REFLECTING_BODY_HANDLERS = new Set(["onblur", "onerror", "onfocus", "onload", "onresize", "onscroll",
  ...WINDOW_EVENT_HANDLERS]);
const ELEMENT_HANDLERS = new Set(GLOBAL_EVENT_HANDLERS);

// Form-associated elements (HTML § 4.10.2) have a form owner in their handlers' scope.
const FORM_ASSOCIATED = new Set(["button", "fieldset", "input", "object", "output", "select", "textarea", "img", "label"]);

const rawHandlers = new WeakSet(); // internal raw uncompiled handlers: { body, element }
const contentHandlersSeen = new WeakSet();

const isBodyElement = (el) => el.localName === "body" && el.namespaceURI === HTML_NS;

// Where an element's `name` content attribute puts its handler, or null when `name`
// is not an event handler content attribute of that element.
function contentHandlerTarget(element, name) {
  if (isBodyElement(element) && WINDOW_REFLECTING_BODY_HANDLERS.has(name)) return globalThis;
  return ELEMENT_HANDLERS.has(name) ? element : null;
}

function ensureContentHandlers(target) {
  if (target === globalThis) {
    if (isWorker) return; // no document, no markup handlers
    const body = document.body;
    if (body !== null) ensureContentHandlers(body);
    return;
  }
  if (contentHandlersSeen.has(target) || !(target instanceof HTMLElement)) return;
  contentHandlersSeen.add(target);
  const id = idOf(target);
  for (const name of op_dom_attribute_names(id)) {
    if (!mayHaveChangeSteps(name)) continue;
    const handlerTarget = contentHandlerTarget(target, name);
    if (handlerTarget === null || handlerSlot(handlerTarget, name).listener !== null) continue;
    const body = op_dom_get_attribute_ns(id, "", name);
    if (body === null || body === undefined) continue;
    // The element's own handlers go before any listener (none could be added before
    // the element existed); the window's (from <body>) go where the body was parsed:
    // this runs when the parser pauses after creating it.
    setHandlerValue(handlerTarget, name, rawHandler(body, target), handlerTarget === target);
  }
}

function rawHandler(body, element) {
  const raw = { body, element };
  rawHandlers.add(raw);
  return raw;
}

// HTML "attribute change steps" for event handler content attributes.
function eventHandlerAttributeChanged(element, name) {
  if (!(element instanceof HTMLElement)) return;
  const target = contentHandlerTarget(element, name);
  if (target === null) return;
  const body = op_dom_get_attribute_ns(idOf(element), "", name);
  setHandlerValue(target, name, body === null || body === undefined ? null : rawHandler(body, element));
}

// HTML "getting the current value of the event handler", the compile step: the body
// must parse as a FunctionBody; the scope is the element (when the handler is the
// element's own), then its document, then the global. A syntax error is reported
// and the handler becomes null.
function compileRawHandler(target, name, raw) {
  const params = name === "onerror" && target === globalThis
    ? ["event", "source", "lineno", "colno", "error"]
    : ["event"];
  try {
    // The body must be exactly one FunctionBody (no `}` escaping it); checked by
    // compiling without running.
    if (!op_rb_is_function_body(params.join(", "), raw.body)) {
      throw new SyntaxError(`Invalid ${name} attribute: it is not a function body.`);
    }
    // Scope: global, then document, then the form owner, then the element (HTML
    // § 8.1.8.1). They come in through `this` of the outer function, which the
    // handler (a non-arrow function) does not see.
    const scoped = target === raw.element;
    const form = scoped && FORM_ASSOCIATED.has(raw.element.localName) ? raw.element.closest("form") : null;
    const withs = scoped ? `with (this.d) ${form !== null ? "with (this.f) " : ""}with (this.e) ` : "";
    const source = `${withs}return function ${name}(${params.join(", ")}) {\n${raw.body}\n};`;
    const make = ReflectConstruct(Function, [source]);
    return ReflectApply(make, { d: wrapNode(0), f: form, e: raw.element }, []);
  } catch (e) {
    reportException(e);
    return null;
  }
}

// body.onload and friends are the window's handlers (HTML § 8.1.8.2).
for (const name of WINDOW_REFLECTING_BODY_HANDLERS) {
  ObjectDefineProperty(interfaceByTag.body.prototype, name, {
    get() {
      idOf(this, "this");
      ensureContentHandlers(this);
      return currentHandlerValue(globalThis, name);
    },
    set(value) {
      idOf(this, "this");
      ensureContentHandlers(this);
      setHandlerValue(globalThis, name, typeof value === "function" || (value !== null && typeof value === "object") ? value : null);
    },
    enumerable: true,
    configurable: true,
  });
}
