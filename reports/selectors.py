"""Reads of the reports app. Reports are province-wide documents: reviewers and officials see
all of them (the views check that permission); nobody else sees any."""

from django.db.models import F, Prefetch, QuerySet

from campaigns.models import Campaign

from .enums import ANNEX_FORMATS
from .models import Indicator, IndicatorValue, OutlineBlock, OutlineSection, ReportRender, SummaryReport


def campaigns_for_reports(*, user) -> QuerySet[Campaign]:
    if not user.has_perm("reports.view_summaryreport"):
        return Campaign.objects.none()
    return Campaign.objects.select_related("plan_document", "organiser", "summary_report").order_by("-period_start")


def report_renders(*, report: SummaryReport, limit: int | None = None) -> list[ReportRender]:
    renders = ReportRender.objects.filter(report=report).select_related("requested_by").order_by("-requested_at", "-pk")
    return list(renders[:limit] if limit else renders)


def render_for_download(*, user, pk: int) -> ReportRender:
    if not user.has_perm("reports.download_reportrender"):
        raise ReportRender.DoesNotExist
    return ReportRender.objects.select_related("report__campaign").get(pk=pk)


def campaign_indicators(*, campaign: Campaign) -> list[Indicator]:
    return list(
        Indicator.objects.filter(campaign=campaign)
        .select_related("parent", "section")
        .prefetch_related(Prefetch("values", queryset=IndicatorValue.objects.filter(agency__isnull=True)))
        .order_by("position", "pk")
    )


def latest_report_files(*, user, campaign: Campaign) -> dict:
    """The newest finished PDF and DOCX of a campaign's summary report, for the home page."""
    if not user.has_perm("reports.view_summaryreport"):
        return {"report": None, "files": []}
    renders = ReportRender.objects.filter(report__campaign=campaign, status="done").select_related("report")
    latest: dict[str, ReportRender] = {}
    for render in renders.order_by(F("finished_at").desc(nulls_last=True), "-pk")[:20]:
        latest.setdefault(render.format, render)
    report = next(iter(latest.values())).report if latest else None
    # The body's files first, the annexes after.
    files = sorted(latest.values(), key=lambda r: (r.format in ANNEX_FORMATS, r.format))
    return {"report": report, "files": files}


def campaign_outline(*, campaign: Campaign) -> list[OutlineSection]:
    """The outline's sections in order, with their blocks, for the editors."""
    return list(
        OutlineSection.objects.filter(campaign=campaign)
        .prefetch_related(Prefetch("blocks", queryset=OutlineBlock.objects.order_by("position", "pk")))
        .order_by("position", "pk")
    )
