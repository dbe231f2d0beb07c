"""The nomination form asks for the award form first, then only for that form's nominee fields
and the figures of the criteria that apply to it; figures out of range are refused by name."""

import pytest
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


def test_retired_form_is_neither_offered_nor_taken_for_a_new_nomination(
    client, officer, collective_form, individual_form, criteria
):
    """With one of two forms retired, the first step is skipped (one form is left), and the retired
    form's id typed into the address or posted is refused naming the field; nothing is saved."""
    individual_form.retired = True
    individual_form.save()
    client.force_login(officer)
    html = client.get(URL).content.decode()
    assert 'name="hinh-thuc"' not in html
    assert f'type="hidden" name="award_form" value="{collective_form.pk}"' in html
    html = client.get(URL, {"hinh-thuc": individual_form.pk}).content.decode()
    assert 'name="nominee_name"' not in html, "the retired form is not drawn"
    response = client.post(
        URL, {"award_form": individual_form.pk, "nominee_name": "Nguyễn Văn A", "achievement_summary": "Thành tích."}
    )
    assert response.status_code == 200
    assert "Hình thức khen thưởng" in response.content.decode()
    assert not Nomination.objects.exists()


def test_retired_form_is_refused_by_the_service_but_kept_by_its_nomination(officer, collective_form, individual_form):
    from django.core.exceptions import ValidationError

    from awards.services import nomination_create, nomination_update

    nomination = nomination_create(
        user=officer, campaign=collective_form.campaign, award_form=collective_form, nominee_agency=officer.agency
    )
    collective_form.retired = True
    collective_form.save()
    individual_form.retired = True
    individual_form.save()
    with pytest.raises(ValidationError) as refused:
        nomination_create(
            user=officer, campaign=collective_form.campaign, award_form=collective_form, nominee_agency=officer.agency
        )
    assert "đã ngừng sử dụng" in refused.value.message_dict["award_form"][0]
    updated = nomination_update(user=officer, nomination=nomination, achievement_summary="Sửa thành tích.")
    assert updated.award_form == collective_form
    with pytest.raises(ValidationError):
        nomination_update(user=officer, nomination=nomination, award_form=individual_form, nominee_name="Trần Thị B")
    assert Nomination.objects.count() == 1
