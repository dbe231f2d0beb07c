"""The nomination form asks for the award form first, then only for that form's nominee fields
and the figures of the criteria that apply to it; figures out of range are refused by name."""

from django.urls import reverse

from awards.models import Nomination

URL = reverse("awards:nomination_create") + "?phong-trao=4064"


def test_first_step_chooses_the_award_form(client, officer, collective_form, individual_form, criteria):
    client.force_login(officer)
    html = client.get(URL).content.decode()
    assert 'name="hinh-thuc"' in html
    assert f'value="{collective_form.pk}"' in html and f'value="{individual_form.pk}"' in html
    assert 'name="nominee_name"' not in html and 'name="nominee_agency"' not in html


def test_collective_form_asks_only_collective_fields_and_its_figures(
    client, officer, collective_form, individual_form, criteria
):
    client.force_login(officer)
    html = client.get(URL, {"hinh-thuc": collective_form.pk}).content.decode()
    assert 'name="nominee_agency"' in html
    assert 'name="nominee_name"' not in html and 'name="nominee_position"' not in html
    assert 'name="metric_late_dossier_rate_pct"' in html
    assert 'name="metric_individual_outstanding"' not in html
    assert f'type="hidden" name="award_form" value="{collective_form.pk}"' in html


def test_individual_form_asks_only_individual_fields_and_its_figures(
    client, officer, collective_form, individual_form, criteria
):
    client.force_login(officer)
    html = client.get(URL, {"hinh-thuc": individual_form.pk}).content.decode()
    assert 'name="nominee_name"' in html and 'name="nominee_agency"' not in html
    assert 'name="metric_individual_outstanding"' in html
    assert 'name="metric_late_dossier_rate_pct"' not in html


def test_percentage_above_100_is_refused_naming_the_field(client, officer, collective_form, individual_form, criteria):
    client.force_login(officer)
    response = client.post(
        URL,
        {
            "award_form": collective_form.pk,
            "nominee_agency": officer.agency.pk,
            "achievement_summary": "Thành tích.",
            "metric_late_dossier_rate_pct": "150",
            "metric_task_completion_pct": "-1",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "là tỉ lệ phần trăm: chỉ nhận từ 0 đến 100." in html
    assert "không thể là số âm." in html
    assert not Nomination.objects.exists()
