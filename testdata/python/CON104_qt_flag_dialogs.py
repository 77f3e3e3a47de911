"""Qt callbacks that OR CamelCase enum flags together compute nothing: the loop shows dialogs."""
from PyQt6 import QtWidgets


class ScriptDialog(QtWidgets.QDialog):
    def __init__(self, scripts):
        super().__init__()
        self.scripts = scripts
        self.button = QtWidgets.QPushButton()
        self.button.clicked.connect(self.import_script)
        self.checksum_button = QtWidgets.QPushButton()
        self.checksum_button.clicked.connect(self.checksum)

    def import_script(self):
        for key in self.scripts:
            if self.scripts[key]["title"] != "new":
                continue
            box = QtWidgets.QMessageBox()
            box.setStandardButtons(
                QtWidgets.QMessageBox.StandardButton.Yes
                | QtWidgets.QMessageBox.StandardButton.No
                | QtWidgets.QMessageBox.StandardButton.Cancel
            )
            box.exec()
            titles = [self.scripts[other]["title"] for other in self.scripts]
            box.setText(", ".join(titles))

    def checksum(self):
        total = 0
        for block in self.scripts:  # expect: CON104
            for byte in self.scripts[block]["body"]:
                total = (total * 31 + byte) % 65521
        self.setWindowTitle(str(total))
