from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    AGENCY_OFFICER = "agency_officer", _("Cán bộ đầu mối của cơ quan, đơn vị")
    REVIEWER = "reviewer", _("Chuyên viên Sở Nội vụ (thẩm định)")
    OFFICIAL = "official", _("Lãnh đạo")
    ADMINISTRATOR = "administrator", _("Quản trị hệ thống")
