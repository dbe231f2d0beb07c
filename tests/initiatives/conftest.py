import pytest

from accounts.enums import Role
from tests.factories import CampaignFactory, CommuneFactory, DistrictFactory
from tests.factories.initiatives import InitiativeFactory


@pytest.fixture
def campaign(db):
    return CampaignFactory()


@pytest.fixture
def district(db):
    return DistrictFactory(name="UBND huyện Thử Nghiệm", short_name="Thử Nghiệm")


@pytest.fixture
def commune(district):
    return CommuneFactory(name="UBND xã Trà Đốc", short_name="Trà Đốc", parent=district)


@pytest.fixture
def other_commune(district):
    return CommuneFactory(name="UBND xã Trà Giác", short_name="Trà Giác", parent=district)


@pytest.fixture
def district_officer(make_user, district):
    return make_user(Role.AGENCY_OFFICER, agency=district)


@pytest.fixture
def commune_officer(make_user, commune):
    return make_user(Role.AGENCY_OFFICER, agency=commune)


@pytest.fixture
def other_commune_officer(make_user, other_commune):
    return make_user(Role.AGENCY_OFFICER, agency=other_commune)


@pytest.fixture
def commune_draft(campaign, commune):
    return InitiativeFactory(campaign=campaign, agency=commune, title="Mô hình 3K “Không viết, không hẹn”")
