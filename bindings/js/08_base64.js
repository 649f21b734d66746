// atob / btoa (HTML § 8.3 "Base64 utility methods", using the Infra standard's
// forgiving-base64 decode).

const BASE64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const BASE64_VALUES = new Map([...BASE64_ALPHABET].map((c, i) => [c, i]));

function invalidCharacter(message) {
  return new DOMException(message, "InvalidCharacterError");
}

defineMethods(globalThis, {
  btoa: named("btoa", function btoa(data) {
    if (arguments.length < 1) throw new TypeError("btoa requires 1 argument");
    const s = toDOMString(data);
    let out = "";
    for (let i = 0; i < s.length; i += 3) {
      const codes = [s.charCodeAt(i), s.charCodeAt(i + 1), s.charCodeAt(i + 2)];
      const n = Math.min(3, s.length - i);
      for (let k = 0; k < n; k++) {
        if (codes[k] > 0xff) {
          throw invalidCharacter("Failed to execute 'btoa': The string to be encoded contains characters outside of the Latin1 range.");
        }
      }
      const b = (codes[0] << 16) | ((n > 1 ? codes[1] : 0) << 8) | (n > 2 ? codes[2] : 0);
      out += BASE64_ALPHABET[(b >> 18) & 63] + BASE64_ALPHABET[(b >> 12) & 63];
      out += n > 1 ? BASE64_ALPHABET[(b >> 6) & 63] : "=";
      out += n > 2 ? BASE64_ALPHABET[b & 63] : "=";
    }
    return out;
  }),
  atob: named("atob", function atob(data) {
    if (arguments.length < 1) throw new TypeError("atob requires 1 argument");
    // Forgiving-base64 decode, steps 1-8.
    let s = toDOMString(data).replace(/[\t\n\f\r ]/g, "");
    if (s.length % 4 === 0) s = s.replace(/={1,2}$/, "");
    if (s.length % 4 === 1 || /[^A-Za-z0-9+/]/.test(s)) {
      throw invalidCharacter("Failed to execute 'atob': The string to be decoded is not correctly encoded.");
    }
    let out = "";
    let buffer = 0;
    let bits = 0;
    for (const c of s) {
      buffer = (buffer << 6) | BASE64_VALUES.get(c);
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out += String.fromCharCode((buffer >> bits) & 0xff);
      }
    }
    return out;
  }),
});
