"""A Flask app that computes in its views, in the server's request threads."""
import math

from flask import Flask

app = Flask(__name__)


def count_primes(limit):
    found = 0
    for n in range(2, limit):
        if all(n % d for d in range(2, math.isqrt(n) + 1)):
            found += 1
    return found


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@app.route("/primes")
def primes():
    return {"primes": count_primes(2_000_000)}  # expect: CON101


@app.route("/fib")
def fibonacci():
    return {"fib": fib(32)}  # expect: CON101


@app.route("/squares")
def squares():
    return {"sum": sum(i * i for i in range(10**7))}  # expect: CON101


@app.route("/hello")
def hello():
    return "hello"


@app.route("/sum/<int:n>")
def total(n):
    # The request decides how far it counts: nothing says it is long.
    return {"total": count_primes(n)}
