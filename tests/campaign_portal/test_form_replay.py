import json
import re

from django.contrib.sessions.models import Session
from django.urls import reverse

from accounts.enums import Role
from initiatives.models import Initiative
from tests.factories import TEST_PASSWORD, AgencyFactory

FORM = reverse("initiatives:create")
PAGE = f"http://testserver{FORM}"
LOGIN = reverse("accounts:login")


def _expire_session():
    Session.objects.all().delete()


def _replay(body: str) -> dict:
    match = re.search(r'<script id="form-replay" type="application/json">(.*?)</script>', body, re.S)
    assert match, "the page carries what was typed"
    return json.loads(match.group(1))


def test_post_after_expiry_keeps_what_was_typed_through_log_in(client, make_user):
    officer = make_user(Role.AGENCY_OFFICER, agency=AgencyFactory())
    client.force_login(officer)
    _expire_session()
    typed = {"title": "Một cửa thân thiện vùng cao", "results": "9 ngày", "csrfmiddlewaretoken": "x", "password": "y"}
    response = client.post(FORM, typed, HTTP_REFERER=PAGE)
    assert response.status_code == 302 and response["Location"] == f"{LOGIN}?next={FORM}"
    login_page = client.get(response["Location"]).content.decode()
    assert "Phiên làm việc đã hết hạn nên biểu mẫu chưa được gửi" in login_page

    response = client.post(f"{LOGIN}?next={FORM}", {"username": officer.username, "password": TEST_PASSWORD})
    assert response["Location"] == FORM
    body = client.get(FORM).content.decode()
    replay = _replay(body)
    assert replay == {"action": FORM, "fields": {"title": ["Một cửa thân thiện vùng cao"], "results": ["9 ngày"]}}
    assert "chưa có gì được gửi" in body
    assert not Initiative.objects.exists(), "nothing is written on the user's behalf"
    assert 'id="form-replay"' not in client.get(FORM).content.decode(), "handed back once"


def test_post_to_an_action_address_goes_back_to_the_page_of_the_form(client, make_user):
    officer = make_user(Role.AGENCY_OFFICER, agency=AgencyFactory())
    client.force_login(officer)
    _expire_session()
    response = client.post(
        "/sang-kien/1/chuyen-trang-thai/", {"reason": "thiếu"}, HTTP_REFERER="http://testserver/sang-kien/1/"
    )
    assert response["Location"] == f"{LOGIN}?next=/sang-kien/1/"


def test_replay_is_only_handed_to_the_page_of_the_form(client, make_user):
    officer = make_user(Role.AGENCY_OFFICER, agency=AgencyFactory())
    client.force_login(officer)
    _expire_session()
    client.post(FORM, {"title": "Tên"}, HTTP_REFERER=PAGE)
    client.post(LOGIN, {"username": officer.username, "password": TEST_PASSWORD})
    assert 'id="form-replay"' not in client.get(reverse("home")).content.decode()
    assert _replay(client.get(FORM).content.decode())["fields"] == {"title": ["Tên"]}


def test_anonymous_get_is_redirected_as_before(client, db):
    response = client.get(FORM)
    assert response.status_code == 302 and response["Location"] == f"{LOGIN}?next={FORM}"
    assert "portal_form_replay" not in client.session
