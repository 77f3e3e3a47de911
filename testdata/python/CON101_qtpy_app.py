"""A Qt app written against qtpy, which wraps whichever binding is installed: the same rules hold."""
import threading
import time

from qtpy.QtCore import QThread
from qtpy.QtWidgets import QApplication, QLabel, QPushButton


class Cruncher(QThread):
    def run(self):
        total = 0
        for i in range(3000):
            for j in range(3000):
                total += (i * j) % 7
        self.total = total


def main():
    app = QApplication([])
    label = QLabel("idle")
    button = QPushButton("go")

    def on_click():
        time.sleep(5)  # expect: CON402

    def worker():
        label.setText("done")  # expect: CON206

    button.clicked.connect(on_click)
    threading.Thread(target=worker).start()
    cruncher = Cruncher()  # expect: CON101
    cruncher.start()
    app.exec_()


if __name__ == "__main__":
    main()
