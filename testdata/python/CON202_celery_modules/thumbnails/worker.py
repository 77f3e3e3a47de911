from celery import Celery

app = Celery("thumbnails", broker="redis://localhost:6379/0")
