"""The criteria engine, in one place: one pure function per criterion kind. Each takes the
criterion's params and the facts gathered about a nomination, and returns an outcome with a
one-line Vietnamese explanation that names the evidence. No database access here: the service
(`services.criteria_check_nomination`) gathers the facts and stores the results."""

import datetime
import math
from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from campaign_portal.numbers import number_text, with_unit
from campaign_portal.text import fold_text

from .enums import AppliesTo, Comparison, CriterionKind, Outcome, SignatureVerdict, Verdict

ALL_REQUIRED = "*"


@dataclass(frozen=True)
class DocumentFact:
    requirement_name: str
    original_name: str
    readable: bool
    # The stored signature check (services/signatures.py): its verdict and explanation, and the
    # organisations (certificate O) of the signatures found valid.
    signature: str = SignatureVerdict.PENDING
    signature_explanation: str = ""
    signed_by: tuple[str, ...] = ()


@dataclass(frozen=True)
class AwardFact:
    """An earlier award of the same nominee, from the register (awards/register.py)."""

    form_name: str
    decision_number: str
    decision_date: datetime.date
    # the agency awarded, when it is one the nominee took over (merged into it); empty for the nominee
    awarded_as: str = ""


@dataclass(frozen=True)
class NominationFacts:
    nominee_type: str
    agency_kind: str
    deadline: datetime.date
    # The date the Department received the dossier (Vietnam time): the deadline is held against it.
    received_on: datetime.date | None = None
    metrics: dict = field(default_factory=dict)
    # requirement code → (name, required)
    requirements: dict[str, tuple[str, bool]] = field(default_factory=dict)
    # requirement code → the document attached for it
    documents: dict[str, DocumentFact] = field(default_factory=dict)
    nominee_known: bool = True
    # labels of earlier nominations of the same nominee for the same award form and campaign
    duplicates: tuple[str, ...] = ()
    # the agency that sends the dossier, whose organisation a `signed` component must carry
    agency_name: str = ""
    quota: "QuotaFact | None" = None
    # the award form's name and the nominee's earlier awards in the register, any form, newest first
    form_name: str = ""
    earlier_awards: tuple[AwardFact, ...] = ()


@dataclass(frozen=True)
class QuotaFact:
    """Where a nomination stands against its award form's quota (awards/quotas.py): its rank
    among the dossiers sent that the quota counts, and the limit (None: no quota, or no base)."""

    rank: int
    limit: int | None
    scope: str


@dataclass(frozen=True)
class Evaluation:
    outcome: str
    explanation: str


def _finite(value) -> float | None:
    """The value as a finite float, or None (not a number, NaN, infinite, too large for a float)."""
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError, OverflowError):
        return None
    return number if math.isfinite(number) else None


def _number(value: float, unit: str) -> str:
    """As the portal writes every figure (campaign_portal/numbers.py): "1,5%", "1.025 dịch vụ"."""
    return with_unit(number_text(value), unit)


def _date(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")


def evaluate_document_present(params: dict, facts: NominationFacts) -> Evaluation:
    code = params.get("requirement", ALL_REQUIRED)
    if code == ALL_REQUIRED:
        wanted = [c for c, (_name, required) in facts.requirements.items() if required]
        if not wanted:
            return Evaluation(Outcome.CANNOT_TELL, _("Hình thức khen thưởng chưa quy định thành phần hồ sơ bắt buộc."))
    elif code not in facts.requirements:
        return Evaluation(
            Outcome.CANNOT_TELL,
            _("Hình thức khen thưởng này không có thành phần hồ sơ mã “%(code)s”.") % {"code": code},
        )
    else:
        wanted = [code]
    missing = [facts.requirements[c][0] for c in wanted if c not in facts.documents]
    unreadable = [
        facts.documents[c].original_name for c in wanted if c in facts.documents and not facts.documents[c].readable
    ]
    if missing:
        return Evaluation(Outcome.NOT_MET, _("Thiếu thành phần hồ sơ: %(names)s.") % {"names": "; ".join(missing)})
    if unreadable:
        return Evaluation(
            Outcome.NOT_MET, _("Không đọc được tệp: %(names)s. Hãy tải lại tệp.") % {"names": "; ".join(unreadable)}
        )
    names = "; ".join(f"{facts.requirements[c][0]} ({facts.documents[c].original_name})" for c in wanted)
    return Evaluation(Outcome.MET, _("Đã có: %(names)s.") % {"names": names})


def evaluate_deadline(params: dict, facts: NominationFacts) -> Evaluation:
    """On time when received on or before the deadline day: a date, so the whole day counts."""
    deadline = datetime.date.fromisoformat(params["deadline"]) if params.get("deadline") else facts.deadline
    deadline += datetime.timedelta(days=int(params.get("grace_days") or 0))
    if facts.received_on is None:
        return Evaluation(
            Outcome.CANNOT_TELL, _("Hồ sơ chưa được gửi; hạn gửi là %(deadline)s.") % {"deadline": _date(deadline)}
        )
    values = {"received": _date(facts.received_on), "deadline": _date(deadline)}
    if facts.received_on <= deadline:
        return Evaluation(Outcome.MET, _("Nhận hồ sơ ngày %(received)s, trong hạn (hạn %(deadline)s).") % values)
    late = (facts.received_on - deadline).days
    return Evaluation(
        Outcome.NOT_MET,
        _("Nhận hồ sơ ngày %(received)s, trễ %(days)d ngày so với hạn %(deadline)s.") % {**values, "days": late},
    )


_COMPARE: dict[str, Callable[[float, float], bool]] = {
    Comparison.AT_LEAST: lambda a, b: a >= b,
    Comparison.AT_MOST: lambda a, b: a <= b,
    Comparison.BELOW: lambda a, b: a < b,
    Comparison.ABOVE: lambda a, b: a > b,
    Comparison.EQUAL: lambda a, b: a == b,
}


# The requirement as a reader says it: "từ 100% trở lên" rather than "không thấp hơn 100%".
_REQUIREMENT = {
    Comparison.AT_LEAST: gettext_lazy("từ %(threshold)s trở lên"),
    Comparison.AT_MOST: gettext_lazy("không quá %(threshold)s"),
    Comparison.BELOW: gettext_lazy("dưới %(threshold)s"),
    Comparison.ABOVE: gettext_lazy("trên %(threshold)s"),
    Comparison.EQUAL: gettext_lazy("đúng %(threshold)s"),
}


def evaluate_metric(params: dict, facts: NominationFacts) -> Evaluation:
    key, label, unit = params["metric"], params.get("label", params["metric"]), params.get("unit", "")
    op, threshold = params.get("op", Comparison.AT_LEAST), _finite(params["threshold"])
    if threshold is None:
        raise ValueError(_("ngưỡng không phải là số hữu hạn"))
    raw = facts.metrics.get(key)
    if raw in (None, ""):
        return Evaluation(Outcome.CANNOT_TELL, _("Chưa kê khai “%(label)s”.") % {"label": label})
    value = _finite(raw)
    if value is None:
        return Evaluation(
            Outcome.CANNOT_TELL, _("Số liệu “%(label)s” không phải là số: %(raw)s.") % {"label": label, "raw": raw}
        )
    values = {
        "label": label,
        "value": _number(value, unit),
        "requirement": _REQUIREMENT[op] % {"threshold": _number(threshold, unit)},
    }
    if _COMPARE[op](value, threshold):
        return Evaluation(Outcome.MET, _("%(label)s: kê khai %(value)s, đạt yêu cầu (%(requirement)s).") % values)
    return Evaluation(Outcome.NOT_MET, _("%(label)s: kê khai %(value)s, chưa đạt yêu cầu (%(requirement)s).") % values)


def evaluate_attestation(params: dict, facts: NominationFacts) -> Evaluation:
    key, label = params["statement"], params.get("label", params["statement"])
    evidence = params.get("evidence", "")
    declared = facts.metrics.get(key)
    if declared is None or declared == "":
        return Evaluation(Outcome.CANNOT_TELL, _("Chưa kê khai “%(label)s”.") % {"label": label})
    if not declared:
        return Evaluation(Outcome.NOT_MET, _("Cơ quan kê khai không đạt: “%(label)s”.") % {"label": label})
    if evidence:
        document = facts.documents.get(evidence)
        evidence_name = facts.requirements.get(evidence, (evidence, False))[0]
        if document is None or not document.readable:
            return Evaluation(
                Outcome.CANNOT_TELL,
                _("Đã kê khai “%(label)s” nhưng chưa có tài liệu chứng minh (%(evidence)s).")
                % {"label": label, "evidence": evidence_name},
            )
        return Evaluation(
            Outcome.MET,
            _("Đã kê khai “%(label)s”, chứng minh bằng %(evidence)s (%(file)s).")
            % {"label": label, "evidence": evidence_name, "file": document.original_name},
        )
    return Evaluation(Outcome.MET, _("Đã kê khai “%(label)s”.") % {"label": label})


def evaluate_no_duplicate(params: dict, facts: NominationFacts) -> Evaluation:
    if not facts.nominee_known:
        return Evaluation(Outcome.CANNOT_TELL, _("Chưa ghi đủ đối tượng được đề nghị để đối chiếu trùng."))
    if facts.duplicates:
        return Evaluation(
            Outcome.NOT_MET,
            _("Đối tượng đã được đề nghị cùng hình thức trong phong trào này: %(others)s.")
            % {"others": "; ".join(facts.duplicates)},
        )
    return Evaluation(Outcome.MET, _("Không có đề nghị nào khác cho cùng đối tượng và hình thức."))


def evaluate_signed(params: dict, facts: NominationFacts) -> Evaluation:
    """The component carries an intact, trusted signature whose organisation is the nominating agency."""
    code = params["requirement"]
    if code not in facts.requirements:
        return Evaluation(
            Outcome.CANNOT_TELL,
            _("Hình thức khen thưởng này không có thành phần hồ sơ mã “%(code)s”.") % {"code": code},
        )
    name = facts.requirements[code][0]
    document = facts.documents.get(code)
    if document is None:
        return Evaluation(Outcome.NOT_MET, _("Thiếu thành phần hồ sơ: %(name)s.") % {"name": name})
    if document.signature == SignatureVerdict.PENDING:
        return Evaluation(
            Outcome.CANNOT_TELL, _("Đang kiểm tra chữ ký số của %(file)s.") % {"file": document.original_name}
        )
    values = {"name": name, "file": document.original_name, "agency": facts.agency_name}
    if document.signature != SignatureVerdict.VALID:
        return Evaluation(
            Outcome.NOT_MET,
            _("%(name)s (%(file)s): %(verdict)s. %(explanation)s")
            % {
                **values,
                "verdict": SignatureVerdict(document.signature).label,
                "explanation": document.signature_explanation,
            },
        )
    agency = fold_text(facts.agency_name)
    if agency and any(fold_text(organisation) == agency for organisation in document.signed_by):
        return Evaluation(Outcome.MET, _("%(name)s (%(file)s) có chữ ký số hợp lệ của %(agency)s.") % values)
    return Evaluation(
        Outcome.NOT_MET,
        _("%(name)s (%(file)s) được ký bởi %(others)s, không phải cơ quan đề nghị %(agency)s.")
        % {**values, "others": "; ".join(document.signed_by)},
    )


def evaluate_quota(params: dict, facts: NominationFacts) -> Evaluation:
    quota = facts.quota
    if quota is None or quota.limit is None:
        return Evaluation(
            Outcome.CANNOT_TELL, _("Hình thức khen thưởng chưa có chỉ tiêu, hoặc chưa kê khai số liệu làm cơ sở.")
        )
    values = {"rank": quota.rank, "limit": quota.limit, "scope": quota.scope}
    if quota.rank == 0:
        return Evaluation(Outcome.CANNOT_TELL, _("Hồ sơ chưa gửi; chỉ tiêu %(scope)s là %(limit)d hồ sơ.") % values)
    if quota.rank <= quota.limit:
        return Evaluation(Outcome.MET, _("Hồ sơ thứ %(rank)d trong chỉ tiêu %(limit)d hồ sơ %(scope)s.") % values)
    return Evaluation(Outcome.NOT_MET, _("Hồ sơ thứ %(rank)d, vượt chỉ tiêu %(limit)d hồ sơ %(scope)s.") % values)


def evaluate_award_interval(params: dict, facts: NominationFacts) -> Evaluation:
    """The interval between two awards of the same form: an earlier award of the form (the
    nomination's own, or the one the criterion names) decided less than `years` before the dossier
    was received (the deadline while it is not) is a repeat, named by its decision."""
    years = _finite(params["years"])
    if years is None or years <= 0 or years != int(years):
        raise ValueError(_("số năm phải là số nguyên dương"))
    years = int(years)
    form = params.get("form") or facts.form_name
    if fold_text(form) != fold_text(facts.form_name):
        return Evaluation(Outcome.MET, _("Tiêu chí chỉ áp dụng cho hình thức “%(form)s”.") % {"form": form})
    if not facts.nominee_known:
        return Evaluation(Outcome.CANNOT_TELL, _("Chưa ghi đủ đối tượng được đề nghị để đối chiếu sổ khen thưởng."))
    on = facts.received_on or facts.deadline
    try:
        since = on.replace(year=on.year - years)
    except ValueError:  # 29 February
        since = on.replace(year=on.year - years, day=28)
    same = [a for a in facts.earlier_awards if fold_text(a.form_name) == fold_text(form) and a.decision_date <= on]
    if not same:
        return Evaluation(Outcome.MET, _("Sổ khen thưởng chưa ghi nhận lần nào được tặng “%(form)s”.") % {"form": form})
    latest = max(same, key=lambda a: a.decision_date)
    values = {
        "form": form,
        "number": latest.decision_number,
        "date": _date(latest.decision_date),
        "years": years,
        "on": _date(on),
    }
    if latest.awarded_as:
        values["agency"] = latest.awarded_as
        if latest.decision_date > since:
            message = _(
                "Đơn vị trước đây “%(agency)s” (nay thuộc đơn vị được đề nghị) đã được tặng “%(form)s” theo Quyết "
                "định số %(number)s ngày %(date)s; chưa đủ %(years)d năm đến ngày %(on)s."
            )
            return Evaluation(Outcome.NOT_MET, message % values)
        message = _(
            "Lần gần nhất được tặng “%(form)s”: Quyết định số %(number)s ngày %(date)s, tặng đơn vị trước đây "
            "“%(agency)s”; đã đủ %(years)d năm."
        )
        return Evaluation(Outcome.MET, message % values)
    if latest.decision_date > since:
        return Evaluation(
            Outcome.NOT_MET,
            _(
                "Đã được tặng “%(form)s” theo Quyết định số %(number)s ngày %(date)s; "
                "chưa đủ %(years)d năm đến ngày %(on)s."
            )
            % values,
        )
    return Evaluation(
        Outcome.MET,
        _("Lần gần nhất được tặng “%(form)s”: Quyết định số %(number)s ngày %(date)s, đã đủ %(years)d năm.") % values,
    )


EVALUATORS: dict[str, Callable[[dict, NominationFacts], Evaluation]] = {
    CriterionKind.DOCUMENT_PRESENT: evaluate_document_present,
    CriterionKind.DEADLINE: evaluate_deadline,
    CriterionKind.METRIC: evaluate_metric,
    CriterionKind.ATTESTATION: evaluate_attestation,
    CriterionKind.NO_DUPLICATE: evaluate_no_duplicate,
    CriterionKind.SIGNED: evaluate_signed,
    CriterionKind.QUOTA: evaluate_quota,
    CriterionKind.AWARD_INTERVAL: evaluate_award_interval,
}


@dataclass(frozen=True)
class Param:
    """One parameter a kind reads: the reviewer's criterion form is built from these (awards/forms.py),
    so the reviewer fills in fields and never types JSON; the JSON is only how they are stored.

    `type` says which field the form draws: "key" (a code of a declared figure, e.g. late_rate),
    "text", "number", "comparison" (one of Comparison), "component" (a dossier component's code of
    the campaign, ALL_REQUIRED for every required one), "days" (a whole number 0–365), "date"."""

    name: str
    label: str
    type: str
    required: bool = True
    help: str = ""


PARAMS: dict[str, tuple[Param, ...]] = {
    CriterionKind.DOCUMENT_PRESENT: (
        Param(
            "requirement",
            gettext_lazy("Thành phần hồ sơ phải có"),
            "component",
            required=False,
            help=gettext_lazy("Để mặc định: mọi thành phần bắt buộc của hình thức khen thưởng."),
        ),
    ),
    CriterionKind.DEADLINE: (
        Param(
            "grace_days",
            gettext_lazy("Số ngày gia hạn"),
            "days",
            required=False,
            help=gettext_lazy("Để trống: hồ sơ phải đến trong hạn gửi hồ sơ của phong trào."),
        ),
        Param(
            "deadline",
            gettext_lazy("Hạn riêng cho tiêu chí này"),
            "date",
            required=False,
            help=gettext_lazy("Để trống: dùng hạn gửi hồ sơ của phong trào."),
        ),
    ),
    CriterionKind.METRIC: (
        Param(
            "metric",
            gettext_lazy("Mã số liệu"),
            "key",
            help=gettext_lazy("Mã ngắn không dấu của số liệu cơ quan kê khai, ví dụ late_rate."),
        ),
        Param("label", gettext_lazy("Tên số liệu"), "text", help=gettext_lazy("Ví dụ: Tỷ lệ hồ sơ trễ hẹn")),
        Param("op", gettext_lazy("Phép so sánh"), "comparison"),
        Param("threshold", gettext_lazy("Ngưỡng"), "number", help=gettext_lazy("Ví dụ: 5 hoặc 2,5")),
        Param("unit", gettext_lazy("Đơn vị tính"), "text", required=False, help=gettext_lazy("Ví dụ: %")),
    ),
    CriterionKind.ATTESTATION: (
        Param(
            "statement",
            gettext_lazy("Mã nội dung kê khai"),
            "key",
            help=gettext_lazy("Mã ngắn không dấu, ví dụ leading_group."),
        ),
        Param(
            "label",
            gettext_lazy("Nội dung cơ quan kê khai"),
            "text",
            help=gettext_lazy("Ví dụ: Thuộc nhóm dẫn đầu Chỉ số cải cách hành chính"),
        ),
        Param("evidence", gettext_lazy("Tài liệu chứng minh"), "component", required=False),
    ),
    CriterionKind.NO_DUPLICATE: (),
    CriterionKind.SIGNED: (
        Param(
            "requirement",
            gettext_lazy("Thành phần hồ sơ phải có chữ ký số"),
            "component",
            help=gettext_lazy("Chữ ký còn nguyên vẹn, của chính cơ quan đề nghị."),
        ),
    ),
    CriterionKind.QUOTA: (),
    CriterionKind.AWARD_INTERVAL: (
        Param(
            "years",
            gettext_lazy("Số năm tối thiểu giữa hai lần"),
            "number",
            help=gettext_lazy("Số năm nguyên, ví dụ 2: lần trước phải cách ngày nhận hồ sơ ít nhất 2 năm."),
        ),
        Param(
            "form",
            gettext_lazy("Hình thức khen thưởng"),
            "text",
            required=False,
            help=gettext_lazy(
                "Để trống: chính hình thức của hồ sơ. Ghi tên một hình thức để đặt khoảng cách riêng cho hình thức đó."
            ),
        ),
    ),
}

# The params each kind cannot do without.
REQUIRED_PARAMS: dict[str, tuple[str, ...]] = {
    kind: tuple(param.name for param in params if param.required) for kind, params in PARAMS.items()
}
KEY_PATTERN = r"^[a-z0-9_]{1,64}$"


def params_errors(kind: str, params) -> list[str]:
    if not isinstance(params, dict):
        return [_('Tham số phải là một đối tượng JSON, ví dụ {"metric": "late_rate"}.')]
    labels = {param.name: param.label for param in PARAMS.get(kind, ())}
    errors = [
        _("Thiếu tham số “%(name)s” (%(label)s).") % {"name": name, "label": labels[name]}
        for name in REQUIRED_PARAMS.get(kind, ())
        if params.get(name) in (None, "")
    ]
    if (
        kind == CriterionKind.METRIC
        and "op" in params
        and not (isinstance(params["op"], str) and params["op"] in _COMPARE)
    ):
        errors.append(_("Phép so sánh phải là một trong: %(ops)s.") % {"ops": ", ".join(_COMPARE)})
    if kind == CriterionKind.METRIC and "threshold" in params and _finite(params["threshold"]) is None:
        errors.append(_("Ngưỡng phải là một số hữu hạn, ví dụ 5 hoặc 2.5."))
    if kind == CriterionKind.DEADLINE and params.get("deadline"):
        try:
            datetime.date.fromisoformat(params["deadline"])
        except (TypeError, ValueError):
            errors.append(_("Hạn phải có dạng YYYY-MM-DD."))
    if kind == CriterionKind.AWARD_INTERVAL and params.get("years") not in (None, ""):
        years = _finite(params["years"])
        if years is None or not 1 <= years <= 50 or years != int(years):
            errors.append(_("Số năm phải là số nguyên từ 1 đến 50."))
    grace = params.get("grace_days")
    if (
        kind == CriterionKind.DEADLINE
        and grace not in (None, "")
        and not (isinstance(grace, int) and not isinstance(grace, bool) and 0 <= grace <= 365)
    ):
        errors.append(_("Số ngày gia hạn phải là số nguyên từ 0 đến 365."))
    return errors


def criterion_applies(*, applies_to: str, agency_kinds: list, facts: NominationFacts) -> bool:
    if applies_to != AppliesTo.BOTH and applies_to != facts.nominee_type:
        return False
    return not agency_kinds or facts.agency_kind in agency_kinds


def evaluate(*, kind: str, params: dict, facts: NominationFacts) -> Evaluation:
    try:
        return EVALUATORS[kind](params or {}, facts)
    except (KeyError, TypeError, ValueError) as error:
        return Evaluation(
            Outcome.CANNOT_TELL, _("Tiêu chí cấu hình thiếu hoặc sai tham số (%(error)s).") % {"error": error}
        )


# A missing or unsigned component is something the agency can supply; any other unmet criterion means the
# nominee does not qualify.
_FIXABLE_KINDS = {CriterionKind.DOCUMENT_PRESENT, CriterionKind.SIGNED}


def verdict_for(results: list[tuple[str, str]]) -> str:
    """`results` are (kind, outcome) pairs of one run."""
    if not results:
        return Verdict.PENDING
    if any(outcome == Outcome.NOT_MET and kind not in _FIXABLE_KINDS for kind, outcome in results):
        return Verdict.NOT_ELIGIBLE
    if any(outcome != Outcome.MET for _kind, outcome in results):
        return Verdict.INCOMPLETE
    return Verdict.ELIGIBLE
