"""The fixed vocabularies of the hierarchy: levels, kinds of agency and types of administrative unit.

Levels are the law's three (province, district, commune); which of them exist on a day is data,
asked of `selectors.levels_as_of`, since the district level ended on 01/07/2025."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgencyLevel(models.TextChoices):
    PROVINCE = "province", _("Cấp tỉnh")
    DISTRICT = "district", _("Cấp huyện")
    COMMUNE = "commune", _("Cấp xã")


class AgencyKind(models.TextChoices):
    PROVINCE_COMMITTEE = "province_committee", _("UBND tỉnh")
    DEPARTMENT = "department", _("Sở, ban, ngành")
    DISTRICT_COMMITTEE = "district_committee", _("UBND huyện, thị xã, thành phố")
    COMMUNE_COMMITTEE = "commune_committee", _("UBND xã, phường, thị trấn")
    CENTRAL_AGENCY = "central_agency", _("Cơ quan Trung ương đóng trên địa bàn")
    SUBUNIT = "subunit", _("Đơn vị trực thuộc")


class UnitType(models.TextChoices):
    """The official type of an administrative unit, which gives its name prefix."""

    PROVINCE = "tinh", _("tỉnh")
    CITY = "thanh-pho", _("thành phố")
    TOWN = "thi-xa", _("thị xã")
    QUARTER = "quan", _("quận")
    DISTRICT = "huyen", _("huyện")
    COMMUNE = "xa", _("xã")
    WARD = "phuong", _("phường")
    TOWNSHIP = "thi-tran", _("thị trấn")
    SPECIAL_ZONE = "dac-khu", _("đặc khu")
