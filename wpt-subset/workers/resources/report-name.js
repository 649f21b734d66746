// Reports its name and URL, then answers "rename:<x>" by assigning self.name.
postMessage({ name: self.name, href: location.href });
onmessage = (e) => {
  if (typeof e.data === "string" && e.data.startsWith("rename:")) {
    self.name = e.data.slice("rename:".length);
    postMessage({ name: self.name, own: Object.prototype.hasOwnProperty.call(self, "name") });
  }
};
