from django.db import models
from django.utils.translation import gettext_lazy as _


class CouncilDocument(models.TextChoices):
    """The three documents that follow a council meeting, each drawn by the report's renderers."""

    MINUTES = "minutes", _("Biên bản họp Hội đồng")
    PROPOSAL = "proposal", _("Tờ trình đề nghị khen thưởng")
    DECISION = "decision", _("Dự thảo quyết định khen thưởng")


class PassComparison(models.TextChoices):
    """How the votes in favour are compared with the campaign's share of the members present."""

    MORE_THAN = "more_than", _("Trên")
    AT_LEAST = "at_least", _("Từ … trở lên")
