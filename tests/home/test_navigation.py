"""The navigation bar on every page: entries by the role's permissions, without a query of its own."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.enums import Role
from home.navigation import nav_items_for
from tests.factories import AgencyFactory


@pytest.mark.parametrize("role", [Role.AGENCY_OFFICER, Role.REVIEWER, Role.OFFICIAL, Role.ADMINISTRATOR])
def test_navigation_reads_nothing_from_the_database(make_user, role):
    user = make_user(role, agency=AgencyFactory() if role == Role.AGENCY_OFFICER else None)
    with CaptureQueriesContext(connection) as context:
        items = nav_items_for(user)
    assert items and items[0]["url_name"] == "home"
    assert [q["sql"] for q in context.captured_queries] == []
