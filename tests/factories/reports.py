"""Factories of the reports app."""

import datetime

import factory

from reports.models import Indicator, IndicatorValue, SummaryReport
from reports.outline import outline_ensure

from . import CampaignFactory


class SummaryReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SummaryReport
        skip_postgeneration_save = True

    campaign = factory.SubFactory(CampaignFactory)
    number_symbol = "15/BC-SNV"
    issued_on = datetime.date(2025, 12, 5)
    place_name = "Đà Nẵng"
    issuer_parent = "UBND THÀNH PHỐ ĐÀ NẴNG"
    issuer_name = "SỞ NỘI VỤ"
    signer_authority = ""
    signer_position = "GIÁM ĐỐC"
    signer_name = "Lê Văn Tâm"
    recipients = factory.LazyFunction(lambda: ["UBND thành phố (b/c);", "Lưu: VT, TĐKT."])
    sections = factory.LazyFunction(dict)
    # As the portal does when it creates a report: a campaign without an outline gets the generic one.
    outline = factory.PostGeneration(
        lambda report, create, extracted, **kwargs: create and outline_ensure(campaign=report.campaign)
    )


class IndicatorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Indicator

    campaign = factory.SubFactory(CampaignFactory)
    code = factory.Sequence(lambda n: f"chi-so-{n}")
    name = factory.Sequence(lambda n: f"Chỉ số thử {n}")
    unit = "hồ sơ"


class IndicatorValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndicatorValue

    indicator = factory.SubFactory(IndicatorFactory)
    value = 100
