from django.urls import path

from .views import nominations, progress, queue, setup

app_name = "awards"
urlpatterns = [
    path("", queue.NominationListView.as_view(), name="nomination_list"),
    path("ho-so/moi/", nominations.NominationCreateView.as_view(), name="nomination_create"),
    path("ho-so/<int:pk>/", nominations.NominationDetailView.as_view(), name="nomination_detail"),
    path("ho-so/<int:pk>/sua/", nominations.NominationEditView.as_view(), name="nomination_edit"),
    path("ho-so/<int:pk>/kiem-tra/", nominations.NominationChecklistView.as_view(), name="nomination_checklist"),
    path("ho-so/<int:pk>/xoa/", nominations.NominationDeleteView.as_view(), name="nomination_delete"),
    path("ho-so/<int:pk>/tai-lieu/", nominations.DocumentUploadView.as_view(), name="document_upload"),
    path("ho-so/<int:pk>/ngay-nhan/", nominations.NominationReceiptView.as_view(), name="nomination_receipt"),
    path("ho-so/<int:pk>/xu-ly/", nominations.NominationTransitionView.as_view(), name="nomination_transition"),
    path("tai-lieu/<int:pk>/", nominations.DocumentOpenView.as_view(), name="document_open"),
    path("duyet-hang-loat/", queue.BulkApproveView.as_view(), name="bulk_approve"),
    path("kiem-tra/", queue.CheckBatchStartView.as_view(), name="check_batch_start"),
    path("kiem-tra/<int:pk>/", queue.CheckBatchStatusView.as_view(), name="check_batch_status"),
    path("xuat-excel/", queue.NominationExportView.as_view(), name="export"),
    path("tien-do/", progress.ProgressView.as_view(), name="progress"),
    path("tieu-chi/", setup.CriteriaView.as_view(), name="criteria"),
    path("tieu-chi/moi/", setup.CriterionEditView.as_view(), name="criterion_create"),
    path("tieu-chi/<int:pk>/", setup.CriterionEditView.as_view(), name="criterion_edit"),
    path("hinh-thuc/moi/", setup.AwardFormEditView.as_view(), name="award_form_create"),
    path("hinh-thuc/<int:pk>/", setup.AwardFormEditView.as_view(), name="award_form_edit"),
]
