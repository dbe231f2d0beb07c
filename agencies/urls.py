from django.urls import path

from . import views

app_name = "agencies"
urlpatterns = [
    path("", views.AgencyDirectoryView.as_view(), name="directory"),
    path("tim/", views.AgencySearchView.as_view(), name="search"),
    path("tim/huyen/", views.DistrictSearchView.as_view(), name="search_districts"),
]
