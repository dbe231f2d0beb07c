import rules

from accounts.rules import is_official, is_reviewer

# Reviewers run the council's paperwork; officials read the meetings and download the documents.
rules.add_perm("council.view_meeting", is_reviewer | is_official)
rules.add_perm("council.change_meeting", is_reviewer)
rules.add_perm("council.download_render", is_reviewer | is_official)
