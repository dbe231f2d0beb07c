"""Warnings before an action with consequences on the nomination page: sending after the
deadline says the dossier will count as late, and by how much."""

import datetime

from django.urls import reverse
from django.utils import timezone

from awards import services
from tests.awards.conftest import make_dossier


def test_sending_after_the_deadline_warns_that_it_counts_as_late(client, officer, dossier, campaign):
    client.force_login(officer)
    html = client.get(reverse("awards:nomination_detail", args=[dossier.pk])).content.decode()
    days = (timezone.localdate() - campaign.nomination_deadline).days
    assert f"Hạn gửi là 24/12/2024 (đã qua). Hồ sơ gửi hôm nay sẽ được tính là trễ hạn {days} ngày." in html
    warning = html.index('data-testid="late-warning"')
    assert html.rindex('action="/khen-thuong/ho-so/', 0, warning) > html.index("actions-heading")


def test_no_late_warning_before_the_deadline_nor_once_received(client, officer, campaign, collective_form, criteria):
    campaign.nomination_deadline = timezone.localdate() + datetime.timedelta(days=3)
    campaign.period_end = timezone.localdate()
    campaign.save()
    dossier = make_dossier(officer=officer, campaign=campaign, award_form=collective_form)
    client.force_login(officer)
    assert "late-warning" not in client.get(reverse("awards:nomination_detail", args=[dossier.pk])).content.decode()
    campaign.nomination_deadline = datetime.date(2024, 12, 24)
    campaign.save()
    services.nomination_submit(user=officer, nomination=dossier)
    assert "late-warning" not in client.get(reverse("awards:nomination_detail", args=[dossier.pk])).content.decode()


def test_reviewer_page_with_several_actions_has_no_duplicate_ids(client, officer, reviewer, dossier):
    import re

    services.nomination_submit(user=officer, nomination=dossier)
    client.force_login(reviewer)
    html = client.get(reverse("awards:nomination_detail", args=[dossier.pk])).content.decode()
    assert html.count('name="transition"') >= 2, "a page where the reviewer has several actions"
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    for target in re.findall(r'\sfor="([^"]+)"', html):
        assert target in ids, f"label for a missing id: {target}"


def test_missing_reason_is_reported_next_to_its_box(client, officer, reviewer, dossier):
    services.nomination_submit(user=officer, nomination=dossier)
    client.force_login(reviewer)
    url = reverse("awards:nomination_transition", args=[dossier.pk])
    response = client.post(url, {"transition": "return", "expected_state": "submitted", "reason": "  "})
    assert response.status_code == 200
    html = response.content.decode()
    box = html.index('id="id_return_reason"')
    message = html.index("Hãy ghi lý do cho thao tác")
    assert 0 < message - box < 600, "the message sits right after the reason box"
    assert 'aria-invalid="true"' in html[box - 300 : box + 100] or "is-invalid" in html[box - 300 : box + 100]
    # The box names its message, which screen readers read with it.
    assert 'aria-describedby="id_return_reason_error"' in html[box - 300 : box + 100]
    assert html.index('id="id_return_reason_error"') < message
    dossier.refresh_from_db()
    assert dossier.state == "submitted"
