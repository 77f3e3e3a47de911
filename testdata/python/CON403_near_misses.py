"""Programs that use one model each: no monkey-patching next to threads here.

The docs say to call gevent.monkey.patch_all() first; this module does not.
"""
import threading

import eventlet
import gevent
from eventlet.green import urllib2


def fetch(url):
    return urllib2.urlopen(url).read()


def eventlet_crawl(urls):
    pool = eventlet.GreenPool(20)
    return list(pool.imap(fetch, urls))


def gevent_without_patching(urls):
    jobs = [gevent.spawn(fetch, url) for url in urls]
    gevent.joinall(jobs)
    # monkey.patch_all() would turn the thread below into a greenlet
    writer = threading.Thread(target=print, args=(len(jobs),))
    writer.start()
    writer.join()
