"""A Flask app that counts its visitors in module globals."""
import threading

from flask import Flask, g
from flask.views import MethodView

app = Flask(__name__)

hits = 0
page_views = {}
cache = None
served = 0
served_lock = threading.Lock()
last_path = ""


def count_page(path):
    if path not in page_views:
        page_views[path] = 0  # expect: CON201
    page_views[path] += 1  # expect: CON201


def load_cache():
    global cache
    if cache is None:
        cache = {"greeting": "hello"}  # expect: CON201
    return cache


@app.route("/")
def index():
    global hits, served, last_path
    hits += 1  # expect: CON201
    count_page("/")
    with served_lock:
        served += 1
    last_path = "/"  # a lone store: atomic
    return f"{load_cache()['greeting']}, visitor {hits}"


@app.route("/local")
def local_count():
    visits = 0
    for _ in range(3):
        visits += 1
    g.visits = getattr(g, "visits", 0) + 1
    return str(visits)


uploads = 0


def upload():
    global uploads
    uploads += 1  # expect: CON201
    return "stored"


app.add_url_rule("/upload", "upload", upload, methods=["POST"])


class Downloads(MethodView):
    count = 0

    def get(self):
        Downloads.count += 1  # expect: CON201
        return "file"


app.add_url_rule("/download", view_func=Downloads.as_view("download"))


class Stats:
    def __init__(self):
        self.served = 0
        self.errors = 0
        self.lock = threading.Lock()

    def record(self, ok):
        self.served += 1  # expect: CON201
        if not ok:
            with self.lock:
                self.errors += 1


stats = Stats()


@app.route("/stats")
def show_stats():
    stats.record(True)
    return str(stats.served)


if __name__ == "__main__":
    app.run()
