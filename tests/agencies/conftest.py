import io

import pytest
from django.core.management import call_command


@pytest.fixture
def quang_nam(db):
    """Quảng Nam with its whole history: the 2024 map, the 2025 rearrangements and Thành phố Đà Nẵng."""
    call_command("load_agencies", stdout=io.StringIO())
    from agencies.models import Agency

    return Agency.objects
