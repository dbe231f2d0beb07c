"""What every awards page shares: the campaign it is about, read from the request."""

from django.http import Http404
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from campaigns.filters import CAMPAIGN_PARAMETER
from campaigns.models import Campaign

from .. import selectors


def campaign_for(request) -> Campaign:
    """The campaign named by the `phong-trao` parameter, or the current one."""
    code = request.GET.get(CAMPAIGN_PARAMETER) or request.POST.get(CAMPAIGN_PARAMETER)
    campaign = Campaign.objects.filter(code=code).first() if code else selectors.current_campaign()
    if campaign is None:
        raise Http404(_("Chưa có phong trào thi đua nào."))
    return campaign


def campaign_url(name: str, campaign: Campaign) -> str:
    """The URL of an awards page within `campaign`, named as every campaign link is."""
    return f"{reverse(name)}?{urlencode({CAMPAIGN_PARAMETER: campaign.code})}"
