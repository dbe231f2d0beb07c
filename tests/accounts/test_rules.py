import pytest

from accounts.enums import Role
from agencies.selectors import agencies_readable_by
from tests.factories import AgencyFactory, CommuneFactory, DistrictFactory
from tests.factories.initiatives import InitiativeFactory


@pytest.mark.parametrize(
    ("role", "directory", "manage_users", "change_campaign", "view_campaign"),
    [
        (Role.AGENCY_OFFICER, False, False, False, True),
        (Role.REVIEWER, True, False, True, True),
        (Role.OFFICIAL, True, False, False, True),
        (Role.ADMINISTRATOR, True, True, False, True),
    ],
)
def test_role_permissions(make_user, role, directory, manage_users, change_campaign, view_campaign):
    user = make_user(role)
    assert user.has_perm("agencies.view_directory") is directory
    assert user.has_perm("accounts.manage_users") is manage_users
    assert user.has_perm("campaigns.change_campaign") is change_campaign
    assert user.has_perm("campaigns.view_campaign") is view_campaign


def test_disabled_user_holds_no_role_permission(make_user):
    user = make_user(Role.REVIEWER, is_active=False)
    assert not user.has_perm("agencies.view_directory")


def test_agency_officer_reads_own_agency_and_district_reads_its_communes(make_user):
    district = DistrictFactory()
    commune = CommuneFactory(parent=district)
    other_commune = CommuneFactory()
    other = AgencyFactory()
    district_officer = make_user(Role.AGENCY_OFFICER, agency=district)
    commune_officer = make_user(Role.AGENCY_OFFICER, agency=commune)

    assert set(agencies_readable_by(user=district_officer)) == {district, commune}
    assert set(agencies_readable_by(user=commune_officer)) == {commune}
    assert district_officer.has_perm("agencies.view_agency", district)
    assert not district_officer.has_perm("agencies.view_agency", other)
    assert other_commune not in agencies_readable_by(user=district_officer)


def test_reviewer_reads_every_agency(make_user):
    AgencyFactory.create_batch(3)
    reviewer = make_user(Role.REVIEWER)
    assert agencies_readable_by(user=reviewer).count() == 3


def test_superuser_administrator_gets_only_what_the_rules_give(make_user):
    admin = make_user(Role.ADMINISTRATOR, is_staff=True, is_superuser=True)
    assert admin.has_perm("agencies.change_agency") and admin.has_perm("accounts.manage_users")
    assert not admin.has_perm("campaigns.change_campaign")
    assert not admin.has_perm("initiatives.view_initiative", InitiativeFactory())
    # Django's own model permissions (admin site) keep their meaning for superusers.
    assert admin.has_perm("auth.change_group")
