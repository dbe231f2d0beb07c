"""The pages anyone may read without logging in: the proposed lists published for comment."""

from django.urls import path

from .views import publications

app_name = "public"
urlpatterns = [
    path("<int:pk>/", publications.PublicPublicationView.as_view(), name="publication"),
]
