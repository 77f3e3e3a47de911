"""Async Django views: the synchronous ORM is refused in a running event loop."""
from asgiref.sync import sync_to_async
from django.http import JsonResponse

from .models import Post


async def post_count(request):
    return JsonResponse({"posts": Post.objects.count()})  # expect: CON402


async def create_post(request):
    post = Post.objects.create(title=request.POST["title"])  # expect: CON402
    return JsonResponse({"id": post.pk})


async def newest(request):
    # The async forms are awaited; a queryset that is only built sends nothing.
    post = await Post.objects.afirst()
    drafts = Post.objects.filter(title__startswith="draft")
    total = await sync_to_async(Post.objects.count)()
    return JsonResponse({"newest": post.pk if post else None, "total": total, "drafts": str(drafts.query)})


async def popular(request):
    post = Post.objects.filter(views__gt=100).order_by("-views").first()  # expect: CON402
    drafts = Post.objects.filter(title__startswith="draft").exclude(views=0)
    return JsonResponse({"popular": post.pk if post else None, "drafts": str(drafts.query)})


async def titles(request):
    listed = [post.title for post in Post.objects.all()]  # expect: CON402
    streamed = [post.title async for post in Post.objects.filter(views__gt=10)]
    return JsonResponse({"titles": listed, "popular": streamed})


def post_titles(request):
    # A plain view runs in a thread: the synchronous ORM is its way.
    return JsonResponse({"titles": [post.title for post in Post.objects.all()], "count": Post.objects.count()})
