from django.urls import path

from .views import nominations, progress, publications, queue, register, setup

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
    path("so-khen-thuong/", register.RegisterView.as_view(), name="register"),
    path("so-khen-thuong/xuat-excel/", register.RegisterExportView.as_view(), name="register_export"),
    path("so-khen-thuong/nhap/", register.RegisterImportView.as_view(), name="register_import"),
    path("so-khen-thuong/them/", register.AwardRecordAddView.as_view(), name="register_add"),
    path("so-khen-thuong/mau-nhap/", register.RegisterImportTemplateView.as_view(), name="register_import_template"),
    path("cong-khai/", publications.PublicationListView.as_view(), name="publication_list"),
    path("cong-khai/<int:pk>/ket-thuc/", publications.PublicationCloseView.as_view(), name="publication_close"),
    path("cong-khai/<int:pk>/y-kien/", publications.PublicationCommentsView.as_view(), name="publication_comments"),
]
