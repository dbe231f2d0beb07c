"""One convention per concept, checked: states are enums in code and templates (every state
carries its badge colour, one filter draws every badge, no template compares a state with a
string literal), and a link names its campaign by code under `phong-trao`."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

from awards.enums import NominationState, Outcome, SendingStatus, Verdict
from campaign_portal.templatetags.portal import badge
from initiatives.enums import InitiativeState

BOOTSTRAP_COLOURS = {"primary", "secondary", "success", "danger", "warning", "info", "light", "dark"}
STRING_COMPARE = re.compile(r"\.(state|status|verdict|outcome)\s*(==|!=)\s*['\"]")
OTHER_CAMPAIGN_PARAMETER = re.compile(r"[?&](amp;)?campaign=|name=\"campaign\"")


@pytest.mark.parametrize("enum", [NominationState, Verdict, Outcome, SendingStatus, InitiativeState])
def test_every_state_has_a_badge_colour(enum):
    colours = [member.badge for member in enum]  # a member without a colour raises KeyError
    assert set(colours) <= BOOTSTRAP_COLOURS


def test_badge_draws_the_members_label_in_its_colour():
    with translation.override("vi"):
        assert badge(NominationState.SUBMITTED) == '<span class="badge text-bg-primary">Đã gửi</span>'
        assert badge(InitiativeState.EVALUATED) == '<span class="badge text-bg-success">Đã đánh giá</span>'


def _template_lines_matching(pattern: re.Pattern) -> list[str]:
    root = Path(settings.BASE_DIR)
    templates = [
        path
        for path in root.glob("**/templates/**/*.html")
        if not {".venv", "node_modules", "static"} & set(path.relative_to(root).parts)
    ]
    assert templates
    return [
        f"{path.relative_to(root)}:{number}"
        for path in templates
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if pattern.search(line)
    ]


def test_no_template_compares_a_state_with_a_string():
    assert _template_lines_matching(STRING_COMPARE) == []


def test_no_template_names_the_campaign_otherwise_than_phong_trao():
    assert _template_lines_matching(OTHER_CAMPAIGN_PARAMETER) == []
