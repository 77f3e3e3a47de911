# A cached helper that module-level code calls fills its cache at import,
# before any loop runs: the coroutines read the cache, and its one blocking
# call is behind them. One that nothing calls at import blocks the first
# coroutine that asks.
import functools
import socket


@functools.cache
def has_ipv6():
    try:
        socket.create_connection(("::1", 22), timeout=0.1).close()
        return True
    except OSError:
        return False


@functools.lru_cache(maxsize=None)
def public_address():
    return socket.gethostbyname(socket.getfqdn())


if has_ipv6():
    FAMILIES = ("ipv4", "ipv6")
else:
    FAMILIES = ("ipv4",)


async def check_all():
    return has_ipv6(), public_address()  # expect: CON402
