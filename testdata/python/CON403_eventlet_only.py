"""An eventlet server that stays inside eventlet: green threads and a green pool."""
import eventlet

eventlet.monkey_patch()

from eventlet import tpool, wsgi


def checksum(data):
    return sum(data) % 65521


def app(environ, start_response):
    total = tpool.execute(checksum, b"payload")
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [str(total).encode()]


def main():
    eventlet.spawn_after(30, print, "warm")
    wsgi.server(eventlet.listen(("", 8090)), app)


if __name__ == "__main__":
    main()
