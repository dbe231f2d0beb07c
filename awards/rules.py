import rules

from accounts.rules import is_administrator, is_agency_officer, is_official, is_reviewer

from .enums import NominationState

EDITABLE_STATES = (NominationState.DRAFT, NominationState.RETURNED)


@rules.predicate
def is_nominating_agency(user, nomination) -> bool:
    return nomination is not None and getattr(user, "agency_id", None) == nomination.agency_id


@rules.predicate
def is_parent_of_nominating_agency(user, nomination) -> bool:
    """A district officer reads its communes' nominations."""
    agency_id = getattr(user, "agency_id", None)
    return nomination is not None and agency_id is not None and nomination.agency.parent_id == agency_id


@rules.predicate
def is_editable(user, nomination) -> bool:
    return nomination is not None and nomination.state in EDITABLE_STATES


@rules.predicate
def is_sent(user, nomination) -> bool:
    return nomination is not None and nomination.state != NominationState.DRAFT


# Drafts belong to their agency (and its district) until sent.
can_read_nomination = ((is_reviewer | is_official) & is_sent) | (
    is_agency_officer & (is_nominating_agency | is_parent_of_nominating_agency)
)
can_edit_nomination = is_agency_officer & is_nominating_agency & is_editable
can_submit_nomination = is_agency_officer & is_nominating_agency

rules.add_perm("awards.view_nomination_list", is_agency_officer | is_reviewer | is_official)
rules.add_perm("awards.view_nomination", can_read_nomination)
rules.add_perm("awards.add_nomination", is_agency_officer)
rules.add_perm("awards.change_nomination", can_edit_nomination)
rules.add_perm("awards.submit_nomination", can_submit_nomination)
# Only a draft, never sent: once sent, the dossier is part of the campaign's record.
rules.add_perm("awards.delete_nomination", is_agency_officer & is_nominating_agency & ~is_sent)
rules.add_perm("awards.review_nomination", is_reviewer)
rules.add_perm("awards.record_receipt", is_reviewer & is_sent)
rules.add_perm("awards.check_nominations", is_reviewer)
rules.add_perm("awards.view_progress", is_reviewer | is_official)
rules.add_perm("awards.export_nominations", is_reviewer | is_official)
rules.add_perm("awards.manage_criteria", is_reviewer)
rules.add_perm("awards.view_criteria", is_reviewer | is_official | is_administrator)
# The register spans campaigns and years: Home Affairs staff and officials read it, reviewers add to it.
rules.add_perm("awards.view_register", is_reviewer | is_official)
rules.add_perm("awards.import_register", is_reviewer)
# Reviewers publish the proposed list and read the public's comments; officials read them for the council.
rules.add_perm("awards.publish_list", is_reviewer)
rules.add_perm("awards.view_public_comments", is_reviewer | is_official)
