"""Threads and queues the project builds on the library's classes."""
import queue
import threading


class OutputThread(threading.Thread):
    def __init__(self, stream):
        super().__init__(daemon=True)
        self.stream = stream

    def run(self):
        for line in self.stream:
            print(line, end="")


class JobQueue(queue.Queue):
    def put_job(self, job):
        self.put(job)


class TimedThread(OutputThread):
    def join(self, timeout=None):
        return None


class _Relay(threading.Thread):
    """Private classes are classes too: `_Relay(...)` makes an instance."""
