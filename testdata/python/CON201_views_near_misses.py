"""Views whose updates do not race."""
import threading

from bottle import route
from flask import Flask

app = Flask(__name__)
stats_lock = threading.Lock()
totals = {"requests": 0}
bottle_hits = 0
test_hits = 0


def record():
    totals["requests"] += 1


@app.route("/locked")
def locked():
    with stats_lock:
        record()
    return "ok"


@route("/bottle")
def bottle_view():
    # Bottle's default server (wsgiref) serves one request at a time.
    global bottle_hits
    bottle_hits += 1
    return "ok"


def test_counting_view():
    @app.route("/counted")
    def counted():
        global test_hits
        test_hits += 1
        return "ok"

    assert counted() == "ok"
