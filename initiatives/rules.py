import rules

from accounts.rules import is_agency_officer, is_official, is_reviewer
from agencies.rules import is_own_agency, is_parent_of_agency

from .enums import InitiativeState


@rules.predicate
def is_initiative_of_own_agency(user, initiative) -> bool:
    return initiative is not None and is_own_agency(user, initiative.agency)


@rules.predicate
def is_initiative_of_child_agency(user, initiative) -> bool:
    """A district officer reads the initiatives of its communes."""
    return initiative is not None and is_parent_of_agency(user, initiative.agency)


@rules.predicate
def is_draft(user, initiative) -> bool:
    return initiative is not None and initiative.state == InitiativeState.DRAFT


@rules.predicate
def is_not_evaluated(user, initiative) -> bool:
    return initiative is not None and initiative.state != InitiativeState.EVALUATED


@rules.predicate
def runs_in_own_agency(user, initiative) -> bool:
    """A commune reads an initiative that runs in it, registered by its district (read only)."""
    agency_id = getattr(user, "agency_id", None)
    return (
        initiative is not None and agency_id is not None and initiative.implementing_units.filter(pk=agency_id).exists()
    )


can_read_initiative = (
    is_reviewer
    | is_official
    | (is_agency_officer & (is_initiative_of_own_agency | is_initiative_of_child_agency))
    | (is_agency_officer & ~is_draft & runs_in_own_agency)
)
can_edit_initiative = is_agency_officer & is_initiative_of_own_agency & is_draft

rules.add_perm("initiatives.list_initiatives", is_reviewer | is_official | is_agency_officer)
rules.add_perm("initiatives.view_initiative", can_read_initiative)
rules.add_perm("initiatives.add_initiative", is_agency_officer)
rules.add_perm("initiatives.import_initiatives", is_agency_officer | is_reviewer)
rules.add_perm("initiatives.change_initiative", can_edit_initiative)
rules.add_perm("initiatives.add_evidence", is_agency_officer & is_initiative_of_own_agency & is_not_evaluated)
rules.add_perm("initiatives.delete_evidence", can_edit_initiative)
# Whether an initiative was registered before is the reviewers' call: agencies do not see the matches.
rules.add_perm("initiatives.decide_similarity", is_reviewer)
rules.add_perm("initiatives.delete_initiative", can_edit_initiative)
# Which initiatives the summary report names as standing out is the reviewers' call, once registered.
rules.add_perm("initiatives.mark_standout", is_reviewer & ~is_draft)
