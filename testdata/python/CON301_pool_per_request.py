"""Process pools made inside web views: each request starts, and stops, its own workers."""
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pool

from flask import Flask, request

app = Flask(__name__)
_shared = None


def score(text):
    total = 0
    for i in range(len(text)):
        for j in range(len(text)):
            total += (ord(text[i]) * ord(text[j])) % 7
    return total


@app.route("/score", methods=["POST"])
def score_view():
    texts = request.json["texts"]
    with Pool(8) as pool:  # expect: CON301
        return {"scores": pool.map(score, texts)}


@app.post("/score-once")
def score_once():
    return {"score": ProcessPoolExecutor(2).submit(score, request.data.decode()).result()}  # expect: CON301


@app.post("/score-shared")
def score_shared():
    # Made on the first request and kept: later requests reuse its workers (CON201: two
    # first requests at once, in Flask's server threads, can make two).
    global _shared
    if _shared is None:
        _shared = ProcessPoolExecutor(4)  # expect: CON201
    return {"score": _shared.submit(score, request.data.decode()).result()}


def main():
    app.run(threaded=True)


if __name__ == "__main__":
    main()
