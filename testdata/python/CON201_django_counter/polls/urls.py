from django.urls import path

from . import views
from .views import CommentView

urlpatterns = [
    path("vote/", views.vote),
    path("results/", views.results),
    path("comment/", CommentView.as_view(), name="comment"),
]
