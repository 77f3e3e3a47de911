"""A dev server with pluggable backends and a reload watcher. The Tornado backend's
loop runs only if someone picks that backend by name, which conch cannot follow, so
this script is not taken for a Tornado program."""
import os
import sys
import threading
import time

import tornado.ioloop


class TornadoBackend:
    def run(self, app):
        tornado.ioloop.IOLoop.current().start()


class WSGIRefBackend:
    def run(self, app):
        from wsgiref.simple_server import make_server

        make_server("", 8080, app).serve_forever()


BACKENDS = {"tornado": TornadoBackend, "wsgiref": WSGIRefBackend}


def app(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [b"ok"]


def watch(paths):
    seen = {path: os.stat(path).st_mtime for path in paths}
    while True:
        time.sleep(1)
        if any(os.stat(path).st_mtime != mtime for path, mtime in seen.items()):
            os._exit(3)


def main(argv):
    threading.Thread(target=watch, args=([__file__],), daemon=True).start()
    BACKENDS[argv[1] if len(argv) > 1 else "wsgiref"]().run(app)


if __name__ == "__main__":
    main(sys.argv)
