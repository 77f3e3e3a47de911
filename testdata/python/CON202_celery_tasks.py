"""Flask and Celery in one module: the tasks run in a Celery worker, another process
(often another machine) than the web application that sends them."""
import dramatiq
from celery import Celery, shared_task
from flask import Flask, jsonify
from huey import RedisHuey

app = Flask(__name__)
celery = Celery(app.name, broker="redis://localhost:6379/0")
huey = RedisHuey(app.name)
progress = {}
done = []
made = 0
_client = None


def client():
    # Each process sets up its own client: the application reads what it set.
    global _client
    if _client is None:
        _client = object()
    return _client


@celery.task(bind=True)
def resize(self, image_id):
    global made
    client()
    for step in range(10):
        progress[image_id] = step * 10  # expect: CON202
    done.append(image_id)  # expect: CON202
    made += 1  # expect: CON202
    return image_id


@shared_task
def purge():
    progress.clear()  # expect: CON202


@huey.task()
def archive(image_id):
    done.remove(image_id)  # expect: CON202


@dramatiq.actor
def warm(image_id):
    # Only the worker reads what it sets up.
    return client(), image_id


@app.route("/resize/<image_id>")
def start(image_id):
    resize.delay(image_id)
    warm.send(image_id)
    return jsonify(queued=image_id)


@app.route("/progress/<image_id>")
def status(image_id):
    return jsonify(progress=progress.get(image_id, 0), done=image_id in done, made=made)


@app.route("/purge", methods=["POST"])
def clear():
    purge.delay()
    return "", 204


def test_resize_runs_eagerly():
    # A test's task runs in the test's own process.
    @shared_task
    def record(image_id):
        done.append(image_id)

    record(7)
    assert done
