"""The benchmark (`make bench`): the demo's report, then synthetic provinces at growing sizes.

The demo campaign is taken here from the demo data once: the portal's code names no campaign, the
bench measures the one `seed_demo` loads and builds its synthetic dossiers from that campaign's
award data."""

from demo import MAIN_CAMPAIGN_CODE as DEMO_CAMPAIGN

__all__ = ["DEMO_CAMPAIGN"]
