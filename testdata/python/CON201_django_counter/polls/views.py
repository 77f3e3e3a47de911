"""Django views that tally votes in a module dict; `runserver` serves each request in a thread."""
from django.http import HttpResponse

tally = {"yes": 0, "no": 0}


def vote(request):
    tally[request.POST["choice"]] += 1  # expect: CON201
    return HttpResponse("thanks")


def results(request):
    return HttpResponse(f"{tally['yes']} yes, {tally['no']} no")


def reset():
    # No URL pattern names it: not a view.
    tally["yes"] += 0
