"""Widgets built on Qt classes imported through the application's own module."""
import time
import urllib.request

from gui.qt import QLineEdit, QPushButton, QWidget


class Browser(QWidget):
    def __init__(self):
        super().__init__()
        self.address = QLineEdit(self)
        self.go = QPushButton("Go", self)
        self.go.clicked.connect(self.load)

    def load(self):
        page = urllib.request.urlopen(self.address.text()).read()  # expect: CON402
        self.setWindowTitle(str(len(page)))

    def keyPressEvent(self, event):
        time.sleep(0.05)  # expect: CON402
        super().keyPressEvent(event)

    def mouseMoveEvent(self, event):
        for button in (1, 2, 4):
            pressed = [e for e in self.clicks if e.button() == button]
            if pressed:
                self.drag(pressed[0], event.pos() - pressed[0].pos())
