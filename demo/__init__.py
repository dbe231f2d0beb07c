"""The demo data, loaded by `manage.py seed_demo`."""

from .plan_4064 import CAMPAIGN as _FIRST

# The campaign loaded first, the one the bench measures; the portal's own code names no campaign.
MAIN_CAMPAIGN_CODE = _FIRST["code"]
