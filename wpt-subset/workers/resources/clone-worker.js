// Commands from ../Worker-structured-clone.html: {op, value}.
function classOf(v) {
  return Object.prototype.toString.call(v);
}
onmessage = (e) => {
  const { op, value } = e.data;
  switch (op) {
    case "echo":
      postMessage(value);
      break;
    case "transfer-back": {
      // value is an ArrayBuffer: send it back transferred, then say what is left here.
      const bytes = Array.from(new Uint8Array(value));
      postMessage({ buffer: value, bytes }, [value]);
      postMessage({ byteLengthAfter: value.byteLength });
      break;
    }
    case "views":
      postMessage({
        sameBuffer: value.u8.buffer === value.u32.buffer,
        isTheBuffer: value.u8.buffer === value.buffer,
        byteLength: value.buffer.byteLength,
        u8: Array.from(value.u8),
        u8Offset: value.u8.byteOffset,
        u32: Array.from(value.u32),
        u32Offset: value.u32.byteOffset,
      });
      break;
    case "types":
      postMessage({
        map: value.map instanceof Map && value.map.get("k") === 1,
        set: value.set instanceof Set && value.set.has(2),
        date: value.date instanceof Date && value.date.getTime() === 86400000,
        regexp: value.regexp instanceof RegExp && value.regexp.test("ABC"),
        error: value.error instanceof TypeError && value.error.message === "t",
        array: Array.isArray(value.array),
        u16: value.u16 instanceof Uint16Array && value.u16[1] === 65535,
        buffer: value.buffer instanceof ArrayBuffer && value.buffer.byteLength === 3,
        bigint: typeof value.bigint === "bigint",
        boxed: classOf(value.boxed) === "[object Number]" && typeof value.boxed === "object",
        plain: Object.getPrototypeOf(value.plain) === Object.prototype,
      });
      break;
  }
};
