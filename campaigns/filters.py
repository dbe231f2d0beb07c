"""How a page names the campaign it lists or works within: the campaign's code as the `phong-trao`
query parameter (`/khen-thuong/?phong-trao=<mã>`). A campaign's own pages take the code as a
path segment instead (`/phong-trao/<mã>/`, `/bao-cao/<mã>/`): there the campaign is the page."""

import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Campaign

CAMPAIGN_PARAMETER = "phong-trao"


class CampaignFilter(django_filters.ModelChoiceFilter):
    """A list's campaign filter: the options' values are the campaigns' codes. Its FilterSet files
    it under CAMPAIGN_PARAMETER, a name a class attribute cannot have. Its options read only what
    they show (the code and the name), not the campaigns' other columns."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Phong trào"))
        kwargs.setdefault("empty_label", _("Mọi phong trào"))
        super().__init__(
            field_name="campaign",
            to_field_name="code",
            queryset=Campaign.objects.only("code", "name").order_by("-period_start"),
            **kwargs,
        )
