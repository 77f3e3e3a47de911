"""Server classes built on socketserver's mix-ins, used from another module."""
import socketserver
import wsgiref.simple_server


class LiveReloadServer(socketserver.ThreadingMixIn, wsgiref.simple_server.WSGIServer):
    daemon_threads = True

    def __init__(self, host, port):
        super().__init__((host, port), wsgiref.simple_server.WSGIRequestHandler)


class Reloader(LiveReloadServer):
    pass


class ForkingEcho(socketserver.ForkingMixIn, socketserver.TCPServer):
    pass
