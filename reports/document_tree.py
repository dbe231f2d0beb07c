"""The document tree that both renderers draw (PDF and DOCX) and the helpers that build its
text: dates in the official style, document citations, staff text with its footnotes. Kept apart
from composition.py so that the catalogue of computed blocks and the composition share it."""

import functools
import hashlib
import json
import re
from dataclasses import asdict, dataclass, field

from django.utils import translation
from django.utils.translation import gettext as _

from campaigns.models import Campaign, LegalDocument

FOOTNOTE_TOKEN = re.compile(r"\[\^([^\]\n]{1,1000})\]")
BLOCK_MARKER = re.compile(r"^\[\[([a-z_]{1,40})\]\]$")
# A footnote token shaped like a document's number/symbol ("12/KH-UBND", "16-NQ/TU"): one that
# names no document of the campaign is a mistake to report, not a footnote to print as typed.
DOCUMENT_TOKEN = re.compile(r"^[0-9][^\s]*/[^\s]+$")

BLOCK_HEADING_1 = "heading1"
BLOCK_HEADING_2 = "heading2"
BLOCK_HEADING_3 = "heading3"
BLOCK_PARAGRAPH = "paragraph"
BLOCK_ITEM = "item"
# Decree 30's "Căn cứ" lines (italic) and centred lines ("Kính gửi", "QUYẾT ĐỊNH:") of the council's
# documents (council/documents.py).
BLOCK_BASIS = "basis"
BLOCK_CENTRED = "centred"


@dataclass
class Footnote:
    number: int
    text: str


@dataclass
class Run:
    text: str
    footnote: Footnote | None = None


@dataclass
class Block:
    kind: str
    runs: list[Run]

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass
class Table:
    columns: list[str]
    widths: list[int]
    rows: list[list[str]]


@dataclass
class Appendix:
    title: str
    subtitle: str
    note: str
    table: Table
    empty_text: str


@dataclass
class ReportDocument:
    issuer_parent: str
    issuer_name: str
    number_line: str
    place_date: str
    title: str
    subject: str
    blocks: list[Block] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    signer_authority: str = ""
    signer_position: str = ""
    signer_name: str = ""
    appendices: list[Appendix] = field(default_factory=list)

    @property
    def footnotes(self) -> list[Footnote]:
        return [run.footnote for block in self.blocks for run in block.runs if run.footnote is not None]

    def as_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, sort_keys=True, default=str)

    def data_hash(self) -> str:
        return hashlib.sha256(self.as_json().encode("utf-8")).hexdigest()


# --- formatting helpers ------------------------------------------------------------------


def date_short(day) -> str:
    return f"{day:%d/%m/%Y}"


def date_line(place: str, day) -> str:
    """The place-and-date line of Decree 30/2020: leading zeros for days 01–09 and months 01–02."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return _("%(place)s, ngày %(day)s tháng %(month)s năm %(year)s") % {
        "place": place,
        "day": f"{day.day:02d}",
        "month": month,
        "year": day.year,
    }


def document_short(document: LegalDocument) -> str:
    return _("%(type)s số %(number)s ngày %(date)s") % {
        "type": document.type_name,
        "number": document.number_symbol,
        "date": date_short(document.issued_on),
    }


def territory_of(campaign: Campaign) -> str:
    """ "tỉnh Quảng Nam" from the organiser's parent "Ủy ban nhân dân tỉnh Quảng Nam"."""
    parent = campaign.organiser.parent
    name = parent.name if parent is not None else campaign.place_name
    for prefix in ("Ủy ban nhân dân ", "UBND "):
        if name.startswith(prefix):
            return name[len(prefix) :]
    return name


@functools.cache
def _choice_labels(choices, language: str) -> dict:
    return {value: str(label) for value, label in choices.choices}


def choice_label(choices, value) -> str:
    """A choice's label in the active language: `get_FOO_display` translates on every call, which
    counts when a province's report names 50,000 initiatives (make bench 10×)."""
    return _choice_labels(choices, translation.get_language()).get(value, value)


def in_official_language(func):
    """An official document is written in Vietnamese whatever language the reader's interface uses."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with translation.override("vi"):
            return func(*args, **kwargs)

    return wrapper


# --- staff text --------------------------------------------------------------------------


class FootnoteCounter:
    def __init__(self, documents: dict[str, LegalDocument]):
        self.documents = documents
        self.next_number = 1

    def make(self, token: str) -> Footnote:
        token = token.strip()
        document = self.documents.get(token)
        text = f"{document.citation}." if document is not None else token
        footnote = Footnote(number=self.next_number, text=text)
        self.next_number += 1
        return footnote


def staff_runs(text: str, counter: FootnoteCounter) -> list[Run]:
    runs: list[Run] = []
    position = 0
    for match in FOOTNOTE_TOKEN.finditer(text):
        runs.append(Run(text=text[position : match.start()], footnote=counter.make(match.group(1))))
        position = match.end()
    if position < len(text) or not runs:
        runs.append(Run(text=text[position:]))
    return runs


def staff_blocks(text: str, counter: FootnoteCounter, computed=None) -> list[Block]:
    """Paragraphs and items of staff text; a line "[[kind]]" is replaced by `computed(kind)`, or
    printed as typed when `computed` knows no such block (it answers None)."""
    blocks = []
    for line in (text or "").replace("\r\n", "\n").split("\n"):
        line = line.strip()
        if not line:
            continue
        marker = BLOCK_MARKER.match(line)
        placed = computed(marker.group(1)) if marker and computed is not None else None
        if placed is not None:
            blocks += placed
        elif line.startswith("- "):
            blocks.append(Block(BLOCK_ITEM, staff_runs(line[2:].strip(), counter)))
        else:
            blocks.append(Block(BLOCK_PARAGRAPH, staff_runs(line, counter)))
    return blocks


def plain(kind: str, text: str) -> Block:
    return Block(kind, [Run(text=text)])


def unknown_document_tokens(text: str, numbers) -> list[str]:
    """Footnote tokens shaped like a document number that name none of `numbers` (the campaign's
    documents): a document removed from the campaign, or a typo."""
    return [
        token
        for token in (match.group(1).strip() for match in FOOTNOTE_TOKEN.finditer(text or ""))
        if DOCUMENT_TOKEN.match(token) and token not in numbers
    ]
