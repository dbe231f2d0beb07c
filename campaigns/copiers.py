"""Copying an earlier campaign as the start of a new one.

A campaign's award forms, criteria, indicators (and later its categories and outline) live in the
apps above `campaigns`, which may not import them. So each of those apps registers, from its
AppConfig.ready, the function that copies its own part; `campaign_copy` (services) runs them all
in the transaction that creates the new campaign."""

from collections.abc import Callable

# copier(*, source, target, user) -> a short Vietnamese line saying what it copied, or "" for nothing.
CampaignCopier = Callable[..., str]


class CopierRegistry:
    def __init__(self) -> None:
        self._copiers: dict[str, CampaignCopier] = {}

    def register(self, copier: CampaignCopier) -> CampaignCopier:
        """Add a copier; registering the same function again (a second ready()) changes nothing."""
        self._copiers[f"{copier.__module__}.{copier.__qualname__}"] = copier
        return copier

    def __iter__(self):
        return iter(list(self._copiers.values()))


campaign_copiers = CopierRegistry()
