"""Jobs an RQ worker runs: it forks a work horse for each, in another process than the
web application that queues them."""
import requests
from flask import Flask
from redis import Redis
from rq import Queue

app = Flask(__name__)
queue = Queue(connection=Redis())
word_counts = {}
fetched = 0


def count_words(url):
    global fetched
    text = requests.get(url, timeout=10).text
    word_counts[url] = len(text.split())  # expect: CON202
    fetched += 1  # expect: CON202
    return len(text.split())


def page_size(url):
    # Returns what it found: the job's result reaches the application.
    return len(requests.get(url, timeout=10).content)


@app.route("/count")
def count():
    queue.enqueue(count_words, "https://example.com")
    queue.enqueue(page_size, "https://example.com")
    queue.enqueue("jobs.count_words", "https://example.org")
    return "queued"


@app.route("/results")
def results():
    return {"counts": word_counts, "fetched": fetched}
