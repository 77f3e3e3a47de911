"""A worker thread that uses the module's SQLite connection, next to ones that open their own."""
import sqlite3
import threading

conn = sqlite3.connect("visits.db")
shared = sqlite3.connect("shared.db", check_same_thread=False)
shared_lock = threading.Lock()


def record(path):
    cursor = conn.cursor()  # expect: CON206
    cursor.execute("INSERT INTO visits VALUES (?)", (path,))
    conn.commit()  # expect: CON206


def record_safely(path):
    # A connection of the thread's own.
    own = sqlite3.connect("visits.db")
    own.execute("INSERT INTO visits VALUES (?)", (path,))
    own.commit()
    own.close()


def record_shared(path):
    # Opened for every thread, and used under one lock.
    with shared_lock:
        shared.execute("INSERT INTO visits VALUES (?)", (path,))


def main():
    conn.execute("CREATE TABLE IF NOT EXISTS visits (path TEXT)")
    threads = [threading.Thread(target=f, args=("/",)) for f in (record, record_safely, record_shared)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


if __name__ == "__main__":
    main()
