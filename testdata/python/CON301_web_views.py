"""Web views that start a thread or process for every request they serve, next to
views that hand the work to a pool made once, or start one worker once."""
import threading
from concurrent.futures import ThreadPoolExecutor
from multiprocessing import Process

from fastapi import FastAPI
from flask import Blueprint, Flask, request

app = Flask(__name__)
admin = Blueprint("admin", __name__)
api = FastAPI()
mailer = ThreadPoolExecutor(max_workers=4)
indexer = None


def send_email(address):
    print("sending to", address)


def rebuild_index():
    print("rebuilding")


@app.route("/signup", methods=["POST"])
def signup():
    threading.Thread(target=send_email, args=(request.form["email"],)).start()  # expect: CON301
    return "ok"


@admin.post("/reindex")
def reindex():
    Process(target=rebuild_index).start()  # expect: CON301
    return "started"


@api.post("/invite")
async def invite(address: str):
    threading.Thread(target=send_email, args=(address,), daemon=True).start()  # expect: CON301
    return {"ok": True}


@app.route("/newsletter", methods=["POST"])
def newsletter():
    mailer.submit(send_email, request.form["email"])  # a pool made once bounds them
    return "queued"


@app.route("/index", methods=["POST"])
def start_indexer():
    global indexer
    # One worker, started once (CON201: two first requests at once can start two).
    if indexer is None:
        indexer = threading.Thread(target=rebuild_index, daemon=True)  # expect: CON201
        indexer.start()
    return "running"


def warm_up():
    threading.Thread(target=rebuild_index).start()  # not a view


if __name__ == "__main__":
    warm_up()
    app.register_blueprint(admin)
    app.run()
