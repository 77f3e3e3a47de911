"""An export that runs either in a thread of its own or inline, never both in one call:
the thread's updates race with nothing the main thread does in the other arm. A refresh
started in a thread and then run inline as well races with itself."""
import threading

exports = {"count": 0, "last": None}
refreshes = {"count": 0}
archived_bytes = 0


def export(path):
    exports["count"] += 1
    exports["last"] = path
    with open(path, "w") as out:
        out.write(str(exports))


def refresh():
    refreshes["count"] += 1  # expect: CON201


def export_later_or_now(path, later):
    if later:
        worker = threading.Thread(target=export, args=(path,), daemon=True)
        worker.start()
    else:
        export(path)


def archive(data):
    global archived_bytes
    archived_bytes += len(data)


def archive_later_or_now(data, later):
    if later:
        threading.Thread(target=archive, args=(data,)).start()
        return
    archive(data)


def refresh_twice():
    threading.Thread(target=refresh).start()
    refresh()


if __name__ == "__main__":
    export_later_or_now("/tmp/stats.txt", later=True)
    archive_later_or_now(b"stats", later=True)
    refresh_twice()
