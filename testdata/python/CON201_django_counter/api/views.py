"""A Django REST framework viewset that counts in a module global."""
from rest_framework import viewsets
from rest_framework.response import Response

lookups = 0


class PollViewSet(viewsets.ViewSet):
    def list(self, request):
        global lookups
        lookups += 1  # expect: CON201
        return Response({"lookups": lookups})
