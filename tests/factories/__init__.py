"""Factories shared by the tests. Each app adds its own module here (tests/factories/<app>.py)."""

import datetime

import factory

from accounts.enums import Role
from agencies.enums import AgencyKind, AgencyLevel
from agencies.models import Agency
from campaigns.models import Campaign, LegalDocument

TEST_PASSWORD = "Mat-khau-thu-2024"


class AgencyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agency

    name = factory.Sequence(lambda n: f"Sở Thử nghiệm {n}")
    kind = AgencyKind.DEPARTMENT
    level = AgencyLevel.PROVINCE


class DistrictFactory(AgencyFactory):
    name = factory.Sequence(lambda n: f"UBND huyện Thử {n}")
    kind = AgencyKind.DISTRICT_COMMITTEE
    level = AgencyLevel.DISTRICT
    unit_type = "huyen"


class CommuneFactory(AgencyFactory):
    name = factory.Sequence(lambda n: f"UBND xã Thử {n}")
    kind = AgencyKind.COMMUNE_COMMITTEE
    level = AgencyLevel.COMMUNE
    unit_type = "xa"
    parent = factory.SubFactory(DistrictFactory)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "accounts.User"
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"nguoidung{n}")
    first_name = "An"
    last_name = "Nguyễn Văn"
    role = Role.AGENCY_OFFICER
    agency = factory.LazyAttribute(lambda o: AgencyFactory() if o.role == Role.AGENCY_OFFICER else None)
    password = factory.PostGenerationMethodCall("set_password", TEST_PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class LegalDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LegalDocument

    doc_type = "CV"
    number_symbol = factory.Sequence(lambda n: f"{100 + n}/SNV-CCHC")
    issued_on = datetime.date(2024, 3, 1)
    issuer = "Sở Nội vụ"
    subject = "về việc thử nghiệm"


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    code = factory.Sequence(lambda n: f"pt{n}")
    name = factory.Sequence(lambda n: f"Phong trào thử nghiệm {n}")
    plan_document = factory.SubFactory(LegalDocumentFactory, doc_type="KH", issuer="Ủy ban nhân dân tỉnh")
    issuing_authority = "Ủy ban nhân dân tỉnh"
    organiser = factory.SubFactory(AgencyFactory, name="Sở Nội vụ thử")
    place_name = "Đà Nẵng"
    period_start = datetime.date(2025, 1, 1)
    period_end = datetime.date(2025, 10, 31)
    nomination_deadline = datetime.date(2025, 11, 30)


class InitiativeCategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "campaigns.InitiativeCategory"

    campaign = factory.SubFactory(CampaignFactory)
    code = factory.Sequence(lambda n: f"nhom-{n}")
    name = factory.Sequence(lambda n: f"Nhóm thử nghiệm {n}")
