from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilConfig(AppConfig):
    name = "council"
    verbose_name = _("Hội đồng Thi đua – Khen thưởng")

    def ready(self):
        from campaign_portal.audit import ACTION_LABELS
        from reports.documents import official_documents

        from .enums import CouncilDocument
        from .services import council_document_build_latest

        # `manage.py render_report --document minutes|proposal|decision` (reports cannot import council).
        for document in CouncilDocument:
            official_documents.register(document.value, council_document_build_latest(document.value))
        ACTION_LABELS.update(
            {
                "council.rule.update": _("Sửa quy tắc thông qua của Hội đồng"),
                "council.outline.update": _("Sửa nội dung văn bản Hội đồng"),
                "council.meeting.create": _("Tạo cuộc họp Hội đồng"),
                "council.meeting.votes": _("Ghi kết quả biểu quyết của Hội đồng"),
                "council.meeting.decision": _("Ghi quyết định khen thưởng đã ký"),
                "council.render.request": _("Yêu cầu tạo văn bản Hội đồng"),
                "council.render.done": _("Tạo xong văn bản Hội đồng"),
            }
        )
