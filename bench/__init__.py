"""The benchmark (`make bench`): the demo's report, then synthetic provinces at growing sizes.

The demo campaign is named here once: the portal's code names no campaign, the bench measures
the one `seed_demo` loads and builds its synthetic dossiers from that campaign's award data."""

DEMO_CAMPAIGN = "4064"
