from django.urls import path

from . import views

app_name = "reports"
urlpatterns = [
    path("", views.ReportIndexView.as_view(), name="index"),
    path("ban-in/<int:pk>/tai-ve/", views.RenderDownloadView.as_view(), name="download"),
    path("<slug:code>/", views.ReportDetailView.as_view(), name="detail"),
    path("<slug:code>/tao-tep/", views.RenderRequestView.as_view(), name="render_request"),
    path("<slug:code>/ban-in.json", views.RenderStatusView.as_view(), name="render_status"),
    path("<slug:code>/chi-so/", views.IndicatorsView.as_view(), name="indicators"),
    path("<slug:code>/chi-so/them/", views.IndicatorEditView.as_view(), name="indicator_create"),
    path("<slug:code>/chi-so/<int:pk>/sua/", views.IndicatorEditView.as_view(), name="indicator_edit"),
    path("<slug:code>/chi-so/<int:pk>/xoa/", views.IndicatorDeleteView.as_view(), name="indicator_delete"),
    path("<slug:code>/de-cuong/", views.OutlineView.as_view(), name="outline"),
    path("<slug:code>/de-cuong/<int:pk>/", views.OutlineSectionView.as_view(), name="outline_section"),
]
