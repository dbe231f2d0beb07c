"""The Nu Html Checker (npm `vnu-jar`, run on Debian's Java) on the portal's main pages as each role
sees them, on the demo data: dashboards, lists, a nomination an officer fills in and one a reviewer
can act on, the initiative form, the report page, the set-up pages, the log-in page and the error
pages. The pages are saved and checked in one run, since the checker's JVM takes seconds to start."""

import io
import json
import shutil
import subprocess
from pathlib import Path

from django.core.management import call_command
from django.test import Client

from accounts.models import User
from agencies.models import Agency
from awards.enums import NominationState
from awards.models import AwardForm, Criterion, Nomination
from awards.services import dossier_document_upload
from campaigns.models import Campaign
from demo.accounts import DEMO_PASSWORD
from demo.ntm_data import CODE as NTM_CODE
from initiatives.enums import InitiativeState
from initiatives.models import Initiative
from reports.models import Indicator, OutlineSection
from tests.conftest import ROOT
from tests.factories.awards import NominationFactory, pdf_upload
from tests.factories.initiatives import InitiativeFactory

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

REVIEWER, OFFICIAL, DISTRICT, COMMUNE, ADMINISTRATOR = (
    "chuyenvien.snv",
    "lanhdao.tinh",
    "bactramy",
    "xatradoc",
    "quantri",
)


def _vnu(files: list[Path]) -> list[dict]:
    java = shutil.which("java")
    assert java, "Java is missing: `make test` installs it (apt-get install default-jre-headless)."
    assert VNU.exists(), "vnu-jar is missing: `make test` installs it (npm ci)."
    done = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    # The checker writes its JSON report to stderr and exits 1 when it found an error.
    return json.loads(done.stderr)["messages"]


def _pages() -> list[tuple[str | None, str, dict | None]]:
    """(username or None, with ":en" for the English interface; path; form data to post or None)."""
    campaign = Campaign.objects.get(code="4064")
    in_review = Nomination.objects.filter(
        campaign=campaign, state__in=[NominationState.SUBMITTED, NominationState.UNDER_REVIEW]
    )
    acts_on = in_review.filter(state=NominationState.UNDER_REVIEW).first() or in_review.first()
    awarded = Nomination.objects.filter(campaign=campaign, state=NominationState.AWARDED).first()
    district = Agency.objects.get(name="UBND huyện Bắc Trà My", valid_from__isnull=True)
    district_draft = NominationFactory(award_form=AwardForm.objects.filter(campaign=campaign).first(), agency=district)
    requirement = district_draft.award_form.requirements.first()
    dossier_document_upload(
        user=User.objects.get(username=DISTRICT),
        nomination=district_draft,
        requirement=requirement,
        upload=pdf_upload(),
    )
    initiative = Initiative.objects.filter(campaign=campaign, state=InitiativeState.REGISTERED).first()
    own_initiative = InitiativeFactory(campaign=campaign, agency=district)
    criterion = Criterion.objects.filter(campaign=campaign).first()
    award_form = AwardForm.objects.filter(campaign=campaign).first()
    indicator = Indicator.objects.filter(campaign=campaign).first()
    section = OutlineSection.objects.filter(campaign=campaign).first()
    code = campaign.code
    pages = [
        (None, "/tai-khoan/dang-nhap/", None),
        (None, "/tai-khoan/dang-nhap/", {"username": REVIEWER, "password": "sai"}),
    ]
    for path in [
        "/",
        "/khen-thuong/",
        "/khen-thuong/?status=incomplete",
        f"/khen-thuong/ho-so/{acts_on.pk}/",
        f"/khen-thuong/ho-so/{awarded.pk}/",
        "/khen-thuong/tien-do/",
        "/khen-thuong/tieu-chi/",
        "/khen-thuong/tieu-chi/moi/",
        f"/khen-thuong/tieu-chi/{criterion.pk}/",
        "/khen-thuong/hinh-thuc/moi/",
        f"/khen-thuong/hinh-thuc/{award_form.pk}/",
        "/sang-kien/",
        f"/sang-kien/{initiative.pk}/",
        "/sang-kien/nhan-rong/",
        "/sang-kien/nhap-excel/",
        "/bao-cao/",
        f"/bao-cao/{code}/",
        f"/bao-cao/{code}/chi-so/",
        f"/bao-cao/{code}/chi-so/them/",
        f"/bao-cao/{code}/chi-so/{indicator.pk}/sua/",
        f"/bao-cao/{code}/de-cuong/",
        f"/bao-cao/{code}/de-cuong/{section.pk}/",
        "/phong-trao/",
        "/phong-trao/them/",
        f"/phong-trao/{code}/",
        f"/phong-trao/{code}/sua/",
        f"/phong-trao/{code}/co-quan/",
        f"/phong-trao/{code}/linh-vuc/",
        "/co-quan/",
        "/tai-khoan/doi-mat-khau/",
    ]:
        pages.append((REVIEWER, path, None))
    # The second campaign of another nature, whose outline and data are its own.
    pages += [(REVIEWER, f"/phong-trao/{NTM_CODE}/", None), (REVIEWER, f"/bao-cao/{NTM_CODE}/", None)]
    # Confirmations: the bulk approval's list, a draft's deletion.
    chosen = list(in_review.values_list("pk", flat=True)[:5])
    pages.append((REVIEWER, "/khen-thuong/duyet-hang-loat/", {"nomination": chosen, "next_query": ""}))
    pages += [
        (DISTRICT, f"/khen-thuong/ho-so/{district_draft.pk}/xoa/", None),
        (DISTRICT, f"/sang-kien/{own_initiative.pk}/xoa/", None),
    ]
    pages += [(OFFICIAL, path, None) for path in ["/", "/khen-thuong/tien-do/", f"/bao-cao/{code}/", "/sang-kien/"]]
    for path in [
        "/",
        "/sang-kien/",
        "/sang-kien/them/",
        f"/sang-kien/{own_initiative.pk}/",
        f"/sang-kien/{own_initiative.pk}/sua/",
        "/khen-thuong/",
        "/khen-thuong/ho-so/moi/",
        f"/khen-thuong/ho-so/{district_draft.pk}/",
    ]:
        pages.append((DISTRICT, path, None))
    # Forms sent back with their errors.
    pages += [
        (DISTRICT, "/sang-kien/them/", {"title": ""}),
        (DISTRICT, "/khen-thuong/ho-so/moi/", {}),
        (DISTRICT, f"/khen-thuong/ho-so/{district_draft.pk}/tai-lieu/", {"requirement": requirement.pk}),
    ]
    pages += [(COMMUNE, path, None) for path in ["/", "/sang-kien/", "/khen-thuong/"]]
    pages.append((ADMINISTRATOR, "/", None))
    # The same pages in English (the reviewer's and the officer's main ones).
    english = ["/", "/khen-thuong/", f"/khen-thuong/ho-so/{acts_on.pk}/", f"/bao-cao/{code}/", "/sang-kien/"]
    pages += [(f"{REVIEWER}:en", path, None) for path in english]
    pages += [(f"{DISTRICT}:en", path, None) for path in ["/", f"/khen-thuong/ho-so/{district_draft.pk}/"]]
    return pages


def _error_pages(settings) -> list[tuple[str, str]]:
    settings.DEBUG = False
    settings.ROOT_URLCONF = "tests.campaign_portal.error_urls"
    client = Client(raise_request_exception=False)
    client.login(username=DISTRICT, password=DEMO_PASSWORD)
    pages = [
        (f"error {path}", client.get(path).content.decode()) for path in ["/khong-co/", "/_thu/403/", "/_thu/400/"]
    ]
    pages.append(("error 500", client.get("/_thu/500/").content.decode()))
    csrf = Client(enforce_csrf_checks=True).post("/tai-khoan/dang-nhap/", {"username": "a", "password": "b"})
    assert csrf.status_code == 403
    pages.append(("error csrf", csrf.content.decode()))
    return pages


def test_main_pages_as_each_role_have_no_html_errors(db, settings, tmp_path):
    call_command("seed_demo", stdout=io.StringIO())
    saved: dict[Path, str] = {}
    clients: dict[str | None, Client] = {}
    for number, (username, path, data) in enumerate(_pages()):
        if username not in clients:
            clients[username] = Client()
            if username:
                name, _colon, language = username.partition(":")
                assert clients[username].login(username=name, password=DEMO_PASSWORD), username
                if language:
                    clients[username].post("/i18n/setlang/", {"language": language})
        client = clients[username]
        response = client.get(path) if data is None else client.post(path, data)
        assert response.status_code == 200, f"{username} {path}: {response.status_code}"
        if username and username.endswith(":en"):
            assert b'<html lang="en"' in response.content, f"{username} {path} is in English"
        label = f"{username or 'anonymous'} {'POST' if data is not None else 'GET'} {path}"
        file = tmp_path / f"page-{number:02}.html"
        file.write_bytes(response.content)
        saved[file] = label
    for number, (label, body) in enumerate(_error_pages(settings)):
        file = tmp_path / f"error-{number:02}.html"
        file.write_text(body)
        saved[file] = label
    # --errors-only: every message is an error (or a file the checker could not read).
    errors = []
    for message in _vnu(sorted(saved)):
        page = saved.get(Path(message.get("url", "").removeprefix("file:")), message.get("url"))
        extract = message.get("extract", "").strip()
        errors.append(f"{page} line {message.get('lastLine')}: {message['message']} — {extract}")
    assert not errors, "\n".join(errors)


def test_checker_reports_a_known_error(tmp_path):
    page = tmp_path / "broken.html"
    page.write_text(
        '<!DOCTYPE html><html lang="vi"><head><title>x</title></head>'
        '<body><label for="a">A</label><input id="a"><input id="a"></body></html>'
    )
    messages = _vnu([page])
    assert any("Duplicate ID" in message["message"] for message in messages), messages
