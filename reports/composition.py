"""One structured document built from the campaign's outline, its data and the staff's text;
both renderers (PDF and DOCX) draw this same tree (reports/document_tree.py), and its JSON is
what the render's data hash covers.

The outline (OutlineSection, OutlineBlock) is the campaign's data: each section prints its
heading, the staff's text (SummaryReport.sections[key]) and the computed blocks placed in it
(reports/catalogue.py). A section with nothing in it — no text, no block output, no child that
prints — is not printed.

Staff text is plain text. A new line starts a paragraph, a line starting with "- " is a list
item, a line "[[kind]]" places that computed block there, and `[^…]` is a footnote: `[^12/KH-UBND]`
cites that campaign document (its type, number/symbol, date, issuer and subject, from the data),
any other `[^text]` is a footnote with that text.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from campaign_portal.text import quoted
from campaigns.models import Campaign

from . import catalogue
from .document_tree import (
    BLOCK_HEADING_1,
    BLOCK_HEADING_2,
    BLOCK_HEADING_3,
    BLOCK_ITEM,
    BLOCK_PARAGRAPH,
    Appendix,
    Block,
    Footnote,
    FootnoteCounter,
    ReportDocument,
    Run,
    Table,
    date_line,
    date_short,
    document_short,
    in_official_language,
    staff_blocks,
    staff_runs,
    territory_of,
)
from .enums import BlockPlacement, OutlineLevel
from .models import OutlineSection, SummaryReport

# The renderers and tests import the tree from here, where it was first defined.
__all__ = [
    "BLOCK_HEADING_1",
    "BLOCK_HEADING_2",
    "BLOCK_HEADING_3",
    "BLOCK_ITEM",
    "BLOCK_PARAGRAPH",
    "Appendix",
    "Block",
    "Footnote",
    "ReportDocument",
    "Run",
    "Table",
    "date_line",
    "in_official_language",
    "section_drafts",
    "summary_report_compose",
]

HEADINGS = {
    OutlineLevel.PART: BLOCK_HEADING_1,
    OutlineLevel.SECTION: BLOCK_HEADING_2,
    OutlineLevel.SUBSECTION: BLOCK_HEADING_3,
}


@dataclass
class _Node:
    section: OutlineSection
    children: list["_Node"] = field(default_factory=list)


def outline_tree(sections: list[OutlineSection]) -> list[_Node]:
    """Sections nest under the nearest earlier section of a higher level; an unnumbered
    paragraph section (level 0) stands alone at the top."""
    roots: list[_Node] = []
    stack: list[_Node] = []
    for section in sections:
        node = _Node(section)
        if section.level == OutlineLevel.UNNUMBERED:
            stack.clear()
            roots.append(node)
            continue
        while stack and stack[-1].section.level >= section.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


def _section_content(node: _Node, ctx: catalogue.Context, texts: dict) -> list[Block]:
    section = node.section
    blocks = list(section.blocks.all())
    placed = set()

    def computed(kind: str) -> list[Block] | None:
        if kind not in catalogue.CATALOGUE:
            return None
        if kind in placed:
            return []
        placed.add(kind)
        return catalogue.CATALOGUE[kind](ctx, section.pk)

    before = [b for b in blocks if b.placement == BlockPlacement.BEFORE]
    after = [b for b in blocks if b.placement != BlockPlacement.BEFORE]
    # Markers in the text take their blocks first, so a placed block is not printed twice.
    text = staff_blocks(texts.get(section.key, ""), ctx.counter, computed)
    content = [block for b in before for block in computed(b.kind) or []] + text
    content += [block for b in after for block in computed(b.kind) or []]
    children = [block for child in node.children for block in _section_content(child, ctx, texts)]
    if not content and not children:
        return []
    heading_kind = HEADINGS.get(section.level)
    if section.title and heading_kind:
        label = f"{section.number}. {section.title}" if section.number else section.title
        content.insert(0, Block(heading_kind, staff_runs(label, ctx.counter)))
    elif section.number and content:
        content[0].runs.insert(0, Run(text=f"{section.number}. "))
    return content + children


def _renumber(doc: ReportDocument) -> None:
    """Footnotes numbered in reading order (a heading is built after its section's content)."""
    for number, footnote in enumerate(doc.footnotes, start=1):
        footnote.number = number


@in_official_language
def summary_report_compose(*, report: SummaryReport) -> ReportDocument:
    return summary_report_compose_with_context(report=report)[0]


def summary_report_compose_with_context(*, report: SummaryReport) -> tuple[ReportDocument, catalogue.Context]:
    """The document and what its blocks read: the annexes take their numbering and headings from
    the appendices the outline places, and their rows from the same data."""
    campaign = Campaign.objects.select_related("plan_document", "organiser", "organiser__parent").get(
        pk=report.campaign_id
    )
    documents = {
        link.document.number_symbol: link.document for link in campaign.document_links.select_related("document")
    }
    documents.setdefault(campaign.plan_document.number_symbol, campaign.plan_document)
    ctx = catalogue.Context(campaign=campaign, report=report, counter=FootnoteCounter(documents))
    number = report.number_symbol.strip()
    doc = ReportDocument(
        issuer_parent=report.issuer_parent,
        issuer_name=report.issuer_name,
        number_line=_("Số: %(number)s") % {"number": "\u00a0" * 8 + number if number.startswith("/") else number},
        place_date=date_line(report.place_name, report.issued_on),
        title=_("BÁO CÁO"),
        subject=_("Tổng kết phong trào thi đua %(name)s trên địa bàn %(territory)s")
        % {"name": quoted(campaign.name), "territory": territory_of(campaign)},
        recipients=[line for line in report.recipients if line.strip()],
        signer_authority=report.signer_authority,
        signer_position=report.signer_position,
        signer_name=report.signer_name,
    )
    sections = list(OutlineSection.objects.filter(campaign=campaign).prefetch_related("blocks"))
    texts = report.sections or {}
    for node in outline_tree(sections):
        doc.blocks += _section_content(node, ctx, texts)
    _renumber(doc)
    doc.appendices = catalogue.appendices(ctx, attached_line(report=report, ctx=ctx))
    return doc, ctx


def attached_line(*, report: SummaryReport, ctx: catalogue.Context) -> str:
    """ "Kèm theo Báo cáo số …": the note of each appendix and annex."""
    return _("Kèm theo Báo cáo số %(number)s ngày %(date)s của %(organiser)s") % {
        "number": report.number_symbol.strip(),
        "date": date_short(report.issued_on),
        "organiser": ctx.reporter.name,
    }


# --- drafts ------------------------------------------------------------------------------


@in_official_language
def section_drafts(campaign: Campaign) -> dict[str, str]:
    """A first version of the narrative of the generic outline's sections (reports/outline.py),
    built from the data, for staff to rewrite. The documents are cited by the `documents` block,
    each with its own issuer; the draft names the plan by its own type and issuer."""
    organiser = campaign.organiser.name
    plan = campaign.plan_document
    name = quoted(campaign.name)
    return {
        "chi-dao": _(
            "Triển khai thực hiện %(plan)s của %(issuer)s, %(organiser)s đã hướng dẫn các cơ quan, đơn vị, địa "
            "phương triển khai phong trào thi đua %(name)s và gửi hồ sơ đề nghị khen thưởng trước ngày %(deadline)s."
        )
        % {
            "plan": document_short(plan),
            "issuer": plan.issuer,
            "organiser": organiser,
            "name": name,
            "deadline": date_short(campaign.nomination_deadline),
        },
        "uu-diem": _("Phong trào thi đua %(name)s được các cơ quan, đơn vị, địa phương tích cực triển khai.")
        % {"name": name},
        "han-che": _("Bên cạnh những kết quả đạt được, còn những tồn tại, hạn chế như sau:"),
        "kien-nghi": _("Trên cơ sở tổng hợp, theo dõi, đánh giá, %(organiser)s kính đề xuất:")
        % {"organiser": organiser},
        "ket-thuc": _("Trên đây là Báo cáo tổng kết phong trào thi đua %(name)s trên địa bàn %(territory)s.")
        % {"name": name, "territory": territory_of(campaign)}
        + "\n"
        + _("%(organiser)s kính báo cáo %(authority)s./.")
        % {"organiser": organiser, "authority": campaign.issuing_authority},
    }
