// Loaded by ../ErrorEvent-filename-absolute.html: throws from a timer it starts.
setTimeout(() => {
  throw new Error("from a timer of an external script");
}, 0);
