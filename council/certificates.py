"""The certificates to print once the decision is signed: one A4 landscape page per award (the
award form, the nominee, the achievement, the decision's number and date, the signer's title),
drawn by the report's PDF renderer with the shipped fonts. The paper certificate has its frame and
emblem printed on it already; this fills in the words, in Vietnamese like every official paper."""

from dataclasses import dataclass

from django.template.loader import render_to_string

from awards.enums import NomineeType
from campaign_portal.text import plain_text
from campaigns.models import subject_in_sentence
from reports.pdf import font_faces, html_pdf
from reports.services import report_heading

from .documents import committee_name, long_date, passed_items
from .models import CouncilMeeting

# Past this many characters of names and achievement, a certificate is set smaller so that it stays
# on its one page (a collective's full name, a long campaign name).
COMPACT_FROM = 260


@dataclass
class Certificate:
    award_form: str
    nominee: str
    nominee_detail: str
    achievement: str
    decision: str

    @property
    def compact(self) -> bool:
        return (
            len(self.award_form) + len(self.nominee) + len(self.nominee_detail) + len(self.achievement) > COMPACT_FROM
        )


class NoDecision(ValueError):
    """A meeting without a recorded decision has no certificates yet."""


def certificates_of(meeting: CouncilMeeting) -> list[Certificate]:
    """One certificate per nomination the council passed and the decision awarded, collectives first."""
    items = meeting.items.select_related(
        "nomination__award_form", "nomination__agency", "nomination__nominee_agency"
    ).order_by("order", "pk")
    achievement = f"Đã có thành tích trong {subject_in_sentence(meeting.campaign.name)}"
    certificates = []
    for item in passed_items(list(items)):
        nomination = item.nomination
        if nomination.nominee_type == NomineeType.COLLECTIVE:
            nominee, detail = nomination.nominee_label, ""
        else:
            nominee = nomination.nominee_name
            detail = ", ".join(part for part in (nomination.nominee_position, nomination.nominee_unit) if part)
        number = nomination.decision_number or meeting.decision_number
        day = nomination.decision_date or meeting.decision_date
        certificates.append(
            Certificate(
                award_form=nomination.award_form.name,
                nominee=nominee,
                nominee_detail=detail,
                achievement=achievement,
                decision=f"Quyết định số {number} {long_date(day)}",
            )
        )
    return certificates


def certificates_pdf(*, meeting: CouncilMeeting) -> bytes:
    if not meeting.decision_number:
        raise NoDecision(meeting.pk)
    meeting = CouncilMeeting.objects.select_related("campaign__organiser__parent", "campaign__plan_document").get(
        pk=meeting.pk
    )
    day = meeting.decision_date
    committee = committee_name(meeting.campaign, day)
    place = report_heading(campaign=meeting.campaign, day=day)["place_name"]
    html = render_to_string(
        "council/pdf/certificates.html",
        {
            "certificates": certificates_of(meeting),
            "issuer": f"CHỦ TỊCH {committee.upper()}",
            "place_date": f"{place}, {long_date(day)}",
            "signer_authority": "KT. CHỦ TỊCH",
            "signer_position": "PHÓ CHỦ TỊCH",
            "font_faces": font_faces(),
        },
    )
    return html_pdf(plain_text(html))
