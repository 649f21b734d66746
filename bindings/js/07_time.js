// performance.now() / performance.timeOrigin (High Resolution Time) and Date, both
// read from the agent clock, so `--virtual-time` moves them with the timers.

const timeOrigin = op_rb_time_origin();

class Performance {
  constructor() {
    throw new TypeError("Illegal constructor");
  }
  now() {
    return op_rb_now();
  }
  get timeOrigin() {
    return timeOrigin;
  }
  toJSON() {
    return { timeOrigin };
  }
}
Object.setPrototypeOf(Performance.prototype, Object.prototype);
ObjectDefineProperty(Performance.prototype, Symbol.toStringTag, { value: "Performance", configurable: true });
const performanceObject = Object.create(Performance.prototype);
defineGlobal("Performance", Performance);
ObjectDefineProperty(globalThis, "performance", {
  value: performanceObject, writable: true, enumerable: true, configurable: true,
});

// Date: `new Date()` and `Date.now()` use the agent clock; everything else is the
// engine's own Date.
const NativeDate = Date;
const clockNow = () => Math.floor(timeOrigin + op_rb_now());
function RoundaboutDate(...args) {
  if (new.target === undefined) return new NativeDate(clockNow()).toString();
  return ReflectConstruct(NativeDate, args.length ? args : [clockNow()], new.target);
}
ObjectDefineProperty(RoundaboutDate, "name", { value: "Date" });
ObjectDefineProperty(RoundaboutDate, "length", { value: 7 });
ObjectDefineProperty(RoundaboutDate, "prototype", { value: NativeDate.prototype, writable: false });
ObjectDefineProperty(NativeDate.prototype, "constructor", {
  value: RoundaboutDate, writable: true, enumerable: false, configurable: true,
});
for (const key of ["parse", "UTC"]) {
  ObjectDefineProperty(RoundaboutDate, key, Object.getOwnPropertyDescriptor(NativeDate, key));
}
defineMethods(RoundaboutDate, { now: named("now", () => clockNow()) });
ObjectDefineProperty(RoundaboutDate, "now", { enumerable: false });
defineGlobal("Date", RoundaboutDate);
