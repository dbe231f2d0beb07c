from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from . import views

app_name = "api"

urlpatterns = [
    path("v1/campaigns/", views.CampaignListView.as_view(), name="campaign_list"),
    path("v1/campaigns/<slug:code>/", views.CampaignDetailView.as_view(), name="campaign_detail"),
    path("v1/campaigns/<slug:code>/progress/", views.CampaignProgressView.as_view(), name="campaign_progress"),
    path("v1/initiatives/", views.InitiativeListView.as_view(), name="initiative_list"),
    path("v1/awards/", views.AwardListView.as_view(), name="award_list"),
    # The schema and its page describe the API, not its data: readable without a token, so that a
    # system's developers can read them before the administrator issues one.
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
]
