"""The nomination page's dossier components, one row each: a refused file is reported in its own
row and never lands on another component; the kept name and type follow the file's content."""

import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.awards.conftest import make_dossier

PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def _png_named_pdf(name="anh-chup.pdf"):
    return SimpleUploadedFile(name, PNG_BYTES, content_type="application/pdf")


def test_each_component_has_its_own_upload_form_with_unique_ids(client, officer, campaign, collective_form, criteria):
    dossier = make_dossier(officer=officer, campaign=campaign, award_form=collective_form, left_out=("danh_sach",))
    client.force_login(officer)
    html = client.get(reverse("awards:nomination_detail", args=[dossier.pk])).content.decode()
    requirements = list(collective_form.requirements.all())
    assert html.count('class="mt-2 component-upload"') == len(requirements)
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "no id twice on the page"
    for requirement in requirements:
        assert f'id="thanh-phan-{requirement.pk}"' in html
        assert f'value="{requirement.pk}" id="id_thanh_phan_{requirement.pk}_requirement"' in html
    assert 'data-state="missing"' in html and 'data-state="attached"' in html


def test_refused_file_is_reported_in_its_row_and_leaves_the_other_components(client, officer, dossier):
    client.force_login(officer)
    to_trinh = dossier.award_form.requirements.get(code="to_trinh")
    other = dossier.award_form.requirements.exclude(pk=to_trinh.pk).first()
    before = {d.requirement_id: (d.pk, d.original_name) for d in dossier.documents.all()}
    fake = SimpleUploadedFile("bao-cao.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    response = client.post(
        reverse("awards:document_upload", args=[dossier.pk]), {"requirement": other.pk, "file": fake}
    )
    assert response.status_code == 200
    html = response.content.decode()
    row = html[html.index(f'id="thanh-phan-{other.pk}"') :]
    row = row[: row.index("</li>")]
    assert "không phải là tệp" in row and 'aria-invalid="true"' in row
    assert html.count("không phải là tệp") == 1, "the message is in the row of the component, nowhere else"
    assert {d.requirement_id: (d.pk, d.original_name) for d in dossier.documents.all()} == before


def test_empty_post_names_the_missing_file_in_the_row(client, officer, dossier):
    client.force_login(officer)
    requirement = dossier.award_form.requirements.first()
    response = client.post(reverse("awards:document_upload", args=[dossier.pk]), {"requirement": requirement.pk})
    html = response.content.decode()
    row = html[html.index(f'id="thanh-phan-{requirement.pk}"') :]
    assert "Hãy chọn tệp để tải lên cho thành phần này." in row[: row.index("</li>")]


def test_png_named_pdf_is_kept_and_served_as_png(client, officer, dossier):
    client.force_login(officer)
    requirement = dossier.award_form.requirements.get(code="to_trinh")
    response = client.post(
        reverse("awards:document_upload", args=[dossier.pk]), {"requirement": requirement.pk, "file": _png_named_pdf()}
    )
    assert response.status_code == 302
    assert response.url.endswith(f"#thanh-phan-{requirement.pk}")
    document = dossier.documents.get(requirement=requirement)
    assert (document.original_name, document.file_kind, document.content_type) == ("anh-chup.png", "png", "image/png")
    assert document.file.name.endswith(".png")
    served = client.get(reverse("awards:document_open", args=[document.pk]) + "?download=1")
    assert served["Content-Type"] == "image/png"
    assert "anh-chup.png" in served["Content-Disposition"]


def test_component_that_requires_pdf_refuses_a_png_and_keeps_the_old_file(client, officer, dossier):
    client.force_login(officer)
    requirement = dossier.award_form.requirements.get(code="to_trinh")
    requirement.pdf_only = True
    requirement.save()
    kept = dossier.documents.get(requirement=requirement)
    response = client.post(
        reverse("awards:document_upload", args=[dossier.pk]), {"requirement": requirement.pk, "file": _png_named_pdf()}
    )
    html = response.content.decode()
    assert "chỉ nhận tệp PDF; tệp “anh-chup.pdf” là tệp PNG" in html
    assert 'accept=".pdf,application/pdf"' in html
    assert dossier.documents.get(requirement=requirement).pk == kept.pk


def test_requirement_of_another_award_form_is_refused(client, officer, dossier, individual_form):
    client.force_login(officer)
    foreign = individual_form.requirements.first()
    before = dossier.documents.count()
    response = client.post(
        reverse("awards:document_upload", args=[dossier.pk]),
        {"requirement": foreign.pk, "file": _png_named_pdf()},
        follow=True,
    )
    assert "không thuộc hình thức khen thưởng" in response.content.decode()
    assert dossier.documents.count() == before
