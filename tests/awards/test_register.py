"""The award register: the interval rule (pure and through a real check), the register's search,
filters and export, the all-or-nothing import, and a nominee's earlier awards on its page."""

import datetime
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook, load_workbook

from awards import criteria as engine
from awards import services
from awards.enums import AwardSource, CriterionKind, NominationState, NomineeType, Outcome
from awards.models import AwardForm, AwardRecord, Nomination, RegisterEntry
from awards.register import register_entries
from campaign_portal.spreadsheets import XLSX_CONTENT_TYPE
from tests.factories import AgencyFactory, CampaignFactory
from tests.factories.awards import AwardFormFactory, CriterionFactory, NominationFactory

FORM = "Bằng khen của Chủ tịch UBND tỉnh"


def facts(**overrides) -> engine.NominationFacts:
    values = {
        "nominee_type": "collective",
        "agency_kind": "department",
        "deadline": datetime.date(2024, 12, 24),
        "received_on": datetime.date(2024, 12, 20),
        "form_name": FORM,
    }
    values.update(overrides)
    return engine.NominationFacts(**values)


def award(day: datetime.date, number: str = "1234/QĐ-UBND", form: str = FORM) -> engine.AwardFact:
    return engine.AwardFact(form_name=form, decision_number=number, decision_date=day)


@pytest.mark.parametrize(
    ("params", "given", "outcome", "expected"),
    [
        (
            {"years": 2},
            facts(earlier_awards=(award(datetime.date(2023, 5, 15)),)),
            Outcome.NOT_MET,
            "Đã được tặng “Bằng khen của Chủ tịch UBND tỉnh” theo Quyết định số 1234/QĐ-UBND ngày 15/05/2023; "
            "chưa đủ 2 năm đến ngày 20/12/2024.",
        ),
        (
            {"years": 2},
            facts(earlier_awards=(award(datetime.date(2021, 3, 1), "88/QĐ-UBND"),)),
            Outcome.MET,
            "Quyết định số 88/QĐ-UBND ngày 01/03/2021, đã đủ 2 năm",
        ),
        # Diacritics and case do not make another form; another form is not a repeat.
        (
            {"years": 2},
            facts(earlier_awards=(award(datetime.date(2024, 1, 1), form="BANG KHEN CUA CHU TICH UBND TINH"),)),
            Outcome.NOT_MET,
            "chưa đủ 2 năm",
        ),
        (
            {"years": 2},
            facts(earlier_awards=(award(datetime.date(2024, 1, 1), form="Giấy khen"),)),
            Outcome.MET,
            "chưa ghi nhận",
        ),
        # The newest of several awards decides; one decided after the dossier was received does not count.
        (
            {"years": 5},
            facts(
                earlier_awards=(
                    award(datetime.date(2015, 1, 1), "1/QĐ"),
                    award(datetime.date(2020, 6, 1), "2/QĐ"),
                    award(datetime.date(2025, 1, 20), "3/QĐ"),
                )
            ),
            Outcome.NOT_MET,
            "Quyết định số 2/QĐ ngày 01/06/2020",
        ),
        # The deadline stands in while the dossier is not received.
        (
            {"years": 1},
            facts(received_on=None, earlier_awards=(award(datetime.date(2024, 1, 10)),)),
            Outcome.NOT_MET,
            "đến ngày 24/12/2024",
        ),
        # A criterion for another form leaves this one alone.
        (
            {"years": 2, "form": "Giấy khen"},
            facts(earlier_awards=(award(datetime.date(2024, 1, 1)),)),
            Outcome.MET,
            "chỉ áp dụng",
        ),
        ({"years": 2}, facts(nominee_known=False), Outcome.CANNOT_TELL, "Chưa ghi đủ đối tượng"),
        ({"years": "hai"}, facts(), Outcome.CANNOT_TELL, "sai tham số"),
        ({}, facts(), Outcome.CANNOT_TELL, "sai tham số"),
    ],
)
def test_award_interval_outcomes(params, given, outcome, expected):
    result = engine.evaluate(kind=CriterionKind.AWARD_INTERVAL, params=params, facts=given)
    assert result.outcome == outcome
    assert expected in result.explanation


def test_award_interval_params_checked():
    assert engine.params_errors(CriterionKind.AWARD_INTERVAL, {"years": 2}) == []
    assert engine.params_errors(CriterionKind.AWARD_INTERVAL, {})
    assert engine.params_errors(CriterionKind.AWARD_INTERVAL, {"years": 0})
    assert engine.params_errors(CriterionKind.AWARD_INTERVAL, {"years": 1.5})


@pytest.fixture
def interval_campaign(db):
    campaign = CampaignFactory(nomination_deadline=datetime.date(2024, 12, 24))
    CriterionFactory(campaign=campaign, code="khoang_cach", kind=CriterionKind.AWARD_INTERVAL, params={"years": 2})
    return campaign


def _form(campaign, nominee_type=NomineeType.COLLECTIVE):
    return AwardForm.objects.get_or_create(campaign=campaign, name=FORM, nominee_type=nominee_type)[0]


def _sent(campaign, **values):
    form = values.pop("award_form", None) or _form(campaign)
    return NominationFactory(
        award_form=form,
        state=NominationState.SUBMITTED,
        submitted_at=timezone.make_aware(datetime.datetime(2024, 12, 10, 9)),
        **values,
    )


def test_check_flags_a_repeat_from_the_records_with_the_decision_named(interval_campaign, reviewer):
    nomination = _sent(interval_campaign)
    services.award_record_create(
        user=reviewer,
        nominee_type=NomineeType.COLLECTIVE,
        form_name=FORM,
        agency=nomination.nominee_agency,
        decision_number="1234/QĐ-UBND",
        decision_date=datetime.date(2023, 5, 15),
    )
    checked = services.criteria_check_nomination(nomination.pk)
    result = checked.results.get(criterion__code="khoang_cach")
    assert result.outcome == Outcome.NOT_MET
    assert "Quyết định số 1234/QĐ-UBND ngày 15/05/2023" in result.explanation
    assert checked.verdict == "not_eligible"


def test_check_reads_an_award_decided_on_the_portal_in_an_earlier_campaign(interval_campaign):
    nomination = _sent(interval_campaign)
    earlier_campaign = CampaignFactory()
    earlier_form = AwardFormFactory(campaign=earlier_campaign, name=FORM, nominee_type=NomineeType.INDIVIDUAL)
    NominationFactory(
        award_form=earlier_form,
        agency=AgencyFactory(),
        state=NominationState.AWARDED,
        nominee_name="TRẦN VĂN BÌNH",
        nominee_unit="Sở Thử nghiệm",
        nominee_key="i:tran van binh|so thu nghiem",
        decision_number="77/QĐ-UBND",
        decision_date=datetime.date(2024, 2, 1),
    )
    individual = _sent(interval_campaign, award_form=_form(interval_campaign, NomineeType.INDIVIDUAL))
    checked = services.criteria_check_nomination(individual.pk)
    result = checked.results.get(criterion__code="khoang_cach")
    assert result.outcome == Outcome.NOT_MET
    assert "77/QĐ-UBND ngày 01/02/2024" in result.explanation
    # The collective of the same campaign has no earlier award.
    assert services.criteria_check_nomination(nomination.pk).results.get().outcome == Outcome.MET


def test_check_of_a_batch_reads_the_register_in_a_fixed_number_of_queries(
    interval_campaign, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    first = _sent(interval_campaign)
    with CaptureQueriesContext(connection) as one:
        services.criteria_check_nominations([first.pk])
    more = [_sent(interval_campaign).pk for _ in range(3)]
    for pk in more:
        AwardRecord.objects.create(
            nominee_type=NomineeType.COLLECTIVE,
            form_name=FORM,
            decision_number=f"{pk}/QĐ",
            decision_date=datetime.date(2020, 1, 1),
            nominee_key=Nomination.objects.get(pk=pk).nominee_key,
        )
    with django_assert_max_num_queries(len(one.captured_queries) + 2):
        services.criteria_check_nominations([first.pk, *more])


@pytest.fixture
def register_data(db):
    """One award decided on the portal, two recorded before it."""
    campaign = CampaignFactory(name="Phong trào thử nghiệm")
    portal = NominationFactory(
        award_form=AwardFormFactory(campaign=campaign, name=FORM),
        agency=AgencyFactory(name="Sở Nội vụ thử"),
        state=NominationState.AWARDED,
        decision_number="215/QĐ-UBND",
        decision_date=datetime.date(2025, 1, 20),
        search_text="so noi vu thu",
    )
    old_agency = AgencyFactory(name="UBND huyện Nông Sơn thử", valid_to=datetime.date(2024, 12, 31))
    records = [
        services.award_record_create(
            user=None,
            nominee_type=NomineeType.COLLECTIVE,
            form_name=FORM,
            agency=old_agency,
            decision_number="1500/QĐ-UBND",
            decision_date=datetime.date(2022, 6, 1),
            note="Ghi nhận từ sổ năm 2022",
        ),
        services.award_record_create(
            user=None,
            nominee_type=NomineeType.INDIVIDUAL,
            form_name="Giấy khen của Giám đốc Sở",
            nominee_name="Lê Thị Hoà",
            nominee_unit="Sở Nội vụ thử",
            decision_number="45/QĐ-SNV",
            decision_date=datetime.date(2023, 3, 8),
        ),
    ]
    return portal, records


def test_register_holds_portal_awards_and_records_newest_first(register_data):
    numbers = [entry["decision_number"] for entry in register_entries()]
    assert numbers == ["215/QĐ-UBND", "45/QĐ-SNV", "1500/QĐ-UBND"]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"text": "le thi hoa"}, ["45/QĐ-SNV"]),
        ({"text": "NÔNG SƠN"}, ["1500/QĐ-UBND"]),
        ({"text": "noi vu"}, ["215/QĐ-UBND", "45/QĐ-SNV"]),
        ({"text": "45/QĐ"}, ["45/QĐ-SNV"]),
        ({"year": 2022}, ["1500/QĐ-UBND"]),
        ({"form": "Giấy khen của Giám đốc Sở"}, ["45/QĐ-SNV"]),
        ({"nominee_type": NomineeType.COLLECTIVE}, ["215/QĐ-UBND", "1500/QĐ-UBND"]),
        ({"source": "portal"}, ["215/QĐ-UBND"]),
        ({"text": "không có ai"}, []),
    ],
)
def test_register_search_and_filters(register_data, filters, expected):
    assert [entry["decision_number"] for entry in register_entries(**filters)] == expected


def test_register_view_reads_each_source_as_it_stands(register_data):
    """The view (awards/register_view.py) spells the enums' values in its SQL: read back, each kind of row (portal
    and record, collective and individual) equals what its nomination or record holds, and a nomination
    without an award, its date or its number is left out."""
    first, (old_collective, person) = register_data
    campaign = first.campaign
    team = NominationFactory(
        award_form=first.award_form,
        nominee_agency=AgencyFactory(name="Phòng Thử nghiệm"),
        state=NominationState.AWARDED,
        decision_number="7/QĐ-UBND",
        decision_date=datetime.date(2024, 4, 2),
    )
    individual = NominationFactory(
        award_form=AwardFormFactory(campaign=campaign, name="Giấy khen", nominee_type=NomineeType.INDIVIDUAL),
        nominee_position="Chuyên viên",
        state=NominationState.AWARDED,
        decision_number="8/QĐ-UBND",
        decision_date=datetime.date(2024, 4, 3),
    )
    for state, number, day in (
        (NominationState.APPROVED, "1/QĐ", datetime.date(2024, 1, 1)),
        (NominationState.AWARDED, "", datetime.date(2024, 1, 1)),
        (NominationState.AWARDED, "2/QĐ", None),
    ):
        NominationFactory(award_form=first.award_form, state=state, decision_number=number, decision_date=day)

    def portal(nomination: Nomination, name: str, agency_id: int) -> dict:
        return {
            "source": AwardSource.PORTAL,
            "id": nomination.pk,
            "nominee_type": nomination.nominee_type,
            "form_name": nomination.award_form.name,
            "nominee_name": name,
            "nominee_position": nomination.nominee_position,
            "nominee_unit": nomination.nominee_unit,
            "agency_id": agency_id,
            "decision_number": nomination.decision_number,
            "decision_date": nomination.decision_date,
            "context": campaign.name,
            "campaign_code": campaign.code,
            "nominating_agency_id": nomination.agency_id,
            "nominee_agency_id": nomination.nominee_agency_id,
            "updated_at": nomination.updated_at,
            "nominee_key": nomination.nominee_key,
            "search_text": nomination.search_text,
        }

    def recorded(record: AwardRecord, name: str) -> dict:
        collective = record.nominee_type == NomineeType.COLLECTIVE
        return {
            "source": AwardSource.RECORD,
            "id": record.pk,
            "nominee_type": record.nominee_type,
            "form_name": record.form_name,
            "nominee_name": name,
            "nominee_position": record.nominee_position,
            "nominee_unit": record.nominee_unit,
            "agency_id": record.agency_id,
            "decision_number": record.decision_number,
            "decision_date": record.decision_date,
            "context": record.note,
            "campaign_code": None,
            "nominating_agency_id": None,
            "nominee_agency_id": record.agency_id if collective else None,
            "updated_at": record.created_at,
            "nominee_key": record.nominee_key,
            "search_text": record.search_text,
        }

    assert list(RegisterEntry.objects.order_by("source", "id").values()) == [
        portal(first, "Sở Nội vụ thử", first.agency_id),
        portal(team, "Phòng Thử nghiệm", team.nominee_agency_id),
        portal(individual, "Trần Văn Bình", individual.agency_id),
        recorded(old_collective, "UBND huyện Nông Sơn thử"),
        recorded(person, "Lê Thị Hoà"),
    ]


def test_register_page_shows_the_agency_as_it_stood_and_what_it_became(register_data, client, reviewer):
    from agencies.models import AgencySuccession

    _portal, records = register_data
    successor = AgencyFactory(name="UBND huyện Quế Sơn thử")
    AgencySuccession.objects.create(
        predecessor=records[0].agency, successor=successor, effective=datetime.date(2025, 1, 1), is_principal=True
    )
    client.force_login(reviewer)
    response = client.get(reverse("awards:register"), {"q": "nong son"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "UBND huyện Nông Sơn thử" in html and "UBND huyện Quế Sơn thử" in html
    assert "1500/QĐ-UBND" in html and "215/QĐ-UBND" not in html


def test_register_page_query_count_same_with_1_and_3_rows(register_data, client, reviewer, assert_same_query_count):
    client.force_login(reviewer)

    def grow():
        for n in range(2):
            services.award_record_create(
                user=None,
                nominee_type=NomineeType.COLLECTIVE,
                form_name=FORM,
                agency=AgencyFactory(valid_to=datetime.date(2020, 1, 1)),
                decision_number=f"{n}/QĐ-UBND",
                decision_date=datetime.date(2019, 1, 1),
            )

    assert_same_query_count(lambda: client.get(reverse("awards:register"), {"q": "thu"}), grow)


def test_register_export_holds_the_filtered_rows(register_data, client, official):
    client.force_login(official)
    response = client.get(reverse("awards:register_export"), {"nominee_type": NomineeType.COLLECTIVE})
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX_CONTENT_TYPE
    sheet = load_workbook(BytesIO(response.content)).active
    values = [[cell for cell in row] for row in sheet.iter_rows(values_only=True)]
    numbers = [row[7] for row in values if row and isinstance(row[0], int)]
    assert numbers == ["215/QĐ-UBND", "1500/QĐ-UBND"]
    assert any(row and row[4] == "UBND huyện Nông Sơn thử" for row in values)


def _xlsx(rows) -> SimpleUploadedFile:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Dữ liệu"
    sheet.append([str(column.header) for column in services.register.import_columns()])
    for row in rows:
        sheet.append(row)
    buffer = BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile("so.xlsx", buffer.getvalue(), content_type=XLSX_CONTENT_TYPE)


GOOD_ROWS = [
    ["Tập thể", FORM, "Sở Giao thông thử", None, None, None, "1234/QĐ-UBND", "15/05/2023", "UBND tỉnh", "", "Sổ 2023"],
    [
        "Cá nhân",
        FORM,
        "Sở Giao thông thử",
        "Phan Văn Tài",
        "Chuyên viên",
        "",
        "1234/QĐ-UBND",
        datetime.date(2023, 5, 15),
    ],
]


def test_import_saves_every_row_with_its_keys(db, reviewer):
    agency = AgencyFactory(name="Sở Giao thông thử")
    result = services.award_records_import(user=reviewer, upload=_xlsx(GOOD_ROWS))
    assert result.errors == []
    collective, individual = sorted(result.created, key=lambda r: r.nominee_type)
    assert collective.agency == agency and collective.nominee_key == f"a:{agency.pk}"
    assert individual.nominee_key == "i:phan van tai|so giao thong thu"
    assert individual.nominee_unit == "Sở Giao thông thử"


def test_import_with_a_wrong_row_saves_nothing_and_names_each_cell(db, reviewer):
    AgencyFactory(name="Sở Giao thông thử")
    rows = [
        *GOOD_ROWS,
        ["Đơn vị", FORM, "Sở Không Có", None, None, None, "", "32/13/2023"],
        ["Cá nhân", "=1+1", "", "", None, None, "9/QĐ", "01/01/2023"],
    ]
    result = services.award_records_import(user=reviewer, upload=_xlsx(rows))
    assert AwardRecord.objects.count() == 0
    assert "Dòng 4, cột “Đối tượng (*)”: ghi “Tập thể” hoặc “Cá nhân”." in result.errors
    assert "Dòng 4, cột “Số quyết định (*)”: không được để trống." in result.errors
    assert "Dòng 4, cột “Ngày quyết định (*)”: cần ngày dạng dd/mm/yyyy." in result.errors
    assert "Dòng 5, cột “Hình thức khen thưởng (*)”: không được chứa công thức." in result.errors
    assert "Dòng 5, cột “Họ và tên”: không được để trống với cá nhân." in result.errors


def test_import_refuses_an_award_already_in_the_register(db, reviewer):
    AgencyFactory(name="Sở Giao thông thử")
    assert services.award_records_import(user=reviewer, upload=_xlsx(GOOD_ROWS[:1])).errors == []
    again = services.award_records_import(user=reviewer, upload=_xlsx(GOOD_ROWS[:1]))
    assert again.errors == [
        "Dòng 2, cột “Số quyết định (*)”: khen thưởng này đã có trong sổ (cùng quyết định, đối tượng và hình thức)."
    ]
    assert AwardRecord.objects.count() == 1


def test_import_finds_the_agency_as_it_stood_on_the_decision_date(db, reviewer):
    old = AgencyFactory(name="Sở Giao thông thử", valid_to=datetime.date(2025, 2, 28))
    AgencyFactory(name="Sở Giao thông thử", valid_from=datetime.date(2025, 3, 1))
    result = services.award_records_import(user=reviewer, upload=_xlsx(GOOD_ROWS[:1]))
    assert result.created[0].agency == old


def test_import_view_lists_errors_and_officers_may_not_import(db, client, reviewer, officer):
    client.force_login(reviewer)
    response = client.post(reverse("awards:register_import"), {"file": _xlsx([["Tập thể", FORM, "Không có"]])})
    assert response.status_code == 400
    assert "Chưa nhập dòng nào" in response.content.decode()
    client.force_login(officer)
    assert client.get(reverse("awards:register_import")).status_code == 403


def test_nomination_page_shows_the_nominees_earlier_awards(interval_campaign, client, reviewer):
    nomination = _sent(interval_campaign)
    services.award_record_create(
        user=None,
        nominee_type=NomineeType.COLLECTIVE,
        form_name=FORM,
        agency=nomination.nominee_agency,
        decision_number="1234/QĐ-UBND",
        decision_date=datetime.date(2023, 5, 15),
        note="Dữ liệu minh họa",
    )
    client.force_login(reviewer)
    html = client.get(reverse("awards:nomination_detail", args=[nomination.pk])).content.decode()
    assert "Khen thưởng trước đây" in html
    assert "Quyết định số 1234/QĐ-UBND ngày 15/05/2023" in html


def test_import_queues_a_new_check_of_the_open_dossiers_the_rule_reads_it_for(interval_campaign, reviewer):
    AgencyFactory(name="Sở Giao thông thử")
    open_dossier = _sent(interval_campaign)
    draft = NominationFactory(award_form=_form(interval_campaign), agency=AgencyFactory())
    elsewhere = NominationFactory(state=NominationState.SUBMITTED, submitted_at=timezone.now())
    assert services.award_records_import(user=reviewer, upload=_xlsx(GOOD_ROWS[:1])).errors == []
    open_dossier.refresh_from_db(), draft.refresh_from_db(), elsewhere.refresh_from_db()
    assert open_dossier.check_requested_at is not None
    assert draft.check_requested_at is None and elsewhere.check_requested_at is None


def test_reviewer_adds_one_earlier_award_by_hand(db, client, reviewer):
    agency = AgencyFactory(name="Sở Giao thông thử")
    client.force_login(reviewer)
    url = reverse("awards:register_add")
    data = {
        "nominee_type": NomineeType.COLLECTIVE,
        "form_name": FORM,
        "agency_name": "so giao thong thu",
        "decision_number": "1234/QĐ-UBND",
        "decision_date": "15/05/2023",
    }
    assert client.post(url, data).status_code == 302
    record = AwardRecord.objects.get()
    assert record.agency == agency and record.nominee_key == f"a:{agency.pk}"
    again = client.post(url, data)
    assert again.status_code == 400
    assert "Khen thưởng này đã có trong sổ" in again.content.decode()
    unknown = client.post(url, {**data, "agency_name": "Sở Không Có", "decision_number": "9/QĐ"})
    assert "Không có cơ quan “Sở Không Có” vào ngày 15/05/2023." in unknown.content.decode()
    person = client.post(url, {**data, "nominee_type": NomineeType.INDIVIDUAL, "decision_number": "10/QĐ"})
    assert "Hãy nhập họ và tên của cá nhân được khen thưởng." in person.content.decode()
    assert AwardRecord.objects.count() == 1


@pytest.fixture
def merged_districts(db):
    """Nông Sơn merged into Quế Sơn on 01/01/2025 (Quế Sơn goes on as a new row of the same name), and
    the new Quế Sơn into a commune of 01/07/2025; a commune split, with one principal successor."""
    from agencies.models import AgencySuccession

    last, first = datetime.date(2024, 12, 31), datetime.date(2025, 1, 1)
    nong_son = AgencyFactory(name="UBND huyện Nông Sơn thử", valid_to=last)
    que_son_old = AgencyFactory(name="UBND huyện Quế Sơn thử", valid_to=last)
    que_son = AgencyFactory(name="UBND huyện Quế Sơn thử", valid_from=first, valid_to=datetime.date(2025, 6, 30))
    commune = AgencyFactory(name="UBND xã Quế Sơn thử", valid_from=datetime.date(2025, 7, 1))
    split = AgencyFactory(name="UBND xã Chia Tách thử", valid_to=last)
    principal, other = AgencyFactory(valid_from=first), AgencyFactory(valid_from=first)
    for predecessor, successor, is_principal in [
        (nong_son, que_son, True),
        (que_son_old, que_son, True),
        (que_son, commune, True),
        (split, principal, True),
        (split, other, False),
    ]:
        AgencySuccession.objects.create(
            predecessor=predecessor,
            successor=successor,
            is_principal=is_principal,
            effective=successor.valid_from,
        )
    return {
        "nong_son": nong_son,
        "que_son_old": que_son_old,
        "que_son": que_son,
        "commune": commune,
        "split": split,
        "principal": principal,
        "other": other,
    }


def _record(agency, number="1234/QĐ-UBND", day=datetime.date(2023, 5, 15)):
    return services.award_record_create(
        user=None,
        nominee_type=NomineeType.COLLECTIVE,
        form_name=FORM,
        agency=agency,
        decision_number=number,
        decision_date=day,
    )


def test_agencies_taken_over_follows_principal_links_to_any_depth_in_one_query(
    merged_districts, django_assert_num_queries
):
    from agencies.selectors import agencies_taken_over

    m = merged_districts
    with django_assert_num_queries(1):
        found = agencies_taken_over([m["commune"].pk, m["que_son"].pk, m["principal"].pk, m["other"].pk])
    assert found == {
        m["commune"].pk: {m["que_son"].pk, m["nong_son"].pk, m["que_son_old"].pk},
        m["que_son"].pk: {m["nong_son"].pk, m["que_son_old"].pk},
        m["principal"].pk: {m["split"].pk},
        m["other"].pk: set(),
    }


def test_interval_flags_a_successor_naming_its_predecessors_decision(interval_campaign, merged_districts):
    nomination = _sent(interval_campaign, agency=merged_districts["que_son"])
    _record(merged_districts["nong_son"])
    result = services.criteria_check_nomination(nomination.pk).results.get(criterion__code="khoang_cach")
    assert result.outcome == Outcome.NOT_MET
    assert result.explanation == (
        "Đơn vị trước đây “UBND huyện Nông Sơn thử” (nay thuộc đơn vị được đề nghị) đã được tặng “Bằng khen của "
        "Chủ tịch UBND tỉnh” theo Quyết định số 1234/QĐ-UBND ngày 15/05/2023; chưa đủ 2 năm đến ngày 10/12/2024."
    )


def test_interval_reads_a_predecessor_two_merges_back_and_its_own_earlier_period(interval_campaign, merged_districts):
    """The commune of 07/2025 carries Nông Sơn's award; Quế Sơn's earlier row is the same district to a
    reader, so the decision is named as the nominee's own."""
    commune = _sent(interval_campaign, agency=merged_districts["commune"])
    _record(merged_districts["nong_son"], "9/QĐ-UBND", datetime.date(2020, 3, 1))
    result = services.criteria_check_nomination(commune.pk).results.get(criterion__code="khoang_cach")
    assert result.outcome == Outcome.MET
    assert "Quyết định số 9/QĐ-UBND ngày 01/03/2020, tặng đơn vị trước đây “UBND huyện Nông Sơn thử”" in (
        result.explanation
    )
    que_son = _sent(interval_campaign, agency=merged_districts["que_son"])
    _record(merged_districts["que_son_old"], "77/QĐ-UBND", datetime.date(2024, 1, 10))
    result = services.criteria_check_nomination(que_son.pk).results.get(criterion__code="khoang_cach")
    assert result.outcome == Outcome.NOT_MET
    assert result.explanation.startswith("Đã được tặng “Bằng khen của Chủ tịch UBND tỉnh” theo Quyết định số 77/QĐ")


def test_a_split_agencys_award_counts_for_its_principal_successor_only(interval_campaign, merged_districts):
    _record(merged_districts["split"])
    principal = _sent(interval_campaign, agency=merged_districts["principal"])
    other = _sent(interval_campaign, agency=merged_districts["other"])
    assert services.criteria_check_nomination(principal.pk).results.get().outcome == Outcome.NOT_MET
    assert services.criteria_check_nomination(other.pk).results.get().outcome == Outcome.MET


def test_a_successors_check_batch_runs_the_same_queries_as_one_without_predecessors(
    interval_campaign, merged_districts
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    plain = _sent(interval_campaign)
    with CaptureQueriesContext(connection) as one:
        services.criteria_check_nominations([plain.pk])
    _record(merged_districts["nong_son"])
    _record(merged_districts["split"])
    merged = [_sent(interval_campaign, agency=merged_districts[name]).pk for name in ("commune", "principal")]
    Nomination.objects.update(check_input_hash="")
    with CaptureQueriesContext(connection) as batch:
        services.criteria_check_nominations([plain.pk, *merged])
    assert len(batch.captured_queries) == len(one.captured_queries)


def test_nomination_page_shows_a_predecessors_award_naming_it(interval_campaign, merged_districts, client, reviewer):
    nomination = _sent(interval_campaign, agency=merged_districts["que_son"])
    _record(merged_districts["nong_son"])
    client.force_login(reviewer)
    html = client.get(reverse("awards:nomination_detail", args=[nomination.pk])).content.decode()
    assert "Quyết định số 1234/QĐ-UBND ngày 15/05/2023" in html
    assert "Tặng đơn vị trước đây “UBND huyện Nông Sơn thử”" in html


def test_earlier_awards_of_one_nomination_read_its_takeovers_in_the_same_query(
    interval_campaign, merged_districts, django_assert_num_queries
):
    """The nomination page's panel: the takeovers are a subquery of the awards' query, and the
    awards are those the batch (the interval rule) finds."""
    from awards.register import earlier_awards_by_nomination, earlier_awards_for

    _record(merged_districts["nong_son"], "9/QĐ-UBND", datetime.date(2020, 3, 1))
    _record(merged_districts["que_son_old"], "77/QĐ-UBND", datetime.date(2024, 1, 10))
    _record(merged_districts["split"], "5/QĐ-UBND", datetime.date(2022, 2, 2))
    nominations = [
        Nomination.objects.select_related("nominee_agency").get(pk=_sent(interval_campaign, agency=agency).pk)
        for agency in (merged_districts["commune"], merged_districts["que_son"], merged_districts["other"])
    ]
    batch = earlier_awards_by_nomination(nominations)
    for nomination in nominations:
        with django_assert_num_queries(1):
            found = earlier_awards_for(nomination)
        assert found == batch[nomination.pk]
    assert [(a.decision_number, a.awarded_as) for a in batch[nominations[0].pk]] == [
        ("77/QĐ-UBND", "UBND huyện Quế Sơn thử"),
        ("9/QĐ-UBND", "UBND huyện Nông Sơn thử"),
    ]
    assert batch[nominations[2].pk] == []


@pytest.mark.django_db(transaction=True)
def test_register_view_stands_aside_while_migrations_run():
    """The view is dropped before `migrate` and created after it only once every migration is applied:
    a migration of a table it reads never meets it, and a database migrated back has none to break."""
    from django.core.management import call_command
    from django.core.management.sql import emit_pre_migrate_signal
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    def has_view() -> bool:
        tables = connection.introspection.get_table_list(connection.cursor())
        return "awards_register_entry" in {table.name for table in tables if table.type == "v"}

    assert has_view()
    try:
        # What `migrate` sends first, with migrations to run (without any, the view stays).
        plan = MigrationExecutor(connection).migration_plan([("awards", "0014_nomination_queue_sent")])
        emit_pre_migrate_signal(verbosity=0, interactive=False, db="default", plan=[])
        assert has_view()
        emit_pre_migrate_signal(verbosity=0, interactive=False, db="default", plan=plan)
        assert not has_view()
        # A table the view reads altered as a later migration would (on SQLite: rebuilt, then renamed).
        with connection.schema_editor() as editor:
            field = Nomination._meta.get_field("nominee_unit")
            wider = field.clone()
            wider.set_attributes_from_name("nominee_unit")
            wider.max_length = field.max_length + 1
            editor.alter_field(Nomination, field, wider)
            editor.alter_field(Nomination, wider, field)
        call_command("migrate", "awards", "0014", verbosity=0)
        assert not has_view()
    finally:
        call_command("migrate", verbosity=0)
    assert has_view()
    assert RegisterEntry.objects.count() == 0
