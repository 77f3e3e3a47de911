"""A total updated by one thread and read by the main thread only after join(): ordered."""
import threading

total = 0
progress = 0


def crunch(n):
    global total, progress
    for i in range(n):
        total += i * i
        progress += 1  # expect: CON201


worker = threading.Thread(target=crunch, args=(1_000_000,))  # expect: CON101
worker.start()
print("progress", progress)
worker.join()
print(total)
