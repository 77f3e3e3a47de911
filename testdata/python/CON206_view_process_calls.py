"""A Flask app whose views change what every request thread shares."""
import os
import signal

from flask import Flask

app = Flask(__name__)


def on_timeout(signum, frame):
    raise TimeoutError("build took too long")


def enter_workspace(name):
    os.chdir(os.path.join("/srv/builds", name))  # expect: CON206


@app.route("/build/<name>")
def build(name):
    enter_workspace(name)
    signal.signal(signal.SIGALRM, on_timeout)  # expect: CON206
    os.environ["BUILD_NAME"] = name  # expect: CON206
    return "started"


@app.route("/probe")
def probe():
    # Probing for the main thread on purpose.
    try:
        signal.signal(signal.SIGALRM, on_timeout)
    except ValueError:
        return "threaded"
    return "main thread"


if __name__ == "__main__":
    app.run()
