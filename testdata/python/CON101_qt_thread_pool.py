"""A Qt image tool that hashes and filters on QThreadPool and a moved-to-thread worker."""
import sys
import urllib.request

from PyQt5.QtCore import QObject, QRunnable, QThread, QThreadPool, pyqtSignal
from PyQt5.QtWidgets import QApplication, QMainWindow


class Blur(QRunnable):
    def __init__(self, pixels, width):
        super().__init__()
        self.pixels = pixels
        self.width = width

    def run(self):
        for _ in range(8):
            for i in range(self.width, len(self.pixels) - self.width):
                self.pixels[i] = (self.pixels[i - 1] + self.pixels[i] + self.pixels[i + 1]) // 3


class Download(QRunnable):
    def __init__(self, url):
        super().__init__()
        self.url = url

    def run(self):
        self.data = urllib.request.urlopen(self.url, timeout=10).read()


class Hasher(QObject):
    finished = pyqtSignal(int)

    def crunch(self):
        total = 0
        for i in range(10**7):
            total = (total * 31 + i) % 1000003
        self.finished.emit(total)


class Window(QMainWindow):
    def __init__(self):
        super().__init__()
        self.pool = QThreadPool()
        self.thread = QThread()
        self.hasher = Hasher()
        self.hasher.finished.connect(self.show_total)

    def show_total(self, total):
        self.setWindowTitle(str(total))

    def filter_all(self, images):
        for pixels in images:
            QThreadPool.globalInstance().start(Blur(pixels, 640))  # expect: CON101
        self.pool.start(Download("https://example.com/palette.json"))

    def hash_in_background(self):
        self.hasher.moveToThread(self.thread)
        self.thread.started.connect(self.hasher.crunch)  # expect: CON101
        self.thread.start()


app = QApplication(sys.argv)
window = Window()
window.show()
sys.exit(app.exec_())
