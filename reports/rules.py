import rules

from accounts.rules import is_official, is_reviewer

rules.add_perm("reports.view_summaryreport", is_reviewer | is_official)
rules.add_perm("reports.change_summaryreport", is_reviewer)
rules.add_perm("reports.render_summaryreport", is_reviewer)
rules.add_perm("reports.download_reportrender", is_reviewer | is_official)
rules.add_perm("reports.change_indicator", is_reviewer)
rules.add_perm("reports.change_outline", is_reviewer)
