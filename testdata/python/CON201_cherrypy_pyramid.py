"""CherryPy's and Pyramid's servers run each request in a thread of their pools."""
import cherrypy
from pyramid.view import view_config

orders_taken = 0
page_hits = {}


class Shop:
    @cherrypy.expose
    def order(self, item):
        global orders_taken
        orders_taken += 1  # expect: CON201
        return f"ordered {item}"

    def helper(self):
        # Not exposed: no request runs it.
        global orders_taken
        orders_taken += 0


@view_config(route_name="home", renderer="json")
def home(request):
    page_hits["home"] = page_hits.get("home", 0) + 1  # expect: CON201
    return {"hits": page_hits["home"]}


if __name__ == "__main__":
    cherrypy.quickstart(Shop())
