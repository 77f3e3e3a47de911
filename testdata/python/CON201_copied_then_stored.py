"""A download tally whose threads update globals through a local copy, in two steps."""
import threading

downloaded = 0
history = []
current = None
lock = threading.Lock()


def fetch(url):
    global downloaded, history, current
    size = len(url)
    total = downloaded
    total += size
    downloaded = total  # expect: CON201
    entries = list(history)
    entries.append(url)
    history = entries  # expect: CON201
    # Near misses: a local bound afresh before it is stored, and a copy made and
    # stored under the lock.
    previous = current
    previous = url
    current = previous
    with lock:
        seen = len(history)
        history = history[:seen]


def main(urls):
    threads = [threading.Thread(target=fetch, args=(url,)) for url in urls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(downloaded, history, current)


if __name__ == "__main__":
    main(["https://example.org/a", "https://example.org/b"])
