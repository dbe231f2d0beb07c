"""A deterministic synthetic province for `make bench`.

`province_plan(scale=, seed=)` draws every row as plain Python data from a seeded random
generator (same seed and scale → the same plan); `province_write(plan)` stores it with
bulk_create. At scale 1: 300 agencies plus 241 communes, 5,000 initiatives, 2,000 nominations and
10,000 small documents (dossier documents plus initiative evidence); scale 10 is ten times each.

The stored files are a small pool of valid one-page PDFs that many document rows point to, so
that the criteria check reads a real file for every document without writing 100,000 files."""

import datetime
import importlib
import random
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from accounts.enums import Role
from accounts.models import User
from agencies.enums import AgencyKind, AgencyLevel, UnitType
from agencies.models import Agency
from awards.enums import NominationState, NomineeType, ReceiptChannel
from awards.models import AwardForm, Criterion, DossierDocument, DossierRequirement, Nomination
from awards.services.nominations import _denormalise
from bench import DEMO_CAMPAIGN
from campaign_portal.text import fold_text
from campaigns.enums import DocumentType
from campaigns.models import Campaign, InitiativeCategory, LegalDocument
from demo.pdf import minimal_pdf
from initiatives.enums import InitiativeKind, InitiativeState
from initiatives.models import Initiative, InitiativeEvidence

# The demo campaign's award forms, dossier components and criteria, on which synthetic dossiers are built.
DEMO_AWARDS = importlib.import_module(f"demo.awards_{DEMO_CAMPAIGN}")

DEFAULT_SEED = 20241224
CAMPAIGN_CODE = "bench"
BENCH_PASSWORD = "ThiDua@Bench2024"
DEADLINE = datetime.date(2024, 12, 24)
# The synthetic campaign's own categories of initiatives (code, name).
BENCH_CATEGORIES = [(f"nhom-{n}", f"Nhóm mô hình {n}") for n in range(1, 7)]
POOL_SIZE = 64
BATCH = 2000

# At scale 1.
BASE = {
    "departments": 20,
    "central_agencies": 5,
    "districts": 18,
    "agencies": 300,  # province committee, departments, central agencies, districts and sub-units
    "communes": 241,
    "initiatives": 5000,
    "nominations": 2000,
    "documents": 10000,
}

_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Hoàng", "Võ", "Phan", "Trương", "Bùi", "Đặng", "Đỗ", "Ngô"]
_MIDDLE = ["Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hữu", "Đức", "Thu", "Quang", "Kim"]
_GIVEN = ["Hùng", "Lan", "Hà", "Tuấn", "Minh", "Hoa", "Dũng", "Phương", "Sơn", "Thảo", "Đạt", "Nga", "Vinh"]
_PLACES = ["Trà", "Tam", "Điện", "Duy", "Đại", "Quế", "Tiên", "Phú", "Núi", "Thăng", "Hiệp", "Nông", "Phước", "Bắc"]
_PLACES2 = ["Sơn", "Bình", "Hòa", "An", "Lộc", "Thành", "Xuyên", "Ninh", "Đức", "Mỹ", "Giang", "Thạnh", "Kỳ"]
_FIELDS = [
    "Nội vụ",
    "Tư pháp",
    "Tài chính",
    "Y tế",
    "Giáo dục và Đào tạo",
    "Xây dựng",
    "Công Thương",
    "Nông nghiệp",
    "Văn hóa, Thể thao và Du lịch",
    "Khoa học và Công nghệ",
]
_TOPICS = [
    "một cửa liên thông",
    "tiếp nhận hồ sơ trực tuyến",
    "số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
    "thanh toán không dùng tiền mặt",
    "bộ phận tiếp nhận và trả kết quả thân thiện",
    "chữ ký số cho cán bộ, công chức",
    "hẹn giờ trả kết quả qua tin nhắn",
    "tổ công nghệ số cộng đồng",
]
_STATES = [
    (NominationState.DRAFT, 10),
    (NominationState.SUBMITTED, 40),
    (NominationState.UNDER_REVIEW, 20),
    (NominationState.RETURNED, 5),
    (NominationState.APPROVED, 15),
    (NominationState.REJECTED, 5),
    (NominationState.AWARDED, 5),
]


def sizes_for(scale: float) -> dict[str, int]:
    return {key: max(1, round(value * scale)) for key, value in BASE.items()}


@dataclass
class ProvincePlan:
    scale: float
    seed: int
    agencies: list[dict] = field(default_factory=list)
    initiatives: list[dict] = field(default_factory=list)
    nominations: list[dict] = field(default_factory=list)
    evidence: list[dict] = field(default_factory=list)

    @property
    def dossier_document_count(self) -> int:
        return sum(len(n["documents"]) for n in self.nominations)


def _person(rng: random.Random) -> str:
    return f"{rng.choice(_FAMILY)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}"


def _place(rng: random.Random, number: int) -> str:
    return f"{rng.choice(_PLACES)} {rng.choice(_PLACES2)} {number}"


def province_plan(*, scale: float = 1, seed: int = DEFAULT_SEED) -> ProvincePlan:
    """Every row of the synthetic province as plain data; agencies are referred to by index."""
    rng = random.Random(seed)
    size = sizes_for(scale)
    plan = ProvincePlan(scale=scale, seed=seed)
    agencies = plan.agencies

    def add(**row) -> int:
        agencies.append({"parent": None, "unit_code": "", "unit_type": "", "short_name": "", **row})
        return len(agencies) - 1

    province = add(name="UBND tỉnh Quảng Nam", kind=AgencyKind.PROVINCE_COMMITTEE, level=AgencyLevel.PROVINCE)
    departments = [
        add(
            name="Sở Nội vụ" if i == 0 else f"Sở {_FIELDS[i % len(_FIELDS)]} {i + 1}",
            kind=AgencyKind.DEPARTMENT,
            level=AgencyLevel.PROVINCE,
            parent=province,
        )
        for i in range(size["departments"])
    ]
    central = [
        add(
            name=f"Cục {_FIELDS[i % len(_FIELDS)]} tỉnh {i + 1}",
            kind=AgencyKind.CENTRAL_AGENCY,
            level=AgencyLevel.PROVINCE,
        )
        for i in range(size["central_agencies"])
    ]
    districts = []
    for i in range(size["districts"]):
        place = _place(rng, i + 1)
        districts.append(
            add(
                name=f"UBND huyện {place}",
                short_name=place,
                kind=AgencyKind.DISTRICT_COMMITTEE,
                level=AgencyLevel.DISTRICT,
                parent=province,
                unit_code=f"9{i:04d}",
                unit_type=UnitType.DISTRICT,
            )
        )
    owners = departments + central + districts
    subunits = []
    for i in range(max(0, size["agencies"] - len(agencies))):
        parent = rng.choice(owners)
        subunits.append(
            add(
                name=f"Trung tâm {rng.choice(_TOPICS)} {i + 1}",
                kind=AgencyKind.SUBUNIT,
                level=agencies[parent]["level"],
                parent=parent,
            )
        )
    communes = []
    for i in range(size["communes"]):
        place = _place(rng, i + 1)
        communes.append(
            add(
                name=f"UBND xã {place}",
                short_name=place,
                kind=AgencyKind.COMMUNE_COMMITTEE,
                level=AgencyLevel.COMMUNE,
                parent=districts[i % len(districts)],
                unit_code=f"1{i:05d}",
                unit_type=UnitType.COMMUNE,
            )
        )
    children: dict[int, list[int]] = {}
    for index, row in enumerate(agencies):
        if row["parent"] is not None:
            children.setdefault(row["parent"], []).append(index)

    initiative_owners = departments + central + districts + subunits + communes
    states = list(InitiativeState.values)
    kinds = list(InitiativeKind.values)
    areas = [code for code, _name in BENCH_CATEGORIES]
    for i in range(size["initiatives"]):
        owner = rng.choice(initiative_owners)
        units = children.get(owner, [])
        implementing = sorted(rng.sample(units, min(len(units), rng.randint(0, 3))))
        replicated = sorted({rng.choice(initiative_owners) for _ in range(rng.choice((0, 0, 0, 1, 2)))} - {owner})
        topic = rng.choice(_TOPICS)
        plan.initiatives.append(
            {
                "agency": owner,
                "kind": rng.choice(kinds),
                "category": rng.choice(areas),
                "title": f"Mô hình {topic} số {i + 1}",
                "description": f"Triển khai {topic} tại {agencies[owner]['name']}.",
                "results": f"Rút ngắn thời gian giải quyết {rng.randint(1, 5)} ngày.",
                "result_figures": [{"label": "Hồ sơ đã giải quyết", "value": str(rng.randint(10, 5000))}],
                "started_on": datetime.date(2023, 1, 1) + datetime.timedelta(days=rng.randint(0, 600)),
                "state": rng.choices(states, weights=(10, 40, 35, 15))[0],
                "implementing": implementing,
                "replicated": replicated,
            }
        )

    nominators = departments + central + districts + communes
    state_values = [s for s, _ in _STATES]
    state_weights = [w for _, w in _STATES]
    codes = [code for code, _ in DEMO_AWARDS.REQUIREMENTS]
    people: list[tuple[str, str, str]] = []
    for _ in range(size["nominations"]):
        agency = rng.choice(nominators)
        collective = rng.random() < 0.6
        state = rng.choices(state_values, weights=state_weights)[0]
        submitted_at = None
        if state != NominationState.DRAFT:
            offset = rng.randint(-25, 4)
            submitted_at = datetime.datetime.combine(
                DEADLINE + datetime.timedelta(days=offset), datetime.time(8 + rng.randint(0, 9), rng.randint(0, 59))
            )
        row = {
            "agency": agency,
            "collective": collective,
            "nominee_agency": None,
            "nominee_name": "",
            "nominee_position": "",
            "nominee_unit": "",
            "state": state,
            "submitted_at": submitted_at,
            "documents": [code for code in codes if rng.random() > 0.08],
        }
        if collective:
            row["nominee_agency"] = rng.choice([agency, *children.get(agency, [])])
            metrics = dict(DEMO_AWARDS.GOOD)
            if rng.random() < 0.2:
                metrics["task_completion_pct"] = rng.choice((95, 98, 99))
            if rng.random() < 0.15:
                metrics["par_index_rank"] = rng.randint(6, 15)
            if rng.random() < 0.05:
                metrics.pop("late_dossier_rate_pct")
            row["metrics"] = metrics
            row["summary"] = DEMO_AWARDS.SUMMARIES["collective"]
        else:
            # One in ten individuals is proposed a second time: the no_duplicate criterion has work.
            if people and rng.random() < 0.1:
                name, position, unit = rng.choice(people)
            else:
                name, position, unit = _person(rng), "Chuyên viên", agencies[agency]["name"]
                people.append((name, position, unit))
            row.update(nominee_name=name, nominee_position=position, nominee_unit=unit)
            row["metrics"] = {"individual_outstanding": rng.random() < 0.9}
            row["summary"] = DEMO_AWARDS.SUMMARIES["individual"]
        plan.nominations.append(row)

    remaining = max(0, size["documents"] - plan.dossier_document_count)
    for i in range(remaining):
        plan.evidence.append(
            {"initiative": rng.randrange(len(plan.initiatives)), "pool": i % POOL_SIZE, "size": rng.randint(900, 1400)}
        )
    return plan


def _pool_files() -> list[str]:
    """A pool of small valid PDFs in the media store; the document rows point at them."""
    names = []
    for i in range(POOL_SIZE):
        name = f"bench-pool/tai-lieu-{i:03d}.pdf"
        if not default_storage.exists(name):
            default_storage.save(name, ContentFile(minimal_pdf([f"Tai lieu thu nghiem {i}", "Bo so lieu tong hop"])))
        names.append(name)
    return names


def _aware(value: datetime.datetime | None) -> datetime.datetime | None:
    return timezone.make_aware(value) if value is not None else None


@transaction.atomic
def province_write(plan: ProvincePlan) -> dict[str, int]:
    """Store the plan with bulk_create; returns the number of rows written per kind."""
    pool = _pool_files()
    # Agencies, parents before children (plans list them in that order).
    stored: list[Agency] = []
    for row in plan.agencies:
        parent = stored[row["parent"]] if row["parent"] is not None else None
        agency = Agency(
            name=row["name"],
            short_name=row["short_name"],
            kind=row["kind"],
            level=row["level"],
            parent=parent,
            unit_code=row["unit_code"],
            unit_type=row["unit_type"],
            search_text=fold_text(f"{row['name']} {row['short_name']} {parent.name if parent else ''}")[:600],
        )
        stored.append(agency)
    # Rows reference earlier rows only; write in waves so parents have keys first.
    done = 0
    while done < len(stored):
        wave_end = done
        while wave_end < len(stored) and (
            plan.agencies[wave_end]["parent"] is None or plan.agencies[wave_end]["parent"] < done
        ):
            wave_end += 1
        for agency in stored[done:wave_end]:
            if agency.parent is not None:
                agency.parent_id = agency.parent.pk
        Agency.objects.bulk_create(stored[done:wave_end], batch_size=BATCH)
        done = wave_end

    organiser = next(a for a in stored if a.name == "Sở Nội vụ")
    plan_document, _ = LegalDocument.objects.get_or_create(
        number_symbol="9999/KH-UBND",
        issued_on=datetime.date(2023, 3, 1),
        defaults={
            "doc_type": DocumentType.PLAN,
            "issuer": "Ủy ban nhân dân tỉnh",
            "subject": "về tổ chức phong trào thi đua cải cách hành chính (dữ liệu tổng hợp cho đo hiệu năng)",
        },
    )
    campaign = Campaign.objects.create(
        code=CAMPAIGN_CODE,
        name="Phong trào thi đua cải cách hành chính (dữ liệu tổng hợp)",
        plan_document=plan_document,
        issuing_authority="UBND tỉnh Quảng Nam",
        organiser=organiser,
        place_name="Quảng Nam",
        period_start=datetime.date(2023, 3, 1),
        period_end=datetime.date(2024, 12, 31),
        nomination_deadline=DEADLINE,
    )
    categories = {
        code: InitiativeCategory.objects.create(campaign=campaign, code=code, name=name, position=position)
        for position, (code, name) in enumerate(BENCH_CATEGORIES, start=1)
    }
    expected_kinds = {
        AgencyKind.DEPARTMENT,
        AgencyKind.CENTRAL_AGENCY,
        AgencyKind.DISTRICT_COMMITTEE,
        AgencyKind.COMMUNE_COMMITTEE,
    }
    campaign.expected_agencies.add(*[a.pk for a in stored if a.kind in expected_kinds])

    forms = {}
    requirements: dict[tuple[str, str], DossierRequirement] = {}
    for position, nominee_type in enumerate((NomineeType.COLLECTIVE, NomineeType.INDIVIDUAL)):
        form = AwardForm.objects.create(
            campaign=campaign, name=DEMO_AWARDS.AWARD_FORM_NAME, nominee_type=nominee_type, position=position
        )
        forms[nominee_type] = form
        for req_position, (code, name) in enumerate(DEMO_AWARDS.REQUIREMENTS):
            requirements[(nominee_type, code)] = DossierRequirement.objects.create(
                award_form=form, code=code, name=name, required=True, position=req_position
            )
    Criterion.objects.bulk_create(
        Criterion(
            campaign=campaign, code=code, wording=wording, kind=kind, params=params, applies_to=applies_to, position=i
        )
        for i, (code, wording, kind, params, applies_to) in enumerate(DEMO_AWARDS.CRITERIA)
    )

    reviewer = User.objects.create_user(
        "bench.reviewer", password=BENCH_PASSWORD, role=Role.REVIEWER, agency=organiser, last_name="Chuyên viên"
    )
    User.objects.create_user("bench.official", password=BENCH_PASSWORD, role=Role.OFFICIAL, last_name="Lãnh đạo")
    # Django admin's user for the side-by-side pages: staff with a reviewer's rights (the portal's
    # own permissions are rules that answer even for a superuser; a reviewer reads every record).
    User.objects.create_superuser(
        "bench.admin", password=BENCH_PASSWORD, email="", role=Role.REVIEWER, agency=organiser, last_name="Quản trị"
    )

    initiatives = []
    for row in plan.initiatives:
        agency = stored[row["agency"]]
        parts = [row["title"], row["description"], row["results"], agency.name, agency.short_name]
        parts += [stored[u].name for u in row["implementing"]]
        initiatives.append(
            Initiative(
                campaign=campaign,
                agency=agency,
                kind=row["kind"],
                category=categories[row["category"]],
                title=row["title"],
                description=row["description"],
                results=row["results"],
                result_figures=row["result_figures"],
                started_on=row["started_on"],
                state=row["state"],
                created_by=reviewer,
                search_text=fold_text(" ".join(p for p in parts if p)),
            )
        )
    Initiative.objects.bulk_create(initiatives, batch_size=BATCH)
    implementing = Initiative.implementing_units.through
    replicated = Initiative.replicated_to.through
    implementing.objects.bulk_create(
        (
            implementing(initiative_id=obj.pk, agency_id=stored[u].pk)
            for obj, row in zip(initiatives, plan.initiatives, strict=True)
            for u in row["implementing"]
        ),
        batch_size=BATCH,
    )
    replicated.objects.bulk_create(
        (
            replicated(initiative_id=obj.pk, agency_id=stored[u].pk)
            for obj, row in zip(initiatives, plan.initiatives, strict=True)
            for u in row["replicated"]
        ),
        batch_size=BATCH,
    )
    InitiativeEvidence.objects.bulk_create(
        (
            InitiativeEvidence(
                initiative_id=initiatives[row["initiative"]].pk,
                file=pool[row["pool"]],
                original_name=f"minh-chung-{i + 1}.pdf",
                kind="pdf",
                content_type="application/pdf",
                size=row["size"],
                uploaded_by=reviewer,
            )
            for i, row in enumerate(plan.evidence)
        ),
        batch_size=BATCH,
    )

    nominations = []
    for row in plan.nominations:
        nominee_type = NomineeType.COLLECTIVE if row["collective"] else NomineeType.INDIVIDUAL
        nomination = Nomination(
            campaign=campaign,
            agency=stored[row["agency"]],
            nominee_type=nominee_type,
            nominee_agency=stored[row["nominee_agency"]] if row["nominee_agency"] is not None else None,
            nominee_name=row["nominee_name"],
            nominee_position=row["nominee_position"],
            nominee_unit=row["nominee_unit"],
            award_form=forms[nominee_type],
            achievement_summary=row["summary"],
            declared_metrics=row["metrics"],
            state=row["state"],
            submitted_at=_aware(row["submitted_at"]),
            # Sent online: received on the local date of the submission, as the workflow sets it.
            received_on=row["submitted_at"].date() if row["submitted_at"] else None,
            receipt_channel=ReceiptChannel.ONLINE if row["submitted_at"] else "",
            created_by=reviewer,
        )
        _denormalise(nomination)
        nominations.append(nomination)
    Nomination.objects.bulk_create(nominations, batch_size=BATCH)
    documents = []
    for nomination, row in zip(nominations, plan.nominations, strict=True):
        for code in row["documents"]:
            index = len(documents) % POOL_SIZE
            documents.append(
                DossierDocument(
                    nomination=nomination,
                    requirement=requirements[(nomination.nominee_type, code)],
                    file=pool[index],
                    original_name=f"{code}.pdf",
                    file_kind="pdf",
                    content_type="application/pdf",
                    size=1200,
                    readable=True,
                    uploaded_by=reviewer,
                )
            )
    DossierDocument.objects.bulk_create(documents, batch_size=BATCH)
    return {
        "agencies": len(stored),
        "initiatives": len(initiatives),
        "nominations": len(nominations),
        "documents": len(documents) + len(plan.evidence),
    }
