from gevent import monkey

monkey.patch_all()  # expect: CON403

from gevent.pywsgi import WSGIServer

from app import jobs


def application(environ, start_response):
    start_response("200 OK", [("Content-Type", "text/plain")])
    return [jobs.run_report().encode()]


if __name__ == "__main__":
    WSGIServer(("", 8000), application).serve_forever()
