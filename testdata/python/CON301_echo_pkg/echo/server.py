import socket
from threading import Thread

from echo.handlers import echo
from . import handlers


def run(port):
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("", port))
    listener.listen()
    while True:
        conn, _ = listener.accept()
        Thread(target=echo, args=(conn,), daemon=True).start()  # expect: CON301


def run_relative(listener):
    while True:
        conn, _ = listener.accept()
        Thread(target=handlers.echo, args=(conn,)).start()  # expect: CON301


def warm_up():
    threads = [Thread(target=print, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
