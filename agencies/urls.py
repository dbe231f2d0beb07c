from django.urls import path

from . import views

app_name = "agencies"
urlpatterns = [
    path("", views.AgencyDirectoryView.as_view(), name="directory"),
]
