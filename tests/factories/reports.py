"""Factories of the reports app."""

import datetime

import factory

from reports.models import Indicator, IndicatorValue, SummaryReport

from . import CampaignFactory


class SummaryReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SummaryReport

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
