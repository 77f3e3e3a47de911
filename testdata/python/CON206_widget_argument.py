"""A widget handed to a worker thread as an argument: the worker's calls on it are Tk
calls from another thread, as calls on a global widget are."""
import threading
import time
import tkinter as tk
from tkinter import ttk


def download(bar, status, urls):
    for url in urls:
        time.sleep(0.1)
        bar.step(1)  # expect: CON206
    status.configure(text="done")  # expect: CON206


def count_words(text, results):
    # `results` is a plain list: appending to it from a thread is fine.
    results.append(len(text.split()))


def main():
    root = tk.Tk()
    bar = ttk.Progressbar(root, maximum=10)
    status = tk.Label(root, text="waiting")
    bar.pack()
    status.pack()
    results = []
    threading.Thread(target=download, args=(bar, status, ["a", "b"]), daemon=True).start()
    threading.Thread(target=count_words, args=("some words", results)).start()
    root.mainloop()


if __name__ == "__main__":
    main()
