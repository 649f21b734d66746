// Builds values in the worker and posts them to the page. Commands:
// "values": one message with many kinds of values.
// "uncloneable": tries to post values that cannot be cloned, reports what was thrown,
//   then posts a marker (the failed messages must never arrive).
onmessage = (e) => {
  if (e.data === "values") {
    const shared = { shared: true };
    const cyclic = { label: "cyclic" };
    cyclic.self = cyclic;
    const buffer = new Uint8Array([1, 2, 3, 4]).buffer;
    postMessage({
      map: new Map([["key", shared]]),
      set: new Set([shared, 5]),
      date: new Date(Date.UTC(2001, 0, 1)),
      regexp: /wor(ker)?/y,
      errors: [new TypeError("type"), new SyntaxError("syntax"), new Error("plain")],
      buffer,
      view: new Int16Array(buffer, 2, 1),
      big: -(2n ** 64n),
      shared,
      cyclic,
      sparse: [, "one"], // eslint-disable-line no-sparse-arrays
    });
  } else if (e.data === "uncloneable") {
    const thrown = [];
    for (const value of [() => {}, Symbol("s"), { nested: [function named() {}] }, new WeakMap(), self]) {
      try {
        postMessage(value);
        thrown.push("nothing");
      } catch (err) {
        thrown.push(`${err.constructor.name} ${err.name} ${err.code}`);
      }
    }
    postMessage({ marker: true, thrown });
  }
};
