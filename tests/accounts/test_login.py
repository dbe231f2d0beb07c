import datetime

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from accounts.enums import Role
from accounts.throttle import client_address
from agencies.services import agency_close
from tests.factories import TEST_PASSWORD, AgencyFactory

LOGIN = reverse("accounts:login")


@pytest.mark.parametrize(
    ("role", "template"),
    [
        (Role.AGENCY_OFFICER, "home/agency_officer.html"),
        (Role.REVIEWER, "home/reviewer.html"),
        (Role.OFFICIAL, "home/official.html"),
        (Role.ADMINISTRATOR, "home/administrator.html"),
    ],
)
def test_login_each_role_lands_on_its_home(client, make_user, role, template):
    user = make_user(role)
    response = client.post(LOGIN, {"username": user.username, "password": TEST_PASSWORD}, follow=True)
    assert response.status_code == 200
    assert template in [t.name for t in response.templates]
    assert response.context["user"] == user


def test_login_wrong_password_says_so_in_vietnamese(client, make_user):
    user = make_user(Role.REVIEWER)
    response = client.post(LOGIN, {"username": user.username, "password": "sai-mat-khau"})
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()
    assert response.context["form"].data["username"] == user.username  # what was typed is kept


def test_login_disabled_account_says_it_is_locked(client, make_user):
    user = make_user(Role.REVIEWER, is_active=False)
    response = client.post(LOGIN, {"username": user.username, "password": TEST_PASSWORD})
    assert "Tài khoản này đã bị khóa" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_login_user_of_closed_agency_names_the_successor(client, make_user):
    successor = AgencyFactory(name="UBND huyện Quế Sơn")
    agency = AgencyFactory(name="UBND huyện Nông Sơn")
    agency_close(agency=agency, last_day=datetime.date(2024, 12, 31), successors=[successor])
    user = make_user(Role.AGENCY_OFFICER, agency=agency)
    response = client.post(LOGIN, {"username": user.username, "password": TEST_PASSWORD})
    body = response.content.decode()
    assert "UBND huyện Nông Sơn" in body and "đã ngừng hoạt động từ 01/01/2025" in body
    assert "UBND huyện Quế Sơn" in body
    assert "_auth_user_id" not in client.session


def test_home_requires_login(client):
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response.url.startswith(LOGIN)


def test_password_change_keeps_user_logged_in(client, make_user):
    user = make_user(Role.REVIEWER)
    client.force_login(user)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": TEST_PASSWORD, "new_password1": "Moi-Mat-Khau-2025!", "new_password2": "Moi-Mat-Khau-2025!"},
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("Moi-Mat-Khau-2025!")


def test_english_is_available_through_the_switcher(client, make_user):
    client.force_login(make_user(Role.REVIEWER))
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    body = client.get(reverse("home")).content.decode()
    assert 'lang="en"' in body and "Log out" in body


def test_login_throttled_after_five_failures_even_with_right_password(client, make_user, settings):
    settings.AXES_ENABLED = True
    user = make_user(Role.REVIEWER)
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = client.post(LOGIN, {"username": user.username, "password": "sai"})
        assert response.status_code == 200
    assert client.post(LOGIN, {"username": user.username, "password": "sai"}).status_code == 429
    response = client.post(LOGIN, {"username": user.username, "password": TEST_PASSWORD})
    assert response.status_code == 429
    body = response.content.decode()
    assert "tạm khóa đăng nhập 15 phút" in body
    assert "_auth_user_id" not in client.session


def test_login_throttle_is_per_username(client, make_user, settings):
    settings.AXES_ENABLED = True
    victim, colleague = make_user(Role.REVIEWER), make_user(Role.REVIEWER)
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        client.post(LOGIN, {"username": victim.username, "password": "sai"})
    response = client.post(LOGIN, {"username": colleague.username, "password": TEST_PASSWORD})
    assert response.status_code == 302


def test_login_throttle_counts_one_account_across_addresses(client, make_user, settings):
    """Four guesses from each of many addresses: the account is locked, from any address, when the
    guesses reach the per-account limit; another account is not."""
    settings.AXES_ENABLED = True
    victim, colleague = make_user(Role.REVIEWER), make_user(Role.REVIEWER)
    for guess in range(settings.PORTAL_LOGIN_FAILURES_PER_ACCOUNT):
        address = f"10.0.{guess // (settings.AXES_FAILURE_LIMIT - 1)}.1"
        assert client.post(
            LOGIN, {"username": victim.username, "password": "sai"}, REMOTE_ADDR=address
        ).status_code in (
            200,
            429,
        )
    fresh = {"REMOTE_ADDR": "10.9.9.9"}
    response = client.post(LOGIN, {"username": victim.username, "password": TEST_PASSWORD}, **fresh)
    assert response.status_code == 429 and "tạm khóa đăng nhập 15 phút" in response.content.decode()
    assert client.post(LOGIN, {"username": colleague.username, "password": TEST_PASSWORD}, **fresh).status_code == 302


def test_login_throttle_counts_one_address_across_accounts(client, make_user, settings):
    """A few guesses on each of many accounts from one address: that address is locked, for every
    account, when the guesses reach the per-address limit; other addresses are not."""
    settings.AXES_ENABLED = True
    per_account = settings.AXES_FAILURE_LIMIT - 1
    victims = [make_user(Role.AGENCY_OFFICER) for _ in range(settings.PORTAL_LOGIN_FAILURES_PER_ADDRESS // per_account)]
    attacker = {"REMOTE_ADDR": "203.0.113.7"}
    for victim in victims:
        for _ in range(per_account):
            client.post(LOGIN, {"username": victim.username, "password": "sai"}, **attacker)
    bystander = make_user(Role.REVIEWER)
    response = client.post(LOGIN, {"username": bystander.username, "password": TEST_PASSWORD}, **attacker)
    assert response.status_code == 429
    office = {"REMOTE_ADDR": "198.51.100.20"}
    assert client.post(LOGIN, {"username": victims[0].username, "password": TEST_PASSWORD}, **office).status_code == 302


def test_login_below_every_limit_is_let_through_and_forgets_only_its_own_failures(client, make_user, settings):
    settings.AXES_ENABLED = True
    user = make_user(Role.REVIEWER)
    for address in ("10.1.0.1", "10.1.0.2"):
        for _ in range(settings.AXES_FAILURE_LIMIT - 1):
            client.post(LOGIN, {"username": user.username, "password": "sai"}, REMOTE_ADDR=address)
    response = client.post(LOGIN, {"username": user.username, "password": TEST_PASSWORD}, REMOTE_ADDR="10.1.0.1")
    assert response.status_code == 302
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == ["10.1.0.2"]


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (0, "1.2.3.4", "127.0.0.9"),
        (1, "6.6.6.6, 1.2.3.4", "1.2.3.4"),
        (2, "1.2.3.4, 10.0.0.2", "1.2.3.4"),
        (1, "", "127.0.0.9"),
    ],
)
def test_client_address_is_read_from_trusted_proxies_only(rf, settings, proxies, forwarded, expected):
    settings.PORTAL_TRUSTED_PROXIES = proxies
    request = rf.post(LOGIN, REMOTE_ADDR="127.0.0.9", HTTP_X_FORWARDED_FOR=forwarded)
    assert client_address(request) == expected


def test_vietnamese_by_default_even_for_a_browser_set_to_english(client, make_user):
    client.force_login(make_user(Role.REVIEWER))
    body = client.get(reverse("home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert 'lang="vi"' in body and "Đăng xuất" in body


def test_a_session_ends_when_its_account_is_disabled(client, make_user):
    officer = make_user(Role.AGENCY_OFFICER)
    assert client.post(LOGIN, {"username": officer.username, "password": TEST_PASSWORD}).status_code == 302
    assert client.get(reverse("home")).status_code == 200
    officer.is_active = False
    officer.save(update_fields=["is_active"])
    response = client.get(reverse("home"))
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)


def test_the_session_user_comes_with_their_agency(client, make_user, django_assert_num_queries):
    from django.contrib.auth import get_user

    officer = make_user(Role.AGENCY_OFFICER)
    client.post(LOGIN, {"username": officer.username, "password": TEST_PASSWORD})
    session = client.session
    assert session.keys()  # the session itself is read before counting
    request = type("Request", (), {"session": session})()
    with django_assert_num_queries(1):  # the user and the agency the page header names, in one query
        user = get_user(request)
        assert user.agency.name == officer.agency.name
