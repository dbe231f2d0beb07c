"""The report's outline is the campaign's data: a new campaign starts from the generic outline,
a section with nothing in it is not printed, blocks go where staff place them, and reviewers (and
no one else) edit the outline in the browser."""

import datetime

import pytest
from django.urls import reverse

from accounts.enums import Role
from campaign_portal.models import AuditEvent
from campaigns.models import CampaignDocument
from reports.composition import outline_tree, summary_report_compose
from reports.enums import BlockKind, BlockPlacement, OutlineLevel
from reports.models import OutlineBlock, OutlineSection
from reports.outline import GENERIC_OUTLINE
from reports.services import summary_report_get_or_create
from tests.factories import AgencyFactory, CampaignFactory, LegalDocumentFactory
from tests.factories.reports import SummaryReportFactory

REFORM_WORDS = ("4064", "cải cách hành chính", "CCHC", "chuyển đổi số", "thủ tục hành chính", "Quảng Nam")


@pytest.fixture
def campaign(db):
    plan = LegalDocumentFactory(
        doc_type="QĐ",
        number_symbol="2218/QĐ-UBND",
        issued_on=datetime.date(2025, 3, 4),
        issuer="Ủy ban nhân dân thành phố",
        subject="về phong trào thi đua xây dựng nông thôn mới",
    )
    campaign = CampaignFactory(code="ntm-2025", name="Chung sức xây dựng nông thôn mới", plan_document=plan)
    for position, (number, issuer) in enumerate((("31/SNN-PTNT", "Sở Nông nghiệp"), ("77/SNV-TĐKT", "Sở Nội vụ"))):
        document = LegalDocumentFactory(doc_type="CV", number_symbol=number, issuer=issuer, subject="về hướng dẫn")
        CampaignDocument.objects.create(campaign=campaign, document=document, position=position)
    campaign.expected_agencies.set([AgencyFactory(), AgencyFactory()])
    return campaign


def _text(report) -> str:
    doc = summary_report_compose(report=report)
    return "\n".join(block.text for block in doc.blocks)


def test_new_campaign_gets_the_generic_outline_and_a_report_with_none_of_plan_4064s_words(campaign, reviewer):
    report = summary_report_get_or_create(campaign=campaign, user=reviewer)
    keys = list(OutlineSection.objects.filter(campaign=campaign).values_list("key", flat=True))
    assert keys == [row[0] for row in GENERIC_OUTLINE]
    text = _text(report)
    assert "Thực hiện Quyết định số 2218/QĐ-UBND ngày 04/03/2025 của Ủy ban nhân dân thành phố" in text
    # Each document with its own issuer, none dropped, each footnoted.
    assert "Công văn số 31/SNN-PTNT" in text and "của Sở Nông nghiệp" in text
    assert "Công văn số 77/SNV-TĐKT" in text and "của Sở Nội vụ" in text
    assert "Kế hoạch số" not in text
    for word in REFORM_WORDS:
        assert word not in text, word
    for heading in GENERIC_OUTLINE:
        assert "cải cách" not in heading[2] and "CCHC" not in heading[2]


def test_section_with_nothing_in_it_is_not_printed(campaign, reviewer):
    report = summary_report_get_or_create(campaign=campaign, user=reviewer)
    report.sections = {"bai-hoc": "", "kien-nghi": "Đề nghị tiếp tục."}
    report.save()
    text = _text(report)
    assert "IV. Bài học kinh nghiệm" not in text
    assert "V. Kiến nghị, đề xuất\nĐề nghị tiếp tục." in text
    # III has no text of its own, but its subsections print computed sentences, so it prints.
    assert "III. Đánh giá chung\n1. Ưu điểm\nTính đến thời điểm 30/11/2025 chưa có cơ quan" in text


def test_a_parent_whose_children_are_all_empty_is_not_printed(campaign):
    report = SummaryReportFactory(campaign=campaign, sections={})
    OutlineSection.objects.filter(campaign=campaign).delete()
    parent = OutlineSection.objects.create(campaign=campaign, key="a", number="I", title="Mục cha", level=1, position=1)
    OutlineSection.objects.create(campaign=campaign, key="b", number="1", title="Mục con", level=2, position=2)
    OutlineSection.objects.create(campaign=campaign, key="c", number="II", title="Mục sau", level=1, position=3)
    assert _text(report) == ""
    report.sections = {"b": "Nội dung con."}
    report.save()
    assert _text(report) == "I. Mục cha\n1. Mục con\nNội dung con."
    roots = outline_tree(list(OutlineSection.objects.filter(campaign=campaign)))
    assert [node.section.key for node in roots] == ["a", "c"] and roots[0].children[0].section.key == "b"
    assert parent.level == OutlineLevel.PART


def test_block_goes_before_after_or_where_the_text_places_it(campaign):
    report = SummaryReportFactory(campaign=campaign)
    OutlineSection.objects.filter(campaign=campaign).delete()
    section = OutlineSection.objects.create(campaign=campaign, key="x", number="1", title="Tiến độ", level=2)
    OutlineBlock.objects.create(section=section, kind=BlockKind.PROGRESS, placement=BlockPlacement.BEFORE)
    report.sections = {"x": "Đoạn một.\nĐoạn hai."}
    report.save()
    lines = _text(report).split("\n")
    assert lines[1].startswith("Tính đến thời điểm") and lines[2:] == ["Đoạn một.", "Đoạn hai."]
    report.sections = {"x": "Đoạn một.\n[[progress]]\nĐoạn hai."}
    report.save()
    lines = _text(report).split("\n")
    assert lines[1] == "Đoạn một." and lines[2].startswith("Tính đến thời điểm") and lines[3] == "Đoạn hai."
    # A marker naming no block of the catalogue is printed as typed, not lost.
    report.sections = {"x": "[[khong_co]]"}
    report.save()
    assert _text(report).split("\n")[1:] == [lines[2], "[[khong_co]]"]


def test_numbered_section_without_title_numbers_its_first_paragraph(campaign):
    report = SummaryReportFactory(campaign=campaign, sections={"n": "Triển khai kế hoạch."})
    OutlineSection.objects.filter(campaign=campaign).delete()
    OutlineSection.objects.create(campaign=campaign, key="n", number="1", title="", level=2)
    assert _text(report) == "1. Triển khai kế hoạch."


# --- the editors -------------------------------------------------------------------------


@pytest.mark.parametrize("role", [Role.OFFICIAL, Role.AGENCY_OFFICER, Role.ADMINISTRATOR])
def test_outline_pages_do_not_exist_for_anyone_but_reviewers(client, make_user, campaign, role):
    SummaryReportFactory(campaign=campaign)
    section = OutlineSection.objects.filter(campaign=campaign).first()
    client.force_login(make_user(role))
    assert client.get(reverse("reports:outline", args=[campaign.code])).status_code == 404
    url = reverse("reports:outline_section", args=[campaign.code, section.pk])
    assert client.post(url, {"action": "delete"}).status_code == 404
    assert OutlineSection.objects.filter(pk=section.pk).exists()


def test_reviewer_adds_edits_moves_and_removes_sections_and_blocks(client, reviewer, campaign):
    client.force_login(reviewer)
    outline_url = reverse("reports:outline", args=[campaign.code])
    assert client.get(outline_url).status_code == 200
    response = client.post(outline_url, {"number": "VI", "title": "Phương hướng", "level": 1, "key": "phuong-huong"})
    assert response.status_code == 302
    added = OutlineSection.objects.get(campaign=campaign, key="phuong-huong")
    assert list(OutlineSection.objects.filter(campaign=campaign).values_list("key", flat=True))[-1] == "phuong-huong"
    url = reverse("reports:outline_section", args=[campaign.code, added.pk])
    client.post(url, {"action": "up"})
    assert list(OutlineSection.objects.filter(campaign=campaign).values_list("key", flat=True))[-2:] == [
        "phuong-huong",
        "ket-thuc",
    ]
    client.post(url, {"action": "add_block", "kind": BlockKind.INITIATIVES_COUNT, "placement": BlockPlacement.AFTER})
    block = added.blocks.get()
    client.post(url, {"action": "save", "number": "VI", "title": "Phương hướng năm tới", "level": 1, "key": "ph"})
    added.refresh_from_db()
    assert (added.title, added.key) == ("Phương hướng năm tới", "ph")
    client.post(url, {"action": "remove_block", "block": block.pk})
    assert not added.blocks.exists()
    client.post(url, {"action": "delete"})
    assert not OutlineSection.objects.filter(pk=added.pk).exists()
    assert {
        "reports.outline.section_create",
        "reports.outline.section_update",
        "reports.outline.section_move",
        "reports.outline.block_add",
        "reports.outline.block_remove",
        "reports.outline.section_delete",
    } <= set(AuditEvent.objects.filter(actor=reviewer).values_list("action", flat=True))


def test_outline_refuses_a_title_citing_a_document_the_campaign_does_not_hold(client, reviewer, campaign):
    client.force_login(reviewer)
    outline_url = reverse("reports:outline", args=[campaign.code])
    client.get(outline_url)
    before = OutlineSection.objects.filter(campaign=campaign).count()
    response = client.post(
        outline_url, {"number": "4", "title": "Theo Công văn[^99/XX-YY]", "level": 2, "key": "theo-cong-van"}
    )
    assert response.status_code == 400
    assert "Chú thích [^99/XX-YY] trỏ tới văn bản không có trong danh sách văn bản của phong trào" in (
        response.content.decode()
    )
    assert OutlineSection.objects.filter(campaign=campaign).count() == before
    duplicate = client.post(outline_url, {"number": "1", "title": "Trùng mã", "level": 2, "key": "ket-qua"})
    assert duplicate.status_code == 400 and "Mã “ket-qua” đã dùng" in duplicate.content.decode()


def test_report_text_citing_a_removed_document_is_refused_naming_it(client, reviewer, campaign):
    client.force_login(reviewer)
    detail = reverse("reports:detail", args=[campaign.code])
    client.get(detail)
    campaign.document_links.filter(document__number_symbol="31/SNN-PTNT").delete()
    report = campaign.summary_report
    data = {
        "number_symbol": report.number_symbol,
        "issued_on": "05/12/2025",
        "place_name": report.place_name,
        "issuer_parent": report.issuer_parent,
        "issuer_name": report.issuer_name,
        "signer_authority": "",
        "signer_position": report.signer_position,
        "signer_name": "",
        "recipients_text": "Lưu: VT.",
        "section_chi-dao": "Theo hướng dẫn[^31/SNN-PTNT].",
    }
    response = client.post(detail, data)
    assert response.status_code == 400
    assert "[^31/SNN-PTNT]" in response.content.decode()
    report.refresh_from_db()
    assert "31/SNN-PTNT" not in report.sections.get("chi-dao", "")
    data["section_chi-dao"] = "Theo hướng dẫn[^77/SNV-TĐKT] và ghi chú riêng[^Số liệu đến 30/11/2025.]"
    assert client.post(detail, data).status_code == 302
