"""Tasks a Celery worker runs, on the app another module makes."""
from .worker import app

progress = {}
made = 0


@app.task
def resize(image_id):
    global made
    for step in range(10):
        progress[image_id] = step * 10  # expect: CON202
    made += 1  # expect: CON202
    return image_id
