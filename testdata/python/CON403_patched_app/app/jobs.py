from concurrent.futures import ThreadPoolExecutor

import requests


def fetch(url):
    return requests.get(url, timeout=5).text


def run_report():
    with ThreadPoolExecutor(max_workers=4) as pool:
        return "".join(pool.map(fetch, ["http://a.local/", "http://b.local/"]))
