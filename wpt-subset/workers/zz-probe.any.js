test(() => {
  const info = { href: self.location && self.location.href, origin: self.origin, iwin: GLOBAL.isWindow(), sab: typeof SharedArrayBuffer, name: self.name };
  assert_equals(JSON.stringify(info), "");
}, "probe");
