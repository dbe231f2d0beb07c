"""Object predicates on an agency, from the user's `agency_id` alone: `agencies` imports no other
app, so the role predicates and the agency pages' permissions that combine them with these live in
`accounts/rules.py`."""

import rules


@rules.predicate
def is_own_agency(user, agency) -> bool:
    return agency is not None and getattr(user, "agency_id", None) == agency.pk


@rules.predicate
def is_parent_of_agency(user, agency) -> bool:
    """A district officer reads the records of its communes."""
    return agency is not None and agency.parent_id is not None and agency.parent_id == getattr(user, "agency_id", None)
