"""Role predicates: the one permission mechanism (django-rules). Object rules of each app build
on these."""

import rules


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
