"""Role predicates: the one permission mechanism (django-rules). Object rules of each app build
on these."""

import rules

from agencies.rules import is_own_agency


@rules.predicate
def is_reviewer(user) -> bool:
    return bool(getattr(user, "is_reviewer", False))


@rules.predicate
def is_official(user) -> bool:
    return bool(getattr(user, "is_official", False))


@rules.predicate
def is_administrator(user) -> bool:
    return bool(getattr(user, "is_administrator", False))


@rules.predicate
def is_agency_officer(user) -> bool:
    return bool(getattr(user, "is_agency_officer", False))


is_staff_reader = is_reviewer | is_official

rules.add_perm("accounts.manage_users", is_administrator)

# The agency pages' permissions are declared here, beside the roles they name, because `agencies`
# imports no other app.
rules.add_perm("agencies.view_directory", is_reviewer | is_official | is_administrator)
rules.add_perm("agencies.view_agency", is_reviewer | is_official | is_administrator | is_own_agency)
rules.add_perm("agencies.change_agency", is_administrator)
# The agency picker of the lists: whoever reads a list filtered by agency (not the administrator).
rules.add_perm("agencies.search_agencies", is_staff_reader | is_agency_officer)
