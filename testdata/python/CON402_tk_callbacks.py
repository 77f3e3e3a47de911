"""A Tkinter status window whose callbacks block the GUI loop, next to ones that do not."""
import queue
import subprocess
import threading
import time
import tkinter as tk
import urllib.request
from tkinter import ttk


def fetch_status():
    with urllib.request.urlopen("http://localhost/status", timeout=5) as page:
        return page.read().decode()


class StatusApp:
    def __init__(self, root):
        self.root = root
        self.label = tk.Label(root, text="?")
        self.label.pack()
        self.root.after(1000, self.poll)
        self.root.bind("<F5>", self.reload)
        self.root.after(1000, self.tick)
        self.root.bind("<F6>", self.reload_in_background)
        self.root.bind("<BackSpace>", self.smart_backspace)
        self.results = queue.Queue()
        self.root.after(100, self.show_results)
        ttk.Button(root, text="Restart", command=self.restart).pack()
        self.save = tk.Button(root, text="Save")
        self.save.configure(command=self.save_settings)
        menu = tk.Menu(root)
        menu.add_command(label="About", command=self.about)

    def restart(self):
        subprocess.run(["systemctl", "restart", "app"], check=True)  # expect: CON402

    def save_settings(self):
        time.sleep(0.5)  # expect: CON402

    def about(self):
        self.label.config(text="Status 1.0")

    def poll(self):
        self.label.config(text=fetch_status())  # expect: CON402
        time.sleep(1)  # expect: CON402
        self.root.after(1000, self.poll)

    def reload(self, event):
        subprocess.run(["systemctl", "reload", "app"], check=True)  # expect: CON402

    def tick(self):
        self.label.config(text=time.strftime("%H:%M:%S"))
        self.root.after(1000, self.tick)

    def reload_in_background(self, event):
        threading.Thread(target=subprocess.run, args=(["systemctl", "reload", "app"],), daemon=True).start()

    def smart_backspace(self, event):
        chars = self.label.cget("text")
        want = (len(chars) - 1) // 4 * 4
        deleted = 0
        while True:
            chars = chars[:-1]
            deleted = deleted + 1
            if len(chars) <= want or chars[-1] != " ":
                break
        return deleted

    def show_results(self):
        # Drained only while not empty: the GUI never waits on the worker.
        while not self.results.empty():
            self.label.config(text=self.results.get())
        self.root.after(100, self.show_results)

    def not_a_callback(self):
        time.sleep(1)


def crunch_histogram(values):
    counts = [0] * 256
    for row in values:
        for value in row:
            counts[(value * 7 + 3) % 256] += 1
    return counts


class ChartApp:
    def __init__(self, root, values):
        self.values = values
        root.after_idle(self.redraw)

    def redraw(self):
        buckets = [0] * 16
        for row in self.values:  # expect: CON104
            for value in row:
                buckets[(value * 31 + 7) % 16] += 1
        return buckets


if __name__ == "__main__":
    window = tk.Tk()
    StatusApp(window)
    ChartApp(window, [[1, 2], [3, 4]])
    window.mainloop()
