import datetime

from django.urls import reverse
from django.utils import timezone

from awards import services
from awards.models import Nomination
from tests.awards.conftest import make_dossier


def _dossier(capture, **kwargs) -> Nomination:
    with capture(execute=True):
        nomination = make_dossier(**kwargs)
    nomination.refresh_from_db()
    return nomination


def test_check_pending_until_the_check_has_run(
    django_capture_on_commit_callbacks, officer, campaign, collective_form, criteria
):
    nomination = _dossier(
        django_capture_on_commit_callbacks, officer=officer, campaign=campaign, award_form=collective_form
    )
    assert nomination.check_requested_at is not None and not nomination.check_pending  # ran in process
    Nomination.objects.filter(pk=nomination.pk).update(check_requested_at=timezone.now())
    nomination.refresh_from_db()
    assert nomination.check_pending


def test_requeue_pending_takes_only_checks_that_never_ran(
    django_capture_on_commit_callbacks, officer, other_officer, campaign, collective_form, criteria
):
    capture = django_capture_on_commit_callbacks
    stale = _dossier(capture, officer=officer, campaign=campaign, award_form=collective_form)
    fresh = _dossier(capture, officer=other_officer, campaign=campaign, award_form=collective_form)
    long_ago = timezone.now() - datetime.timedelta(hours=1)
    Nomination.objects.filter(pk=stale.pk).update(
        checked_at=long_ago - datetime.timedelta(hours=1), check_requested_at=long_ago
    )
    Nomination.objects.filter(pk=fresh.pk).update(check_requested_at=timezone.now())
    with capture(execute=True):
        assert services.criteria_check_requeue_pending() == 1
    assert not Nomination.objects.get(pk=stale.pk).check_pending
    assert Nomination.objects.get(pk=fresh.pk).check_pending


def test_checklist_fragment_polls_while_pending(
    django_capture_on_commit_callbacks, client, officer, other_officer, campaign, collective_form, criteria
):
    nomination = _dossier(
        django_capture_on_commit_callbacks, officer=officer, campaign=campaign, award_form=collective_form
    )
    url = reverse("awards:nomination_checklist", args=[nomination.pk])
    client.force_login(officer)
    done = client.get(url).content.decode()
    assert 'id="checklist"' in done and "data-pending-url" not in done and "<html" not in done
    Nomination.objects.filter(pk=nomination.pk).update(check_requested_at=timezone.now())
    pending = client.get(reverse("awards:nomination_detail", args=[nomination.pk])).content.decode()
    assert f'data-pending-url="{url}"' in pending and "Đang chờ xử lý: kiểm tra theo tiêu chí" in pending
    client.force_login(other_officer)
    assert client.get(url).status_code == 404
