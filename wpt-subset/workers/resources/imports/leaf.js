(self.importOrder = self.importOrder || []).push("leaf");
