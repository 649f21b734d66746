// TextEncoder / TextDecoder (Encoding Standard), UTF-8. Other encodings' labels are
// rejected with a RangeError that says so, rather than decoding them wrongly.

const UTF8_LABELS = ["unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "utf-8", "utf8", "x-unicode20utf8"];

// Encodes one code point (lone surrogates already replaced) into `out` at `at`.
function utf8Length(cp) {
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

function putUtf8(out, at, cp) {
  if (cp < 0x80) {
    out[at] = cp;
  } else if (cp < 0x800) {
    out[at] = 0xc0 | (cp >> 6);
    out[at + 1] = 0x80 | (cp & 0x3f);
  } else if (cp < 0x10000) {
    out[at] = 0xe0 | (cp >> 12);
    out[at + 1] = 0x80 | ((cp >> 6) & 0x3f);
    out[at + 2] = 0x80 | (cp & 0x3f);
  } else {
    out[at] = 0xf0 | (cp >> 18);
    out[at + 1] = 0x80 | ((cp >> 12) & 0x3f);
    out[at + 2] = 0x80 | ((cp >> 6) & 0x3f);
    out[at + 3] = 0x80 | (cp & 0x3f);
  }
  return utf8Length(cp);
}

// USVString conversion: a lone surrogate becomes U+FFFD.
function scalarValue(cp) {
  return cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp;
}

class TextEncoder {
  get encoding() {
    return "utf-8";
  }
  encode(input = "") {
    const s = toDOMString(input);
    let n = 0;
    for (const ch of s) n += utf8Length(scalarValue(ch.codePointAt(0)));
    const out = new Uint8Array(n);
    let at = 0;
    for (const ch of s) at += putUtf8(out, at, scalarValue(ch.codePointAt(0)));
    return out;
  }
  encodeInto(source, destination) {
    if (!(destination instanceof Uint8Array)) {
      throw new TypeError("Failed to execute 'encodeInto': parameter 2 is not of type 'Uint8Array'.");
    }
    const s = toDOMString(source);
    let read = 0;
    let written = 0;
    for (const ch of s) {
      const cp = scalarValue(ch.codePointAt(0));
      const len = utf8Length(cp);
      if (written + len > destination.length) break;
      putUtf8(destination, written, cp);
      written += len;
      read += ch.length;
    }
    return { read, written };
  }
}

function bytesOf(input) {
  if (input === undefined) return new Uint8Array(0);
  if (ArrayBuffer.isView(input)) return new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
  if (input instanceof ArrayBuffer) return new Uint8Array(input);
  throw new TypeError("Failed to execute 'decode': The provided value is not of type '(ArrayBuffer or ArrayBufferView)'.");
}

const decoderState = new WeakMap();

class TextDecoder {
  constructor(label = "utf-8", options = {}) {
    // "get an encoding": strip leading and trailing ASCII whitespace only.
    const l = toDOMString(label).replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, "").toLowerCase();
    if (!UTF8_LABELS.includes(l)) {
      throw new RangeError(`Failed to construct 'TextDecoder': The encoding label provided ('${label}') is invalid or not supported (only UTF-8 is).`);
    }
    decoderState.set(this, {
      fatal: Boolean(options?.fatal),
      ignoreBOM: Boolean(options?.ignoreBOM),
      needed: 0, seen: 0, cp: 0, lower: 0x80, upper: 0xbf,
      bomSeen: false,
    });
  }
  get encoding() {
    return "utf-8";
  }
  get fatal() {
    return decoderState.get(this).fatal;
  }
  get ignoreBOM() {
    return decoderState.get(this).ignoreBOM;
  }
  // Encoding § 9.1.2 UTF-8 decoder, run over the bytes; `stream` keeps a partial
  // sequence for the next call.
  decode(input = undefined, options = {}) {
    const st = decoderState.get(this);
    if (st === undefined) throw new TypeError("Illegal invocation");
    const bytes = bytesOf(input);
    const stream = Boolean(options?.stream);
    const units = [];
    const error = () => {
      if (st.fatal) {
        st.needed = st.seen = st.cp = 0;
        st.lower = 0x80;
        st.upper = 0xbf;
        st.bomSeen = false;
        throw new TypeError("Failed to execute 'decode': The encoded data was not valid.");
      }
      units.push(0xfffd);
    };
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (st.needed === 0) {
        if (b <= 0x7f) units.push(b);
        else if (b >= 0xc2 && b <= 0xdf) { st.needed = 1; st.cp = b & 0x1f; }
        else if (b >= 0xe0 && b <= 0xef) {
          if (b === 0xe0) st.lower = 0xa0;
          if (b === 0xed) st.upper = 0x9f;
          st.needed = 2;
          st.cp = b & 0xf;
        } else if (b >= 0xf0 && b <= 0xf4) {
          if (b === 0xf0) st.lower = 0x90;
          if (b === 0xf4) st.upper = 0x8f;
          st.needed = 3;
          st.cp = b & 0x7;
        } else error();
        continue;
      }
      if (b < st.lower || b > st.upper) {
        st.cp = st.needed = st.seen = 0;
        st.lower = 0x80;
        st.upper = 0xbf;
        i--; // prepend the byte to the stream: it starts over
        error();
        continue;
      }
      st.lower = 0x80;
      st.upper = 0xbf;
      st.cp = (st.cp << 6) | (b & 0x3f);
      if (++st.seen === st.needed) {
        units.push(st.cp);
        st.cp = st.needed = st.seen = 0;
      }
    }
    if (!stream && st.needed !== 0) {
      st.cp = st.needed = st.seen = 0;
      st.lower = 0x80;
      st.upper = 0xbf;
      error();
    }
    // Encoding § 4.1 "decode": strip one leading BOM unless ignoreBOM.
    let start = 0;
    if (!st.ignoreBOM && !st.bomSeen && units.length > 0) {
      if (units[0] === 0xfeff) start = 1;
      st.bomSeen = true;
    }
    if (!stream) st.bomSeen = false;
    let out = "";
    for (let i = start; i < units.length; i += 8192) {
      out += String.fromCodePoint(...units.slice(i, Math.min(i + 8192, units.length)));
    }
    return out;
  }
}

for (const C of [TextEncoder, TextDecoder]) {
  ObjectDefineProperty(C.prototype, Symbol.toStringTag, { value: C.name, configurable: true });
  defineGlobal(C.name, C);
}
