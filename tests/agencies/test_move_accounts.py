import datetime

from django.urls import reverse

from accounts.enums import Role
from accounts.models import User
from agencies.models import Agency
from campaign_portal.models import AuditEvent
from tests.factories import TEST_PASSWORD

TWO_LEVELS = datetime.date(2025, 7, 1)


def _move(client, users):
    return client.post(
        reverse("admin:accounts_user_changelist"),
        {"action": "move_to_successor", "_selected_action": [user.pk for user in users]},
        follow=True,
    )


def test_admin_moves_accounts_of_closed_agencies_to_the_successor_standing_today(
    client, quang_nam, administrator, make_user
):
    home_affairs_2024 = quang_nam.get(name="Sở Nội vụ", valid_from=None)
    home_affairs_da_nang = quang_nam.get(name="Sở Nội vụ", valid_from=TWO_LEVELS)
    commune_2024 = quang_nam.get(name="UBND xã Trà Bui", valid_from=None)
    reviewer = make_user(Role.REVIEWER, agency=home_affairs_2024)
    officer = make_user(Role.AGENCY_OFFICER, agency=commune_2024)
    district_officer = make_user(Role.AGENCY_OFFICER, agency=quang_nam.get(name="UBND huyện Bắc Trà My"))
    client.force_login(administrator)

    response = _move(client, [reviewer, officer, district_officer])

    html = response.content.decode()
    assert "Đã chuyển 2 tài khoản sang đơn vị kế thừa" in html
    assert "UBND huyện Bắc Trà My" in html and "không có đơn vị kế thừa đang hoạt động" in html
    reviewer.refresh_from_db()
    officer.refresh_from_db()
    district_officer.refresh_from_db()
    assert reviewer.agency == home_affairs_da_nang
    assert officer.agency == Agency.objects.get(name="UBND xã Trà Đốc", valid_from=TWO_LEVELS)
    assert district_officer.agency.name == "UBND huyện Bắc Trà My"
    events = AuditEvent.objects.filter(action="accounts.user.move_to_successor")
    assert {(e.object_id, e.before["agency"], e.after["agency"]) for e in events} == {
        (str(reviewer.pk), "Sở Nội vụ", "Sở Nội vụ"),
        (str(officer.pk), "UBND xã Trà Bui", "UBND xã Trà Đốc"),
    }
    assert all(e.actor == administrator for e in events)


def test_moved_account_logs_in_and_closed_one_is_told_the_successor(client, quang_nam, make_user):
    closed = make_user(Role.AGENCY_OFFICER, agency=quang_nam.get(name="UBND xã Trà Bui", valid_from=None))
    response = client.post(reverse("accounts:login"), {"username": closed.username, "password": TEST_PASSWORD})
    assert "đã ngừng hoạt động từ 01/07/2025 (đơn vị kế thừa: UBND xã Trà Đốc)" in response.content.decode()
    closed.agency = Agency.objects.get(name="UBND xã Trà Đốc", valid_from=TWO_LEVELS)
    closed.save()
    response = client.post(reverse("accounts:login"), {"username": closed.username, "password": TEST_PASSWORD})
    assert response.status_code == 302


def test_admin_move_leaves_accounts_of_standing_agencies_alone(client, quang_nam, administrator, make_user):
    officer = make_user(Role.AGENCY_OFFICER, agency=quang_nam.get(name="UBND xã Trà Đốc", valid_from=TWO_LEVELS))
    client.force_login(administrator)
    response = _move(client, [officer])
    assert "không có gì để chuyển" in response.content.decode()
    assert User.objects.get(pk=officer.pk).agency == officer.agency
    assert not AuditEvent.objects.filter(action="accounts.user.move_to_successor").exists()
