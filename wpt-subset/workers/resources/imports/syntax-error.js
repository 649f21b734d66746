(self.importOrder = self.importOrder || []).push("syntax-error ran");
var broken = ;
