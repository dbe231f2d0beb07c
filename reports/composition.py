"""One structured document built from the campaign's data and the staff's text; both renderers
(PDF and DOCX) draw this same tree, and its JSON is what the render's data hash covers.

Staff text is plain text. A blank line or a new line starts a paragraph, a line starting with
"- " is a list item, and `[^…]` is a footnote: `[^4064/KH-UBND]` cites that campaign document
(its type, number/symbol, date, issuer and subject, from the data), any other `[^text]` is a
footnote with that text.
"""

import functools
import hashlib
import json
import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from django.utils import translation
from django.utils.translation import gettext as _

from awards.enums import NominationState, Verdict
from awards.selectors import campaign_progress, nominations_for_report
from campaigns.enums import ReformArea
from campaigns.models import Campaign, LegalDocument
from initiatives.enums import InitiativeKind
from initiatives.selectors import initiatives_by_agency

from .enums import ResultSection
from .models import Indicator, SummaryReport

FOOTNOTE_TOKEN = re.compile(r"\[\^([^\]\n]{1,1000})\]")

BLOCK_HEADING_1 = "heading1"
BLOCK_HEADING_2 = "heading2"
BLOCK_HEADING_3 = "heading3"
BLOCK_PARAGRAPH = "paragraph"
BLOCK_ITEM = "item"


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


def number_text(value: Decimal | int) -> str:
    """Vietnamese digits: a dot between thousands, a comma before decimals."""
    value = Decimal(value)
    if value == value.to_integral_value():
        return f"{int(value):,}".replace(",", ".")
    whole, _sep, decimals = f"{value.normalize():,f}".partition(".")
    return f"{whole.replace(',', '.')},{decimals}"


def document_short(document: LegalDocument) -> str:
    return _("%(type)s số %(number)s ngày %(date)s") % {
        "type": document.get_doc_type_display(),
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


def quoted(name: str) -> str:
    return f"“{name}”"


# --- staff text --------------------------------------------------------------------------


class _FootnoteCounter:
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


def _runs(text: str, counter: _FootnoteCounter) -> list[Run]:
    runs: list[Run] = []
    position = 0
    for match in FOOTNOTE_TOKEN.finditer(text):
        runs.append(Run(text=text[position : match.start()], footnote=counter.make(match.group(1))))
        position = match.end()
    if position < len(text) or not runs:
        runs.append(Run(text=text[position:]))
    return runs


def _staff_blocks(text: str, counter: _FootnoteCounter) -> list[Block]:
    blocks = []
    for line in (text or "").replace("\r\n", "\n").split("\n"):
        line = line.strip()
        if not line:
            continue
        if line.startswith("- "):
            blocks.append(Block(BLOCK_ITEM, _runs(line[2:].strip(), counter)))
        else:
            blocks.append(Block(BLOCK_PARAGRAPH, _runs(line, counter)))
    return blocks


def _plain(kind: str, text: str) -> Block:
    return Block(kind, [Run(text=text)])


# --- computed parts ----------------------------------------------------------------------


def unit_name(agency) -> str:
    """ "xã Trà Bui" for "UBND xã Trà Bui": how the report names the communes of a district."""
    return agency.name[len("UBND ") :] if agency.name.startswith("UBND ") else agency.name


@functools.cache
def _choice_labels(choices, language: str) -> dict:
    return {value: str(label) for value, label in choices.choices}


def choice_label(choices, value) -> str:
    """A choice's label in the active language: `get_FOO_display` translates on every call, which
    counts when a province's report names 50,000 initiatives (make bench 10×)."""
    return _choice_labels(choices, translation.get_language()).get(value, value)


def initiative_label(initiative) -> str:
    """ "Mô hình “Ti vi tuyên truyền…”", without repeating the kind when the title starts with it."""
    kind = choice_label(InitiativeKind, initiative.kind)
    if initiative.title.lower().startswith(kind.lower()):
        return quoted(initiative.title)
    return f"{kind} {quoted(initiative.title)}"


def initiative_sentence(initiative) -> str:
    text = initiative_label(initiative)
    units = [unit_name(unit) for unit in initiative.implementing_unit_list]
    if units:
        text += _(" tại %(units)s") % {"units": ", ".join(units)}
    figures = initiative.figures_text
    if figures:
        text += f" ({figures})"
    replicated = [unit_name(unit) for unit in initiative.replicated_to_list]
    if replicated:
        text += _("; nhân rộng đến %(units)s") % {"units": ", ".join(replicated)}
    return text


def initiatives_blocks(groups) -> list[Block]:
    blocks = []
    for agency, initiatives in groups:
        items = " ".join(f"({index}) {initiative_sentence(item)}." for index, item in enumerate(initiatives, start=1))
        blocks.append(_plain(BLOCK_ITEM, f"{agency.name}: {items}"))
    return blocks


def indicator_lines(campaign: Campaign) -> dict[str, list[str]]:
    """One line per top-level indicator, with its "of which" breakdown, by report section."""
    indicators = list(Indicator.objects.filter(campaign=campaign).prefetch_related("values").order_by("position", "pk"))
    children: dict[int, list[Indicator]] = {}
    for indicator in indicators:
        if indicator.parent_id:
            children.setdefault(indicator.parent_id, []).append(indicator)
    lines: dict[str, list[str]] = {}
    for indicator in indicators:
        if indicator.parent_id:
            continue
        value = _indicator_value(indicator)
        if value is None:
            continue
        line = f"{indicator.name}: {_with_unit(value, indicator.unit)}"
        parts = []
        for child in children.get(indicator.pk, []):
            child_value = _indicator_value(child)
            if child_value is not None:
                parts.append(f"{child.name}: {_with_unit(child_value, child.unit)}")
        if parts:
            line += _(", trong đó: %(parts)s") % {"parts": "; ".join(parts)}
        lines.setdefault(indicator.section, []).append(f"{line}.")
    return lines


def _indicator_value(indicator: Indicator) -> Decimal | None:
    values = list(indicator.values.all())
    province_wide = [v.value for v in values if v.agency_id is None]
    if province_wide:
        return province_wide[0]
    if values:
        return sum((v.value for v in values), Decimal(0))
    return None


def _with_unit(value: Decimal, unit: str) -> str:
    return f"{number_text(value)} {unit}".strip()


def nomination_rows(campaign: Campaign) -> list[list[str]]:
    rows = []
    # The appendix shows no criterion results: not prefetching them spares thousands of rows.
    nominations = nominations_for_report(campaign=campaign).prefetch_related(None).defer("declared_metrics")
    for index, nomination in enumerate(nominations, start=1):
        rows.append(
            [
                str(index),
                nomination.nominee_label,
                nomination.agency.name,
                str(nomination.award_form),
                choice_label(Verdict, nomination.verdict),
                choice_label(NominationState, nomination.state),
            ]
        )
    return rows


def initiative_groups(campaign: Campaign):
    return initiatives_by_agency(campaign=campaign)


# --- drafts ------------------------------------------------------------------------------


def in_official_language(func):
    """An official document is written in Vietnamese whatever language the reader's interface uses."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        with translation.override("vi"):
            return func(*args, **kwargs)

    return wrapper


@in_official_language
def section_drafts(campaign: Campaign) -> dict[str, str]:
    """A first version of each narrative section, built from the data, for staff to rewrite."""
    organiser = campaign.organiser.name
    plan = campaign.plan_document
    name = quoted(campaign.name)
    documents = [link.document for link in campaign.document_links.select_related("document")]
    during = [d for d in documents if plan.issued_on <= d.issued_on <= campaign.period_end]
    after = [d for d in documents if d.issued_on > campaign.period_end]
    groups = initiative_groups(campaign)
    initiatives = [item for _agency, items in groups for item in items]

    def cite(docs):
        return ", ".join(f"{document_short(d)}[^{d.number_symbol}]" for d in docs)

    i_1 = _(
        "Triển khai thực hiện %(plan)s của %(authority)s, %(organiser)s đã hướng dẫn triển khai phong trào thi đua."
    ) % {
        "plan": document_short(plan),
        "authority": campaign.issuing_authority,
        "organiser": organiser,
    }
    if during:
        i_1 += " " + _("Các văn bản đã ban hành: %(docs)s.") % {"docs": cite(during)}
    i_2 = _(
        "%(organiser)s đề nghị các cơ quan, đơn vị, địa phương tổ chức tổng kết phong trào thi đua và gửi hồ sơ "
        "đề nghị khen thưởng trước ngày %(deadline)s."
    ) % {"organiser": organiser, "deadline": date_short(campaign.nomination_deadline)}
    if after:
        i_2 = _("Thực hiện %(docs)s; ") % {"docs": cite(after)} + i_2[0].lower() + i_2[1:]
    drafts = {
        "i_1": i_1,
        "i_2": i_2,
        "ii_1": _(
            "Thủ trưởng các cơ quan, đơn vị, địa phương đã chỉ đạo triển khai phong trào thi đua %(name)s, "
            "góp phần nâng cao nhận thức, trách nhiệm của người đứng đầu và cán bộ, công chức, viên chức."
        )
        % {"name": name},
        "ii_2": "",
        "ii_3": _(
            "Các cơ quan, đơn vị, địa phương đã tổ chức tuyên truyền về phong trào thi đua %(name)s dưới nhiều "
            "hình thức."
        )
        % {"name": name},
        "iii_1": _("Phong trào thi đua %(name)s được các cơ quan, đơn vị, địa phương tích cực triển khai.")
        % {"name": name},
        "iii_2": _("Bên cạnh những kết quả đạt được, còn những tồn tại, hạn chế như sau:"),
        "iv": "",
        "v": _("Trên cơ sở tổng hợp, theo dõi, đánh giá, %(organiser)s kính đề xuất:") % {"organiser": organiser},
        "closing": _("Trên đây là Báo cáo tổng kết phong trào thi đua %(name)s trên địa bàn %(territory)s.")
        % {"name": name, "territory": territory_of(campaign)}
        + "\n"
        + _("%(organiser)s kính báo cáo %(authority)s./.")
        % {"organiser": organiser, "authority": campaign.issuing_authority},
    }
    areas = {
        "ii_4_1": (ReformArea.PROCEDURES,),
        "ii_4_2": (ReformArea.INSTITUTIONS,),
        "ii_4_3": (ReformArea.ORGANISATION, ReformArea.CIVIL_SERVICE, ReformArea.PUBLIC_FINANCE),
        "ii_4_4": (ReformArea.DIGITAL,),
    }
    for key, reform_areas in areas.items():
        titles = [f"{quoted(i.title)} ({i.agency.name})" for i in initiatives if i.reform_area in reform_areas]
        drafts[key] = (
            _("Các mô hình, sáng kiến tiêu biểu: %(titles)s.") % {"titles": "; ".join(titles)} if titles else ""
        )
    drafts["ii_2"] = (
        _("Có %(n)d mô hình, sáng kiến, giải pháp của %(m)d cơ quan, đơn vị, địa phương được đăng ký, triển khai.")
        % {"n": len(initiatives), "m": len(groups)}
        if initiatives
        else ""
    )
    return drafts


# --- the document ------------------------------------------------------------------------


@in_official_language
def summary_report_compose(*, report: SummaryReport) -> ReportDocument:
    campaign = Campaign.objects.select_related("plan_document", "organiser", "organiser__parent").get(
        pk=report.campaign_id
    )
    documents = {
        link.document.number_symbol: link.document for link in campaign.document_links.select_related("document")
    }
    documents.setdefault(campaign.plan_document.number_symbol, campaign.plan_document)
    counter = _FootnoteCounter(documents)
    sections = report.sections or {}
    name = quoted(campaign.name)
    organiser = campaign.organiser.name

    def staff(key: str) -> list[Block]:
        return _staff_blocks(sections.get(key, ""), counter)

    number = report.number_symbol.strip()
    doc = ReportDocument(
        issuer_parent=report.issuer_parent,
        issuer_name=report.issuer_name,
        number_line=_("Số: %(number)s") % {"number": "\u00a0" * 8 + number if number.startswith("/") else number},
        place_date=date_line(report.place_name, report.issued_on),
        title=_("BÁO CÁO"),
        subject=_("Tổng kết phong trào thi đua %(name)s trên địa bàn %(territory)s")
        % {"name": name, "territory": territory_of(campaign)},
        recipients=[line for line in report.recipients if line.strip()],
        signer_authority=report.signer_authority,
        signer_position=report.signer_position,
        signer_name=report.signer_name,
    )
    blocks = doc.blocks
    blocks.append(
        _plain(
            BLOCK_PARAGRAPH,
            _(
                "Thực hiện %(plan)s, qua thời gian triển khai thực hiện từ ngày %(start)s đến ngày %(end)s; "
                "%(organiser)s báo cáo kết quả tổ chức triển khai thực hiện như sau:"
            )
            % {
                "plan": campaign.plan_document.citation,
                "start": date_short(campaign.period_start),
                "end": date_short(campaign.period_end),
                "organiser": organiser,
            },
        )
    )
    blocks.append(_plain(BLOCK_HEADING_1, _("I. Công tác chỉ đạo, triển khai thực hiện phong trào thi đua")))
    for index, key in enumerate(("i_1", "i_2"), start=1):
        part = staff(key)
        if part:
            part[0].runs.insert(0, Run(text=f"{index}. "))
        blocks += part

    blocks.append(_plain(BLOCK_HEADING_1, _("II. Kết quả thực hiện phong trào thi đua")))
    blocks.append(
        _plain(
            BLOCK_HEADING_2,
            _("1. Nhận thức, trách nhiệm của lãnh đạo, CBCCVC thực hiện các nhiệm vụ cải cách hành chính"),
        )
    )
    blocks += staff("ii_1")
    blocks.append(
        _plain(
            BLOCK_HEADING_2,
            _("2. Các mô hình, sáng kiến, giải pháp được triển khai, nhân rộng trong các cơ quan, đơn vị, địa phương"),
        )
    )
    groups = initiative_groups(campaign)
    count = sum(len(items) for _agency, items in groups)
    if groups:
        blocks.append(
            _plain(
                BLOCK_PARAGRAPH,
                _(
                    "Qua triển khai phong trào thi đua, %(agencies)d cơ quan, đơn vị, địa phương đã triển khai "
                    "%(count)d mô hình, sáng kiến, giải pháp trong công tác cải cách hành chính, cụ thể:"
                )
                % {"agencies": len(groups), "count": count},
            )
        )
        blocks += initiatives_blocks(groups)
    else:
        blocks.append(_plain(BLOCK_PARAGRAPH, _("Chưa có mô hình, sáng kiến, giải pháp nào được đăng ký.")))
    blocks += staff("ii_2")
    blocks.append(
        _plain(
            BLOCK_HEADING_2, _("3. Công tác thông tin, tuyên truyền về phong trào thi đua %(name)s") % {"name": name}
        )
    )
    blocks += staff("ii_3")
    blocks.append(_plain(BLOCK_HEADING_2, _("4. Kết quả đạt được trên các mặt công tác CCHC, chuyển đổi số")))
    indicators = indicator_lines(campaign)
    headings = [
        (
            "ii_4_1",
            ResultSection.PROCEDURES,
            _("4.1. Đẩy mạnh cải cách thủ tục hành chính phục vụ người dân, doanh nghiệp"),
        ),
        ("ii_4_2", ResultSection.INSTITUTIONS, _("4.2. Công tác cải cách thể chế")),
        ("ii_4_3", ResultSection.ORGANISATION, _("4.3. Cải cách tổ chức bộ máy, cải cách chế độ công vụ")),
        (
            "ii_4_4",
            ResultSection.DIGITAL,
            _("4.4. Tăng cường ứng dụng công nghệ thông tin, chuyển đổi số, xây dựng và phát triển Chính phủ điện tử"),
        ),
    ]
    for key, section, heading in headings:
        blocks.append(_plain(BLOCK_HEADING_3, heading))
        blocks += staff(key)
        lines = indicators.get(section, [])
        if lines:
            blocks.append(_plain(BLOCK_PARAGRAPH, _("Số liệu đạt được:")))
            blocks += [_plain(BLOCK_ITEM, line) for line in lines]

    # As of the report's date, so that the same report renders the same figures later.
    progress = campaign_progress(campaign=campaign, as_of=report.issued_on)
    blocks.append(_plain(BLOCK_HEADING_1, _("III. Đánh giá chung")))
    blocks.append(_plain(BLOCK_HEADING_2, _("1. Ưu điểm")))
    blocks += staff("iii_1")
    blocks.append(
        _plain(
            BLOCK_PARAGRAPH,
            _(
                "Tính đến thời điểm %(deadline)s đã có %(sent)d/%(expected)d cơ quan, đơn vị, địa phương gửi hồ sơ "
                "đề nghị khen thưởng theo quy định về %(organiser)s."
            )
            % {
                "deadline": date_short(campaign.nomination_deadline),
                "sent": progress.sent_on_time,
                "expected": progress.expected,
                "organiser": organiser,
            },
        )
    )
    blocks.append(_plain(BLOCK_HEADING_2, _("2. Tồn tại, hạn chế, khó khăn, vướng mắc")))
    blocks += staff("iii_2")
    blocks.append(
        _plain(
            BLOCK_PARAGRAPH,
            _(
                "Trong %(total)d hồ sơ đề nghị khen thưởng đã gửi, %(missing)d hồ sơ không đảm bảo thành phần hồ sơ, "
                "%(late)d hồ sơ gửi sau thời hạn; %(late_agencies)d cơ quan, đơn vị, địa phương gửi hồ sơ sau thời "
                "hạn, %(absent)d cơ quan, đơn vị, địa phương chưa gửi hồ sơ."
            )
            % {
                "total": progress.nominations_total,
                "missing": progress.nominations_missing_component,
                "late": progress.nominations_late,
                "late_agencies": progress.sent_late,
                "absent": len(progress.missing_agencies),
            },
        )
    )
    blocks.append(_plain(BLOCK_HEADING_1, _("IV. Bài học kinh nghiệm")))
    blocks += staff("iv")
    blocks.append(_plain(BLOCK_HEADING_1, _("V. Kiến nghị, đề xuất")))
    blocks += staff("v")
    blocks += staff("closing")

    attached = _("(Kèm theo Báo cáo số %(number)s ngày %(date)s của %(organiser)s)") % {
        "number": number,
        "date": date_short(report.issued_on),
        "organiser": organiser,
    }
    doc.appendices = [
        Appendix(
            title=_("Phụ lục I"),
            subtitle=_("DANH SÁCH HỒ SƠ ĐỀ NGHỊ KHEN THƯỞNG VÀ KẾT QUẢ KIỂM TRA"),
            note=attached,
            table=Table(
                columns=[
                    _("STT"),
                    _("Đối tượng"),
                    _("Cơ quan đề nghị"),
                    _("Hình thức"),
                    _("Kết quả kiểm tra"),
                    _("Trạng thái"),
                ],
                widths=[6, 26, 22, 18, 14, 14],
                rows=nomination_rows(campaign),
            ),
            empty_text=_("Chưa có hồ sơ đề nghị khen thưởng."),
        ),
        Appendix(
            title=_("Phụ lục II"),
            subtitle=_("DANH SÁCH MÔ HÌNH, SÁNG KIẾN, GIẢI PHÁP"),
            note=attached,
            table=Table(
                columns=[
                    _("STT"),
                    _("Cơ quan, đơn vị"),
                    _("Tên mô hình, sáng kiến, giải pháp"),
                    _("Lĩnh vực"),
                    _("Đơn vị thực hiện"),
                ],
                widths=[6, 22, 36, 16, 20],
                rows=[
                    [
                        str(index),
                        initiative.agency.name,
                        initiative_label(initiative),
                        choice_label(ReformArea, initiative.reform_area),
                        ", ".join(unit_name(unit) for unit in initiative.implementing_unit_list),
                    ]
                    for index, initiative in enumerate((i for _a, items in groups for i in items), start=1)
                ],
            ),
            empty_text=_("Chưa có mô hình, sáng kiến, giải pháp."),
        ),
    ]
    return doc
