from rest_framework import routers

from .views import PollViewSet

router = routers.DefaultRouter()
router.register("polls", PollViewSet, basename="poll")
urlpatterns = router.urls
