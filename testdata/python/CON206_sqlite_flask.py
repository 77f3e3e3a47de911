"""A Flask app that queries the module's SQLite connection from its views."""
import sqlite3

from flask import Flask, g

app = Flask(__name__)
db = sqlite3.connect("notes.db")


def count_notes():
    return db.execute("SELECT count(*) FROM notes").fetchone()[0]  # expect: CON206


@app.route("/notes")
def notes():
    return {"count": count_notes()}


@app.route("/add", methods=["POST"])
def add():
    db.execute("INSERT INTO notes VALUES ('x')")  # expect: CON206
    db.commit()  # expect: CON206
    return "ok"


def request_db():
    # A connection per request, as Flask's documentation does it.
    if "db" not in g:
        g.db = sqlite3.connect("notes.db")
    return g.db


@app.route("/latest")
def latest():
    return {"latest": request_db().execute("SELECT max(rowid) FROM notes").fetchone()[0]}


if __name__ == "__main__":
    db.execute("CREATE TABLE IF NOT EXISTS notes (body TEXT)")
    app.run()
