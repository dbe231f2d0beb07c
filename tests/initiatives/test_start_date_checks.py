"""An initiative's start date: a day absent from the calendar, or a start after both today and the
campaign's end (a slip of the year), is refused with the real cause, and nothing is saved."""

import datetime

from django.urls import reverse

from initiatives.models import Initiative
from tests.initiatives.test_permissions import _edit_payload


def _post(client, initiative, started_on):
    return client.post(
        reverse("initiatives:update", args=[initiative.pk]), _edit_payload(initiative, started_on=started_on)
    )


def test_day_that_does_not_exist_is_named(client, commune_draft, commune_officer):
    client.force_login(commune_officer)
    html = _post(client, commune_draft, "31/02/2025").content.decode()
    assert "Ngày 31/02/2025 không có thật" in html
    assert "dd/mm/yyyy" not in html.split("Ngày 31/02/2025 không có thật")[1][:80]
    assert Initiative.objects.get(pk=commune_draft.pk).started_on == commune_draft.started_on


def test_start_after_today_and_the_campaign_is_refused(client, commune_draft, commune_officer):
    client.force_login(commune_officer)
    html = _post(client, commune_draft, "01/03/2030").content.decode()
    assert "Ngày bắt đầu 01/03/2030 ở sau cả hôm nay và ngày kết thúc phong trào" in html
    assert Initiative.objects.get(pk=commune_draft.pk).started_on != datetime.date(2030, 3, 1)


def test_start_within_the_campaign_is_kept(client, commune_draft, commune_officer):
    client.force_login(commune_officer)
    day = commune_draft.campaign.period_start
    assert _post(client, commune_draft, day.strftime("%d/%m/%Y")).status_code == 302
    assert Initiative.objects.get(pk=commune_draft.pk).started_on == day
