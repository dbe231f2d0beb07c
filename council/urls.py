from django.urls import path

from . import views

app_name = "council"
urlpatterns = [
    path("", views.CouncilIndexView.as_view(), name="index"),
    path("ban-in/<int:pk>/tai-ve/", views.RenderDownloadView.as_view(), name="download"),
    path("cuoc-hop/<int:pk>/", views.MeetingDetailView.as_view(), name="meeting"),
    path("cuoc-hop/<int:pk>/bieu-quyet/", views.VotesView.as_view(), name="votes"),
    path("cuoc-hop/<int:pk>/tao-van-ban/", views.RenderRequestView.as_view(), name="render_request"),
    path("cuoc-hop/<int:pk>/ban-in.json", views.RenderStatusView.as_view(), name="render_status"),
    path("cuoc-hop/<int:pk>/quyet-dinh/", views.DecisionView.as_view(), name="decision"),
    path("cuoc-hop/<int:pk>/quyet-dinh/tai-ve/", views.DecisionDownloadView.as_view(), name="decision_download"),
    path("cuoc-hop/<int:pk>/bang-khen.pdf", views.CertificatesView.as_view(), name="certificates"),
    path("<slug:code>/", views.CampaignCouncilView.as_view(), name="campaign"),
    path("<slug:code>/hop-moi/", views.MeetingCreateView.as_view(), name="meeting_create"),
    path("<slug:code>/van-ban/<slug:document>/", views.OutlineEditView.as_view(), name="outline"),
]
