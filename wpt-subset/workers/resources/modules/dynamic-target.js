export const value = "from a dynamic import";
export const url = import.meta.url;
(self.moduleLog = self.moduleLog || []).push("dynamic-target evaluated");
