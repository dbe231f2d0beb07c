"""Official documents other than the summary report, drawn by the same tree and renderers by the
apps above this one (the council's minutes, proposal and decision). They register a builder by
name in their AppConfig.ready, so that `manage.py render_report --document <name>` builds them
without this app importing theirs."""

from collections.abc import Callable

from campaigns.models import Campaign

from .document_tree import ReportDocument

Builder = Callable[..., tuple[bytes, ReportDocument]]


class OfficialDocuments:
    def __init__(self):
        self._builders: dict[str, Builder] = {}

    def register(self, name: str, builder: Builder) -> None:
        """`builder(campaign=…, fmt="pdf"|"docx")` returns the file's bytes and its document tree."""
        self._builders[name] = builder

    def names(self) -> list[str]:
        return list(self._builders)

    def build(self, name: str, *, campaign: Campaign, fmt: str) -> tuple[bytes, ReportDocument]:
        return self._builders[name](campaign=campaign, fmt=fmt)


official_documents = OfficialDocuments()
