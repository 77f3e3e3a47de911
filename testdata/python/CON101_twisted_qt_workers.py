"""A Twisted report service and a Qt viewer that push their number crunching onto threads."""
from PyQt5.QtCore import QThread, pyqtSignal
from twisted.internet import reactor
from twisted.internet.threads import deferToThread


def histogram(samples, buckets=64):
    counts = [0] * buckets
    for sample in samples:
        for bucket in range(buckets):
            if (sample * 2654435761 + bucket) % buckets == 0:
                counts[bucket] += 1
    return counts


def render(request, samples):
    deferred = deferToThread(histogram, samples)  # expect: CON101
    deferred.addCallback(request.write)
    reactor.callInThread(print, "rendering")


class HistogramThread(QThread):
    done = pyqtSignal(list)

    def __init__(self, samples):
        super().__init__()
        self.samples = samples

    def run(self):
        self.done.emit(histogram(self.samples))


def show(window, samples):
    worker = HistogramThread(samples)  # expect: CON101
    worker.done.connect(window.plot)
    worker.start()
    return worker
