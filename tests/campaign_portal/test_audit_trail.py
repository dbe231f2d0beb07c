from django.template import Context, Template
from django.test import RequestFactory

from accounts.enums import Role
from campaign_portal.audit import audit_record
from tests.factories import AgencyFactory


def _render(user, obj) -> str:
    request = RequestFactory().get("/")
    request.user = user
    return Template("{% load portal %}{% audit_trail obj %}").render(Context({"request": request, "obj": obj}))


def test_audit_trail_shows_events_of_the_object_to_reviewers(make_user):
    agency, other = AgencyFactory(), AgencyFactory()
    reviewer = make_user(Role.REVIEWER, first_name="Hoa", last_name="Nguyễn Thị")
    audit_record(actor=reviewer, action="agency.close", target=agency, before={"valid_to": None}, note="sáp nhập")
    audit_record(actor=reviewer, action="agency.rename", target=other, note="không thuộc đối tượng này")
    html = _render(reviewer, agency)
    assert "Ghi nhận cơ quan ngừng hoạt động" in html and "sáp nhập" in html and "Nguyễn Thị Hoa" in html
    assert "agency.close" not in html, "the action's label, not its code"
    assert "không thuộc đối tượng này" not in html


def test_audit_trail_hidden_from_agency_officers(make_user):
    agency = AgencyFactory()
    audit_record(actor=None, action="agency.close", target=agency)
    assert "Nhật ký thao tác" not in _render(make_user(Role.AGENCY_OFFICER, agency=agency), agency)


def test_audit_trail_on_nomination_and_initiative_pages(client, make_user):
    from tests.factories.awards import NominationFactory
    from tests.factories.initiatives import InitiativeFactory

    reviewer = make_user(Role.REVIEWER)
    nomination = NominationFactory(state="submitted")
    initiative = InitiativeFactory(state="registered")
    audit_record(actor=reviewer, action="awards.nomination.start_review", target=nomination, note="nhận hồ sơ")
    audit_record(actor=reviewer, action="initiatives.initiative.practice", target=initiative, note="đang áp dụng")
    client.force_login(reviewer)
    assert "nhận hồ sơ" in client.get(f"/khen-thuong/ho-so/{nomination.pk}/").content.decode()
    assert "đang áp dụng" in client.get(f"/sang-kien/{initiative.pk}/").content.decode()


def test_audit_trail_names_the_action_and_lists_each_change(make_user):
    from tests.factories.awards import NominationFactory

    reviewer = make_user(Role.REVIEWER)
    nomination = NominationFactory(state="submitted")
    audit_record(
        actor=reviewer,
        action="awards.nomination.return",
        target=nomination,
        before={"state": "submitted"},
        after={"state": "returned", "last_reason": "Thiếu tờ trình"},
    )
    html = _render(reviewer, nomination)
    assert "Trả lại bổ sung" in html, "the transition's own label"
    assert "Trạng thái:</span> Đã gửi → Trả lại, yêu cầu bổ sung" in html
    assert "Ý kiến của người thẩm định:</span> Thiếu tờ trình" in html
    assert "{&#x27;state&#x27;" not in html and "{'state'" not in html, "no raw dictionaries"


def test_audit_trail_says_values_in_words_and_local_time(make_user):
    import datetime

    from awards.models import Criterion
    from tests.factories.awards import NominationFactory

    reviewer = make_user(Role.REVIEWER)
    nomination = NominationFactory(state="approved", declared_metrics={"rated_leading": False})
    Criterion.objects.create(
        campaign=nomination.campaign,
        code="dan-dau",
        wording="Được xếp loại dẫn đầu",
        kind="attestation",
        params={"statement": "rated_leading", "label": "Được xếp loại dẫn đầu phong trào"},
    )
    agency = AgencyFactory(name="UBND xã Trà Đốc")
    audit_record(
        actor=reviewer,
        action="awards.nomination.update",
        target=nomination,
        before={"declared_metrics": {"rated_leading": False, "task_completion_pct": 100}, "nominee_agency": None},
        after={"declared_metrics": {"rated_leading": True, "task_completion_pct": 100}, "nominee_agency": agency.pk},
    )
    audit_record(
        actor=reviewer,
        action="awards.nomination.award",
        target=nomination,
        before={"state": "approved"},
        after={"state": "awarded", "decision_date": "2024-12-24", "submitted_at": "2024-12-20 02:30:00+00:00"},
    )
    html = _render(reviewer, nomination)
    assert "Số liệu kê khai – Được xếp loại dẫn đầu phong trào:</span> Không → Có" in html
    assert "task_completion_pct" not in html, "an unchanged figure is not listed"
    assert "Tập thể được đề nghị:</span> — → UBND xã Trà Đốc" in html, "a related record by its name"
    assert "Ngày quyết định:</span> 24/12/2024" in html
    assert "09:30 20/12/2024" in html, "a time recorded in UTC is shown in Vietnam's time"
    assert "+00:00" not in html and "{&#x27;" not in html and "True" not in html
    assert datetime.date(2024, 12, 24).isoformat() not in html


def test_audit_trail_names_a_person_by_full_name_not_user_name(make_user):
    """The receipt's recorder is a user: the log names her as the page above it does."""
    from tests.factories.awards import NominationFactory

    reviewer = make_user(Role.REVIEWER, first_name="Hoa", last_name="Nguyễn Thị", username="hoa.nt")
    nomination = NominationFactory(state="submitted")
    audit_record(
        actor=reviewer,
        action="awards.nomination.receipt",
        target=nomination,
        before={"receipt_recorded_by": None},
        after={"receipt_recorded_by": reviewer.pk},
    )
    html = _render(reviewer, nomination)
    assert "— → Nguyễn Thị Hoa" in html
    assert "hoa.nt" not in html


def test_admin_shows_the_change_in_words(client, administrator):
    # The admin's audit log shows what the administrator is for: accounts and agencies.
    from tests.factories import AgencyFactory

    agency = AgencyFactory(name="Sở Mới Tên")
    event = audit_record(
        actor=administrator,
        action="agencies.agency.update",
        target=agency,
        before={"name": "Sở Cũ Tên"},
        after={"name": "Sở Mới Tên"},
    )
    client.force_login(administrator)
    body = client.get(f"/quan-tri/campaign_portal/auditevent/{event.pk}/change/").content.decode()
    assert "Sở Cũ Tên → Sở Mới Tên" in body
