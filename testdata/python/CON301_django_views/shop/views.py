"""Django views, found through the URL patterns that name them."""
import threading

from django.http import HttpResponse
from django.views import View


def notify(order_id):
    print("notify", order_id)


def checkout(request):
    threading.Thread(target=notify, args=(request.POST["order"],)).start()  # expect: CON301
    return HttpResponse("ok")


def helper(order_id):
    # Not a view: no pattern names it.
    threading.Thread(target=notify, args=(order_id,)).start()


class RefundView(View):
    """Class-based: Django calls `post` once per POST request."""

    def post(self, request):
        threading.Thread(target=notify, args=(request.POST["order"],)).start()  # expect: CON301
        return HttpResponse("refunded")
