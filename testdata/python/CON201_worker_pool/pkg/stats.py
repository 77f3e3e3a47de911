"""Counters the download workers update."""
import threading

downloaded = 0
failures = {}
durations = []
largest = {"size": 0}
_lock = threading.Lock()
processed = 0


def record(size, seconds):
    global downloaded, processed
    durations.append(seconds)
    downloaded += size  # expect: CON201
    if size > largest["size"]:
        largest["size"] = size  # expect: CON201
    with _lock:
        processed += 1


def record_failure(url):
    failures[url] = failures.get(url, 0) + 1  # expect: CON201


def summary():
    return {"bytes": downloaded, "failures": dict(failures), "largest": largest["size"], "done": processed}
