from django.db import models


class TimestampedModel(models.Model):
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True


class Post(TimestampedModel):
    title = models.CharField(max_length=200)
    views = models.IntegerField(default=0)
