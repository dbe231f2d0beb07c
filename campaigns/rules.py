import rules

from accounts.rules import is_administrator, is_agency_officer, is_official, is_reviewer

rules.add_perm("campaigns.view_campaign", is_reviewer | is_official | is_agency_officer | is_administrator)
rules.add_perm("campaigns.change_campaign", is_reviewer)
rules.add_perm("campaigns.add_campaign", is_reviewer)
# The campaigns menu is for Home Affairs staff and leaders; officers reach a campaign from their initiatives.
rules.add_perm("campaigns.view_campaign_list", is_reviewer | is_official)
