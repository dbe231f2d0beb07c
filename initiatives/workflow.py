"""The initiative workflow as data: draft → registered → in practice → evaluated."""

from django.utils.translation import gettext_lazy as _

from accounts.rules import is_reviewer
from campaign_portal.workflow import Transition

from .enums import InitiativeState as S
from .rules import is_initiative_of_own_agency


def _owner(user, initiative) -> bool:
    return bool(getattr(user, "is_agency_officer", False)) and is_initiative_of_own_agency(user, initiative)


def _reviewer(user, initiative) -> bool:
    return is_reviewer(user)


INITIATIVE_TRANSITIONS = {
    t.name: t
    for t in (
        Transition("register", (S.DRAFT,), S.REGISTERED, _owner, _("Gửi đăng ký")),
        Transition("return", (S.REGISTERED,), S.DRAFT, _reviewer, _("Trả lại để bổ sung"), reason_required=True),
        Transition("start_practice", (S.REGISTERED,), S.IN_PRACTICE, _reviewer, _("Xác nhận đang triển khai")),
        Transition(
            "evaluate",
            (S.IN_PRACTICE,),
            S.EVALUATED,
            _reviewer,
            _("Đánh giá"),
            required_fields=("assessment_effective",),
        ),
    )
}
