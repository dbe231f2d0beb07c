"""What every awards page shares: the campaign it is about, read from the request."""

from django.http import Http404
from django.utils.translation import gettext as _

from campaigns.models import Campaign

from .. import selectors


def campaign_for(request) -> Campaign:
    code = request.GET.get("campaign") or request.POST.get("campaign")
    campaign = Campaign.objects.filter(code=code).first() if code else selectors.current_campaign()
    if campaign is None:
        raise Http404(_("Chưa có phong trào thi đua nào."))
    return campaign
