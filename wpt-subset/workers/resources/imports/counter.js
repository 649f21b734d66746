// Counts how many times it ran (once per importScripts() of it).
self.importCounter = (self.importCounter || 0) + 1;
(self.importOrder = self.importOrder || []).push("counter");
