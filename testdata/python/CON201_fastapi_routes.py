"""FastAPI runs `def` routes in its thread pool and `async def` routes on the event loop."""
from fastapi import FastAPI

app = FastAPI()

requests_seen = 0
pending = 0


@app.get("/sync")
def sync_route():
    global requests_seen
    requests_seen += 1  # expect: CON201
    return {"seen": requests_seen}


@app.get("/async")
async def async_route():
    # One event loop runs every coroutine: no other request runs between the read and the write.
    global pending
    pending += 1
    return {"pending": pending}


# Starlette, which FastAPI is built on, runs a plain `def` endpoint in its thread pool too.
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Route

pings = 0


def ping(request):
    global pings
    pings += 1  # expect: CON201
    return PlainTextResponse(str(pings))


starlette_app = Starlette(routes=[Route("/ping", ping)])
