from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CouncilConfig(AppConfig):
    name = "council"
    verbose_name = _("Hội đồng Thi đua – Khen thưởng")

    def ready(self):
        from reports.documents import official_documents

        from .enums import CouncilDocument
        from .services import council_document_build_latest

        # `manage.py render_report --document minutes|proposal|decision` (reports cannot import council).
        for document in CouncilDocument:
            official_documents.register(document.value, council_document_build_latest(document.value))
