"""Tk and Twisted callbacks that block in a helper: the advice is the framework's, not asyncio's."""
import socket
import subprocess
import tkinter as tk

from twisted.internet import reactor


def open_with_default_app(path):
    subprocess.run(["xdg-open", path], check=False)


def lookup(host):
    return socket.getaddrinfo(host, None)


def on_click():
    open_with_default_app("/tmp")  # expect: CON402


def refresh():
    lookup("example.com")  # expect: CON402


if __name__ == "__main__":
    root = tk.Tk()
    tk.Button(root, text="open", command=on_click).pack()
    reactor.callLater(1, refresh)
    root.mainloop()
