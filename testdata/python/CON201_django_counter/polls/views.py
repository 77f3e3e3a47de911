"""Django views that tally votes in a module dict; `runserver` serves each request in a thread."""
from django.http import HttpResponse
from django.views import View

tally = {"yes": 0, "no": 0}


def vote(request):
    tally[request.POST["choice"]] += 1  # expect: CON201
    return HttpResponse("thanks")


def results(request):
    return HttpResponse(f"{tally['yes']} yes, {tally['no']} no")


def reset():
    # No URL pattern names it: not a view.
    tally["yes"] += 0


comments_posted = 0


class CommentView(View):
    """A class-based view: Django makes one per request and calls the method for its verb."""

    def post(self, request):
        self.body = request.POST["body"]
        self.record()
        return HttpResponse("posted")

    def record(self):
        global comments_posted
        comments_posted += 1  # expect: CON201
