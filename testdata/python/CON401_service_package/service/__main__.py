"""`python -m service`: the entry point hands over to the server module."""
from service import server

server.serve()
