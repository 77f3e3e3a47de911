"""A PySide6 window fed by a polling thread, and one fed by a QTimer."""
import sys
import threading
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel

import requests


class StatusWindow(QLabel):
    def __init__(self):
        super().__init__("starting")
        self.poller = threading.Thread(target=self.poll, daemon=True)  # expect: CON401
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(5000)

    def poll(self):
        while True:
            self.status = requests.get("http://localhost/status", timeout=5).text
            time.sleep(5)

    def refresh(self):
        self.setText(getattr(self, "status", "unknown"))


if __name__ == "__main__":
    app = QApplication(sys.argv)
    window = StatusWindow()
    window.show()
    sys.exit(app.exec())
