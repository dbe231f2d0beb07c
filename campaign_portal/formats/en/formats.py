# Dates as in Vietnamese (dd/mm/yyyy) for every language; English uses its own number separators.
from campaign_portal.formats.vi.formats import *  # noqa: F403 - the same formats, then the overrides below

DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
