"""The NUL character, wherever it can be sent: a form's text, a date, a filter or a parameter's name, the
JSON of criterion parameters, an imported workbook. The answer is a Vietnamese message naming
what to correct and nothing saved, never a 500 (PostgreSQL cannot store a NUL in text) nor a
message about another field."""

import io
import zipfile

import pytest
from django import forms
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from accounts.enums import Role
from awards import services
from awards.enums import NominationState, NomineeType
from awards.models import Criterion
from campaign_portal.spreadsheets import XLSX_CONTENT_TYPE, Column, workbook_write
from reports.models import Indicator
from tests.awards.conftest import make_dossier
from tests.factories import AgencyFactory, CampaignFactory
from tests.factories.awards import AwardFormFactory, CriterionFactory, load_plan_criteria

REFUSED = "có ký tự NUL (mã 0)"


@pytest.fixture
def sent_dossier(make_user):
    campaign = CampaignFactory()
    load_plan_criteria(campaign)
    officer = make_user(Role.AGENCY_OFFICER, agency=AgencyFactory())
    award_form = AwardFormFactory(campaign=campaign, nominee_type=NomineeType.COLLECTIVE)
    nomination = make_dossier(officer=officer, campaign=campaign, award_form=award_form)
    services.nomination_submit(user=officer, nomination=nomination)
    return nomination


def test_nul_in_a_return_reason_names_the_field_and_changes_nothing(client, reviewer, sent_dossier):
    client.force_login(reviewer)
    url = reverse("awards:nomination_transition", args=[sent_dossier.pk])
    response = client.post(url, {"action": "return", "expected_state": "submitted", "reason": "Thiếu\x00 biên bản"})
    assert response.status_code == 400
    page = response.content.decode()
    assert REFUSED in page and "“reason”" in page
    assert "dd/mm/yyyy" not in page
    sent_dossier.refresh_from_db()
    assert sent_dossier.state == NominationState.SUBMITTED


@pytest.mark.parametrize(
    ("page", "query"),
    [("initiatives:list", {"q": "a\x00b"}), ("awards:nomination_list", {"q": "\x00"}), ("home", {"\x00": "1"})],
)
def test_nul_in_a_filter_or_parameter_name_is_refused_not_a_500(client, reviewer, page, query):
    client.force_login(reviewer)
    response = client.get(reverse(page), query)
    assert response.status_code == 400
    assert REFUSED in response.content.decode()


def test_refusal_page_follows_the_chosen_language(client, reviewer):
    client.force_login(reviewer)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    response = client.get(reverse("initiatives:list"), {"q": "\x00"})
    assert response.status_code == 400 and "NUL" in response.content.decode()
    assert REFUSED not in response.content.decode()


def test_nul_in_a_criterion_parameter_is_refused_on_the_field(client, reviewer):
    criterion = CriterionFactory(kind="attestation", params={"statement": "cam_ket", "label": "Cam kết"})
    client.force_login(reviewer)
    data = {
        "code": criterion.code,
        "wording": criterion.wording,
        "kind": "attestation",
        "applies_to": "collective",
        "position": 1,
        "active": "on",
        "p-statement": "cam_ket",
        "p-label": "Cam k\x00t",
    }
    response = client.post(reverse("awards:criterion_edit", args=[criterion.pk]), data)
    assert response.status_code == 400
    assert REFUSED in response.content.decode()
    criterion.refresh_from_db()
    assert criterion.params == {"statement": "cam_ket", "label": "Cam kết"}
    assert Criterion.objects.count() == 1


def test_djangos_own_nul_message_is_vietnamese():
    with translation.override("vi"), pytest.raises(forms.ValidationError) as caught:
        forms.CharField().clean("a\x00b")
    assert caught.value.messages == ["Không được có ký tự NUL (mã 0); hãy xoá ký tự đó."]


def test_nul_written_into_an_imported_workbook_is_refused_with_a_message(client, reviewer):
    """A workbook cannot hold a NUL (XML 1.0 forbids it): one edited to hold `&#0;` is unreadable."""
    campaign = CampaignFactory(code="thu")
    client.force_login(reviewer)
    columns = [Column(h) for h in ("Mã", "Tên", "Đơn vị", "Mục", "Cha", "Giá trị")]
    content = workbook_write(title="Chỉ số", columns=columns, rows=[("a", "MARK", "", "4.4", "", 1)])
    source, buffer = zipfile.ZipFile(io.BytesIO(content)), io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            data = source.read(info.filename)
            target.writestr(info, data.replace(b"MARK", b"A&#0;B"))
    edited = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    assert any(b"A&#0;B" in edited.read(name) for name in edited.namelist())
    upload = SimpleUploadedFile("chi-so.xlsx", buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)
    response = client.post(reverse("reports:indicators", args=[campaign.code]), {"import": "1", "file": upload})
    assert response.status_code == 400
    assert "Không đọc được tệp Excel" in response.content.decode()
    assert not Indicator.objects.exists()
