"""Role changes are made by the administrator in the admin site; each one is written to the
portal's audit log with who, when, and what the access was before and after."""

from django.urls import reverse

from accounts.enums import Role
from campaign_portal.audit import audit_events_for
from tests.factories import CommuneFactory


def _change_form(user, **changes):
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on" if user.is_active else "",
        "role": user.role,
        "agency": user.agency_id or "",
        "position": user.position,
        "phone": user.phone,
        "date_joined_0": user.date_joined.strftime("%Y-%m-%d"),
        "date_joined_1": user.date_joined.strftime("%H:%M:%S"),
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v != ""}


def test_a_role_change_in_the_admin_is_audited_with_before_and_after(client, make_user):
    administrator = make_user(Role.ADMINISTRATOR, is_staff=True, is_superuser=True)
    officer = make_user(Role.AGENCY_OFFICER)
    new_agency = CommuneFactory()
    client.force_login(administrator)

    response = client.post(
        reverse("admin:accounts_user_change", args=[officer.pk]),
        _change_form(officer, role=Role.REVIEWER, agency=new_agency.pk, is_active="on"),
    )

    assert response.status_code == 302, response.content.decode()[:3000]
    officer.refresh_from_db()
    assert officer.role == Role.REVIEWER
    [event] = audit_events_for(officer).filter(action="accounts.user.access_change")
    assert event.actor == administrator
    assert event.before["role"] == Role.AGENCY_OFFICER and event.after["role"] == Role.REVIEWER
    assert event.after["agency_id"] == new_agency.pk and event.after["agency"] == str(new_agency)
    assert "is_active" not in event.after  # only what changed


def test_disabling_an_account_is_audited_and_an_unchanged_save_is_not(client, make_user):
    administrator = make_user(Role.ADMINISTRATOR, is_staff=True, is_superuser=True)
    officer = make_user(Role.AGENCY_OFFICER)
    client.force_login(administrator)
    url = reverse("admin:accounts_user_change", args=[officer.pk])

    assert client.post(url, _change_form(officer, position="Chuyên viên")).status_code == 302
    assert not audit_events_for(officer).exists()

    assert client.post(url, _change_form(officer, is_active="")).status_code == 302
    [event] = audit_events_for(officer)
    assert event.before == {"is_active": True} and event.after == {"is_active": False}


def test_the_administrator_reads_the_audit_log_but_cannot_change_it(client, make_user):
    administrator = make_user(Role.ADMINISTRATOR, is_staff=True, is_superuser=True)
    officer = make_user(Role.AGENCY_OFFICER)
    client.force_login(administrator)
    client.post(reverse("admin:accounts_user_change", args=[officer.pk]), _change_form(officer, role=Role.OFFICIAL))
    [event] = audit_events_for(officer)

    listing = client.get(reverse("admin:campaign_portal_auditevent_changelist"), {"q": officer.username})
    assert listing.status_code == 200 and "Đổi vai trò, cơ quan hoặc trạng thái tài khoản" in listing.content.decode()
    assert client.get(reverse("admin:campaign_portal_auditevent_change", args=[event.pk])).status_code == 200
    assert client.post(reverse("admin:campaign_portal_auditevent_delete", args=[event.pk])).status_code == 403
    assert client.get(reverse("admin:campaign_portal_auditevent_add")).status_code == 403
