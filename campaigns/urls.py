from django.urls import path

from . import views

app_name = "campaigns"
urlpatterns = [
    path("", views.CampaignListView.as_view(), name="list"),
    path("them/", views.CampaignEditView.as_view(), name="create"),
    path("<slug:code>/", views.CampaignDetailView.as_view(), name="detail"),
    path("<slug:code>/sua/", views.CampaignUpdateView.as_view(), name="update"),
    path("<slug:code>/co-quan/", views.ExpectedAgenciesView.as_view(), name="expected_agencies"),
    path("<slug:code>/linh-vuc/", views.CampaignCategoriesView.as_view(), name="categories"),
]
