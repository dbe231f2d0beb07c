"""The portal's root URL: each role lands on its own page (`home/pages.py`)."""

from django.urls import path

from .views import home_view

urlpatterns = [
    path("", home_view, name="home"),
]
