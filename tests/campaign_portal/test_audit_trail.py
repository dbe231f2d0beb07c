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
    assert "agency.close" in html and "sáp nhập" in html and "Nguyễn Thị Hoa" in html
    assert "agency.rename" not in html


def test_audit_trail_hidden_from_agency_officers(make_user):
    agency = AgencyFactory()
    audit_record(actor=None, action="agency.close", target=agency)
    assert "agency.close" not in _render(make_user(Role.AGENCY_OFFICER, agency=agency), agency)


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
    assert "state:</span> submitted → returned" in html
    assert "last_reason:</span> Thiếu tờ trình" in html
    assert "{&#x27;state&#x27;" not in html and "{'state'" not in html, "no raw dictionaries"
