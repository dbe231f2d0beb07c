import rules

from accounts.rules import is_administrator, is_agency_officer, is_official, is_reviewer


@rules.predicate
def is_own_agency(user, agency) -> bool:
    return agency is not None and getattr(user, "agency_id", None) == agency.pk


@rules.predicate
def is_parent_of_agency(user, agency) -> bool:
    """A district officer reads the records of its communes."""
    return agency is not None and agency.parent_id is not None and agency.parent_id == getattr(user, "agency_id", None)


can_read_agency_records = is_reviewer | is_official | (is_agency_officer & (is_own_agency | is_parent_of_agency))

rules.add_perm("agencies.view_directory", is_reviewer | is_official | is_administrator)
rules.add_perm("agencies.view_agency", is_reviewer | is_official | is_administrator | is_own_agency)
rules.add_perm("agencies.change_agency", is_administrator)
