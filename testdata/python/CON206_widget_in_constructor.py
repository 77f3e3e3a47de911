"""Widgets handed to a worker object's constructor, kept as its attributes and then used
from the worker's thread: each call is a Qt widget call from another thread."""
import sys
import threading
import time

from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QProgressBar


class Poller:
    def __init__(self, label, interval=2):
        self.label = label
        self.interval = interval
        threading.Thread(target=self.poll, daemon=True).start()  # expect: CON401

    def poll(self):
        while True:
            self.label.setText(time.strftime("%H:%M:%S"))  # expect: CON206
            time.sleep(self.interval)


class Downloader:
    def __init__(self, bar, log):
        self.bar = bar
        self.log = log

    def start(self, urls):
        threading.Thread(target=self.run, args=(urls,)).start()

    def run(self, urls):
        for done, url in enumerate(urls, 1):
            self.log.append(url)  # a plain list: appending from a thread is fine
            self.bar.setValue(done)  # expect: CON206


class Window(QMainWindow):
    def __init__(self):
        super().__init__()
        self.progress = QProgressBar()
        self.downloads = Downloader(self.progress, [])


def main():
    app = QApplication(sys.argv)
    label = QLabel("time")
    label.show()
    Poller(label)
    window = Window()
    window.downloads.start(["a", "b"])
    sys.exit(app.exec())


if __name__ == "__main__":
    main()
