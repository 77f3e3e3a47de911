# A tunnel child that ignores Ctrl-C installs a signal handler, which only the
# main thread of a process may do: a thread could not run it, so the process is
# there to keep it apart, not for speed. The plain fetcher gains nothing from
# its process.
import signal
import socket
import urllib.request
from multiprocessing import Process


def tunnel(server):
    connection = socket.create_connection((server, 22))
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    while connection.recv(4096):
        pass


def fetch(url):
    with urllib.request.urlopen(url) as response:
        return response.read()


def start(server, url):
    Process(target=tunnel, args=(server,), daemon=True).start()
    Process(target=fetch, args=(url,)).start()  # expect: CON102
