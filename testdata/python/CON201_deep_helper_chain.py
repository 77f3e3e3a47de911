"""The threads get to the update through a chain of helpers: the finding's notes
follow the calls from the thread's function, the first and last few of a long chain."""
import threading

updates = 0


def record():
    global updates
    updates += 1  # expect: CON201


def store():
    record()


def save():
    store()


def commit():
    save()


def flush():
    commit()


def handle():
    flush()


def serve():
    handle()


def worker():
    for _ in range(100):
        serve()


if __name__ == "__main__":
    for _ in range(4):
        threading.Thread(target=worker).start()
