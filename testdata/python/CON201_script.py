"""A download script whose main guard polls a counter its thread updates."""
import threading
import time
import urllib.request

downloaded = 0
sizes = {}


def fetch(urls):
    global downloaded
    for url in urls:
        with urllib.request.urlopen(url, timeout=10) as response:
            body = response.read()
        sizes[url] = len(body)
        downloaded += len(body)  # expect: CON201


if __name__ == "__main__":
    print("starting at", downloaded)
    worker = threading.Thread(target=fetch, args=(["https://example.com/", "https://example.org/"],))
    worker.start()
    while worker.is_alive():
        print("downloaded so far:", downloaded)
        time.sleep(0.5)
    print(sizes)
