"""Load the initiatives that the summary report of Plan 4064 names. Idempotent: each is found by
campaign, agency and title; a second run changes nothing."""

from django.core.management.base import CommandError
from django.db import transaction

from agencies.models import Agency
from campaigns.models import Campaign, InitiativeCategory
from initiatives.enums import InitiativeState
from initiatives.models import Initiative, InitiativeHistory

from . import initiatives_4064 as demo

STATE_PATH = [InitiativeState.DRAFT, InitiativeState.REGISTERED, InitiativeState.IN_PRACTICE, InitiativeState.EVALUATED]


@transaction.atomic
def load_initiatives(*, campaign: str = "4064") -> str:
    try:
        target = Campaign.objects.get(code=campaign)
    except Campaign.DoesNotExist as error:
        raise CommandError(f"Chưa có phong trào “{campaign}”: hãy nạp phong trào minh họa trước.") from error
    day = target.period_end
    categories = {category.code: category for category in InitiativeCategory.objects.filter(campaign=target)}
    created = 0
    for row in demo.INITIATIVES:
        agency = _agency(row["agency"], day)
        children = Agency.objects.active_on(day).filter(parent=agency)
        units = _units(row.get("units", []), children)
        replicated = _units(row.get("replicated_to", []), children)
        state = row.get("state", InitiativeState.IN_PRACTICE)
        effective = row.get("effective")
        initiative, is_new = Initiative.objects.get_or_create(
            campaign=target,
            agency=agency,
            title=row["title"],
            defaults={"kind": row["kind"], "category": categories.get(row["area"])},
        )
        values = {
            "kind": row["kind"],
            "category": categories.get(row["area"]),
            "description": row.get("description", ""),
            "results": row.get("results", ""),
            "result_figures": row.get("figures", []),
            "state": state,
            "assessment_effective": effective,
            "assessment_comment": "Mô hình được báo cáo tổng kết nêu là điển hình." if effective else "",
        }
        changed = [key for key, value in values.items() if getattr(initiative, key) != value]
        for key in changed:
            setattr(initiative, key, values[key])
        if set(initiative.implementing_units.values_list("pk", flat=True)) != {u.pk for u in units}:
            initiative.implementing_units.set(units)
            changed.append("implementing_units")
        if set(initiative.replicated_to.values_list("pk", flat=True)) != {u.pk for u in replicated}:
            initiative.replicated_to.set(replicated)
            changed.append("replicated_to")
        if changed or is_new or initiative.search_text != initiative.build_search_text():
            initiative.save()
        if is_new:
            created += 1
            path = STATE_PATH[: STATE_PATH.index(state) + 1]
            for before, after in zip(path, path[1:], strict=False):
                InitiativeHistory.objects.create(
                    initiative=initiative, from_state=before, to_state=after, note="Nạp từ báo cáo tổng kết."
                )
    return f"Mô hình, sáng kiến của phong trào {target.code}: {len(demo.INITIATIVES)} ({created} mới)."


def _agency(name: str, day) -> Agency:
    agency = Agency.objects.active_on(day).filter(name=name).first()
    if agency is None:
        raise CommandError(f"Thiếu cơ quan “{name}”: hãy chạy load_agencies trước.")
    return agency


def _units(names, children) -> list[Agency]:
    if names == demo.ALL:
        return list(children)
    units = []
    for name in names:
        unit = children.filter(short_name=name).first()
        if unit is None:
            raise CommandError(f"Không tìm thấy đơn vị trực thuộc “{name}”.")
        units.append(unit)
    return units
