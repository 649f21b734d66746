// console (WHATWG Console Standard): Logger, Formatter (%s %d %i %f %o %O %c %%),
// Printer. log/info/debug go to stdout, warn/error/trace/assert to stderr.

let groupIndent = "";
const counts = new Map();
const timers = new Map();

// Console § 2.2.1 Formatter: replaces format specifiers in the first argument with
// the arguments that follow; returns the list still to print.
function formatArgs(args) {
  const first = args[0];
  if (args.length < 2 || typeof first !== "string") return args;
  let out = "";
  let rest = 1;
  for (let i = 0; i < first.length; i++) {
    const c = first[i];
    if (c !== "%" || i + 1 >= first.length) {
      out += c;
      continue;
    }
    const spec = first[i + 1];
    if (spec === "%") {
      out += "%";
      i++;
      continue;
    }
    if (!"sdifoOc".includes(spec) || rest >= args.length) {
      out += c;
      continue;
    }
    const arg = args[rest++];
    i++;
    switch (spec) {
      case "s":
        out += typeof arg === "string" ? arg : typeof arg === "symbol" ? String(arg) : inspect(arg, 1);
        break;
      case "d":
      case "i":
        out += typeof arg === "symbol" ? "NaN" : formatPrimitive(parseInt(arg, 10), false);
        break;
      case "f":
        out += typeof arg === "symbol" ? "NaN" : formatPrimitive(parseFloat(arg), false);
        break;
      case "o":
      case "O":
        out += typeof arg === "string" ? quoteString(arg) : inspect(arg);
        break;
      case "c": // CSS styling: consumed, not rendered in text output
        break;
    }
  }
  return [out, ...args.slice(rest)];
}

function printArgs(level, args) {
  const text = args.map((a) => (typeof a === "string" ? a : inspect(a))).join(" ");
  const indented = groupIndent ? text.split("\n").map((l) => groupIndent + l).join("\n") : text;
  op_rb_print(level, indented);
}

// Console § 2.1 Logger.
function logger(level, args) {
  if (args.length === 0) return;
  printArgs(level, formatArgs(args));
}

function labelOf(label) {
  return label === undefined ? "default" : String(label);
}

const consoleMethods = {
  log: (...args) => logger("log", args),
  info: (...args) => logger("info", args),
  debug: (...args) => logger("debug", args),
  warn: (...args) => logger("warn", args),
  error: (...args) => logger("error", args),
  dir: (item, _options) => printArgs("log", [inspect(item)]),
  dirxml: (...args) => logger("log", args),
  table: (...args) => logger("log", args),
  trace: (...args) => {
    const formatted = args.length ? formatArgs(args) : [];
    const head = ["Trace" + (formatted.length ? ":" : ""), ...formatted];
    const frames = stackFrames(new Error());
    printArgs("trace", [head.map((a) => (typeof a === "string" ? a : inspect(a))).join(" ") +
      (frames.length ? "\n" + frames.join("\n") : "")]);
  },
  assert: (condition = false, ...data) => {
    if (condition) return;
    if (data.length === 0) data = ["Assertion failed"];
    else if (typeof data[0] === "string") data[0] = `Assertion failed: ${data[0]}`;
    else data.unshift("Assertion failed:");
    logger("error", data);
  },
  count: (label) => {
    const l = labelOf(label);
    const n = (counts.get(l) ?? 0) + 1;
    counts.set(l, n);
    logger("info", [`${l}: ${n}`]);
  },
  countReset: (label) => {
    const l = labelOf(label);
    if (counts.has(l)) counts.set(l, 0);
    else logger("warn", [`Count for '${l}' does not exist`]);
  },
  group: (...data) => {
    if (data.length) logger("log", data);
    groupIndent += "  ";
  },
  groupCollapsed: (...data) => consoleMethods.group(...data),
  groupEnd: () => {
    groupIndent = groupIndent.slice(2);
  },
  time: (label) => {
    const l = labelOf(label);
    if (timers.has(l)) logger("warn", [`Timer '${l}' already exists`]);
    else timers.set(l, op_rb_now());
  },
  timeLog: (label, ...data) => {
    const l = labelOf(label);
    if (!timers.has(l)) return logger("warn", [`Timer '${l}' does not exist`]);
    // Printer, not Formatter: the label is not a format string.
    printArgs("info", [`${l}: ${op_rb_now() - timers.get(l)} ms`, ...data]);
  },
  timeEnd: (label) => {
    const l = labelOf(label);
    if (!timers.has(l)) return logger("warn", [`Timer '${l}' does not exist`]);
    const start = timers.get(l);
    timers.delete(l);
    logger("info", [`${l}: ${op_rb_now() - start} ms`]);
  },
  clear: () => {
    groupIndent = "";
  },
};

const consoleObject = Object.create({});
for (const [name, fn] of Object.entries(consoleMethods)) named(name, fn);
defineMethods(consoleObject, consoleMethods);
ObjectDefineProperty(consoleObject, Symbol.toStringTag, { value: "console", configurable: true });
defineGlobal("console", consoleObject);
