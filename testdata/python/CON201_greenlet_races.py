"""Greenlets that update module state across a call that waits."""
import gevent
from gevent import monkey
from gevent.server import StreamServer

monkey.patch_all()

import time  # noqa: E402

stock = 100
orders = {}
connections = 0
lock = gevent.lock.Semaphore()


def sell(amount):
    global stock
    available = stock
    gevent.sleep(0.01)
    stock = available - amount  # expect: CON201


def record(order_id):
    if order_id not in orders:
        time.sleep(0.01)
        orders[order_id] = "new"  # expect: CON201


def sell_locked(amount):
    global stock
    with lock:
        available = stock
        gevent.sleep(0.01)
        stock = available - amount


def sell_once(amount):
    global stock
    available = stock
    gevent.sleep(0.01)
    stock = available - amount


def handle(sock, address):
    global connections
    seen = connections
    time.sleep(0.01)
    connections = seen + 1  # expect: CON201
    sock.sendall(b"hello\n")
    sock.close()


if __name__ == "__main__":
    gevent.joinall([gevent.spawn(sell, 1) for _ in range(10)])
    gevent.joinall([gevent.spawn(record, n % 3) for n in range(10)])
    gevent.joinall([gevent.spawn(sell_locked, 1) for _ in range(10)])
    gevent.spawn(sell_once, 1).join()
    StreamServer(("", 9000), handle).serve_forever()
