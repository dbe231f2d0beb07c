"""The figures of the home dashboards, each role's own, in a fixed number of queries."""

import datetime
import logging
from dataclasses import dataclass

from django.core.cache import cache
from django.db import connection
from django.db.models import Count, Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from redis.exceptions import RedisError

from agencies.models import Agency
from awards.enums import NominationState, Verdict
from awards.selectors import campaign_progress_summary, nomination_queue, nominations_visible_to
from campaigns.models import Campaign, InitiativeCategory
from initiatives.enums import InitiativeState
from initiatives.models import Initiative
from initiatives.selectors import initiatives_visible_to

logger = logging.getLogger("campaign_portal")


@dataclass
class Chart:
    """A chart and the same numbers as a table: `rows` are (label, value) pairs."""

    key: str
    title: str
    kind: str
    rows: list[tuple[str, int]]

    @property
    def total(self) -> int:
        return sum(value for _label, value in self.rows)

    def as_json(self) -> dict:
        return {
            "type": self.kind,
            "labels": [str(label) for label, _ in self.rows],
            "values": [v for _, v in self.rows],
        }


@dataclass
class ProgressFigures:
    """What the dashboards show of the campaign's progress: a few numbers and names, small to cache."""

    sent_on_time_label: str
    sent_late: int
    missing_agency_names: list[str]
    nominations_total: int
    nominations_missing_component: int
    nominations_late: int
    # The day each count is taken at: the deadline (or today before it) for "on time", today
    # for the totals.
    on_time_as_of: datetime.date
    as_of: datetime.date
    # "UBND huyện X: đã sáp nhập vào UBND huyện Y từ ngày …", one per expected agency merged.
    merged_notes: list[str]


def _counts(queryset, field: str) -> dict[str, int]:
    return dict(queryset.values_list(field).annotate(n=Count("id")).order_by())


def _pair_counts(queryset, first: str, second: str, second_excluding: dict | None = None):
    """Counts by two fields from one GROUP BY; rows matching `second_excluding` count only in the first.

    COUNT(*), not COUNT(id): the figures indexes hold the grouped fields, not always the key, and
    PostgreSQL reads an index alone only when it holds every column the query names."""
    by_first: dict[str, int] = {}
    by_second: dict[str, int] = {}
    for row in queryset.values(first, second).annotate(n=Count("*")).order_by():
        by_first[row[first]] = by_first.get(row[first], 0) + row["n"]
        if second_excluding and all(row[key] == value for key, value in second_excluding.items()):
            continue
        by_second[row[second]] = by_second.get(row[second], 0) + row["n"]
    return by_first, by_second


def _top_agency_names(initiatives, *, limit: int) -> list[tuple[str, int]]:
    """The agency names with the most of `initiatives`, counted by agency first (from the
    initiatives' figures index alone), then by name over those few thousand rows, rather than
    joining every initiative to its agency. The ORM has no subquery in FROM; the inner query is
    the ORM's own, with its parameters."""
    per_agency, params = initiatives.values("agency_id").annotate(n=Count("*")).order_by().query.sql_with_params()
    agencies = connection.ops.quote_name(Agency._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT a.name, SUM(t.n) FROM ({per_agency}) t JOIN {agencies} a ON a.id = t.agency_id "
            "GROUP BY a.name ORDER BY 2 DESC, a.name LIMIT %s",
            [*params, limit],
        )
        return [(name, int(count)) for name, count in cursor.fetchall()]


# Entries never go stale (the key changes with the data); the timeout only frees memory.
FIGURES_CACHE_SECONDS = 24 * 60 * 60


def campaign_dashboard(*, user, campaign: Campaign, today: datetime.date) -> dict:
    """Reviewer's and official's dashboard of one campaign.

    The figures are whole-table counts, so they are cached under the campaign's `data_version`,
    which the database moves in the transaction of every write to a table they read
    (`campaign_portal/freshness.py`): a reader never gets figures older than the version it read.
    The key holds the role (what the user may see), the day (progress is counted as of today) and
    the language of the labels."""
    if not (user.is_reviewer or user.is_official):
        return _campaign_figures(user=user, campaign=campaign, today=today)
    key = ":".join(
        str(part)
        for part in ("dashboard", campaign.pk, campaign.data_version, user.role, today, translation.get_language())
    )
    try:
        figures = cache.get(key)
        if figures is None:
            figures = _campaign_figures(user=user, campaign=campaign, today=today)
            cache.set(key, figures, FIGURES_CACHE_SECONDS)
    except RedisError:
        # The shared cache (Redis) is down: the figures are computed for this request, as uncached.
        logger.warning("Dashboard cache unavailable; figures computed without it", exc_info=True)
        figures = _campaign_figures(user=user, campaign=campaign, today=today)
    return figures


def _campaign_figures(*, user, campaign: Campaign, today: datetime.date) -> dict:
    progress = campaign_progress_summary(campaign=campaign, as_of=today)
    # The states named, not "not a draft": PostgreSQL then reads the campaign's figures index alone.
    sent_states = [state for state in InitiativeState.values if state != InitiativeState.DRAFT]
    initiatives = initiatives_visible_to(user=user).filter(campaign=campaign, state__in=sent_states)
    nominations = nominations_visible_to(user=user).filter(campaign=campaign)
    by_area, initiative_states = _pair_counts(initiatives, "category", "state")
    by_state, by_verdict = _pair_counts(
        nominations, "state", "verdict", second_excluding={"state": NominationState.DRAFT}
    )
    top_agencies = _top_agency_names(initiatives, limit=10)
    charts = [
        Chart(
            "progress-level",
            _("Cơ quan, đơn vị đã gửi hồ sơ đúng hạn, theo cấp"),
            "bar",
            [(str(group.label), group.sent_on_time) for group in progress.by_level],
        ),
        Chart(
            "initiatives-area",
            _("Mô hình, sáng kiến theo lĩnh vực, nhóm"),
            "bar",
            [
                (category.name, by_area.get(category.pk, 0))
                for category in InitiativeCategory.objects.filter(campaign=campaign).order_by("position", "pk")
            ]
            + ([(str(_("Chưa phân loại")), by_area[None])] if by_area.get(None) else []),
        ),
        Chart(
            "nominations-verdict",
            _("Hồ sơ đề nghị khen thưởng theo kết quả kiểm tra"),
            "doughnut",
            [(label, by_verdict.get(value, 0)) for value, label in Verdict.choices],
        ),
        Chart(
            "nominations-state",
            _("Hồ sơ đề nghị khen thưởng theo trạng thái"),
            "bar",
            [(label, by_state.get(value, 0)) for value, label in NominationState.choices],
        ),
        Chart("initiatives-agency", _("Cơ quan, đơn vị có nhiều mô hình, sáng kiến nhất"), "bar", top_agencies),
    ]
    waiting = [
        (_("Hồ sơ mới gửi, chờ tiếp nhận thẩm định"), by_state.get(NominationState.SUBMITTED, 0), "submitted"),
        (_("Hồ sơ đang thẩm định"), by_state.get(NominationState.UNDER_REVIEW, 0), "under_review"),
        (_("Hồ sơ đã duyệt, chờ quyết định khen thưởng"), by_state.get(NominationState.APPROVED, 0), "approved"),
        (_("Mô hình, sáng kiến chờ đánh giá"), initiative_states.get(InitiativeState.IN_PRACTICE, 0), "initiatives"),
    ]
    figures = ProgressFigures(
        sent_on_time_label=progress.sent_on_time_label,
        sent_late=progress.sent_late,
        missing_agency_names=progress.missing_agency_names,
        nominations_total=progress.nominations_total,
        nominations_missing_component=progress.nominations_missing_component,
        nominations_late=progress.nominations_late,
        on_time_as_of=progress.on_time_as_of,
        as_of=progress.as_of,
        merged_notes=[f"{name}: {note}" for name, note in progress.merged_notes],
    )
    return {"progress": figures, "charts": charts, "waiting": waiting}


def officer_todo(*, user, today: datetime.date) -> list[dict]:
    """What an agency officer has to do, per campaign its agency must report to (itself, or an
    agency merged into it, for which it files) or takes part in (a commune is seldom expected,
    yet it registers initiatives and sends dossiers)."""
    agency = user.agency_id
    campaigns = list(
        Campaign.objects.filter(
            Q(expected_agencies=agency)
            | Q(expected_agencies__successor_links__successor=agency)
            | Q(nominations__agency=agency)
            | Q(initiatives__agency=agency)
        )
        .distinct()
        .order_by("nomination_deadline")
    )
    own = nomination_queue(user=user).filter(agency_id=user.agency_id, campaign__in=campaigns)
    pending = list(own.filter(state__in=[NominationState.DRAFT, NominationState.RETURNED]))
    sent = set(own.exclude(state=NominationState.DRAFT).values_list("campaign_id", flat=True).order_by().distinct())
    drafts = _counts(
        Initiative.objects.filter(agency_id=user.agency_id, campaign__in=campaigns, state=InitiativeState.DRAFT),
        "campaign_id",
    )
    rows = []
    for campaign in campaigns:
        mine = [n for n in pending if n.campaign_id == campaign.pk]
        rows.append(
            {
                "campaign": campaign,
                "days_left": (campaign.nomination_deadline - today).days,
                "sent": campaign.pk in sent,
                "returned": [n for n in mine if n.state == NominationState.RETURNED],
                "drafts": [n for n in mine if n.state == NominationState.DRAFT],
                "initiative_drafts": drafts.get(campaign.pk, 0),
            }
        )
    return rows
