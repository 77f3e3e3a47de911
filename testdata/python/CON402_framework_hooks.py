"""Methods a framework calls on its loop when a class derives from one of its classes:
registered by no call, they block the loop all the same."""
import asyncio
import subprocess
import time

import requests
import urwid
from PyQt5 import QtWidgets
from tornado import web
from twisted.internet import protocol


class Search(QtWidgets.QLineEdit):
    def keyPressEvent(self, event):
        suggestions = requests.get("https://example.org/suggest", timeout=5)  # expect: CON402
        self.setPlaceholderText(suggestions.text)
        super().keyPressEvent(event)

    def closeEvent(self, event):
        # Joining workers on the way out is deliberate.
        self.worker.wait()

    def paintEvent(self, event):
        super().paintEvent(event)


class Launcher(QtWidgets.QPushButton):
    def mousePressEvent(self, event):
        subprocess.run(["xdg-open", "/home/user/.config"], check=False)  # expect: CON402


class Echo(protocol.Protocol):
    def dataReceived(self, data):
        time.sleep(0.5)  # expect: CON402
        self.transport.write(data)


class Upload(asyncio.Protocol):
    def data_received(self, data):
        subprocess.run(["sync"], check=True)  # expect: CON402


class Status(web.RequestHandler):
    def get(self):
        health = requests.get("http://localhost:9000/health", timeout=5)  # expect: CON402
        self.write(health.text)


class Timeline(urwid.ListBox):
    def keypress(self, size, key):
        if key == "o":
            subprocess.run(["xdg-open", "https://example.org"])  # expect: CON402
        return super().keypress(size, key)


class Plain:
    def keyPressEvent(self, event):
        time.sleep(1)

    def data_received(self, data):
        time.sleep(1)


def apply_profile(button):
    subprocess.run(["powerprofilesctl", "set", "performance"], timeout=5)  # expect: CON402


def refresh(loop, data):
    time.sleep(1)  # expect: CON402
    loop.set_alarm_in(1, refresh)


def main():
    apply = urwid.Button("Apply", on_press=apply_profile)
    loop = urwid.MainLoop(urwid.Filler(apply))
    loop.set_alarm_in(1, refresh)
    loop.run()


if __name__ == "__main__":
    main()
