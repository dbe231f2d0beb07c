"""A campaign's report outline: the generic one a new campaign starts from, and the writes
reviewers make to it (add, edit, move, remove sections; place and remove computed blocks).
Every write is atomic and audited; a title or text citing a document the campaign does not hold
is refused with the document's number, so a removed document never leaves a silent footnote."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from campaign_portal.audit import audit_record
from campaigns.models import Campaign

from .document_tree import unknown_document_tokens
from .enums import BlockKind, BlockPlacement, OutlineLevel
from .models import OutlineBlock, OutlineSection

# The usual outline of a báo cáo tổng kết phong trào thi đua, for any campaign: (key, number,
# title, level, [(block, placement)]). Titles are the official document's Vietnamese, whatever
# the language of the reviewer's interface.
GENERIC_OUTLINE = [
    ("mo-dau", "", "", OutlineLevel.UNNUMBERED, [(BlockKind.OPENING, BlockPlacement.BEFORE)]),
    (
        "chi-dao",
        "I",
        "Công tác chỉ đạo, triển khai thực hiện phong trào thi đua",
        OutlineLevel.PART,
        [(BlockKind.DOCUMENTS, BlockPlacement.AFTER)],
    ),
    (
        "ket-qua",
        "II",
        "Kết quả thực hiện phong trào thi đua",
        OutlineLevel.PART,
        [
            (BlockKind.INITIATIVES_COUNT, BlockPlacement.AFTER),
            (BlockKind.INITIATIVES_BY_AGENCY, BlockPlacement.AFTER),
            (BlockKind.INDICATORS, BlockPlacement.AFTER),
        ],
    ),
    ("danh-gia", "III", "Đánh giá chung", OutlineLevel.PART, []),
    ("uu-diem", "1", "Ưu điểm", OutlineLevel.SECTION, [(BlockKind.PROGRESS, BlockPlacement.AFTER)]),
    (
        "han-che",
        "2",
        "Tồn tại, hạn chế",
        OutlineLevel.SECTION,
        [(BlockKind.LATE_INCOMPLETE, BlockPlacement.AFTER)],
    ),
    ("bai-hoc", "IV", "Bài học kinh nghiệm", OutlineLevel.PART, []),
    ("kien-nghi", "V", "Kiến nghị, đề xuất", OutlineLevel.PART, []),
    (
        "ket-thuc",
        "",
        "",
        OutlineLevel.UNNUMBERED,
        [
            (BlockKind.APPENDIX_NOMINATIONS, BlockPlacement.AFTER),
            (BlockKind.APPENDIX_INITIATIVES, BlockPlacement.AFTER),
        ],
    ),
]


def check_document_tokens(*, campaign: Campaign, text: str, field: str) -> None:
    """Refuse a footnote naming a document the campaign does not hold (removed, or mistyped)."""
    numbers = {campaign.plan_document.number_symbol} | set(
        campaign.document_links.values_list("document__number_symbol", flat=True)
    )
    unknown = unknown_document_tokens(text, numbers)
    if unknown:
        raise ValidationError(
            {
                field: _(
                    "Chú thích [^%(number)s] trỏ tới văn bản không có trong danh sách văn bản của phong trào "
                    "(đã bị gỡ hoặc gõ sai số ký hiệu): hãy thêm lại văn bản vào phong trào hoặc sửa chú thích."
                )
                % {"number": unknown[0]}
            }
        )


@transaction.atomic
def outline_load(*, campaign: Campaign, rows, user=None) -> list[OutlineSection]:
    """Create the campaign's outline from rows (key, number, title, level, blocks) when it has
    none; an outline already there is the staff's and stays as it is."""
    existing = list(OutlineSection.objects.filter(campaign=campaign))
    if existing:
        return existing
    sections = []
    for position, (key, number, title, level, blocks) in enumerate(rows, start=1):
        section = OutlineSection.objects.create(
            campaign=campaign,
            key=key,
            number=number,
            title=title,
            level=level,
            position=position * 10,
        )
        for block_position, (kind, placement) in enumerate(blocks, start=1):
            OutlineBlock.objects.create(section=section, kind=kind, placement=placement, position=block_position)
        sections.append(section)
    audit_record(actor=user, action="reports.outline.create", target=campaign, after={"sections": len(sections)})
    return sections


def outline_copy(*, source: Campaign, target: Campaign, user) -> str:
    """Copy an earlier campaign's outline (sections and the blocks placed in them, not the staff's
    text) into a new one; registered in `campaigns.copiers` before the indicators, which are placed
    in its sections."""
    sections = OutlineSection.objects.filter(campaign=source).prefetch_related("blocks").order_by("position", "pk")
    rows = [
        (
            section.key,
            section.number,
            section.title,
            section.level,
            [(block.kind, block.placement) for block in sorted(section.blocks.all(), key=lambda b: (b.position, b.pk))],
        )
        for section in sections
    ]
    if not rows:
        return ""
    copied = outline_load(campaign=target, rows=rows, user=user)
    return _("đề cương báo cáo (%(n)d mục)") % {"n": len(copied)}


def outline_ensure(*, campaign: Campaign, user=None) -> list[OutlineSection]:
    """The campaign's outline; a campaign without one gets the generic outline."""
    return outline_load(campaign=campaign, rows=GENERIC_OUTLINE, user=user)


def _snapshot(section: OutlineSection) -> dict:
    return {"key": section.key, "number": section.number, "title": section.title, "level": section.level}


@transaction.atomic
def outline_section_save(
    *, campaign: Campaign, user, key: str, number: str, title: str, level: int, section: OutlineSection | None = None
) -> OutlineSection:
    """Add a section at the end of the outline, or change one."""
    check_document_tokens(campaign=campaign, text=title, field="title")
    clash = OutlineSection.objects.filter(campaign=campaign, key=key)
    if section is not None:
        clash = clash.exclude(pk=section.pk)
    if clash.exists():
        raise ValidationError({"key": _("Mã “%(key)s” đã dùng cho một mục khác của đề cương.") % {"key": key}})
    before = _snapshot(section) if section is not None else None
    if section is None:
        last = OutlineSection.objects.filter(campaign=campaign).aggregate(m=Max("position"))["m"] or 0
        section = OutlineSection(campaign=campaign, position=last + 10)
    section.key, section.number, section.title, section.level = key, number.strip(), title.strip(), level
    section.save()
    audit_record(
        actor=user,
        action="reports.outline.section_create" if before is None else "reports.outline.section_update",
        target=section,
        before=before,
        after=_snapshot(section),
    )
    return section


@transaction.atomic
def outline_section_move(*, section: OutlineSection, user, step: int) -> None:
    """Swap the section with its neighbour above (step -1) or below (step +1)."""
    siblings = list(OutlineSection.objects.select_for_update().filter(campaign_id=section.campaign_id))
    index = next(i for i, s in enumerate(siblings) if s.pk == section.pk)
    other = index + step
    if not 0 <= other < len(siblings):
        return
    siblings[index], siblings[other] = siblings[other], siblings[index]
    for position, item in enumerate(siblings, start=1):
        if item.position != position * 10:
            item.position = position * 10
            item.save(update_fields=["position"])
    audit_record(actor=user, action="reports.outline.section_move", target=section, after={"step": step})


@transaction.atomic
def outline_section_delete(*, section: OutlineSection, user) -> None:
    """Remove a section with its blocks; its indicators stay, unplaced, and its staff text stays
    in the report (keyed by the section's key) should the section come back."""
    audit_record(actor=user, action="reports.outline.section_delete", target=section, before=_snapshot(section))
    section.delete()


@transaction.atomic
def outline_block_add(*, section: OutlineSection, user, kind: str, placement: str) -> OutlineBlock:
    last = section.blocks.aggregate(m=Max("position"))["m"] or 0
    block = OutlineBlock.objects.create(section=section, kind=kind, placement=placement, position=last + 1)
    audit_record(
        actor=user, action="reports.outline.block_add", target=section, after={"kind": kind, "placement": placement}
    )
    return block


@transaction.atomic
def outline_block_remove(*, block: OutlineBlock, user) -> None:
    audit_record(actor=user, action="reports.outline.block_remove", target=block.section, before={"kind": block.kind})
    block.delete()
