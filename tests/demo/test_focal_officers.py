"""The demo's dossiers of agencies without a named demo account are signed by the agency's focal
officer `hoso.<agency>`, who logs in with the demo password (issue 17): a dossier missing a
component can be followed from the agency's side too. The seed prints these log-ins."""

import io

import pytest
from django.core.management import call_command

from accounts.models import User
from awards.selectors import nomination_queue
from demo.accounts import DEMO_PASSWORD, FOCAL_OFFICER_PREFIX


@pytest.fixture
def seed_output(db) -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_focal_officers_log_in_with_the_demo_password_and_are_printed(seed_output):
    focal = list(User.objects.filter(username__startswith=FOCAL_OFFICER_PREFIX))
    assert focal, "the demo has dossiers of agencies without a named demo account"
    for officer in focal:
        assert officer.is_active and officer.check_password(DEMO_PASSWORD), officer.username
        assert officer.username in seed_output and officer.agency.name in seed_output


def test_dossier_missing_a_component_is_followed_by_its_agency(seed_output, client):
    officer, missing = next(
        (officer, found)
        for officer in User.objects.filter(username__startswith=FOCAL_OFFICER_PREFIX).order_by("username")
        if (found := nomination_queue(user=officer).filter(missing_component=True).first()) is not None
    )
    response = client.post("/tai-khoan/dang-nhap/", {"username": officer.username, "password": DEMO_PASSWORD})
    assert response.status_code == 302
    assert client.get(f"/khen-thuong/ho-so/{missing.pk}/").status_code == 200
    assert missing.agency.name in client.get("/").content.decode()


def test_second_seed_keeps_the_focal_officers_passwords(seed_output):
    before = dict(User.objects.filter(username__startswith=FOCAL_OFFICER_PREFIX).values_list("username", "password"))
    call_command("seed_demo", stdout=io.StringIO())
    after = dict(User.objects.filter(username__startswith=FOCAL_OFFICER_PREFIX).values_list("username", "password"))
    assert after == before
