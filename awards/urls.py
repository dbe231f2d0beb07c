from django.urls import path

from . import views

app_name = "awards"
urlpatterns = [
    path("", views.NominationListView.as_view(), name="nomination_list"),
    path("ho-so/moi/", views.NominationCreateView.as_view(), name="nomination_create"),
    path("ho-so/<int:pk>/", views.NominationDetailView.as_view(), name="nomination_detail"),
    path("ho-so/<int:pk>/sua/", views.NominationEditView.as_view(), name="nomination_edit"),
    path("ho-so/<int:pk>/kiem-tra/", views.NominationChecklistView.as_view(), name="nomination_checklist"),
    path("ho-so/<int:pk>/tai-lieu/", views.DocumentUploadView.as_view(), name="document_upload"),
    path("ho-so/<int:pk>/xu-ly/", views.NominationTransitionView.as_view(), name="nomination_transition"),
    path("tai-lieu/<int:pk>/", views.DocumentOpenView.as_view(), name="document_open"),
    path("duyet-hang-loat/", views.BulkApproveView.as_view(), name="bulk_approve"),
    path("kiem-tra/", views.CheckBatchStartView.as_view(), name="check_batch_start"),
    path("kiem-tra/<int:pk>/", views.CheckBatchStatusView.as_view(), name="check_batch_status"),
    path("xuat-excel/", views.NominationExportView.as_view(), name="export"),
    path("tien-do/", views.ProgressView.as_view(), name="progress"),
    path("tieu-chi/", views.CriteriaView.as_view(), name="criteria"),
    path("tieu-chi/moi/", views.CriterionEditView.as_view(), name="criterion_create"),
    path("tieu-chi/<int:pk>/", views.CriterionEditView.as_view(), name="criterion_edit"),
    path("hinh-thuc/<int:pk>/", views.AwardFormEditView.as_view(), name="award_form_edit"),
]
