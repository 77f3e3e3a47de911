"""The web application reads the tasks' module state through its imports."""
from flask import Flask, jsonify

from . import tasks
from .tasks import progress, resize

app = Flask(__name__)


@app.route("/resize/<image_id>")
def start(image_id):
    resize.delay(image_id)
    return jsonify(queued=image_id)


@app.route("/progress/<image_id>")
def status(image_id):
    return jsonify(progress=progress.get(image_id, 0), made=tasks.made)
