"""A helper that connects a signal for its caller (Anki's `qconnect`): each call of it
registers the function it is handed, which then runs on the Qt loop."""
import subprocess

from PyQt6.QtWidgets import QPushButton, QWidget


def qconnect(signal, slot):
    signal.connect(slot)


def after(widget, delay, callback):
    widget.startTimer(delay)
    callback()


class Panel(QWidget):
    def __init__(self):
        super().__init__()
        self.open_button = QPushButton("Open folder", self)
        qconnect(self.open_button.clicked, self.open_folder)
        after(self, 10, self.not_a_slot)

    def open_folder(self):
        subprocess.run(["xdg-open", "/tmp"], check=False)  # expect: CON402

    def not_a_slot(self):
        subprocess.run(["true"], check=False)
