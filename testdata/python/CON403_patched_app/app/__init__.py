"""A gevent web app whose jobs module uses a thread pool."""
