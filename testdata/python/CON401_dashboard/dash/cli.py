"""A separate command-line entry point: no event loop runs here."""
import threading
import time


def tick():
    while True:
        print("tick")
        time.sleep(30)


def main():
    threading.Thread(target=tick, daemon=True).start()
    time.sleep(300)
