"""A PySide6 viewer that hands a histogram to QtConcurrent: its thread pool shares the GIL."""
import sys

from PySide6.QtConcurrent import QtConcurrent
from PySide6.QtWidgets import QApplication, QLabel


def histogram(pixels, buckets=256):
    counts = [0] * buckets
    for row in pixels:
        for value in row:
            counts[(value * 7 + 3) % buckets] += 1
    return counts


def show(label, pixels):
    future = QtConcurrent.run(histogram, pixels)  # expect: CON101
    future.waitForFinished()
    label.setText(str(max(future.result())))


if __name__ == "__main__":
    app = QApplication(sys.argv)
    label = QLabel()
    show(label, [[1, 2, 3]])
    label.show()
    sys.exit(app.exec())
