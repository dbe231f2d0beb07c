from django.urls import path

from . import views

app_name = "initiatives"
urlpatterns = [
    path("", views.InitiativeListView.as_view(), name="list"),
    path("xuat-excel/", views.InitiativeExportView.as_view(), name="export"),
    path("nhan-rong/", views.ReplicationView.as_view(), name="replication"),
    path("them/", views.InitiativeCreateView.as_view(), name="create"),
    path("nhap-excel/", views.ImportView.as_view(), name="import"),
    path("nhap-excel/mau.xlsx", views.ImportTemplateView.as_view(), name="import_template"),
    path("<int:pk>/", views.InitiativeDetailView.as_view(), name="detail"),
    path("<int:pk>/xoa/", views.InitiativeDeleteView.as_view(), name="delete"),
    path("<int:pk>/sua/", views.InitiativeUpdateView.as_view(), name="update"),
    path("<int:pk>/chuyen-trang-thai/", views.InitiativeTransitionView.as_view(), name="transition"),
    path("<int:pk>/nhan-rong/", views.ReplicationUpdateView.as_view(), name="replication_update"),
    path("<int:pk>/tieu-bieu/", views.StandoutView.as_view(), name="standout"),
    path("<int:pk>/tuong-tu/<int:match_pk>/", views.SimilarDecideView.as_view(), name="similar_decide"),
    path("<int:pk>/minh-chung/", views.EvidenceUploadView.as_view(), name="evidence_upload"),
    path("<int:pk>/minh-chung/<int:evidence_pk>/", views.EvidenceDownloadView.as_view(), name="evidence_download"),
    path("<int:pk>/minh-chung/<int:evidence_pk>/xoa/", views.EvidenceDeleteView.as_view(), name="evidence_delete"),
]
