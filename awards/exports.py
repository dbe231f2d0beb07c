"""The council's list of nominations (danh sách đề nghị khen thưởng) as a printable workbook."""

from django.utils import timezone
from django.utils.translation import gettext as _

from campaign_portal.spreadsheets import Column, workbook_write

from .enums import NomineeType, Outcome


def nominations_workbook(*, campaign, nominations) -> bytes:
    columns = [
        Column(_("STT"), width=6),
        Column(_("Tập thể, cá nhân được đề nghị"), width=36, wrap=True),
        Column(_("Chức vụ, đơn vị công tác"), width=30, wrap=True),
        Column(_("Cơ quan đề nghị"), width=30, wrap=True),
        Column(_("Hình thức khen thưởng"), width=28, wrap=True),
        Column(_("Tóm tắt thành tích"), width=60, wrap=True),
        Column(_("Ngày nhận"), width=12),
        Column(_("Số đến"), width=12),
        Column(_("Kết quả kiểm tra"), width=20, wrap=True),
        Column(_("Tiêu chí chưa đạt"), width=50, wrap=True),
        Column(_("Trạng thái"), width=22, wrap=True),
        Column(_("Quyết định khen thưởng"), width=24, wrap=True),
    ]

    def rows():
        for index, nomination in enumerate(nominations, start=1):
            if nomination.nominee_type == NomineeType.COLLECTIVE:
                nominee, detail = nomination.nominee_label, ""
            else:
                nominee = nomination.nominee_name
                detail = ", ".join(part for part in (nomination.nominee_position, nomination.nominee_unit) if part)
            received = nomination.received_on.strftime("%d/%m/%Y") if nomination.received_on else ""
            if nomination.is_late:
                received = _("%(day)s (trễ hạn)") % {"day": received}
            unmet = "; ".join(r.explanation for r in nomination.results.all() if r.outcome != Outcome.MET)
            decision = (
                f"{nomination.decision_number} ({nomination.decision_date:%d/%m/%Y})"
                if nomination.decision_number and nomination.decision_date
                else ""
            )
            yield [
                index,
                nominee,
                detail,
                nomination.agency.name,
                nomination.award_form.name,
                nomination.achievement_summary,
                received,
                nomination.receipt_number,
                str(nomination.get_verdict_display()),
                unmet,
                str(nomination.get_state_display()),
                decision,
            ]

    today = timezone.localdate()
    return workbook_write(
        title=_("Danh sách đề nghị khen thưởng"),
        columns=columns,
        rows=rows(),
        heading_lines=[
            _("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG"),
            _("Phong trào thi đua “%(name)s” (%(plan)s)")
            % {"name": campaign.name, "plan": campaign.plan_document.number_symbol},
            _("Lập ngày %(date)s") % {"date": today.strftime("%d/%m/%Y")},
        ],
    )
