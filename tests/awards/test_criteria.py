"""The engine's pure functions: every kind met, not met and cannot tell; the verdict."""

import datetime

import pytest

from awards import criteria as engine
from awards.enums import Outcome, Verdict

DEADLINE = datetime.date(2024, 12, 24)
REQUIREMENTS = {
    "to_trinh": ("Tờ trình đề nghị khen thưởng", True),
    "bien_ban": ("Biên bản họp Hội đồng Thi đua – Khen thưởng", True),
    "anh": ("Ảnh minh họa", False),
}


def facts(**overrides) -> engine.NominationFacts:
    values = {
        "nominee_type": "collective",
        "agency_kind": "department",
        "deadline": DEADLINE,
        "received_on": datetime.date(2024, 12, 20),
        "metrics": {"late_rate": 2.5, "leading": True},
        "requirements": REQUIREMENTS,
        "documents": {
            "to_trinh": engine.DocumentFact("Tờ trình đề nghị khen thưởng", "to-trinh.pdf", True),
            "bien_ban": engine.DocumentFact("Biên bản họp Hội đồng Thi đua – Khen thưởng", "bien-ban.pdf", True),
        },
    }
    values.update(overrides)
    return engine.NominationFacts(**values)


LATE_RATE = {"metric": "late_rate", "label": "Tỷ lệ hồ sơ trễ hẹn", "unit": "%", "op": "<", "threshold": 5}
LEADING = {"statement": "leading", "label": "Trong nhóm dẫn đầu", "evidence": "bien_ban"}

CASES = [
    # document_present
    ("document_present", {"requirement": "*"}, facts(), Outcome.MET, "to-trinh.pdf"),
    ("document_present", {"requirement": "*"}, facts(documents={}), Outcome.NOT_MET, "Thiếu thành phần hồ sơ"),
    (
        "document_present",
        {"requirement": "bien_ban"},
        facts(documents={"bien_ban": engine.DocumentFact("Biên bản", "hong.pdf", False)}),
        Outcome.NOT_MET,
        "Không đọc được tệp: hong.pdf",
    ),
    ("document_present", {"requirement": "quyet_dinh"}, facts(), Outcome.CANNOT_TELL, "quyet_dinh"),
    # deadline
    ("deadline", {}, facts(), Outcome.MET, "Nhận hồ sơ ngày 20/12/2024, trong hạn"),
    ("deadline", {}, facts(received_on=datetime.date(2024, 12, 27)), Outcome.NOT_MET, "trễ 3 ngày"),
    ("deadline", {}, facts(received_on=None), Outcome.CANNOT_TELL, "chưa được gửi"),
    ("deadline", {"deadline": "2024-12-15"}, facts(), Outcome.NOT_MET, "hạn 15/12/2024"),
    # metric
    ("metric", LATE_RATE, facts(), Outcome.MET, "kê khai 2,5%, đạt yêu cầu (dưới 5%)."),
    (
        "metric",
        {"metric": "done", "label": "Tỷ lệ hoàn thành", "op": ">=", "threshold": 100, "unit": "%"},
        facts(metrics={"done": 100}),
        Outcome.MET,
        "Tỷ lệ hoàn thành: kê khai 100%, đạt yêu cầu (từ 100% trở lên).",
    ),
    ("metric", LATE_RATE, facts(metrics={"late_rate": 6.2}), Outcome.NOT_MET, "6,2%, chưa đạt yêu cầu (dưới 5%)"),
    ("metric", LATE_RATE, facts(metrics={}), Outcome.CANNOT_TELL, "Chưa kê khai “Tỷ lệ hồ sơ trễ hẹn”"),
    ("metric", LATE_RATE, facts(metrics={"late_rate": "nhiều"}), Outcome.CANNOT_TELL, "không phải là số"),
    # attestation
    ("attestation", LEADING, facts(), Outcome.MET, "bien-ban.pdf"),
    ("attestation", LEADING, facts(metrics={"leading": False}), Outcome.NOT_MET, "kê khai không đạt"),
    ("attestation", LEADING, facts(metrics={}), Outcome.CANNOT_TELL, "Chưa kê khai"),
    ("attestation", LEADING, facts(documents={}), Outcome.CANNOT_TELL, "chưa có tài liệu chứng minh"),
    # no_duplicate
    ("no_duplicate", {}, facts(), Outcome.MET, "Không có đề nghị nào khác"),
    (
        "no_duplicate",
        {},
        facts(duplicates=("hồ sơ số 7 của UBND xã Trà Đốc gửi ngày 03/12/2024",)),
        Outcome.NOT_MET,
        "hồ sơ số 7 của UBND xã Trà Đốc",
    ),
    ("no_duplicate", {}, facts(nominee_known=False), Outcome.CANNOT_TELL, "Chưa ghi đủ đối tượng"),
]


@pytest.mark.parametrize(("kind", "params", "given", "outcome", "evidence"), CASES)
def test_evaluate_each_kind_gives_outcome_and_names_evidence(kind, params, given, outcome, evidence):
    result = engine.evaluate(kind=kind, params=params, facts=given)
    assert result.outcome == outcome
    assert evidence in result.explanation
    assert "\n" not in result.explanation


def test_evaluate_misconfigured_metric_cannot_tell():
    result = engine.evaluate(kind="metric", params={"label": "x"}, facts=facts())
    assert result.outcome == Outcome.CANNOT_TELL
    assert "tham số" in result.explanation


@pytest.mark.parametrize(
    ("results", "verdict"),
    [
        ([], Verdict.PENDING),
        ([("metric", "met"), ("deadline", "met")], Verdict.ELIGIBLE),
        ([("metric", "met"), ("document_present", "not_met")], Verdict.INCOMPLETE),
        ([("metric", "cannot_tell"), ("deadline", "met")], Verdict.INCOMPLETE),
        ([("metric", "not_met"), ("document_present", "not_met")], Verdict.NOT_ELIGIBLE),
        ([("no_duplicate", "not_met"), ("metric", "cannot_tell")], Verdict.NOT_ELIGIBLE),
    ],
)
def test_verdict_for_results(results, verdict):
    assert engine.verdict_for(results) == verdict


def test_criterion_applies_by_nominee_type_and_agency_kind():
    given = facts()
    assert engine.criterion_applies(applies_to="both", agency_kinds=[], facts=given)
    assert not engine.criterion_applies(applies_to="individual", agency_kinds=[], facts=given)
    assert not engine.criterion_applies(applies_to="both", agency_kinds=["district_committee"], facts=given)
    assert engine.criterion_applies(applies_to="collective", agency_kinds=["department"], facts=given)


def test_params_errors_explain_what_is_missing():
    assert engine.params_errors("metric", {"metric": "x"})
    assert engine.params_errors("metric", {"metric": "x", "label": "X", "op": "~", "threshold": "a"})
    assert engine.params_errors("no_duplicate", []) != []
    assert engine.params_errors("metric", {"metric": "x", "label": "X", "op": "<", "threshold": 5}) == []
