"""A FastAPI app that refreshes its data from a sleeping thread: uvicorn serves the app on
an asyncio loop, which can run the refresh as a task instead."""
import threading
import time
from contextlib import asynccontextmanager

from fastapi import FastAPI

prices = {}


def fetch_prices():
    return {"ACME": 1.0}


def refresh_prices():
    while True:
        prices.update(fetch_prices())
        time.sleep(60)


@asynccontextmanager
async def lifespan(app):
    threading.Thread(target=refresh_prices, daemon=True).start()  # expect: CON401
    yield


app = FastAPI(lifespan=lifespan)


@app.get("/prices")
async def read_prices():
    return dict(prices)
