"""Twisted's `@inlineCallbacks` generators run on the reactor as `async def` coroutines run on
asyncio's loop: a blocking call between two `yield`s stalls every connection."""
import time

import requests
from twisted.internet import task, threads
from twisted.internet.defer import inlineCallbacks


def fetch_offer(url):
    with requests.Session() as session:
        prepared = session.prepare_request(requests.Request("GET", url))
        return session.send(prepared, timeout=10)


@inlineCallbacks
def confirm(reactor):
    yield task.deferLater(reactor, 0.1)
    answer = input("Verifier 1234. ok? (yes/no): ")  # expect: CON402
    time.sleep(2)  # expect: CON402
    offer = fetch_offer("https://example.org/offer")  # expect: CON402
    later = yield threads.deferToThread(fetch_offer, "https://example.org/later")
    return answer, offer, later


def numbers():
    # A plain generator is not a coroutine: nothing runs it on the reactor.
    time.sleep(1)
    yield 1


async def announce(session: requests.Session, prepared):
    session.send(prepared)  # expect: CON402


def main(reactor):
    return confirm(reactor)


if __name__ == "__main__":
    task.react(main)
