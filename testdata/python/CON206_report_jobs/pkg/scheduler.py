"""Renders each report on its own thread."""
from threading import Thread

from .render import render


def render_reports(base):
    names = ("daily", "weekly")
    threads = [Thread(target=render, args=(base, names[i])) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
