"""Worker threads that touch GUI widgets, next to ones that hand the update to the GUI thread."""
import queue
import threading
import time
import tkinter as tk

import wx
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel


class TkClock:
    def __init__(self, root):
        self.root = root
        self.label = tk.Label(root, text="?")
        self.updates = queue.Queue()
        threading.Thread(target=self.tick, daemon=True).start()
        threading.Thread(target=self.tick_politely, daemon=True).start()
        self.root.after(100, self.drain)

    def tick(self):
        self.label.config(text=time.strftime("%H:%M:%S"))  # expect: CON206
        self.label["text"] = time.strftime("%H:%M:%S")  # expect: CON206

    def tick_politely(self):
        self.updates.put(time.strftime("%H:%M:%S"))
        self.root.after(0, self.drain)

    def drain(self):
        while not self.updates.empty():
            self.label.config(text=self.updates.get())
            self.label["fg"] = "black"
        self.root.after(100, self.drain)


def error_dialog(message):
    # The thread runs a Tk of its own: Tk lives in the thread that created it.
    root = tk.Tk()
    root.withdraw()
    tk.Label(root, text=message).pack()
    root.destroy()


class Bridge(QObject):
    ticked = Signal(str)


class QtClock:
    def __init__(self):
        self.label = QLabel("?")
        self.bridge = Bridge()
        self.bridge.ticked.connect(self.label.setText)
        threading.Thread(target=self.tick, daemon=True).start()
        threading.Thread(target=self.tick_by_signal, daemon=True).start()

    def tick(self):
        self.label.setText(time.strftime("%H:%M:%S"))  # expect: CON206

    def tick_by_signal(self):
        self.bridge.ticked.emit(time.strftime("%H:%M:%S"))


class Loader(wx.Frame):
    def start(self):
        threading.Thread(target=self.load, daemon=True).start()

    def load(self):
        self.SetTitle("loading")  # expect: CON206
        wx.CallAfter(self.SetTitle, "done")


def main():
    threading.Thread(target=error_dialog, args=("cannot connect",)).start()
    root = tk.Tk()
    TkClock(root)
    root.mainloop()


if __name__ == "__main__":
    main()
