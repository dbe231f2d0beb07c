"""Property-based tests (hypothesis) of the criteria engine, awards/criteria.py: whatever the
criterion's params and the nomination's facts hold, the engine answers with one of the three
outcomes and a one-line explanation; missing data is never "met"; thresholds are monotonic; the
verdict follows from the outcomes. Pure functions: no database."""

import datetime

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from awards import criteria as engine
from awards.enums import Comparison, CriterionKind, Outcome, Verdict

OUTCOMES = {Outcome.MET, Outcome.NOT_MET, Outcome.CANNOT_TELL}
KINDS = [str(k) for k in CriterionKind.values]
OPS = [str(op) for op in Comparison.values]
METRIC_KEYS = ["late_rate", "online_rate", "ty_le_tre_hen", "x"]
REQUIREMENT_CODES = ["to_trinh", "bao_cao", "bien_ban", "*"]

# Text without line breaks (the engine must not add any of its own); control characters,
# Vietnamese letters, formula-like and NaN-like strings included.
ONE_LINE_TEXT = st.one_of(
    st.text(alphabet=st.characters(blacklist_characters="\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"), max_size=60),
    st.sampled_from(["Trà Đốc", "Tỷ lệ hồ sơ trễ hẹn", "nan", "NaN", "inf", "-inf", "1e999", "=1+1", "", " ", "%s"]),
)
NUMBERS = st.one_of(
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e12, max_value=1e12),
)
GARBAGE = st.one_of(
    st.none(),
    st.booleans(),
    NUMBERS,
    st.floats(allow_nan=True, allow_infinity=True),
    ONE_LINE_TEXT,
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)
DATES = st.dates(min_value=datetime.date(1900, 1, 1), max_value=datetime.date(2100, 12, 31))


def _params():
    keys = ["metric", "label", "unit", "op", "threshold", "statement", "evidence", "requirement", "deadline"]
    values = {
        "metric": st.one_of(st.sampled_from(METRIC_KEYS), GARBAGE),
        "op": st.one_of(st.sampled_from(OPS), GARBAGE),
        "threshold": st.one_of(NUMBERS, GARBAGE),
        "statement": st.one_of(st.sampled_from(METRIC_KEYS), GARBAGE),
        "evidence": st.one_of(st.sampled_from(REQUIREMENT_CODES), GARBAGE),
        "requirement": st.one_of(st.sampled_from(REQUIREMENT_CODES), GARBAGE),
        "deadline": st.one_of(DATES.map(datetime.date.isoformat), GARBAGE),
    }
    return st.one_of(
        st.none(),
        st.fixed_dictionaries({}, optional={key: values.get(key, ONE_LINE_TEXT) for key in keys}),
    )


@st.composite
def facts_strategy(draw):
    requirements = draw(
        st.dictionaries(st.sampled_from(REQUIREMENT_CODES[:3]), st.tuples(ONE_LINE_TEXT, st.booleans()), max_size=3)
    )
    documents = {
        code: engine.DocumentFact(
            requirement_name=name, original_name=draw(ONE_LINE_TEXT), readable=draw(st.booleans())
        )
        for code, (name, _required) in requirements.items()
        if draw(st.booleans())
    }
    return engine.NominationFacts(
        nominee_type=draw(st.sampled_from(["collective", "individual", ""])),
        agency_kind=draw(st.sampled_from(["commune_committee", "district_committee", "department", ""])),
        deadline=draw(DATES),
        received_on=draw(st.one_of(st.none(), DATES)),
        metrics=draw(st.dictionaries(st.sampled_from(METRIC_KEYS), GARBAGE, max_size=4)),
        requirements=requirements,
        documents=documents,
        nominee_known=draw(st.booleans()),
        duplicates=tuple(draw(st.lists(ONE_LINE_TEXT, max_size=2))),
    )


def _assert_well_formed(evaluation):
    assert evaluation.outcome in OUTCOMES
    assert isinstance(evaluation.explanation, str)
    assert evaluation.explanation.strip()
    assert "\n" not in evaluation.explanation


@settings(max_examples=133, deadline=None)
@given(kind=st.one_of(st.sampled_from(KINDS), ONE_LINE_TEXT), params=_params(), facts=facts_strategy())
def test_evaluate_never_raises_and_answers_one_line(kind, params, facts):
    _assert_well_formed(engine.evaluate(kind=kind, params=params, facts=facts))


@settings(max_examples=66, deadline=None)
@given(kind=st.sampled_from(KINDS), params=_params(), facts=facts_strategy())
def test_params_errors_never_raise(kind, params, facts):
    errors = engine.params_errors(kind, params)
    assert all(isinstance(message, str) and message for message in errors)


@settings(max_examples=66, deadline=None)
@given(params=_params(), facts=facts_strategy(), key=st.sampled_from(METRIC_KEYS), empty=st.sampled_from([None, ""]))
def test_missing_metric_is_cannot_tell_never_met(params, facts, key, empty):
    params = {**(params or {}), "metric": key}
    facts = engine.NominationFacts(**{**facts.__dict__, "metrics": {**facts.metrics, key: empty}})
    evaluation = engine.evaluate(kind=CriterionKind.METRIC, params=params, facts=facts)
    assert evaluation.outcome == Outcome.CANNOT_TELL
    _assert_well_formed(evaluation)


@settings(max_examples=33, deadline=None)
@given(params=_params(), facts=facts_strategy(), key=st.sampled_from(METRIC_KEYS), empty=st.sampled_from([None, ""]))
def test_missing_attestation_is_cannot_tell(params, facts, key, empty):
    params = {**(params or {}), "statement": key}
    facts = engine.NominationFacts(**{**facts.__dict__, "metrics": {**facts.metrics, key: empty}})
    assert engine.evaluate(kind=CriterionKind.ATTESTATION, params=params, facts=facts).outcome == Outcome.CANNOT_TELL


@settings(max_examples=33, deadline=None)
@given(params=_params(), facts=facts_strategy())
def test_unsent_nomination_deadline_is_never_met(params, facts):
    facts = engine.NominationFacts(**{**facts.__dict__, "received_on": None})
    assert engine.evaluate(kind=CriterionKind.DEADLINE, params=params, facts=facts).outcome != Outcome.MET


@settings(max_examples=33, deadline=None)
@given(facts=facts_strategy())
def test_unknown_nominee_duplicate_check_is_cannot_tell(facts):
    facts = engine.NominationFacts(**{**facts.__dict__, "nominee_known": False})
    assert engine.evaluate(kind=CriterionKind.NO_DUPLICATE, params={}, facts=facts).outcome == Outcome.CANNOT_TELL


@settings(max_examples=33, deadline=None)
@given(facts=facts_strategy(), code=st.sampled_from(REQUIREMENT_CODES[:3]))
def test_document_without_file_is_never_met(facts, code):
    documents = {c: d for c, d in facts.documents.items() if c != code}
    requirements = {**facts.requirements, code: ("Tờ trình", True)}
    facts = engine.NominationFacts(**{**facts.__dict__, "documents": documents, "requirements": requirements})
    for params in ({"requirement": code}, {"requirement": "*"}, {}):
        assert engine.evaluate(kind=CriterionKind.DOCUMENT_PRESENT, params=params, facts=facts).outcome == (
            Outcome.NOT_MET
        )


@settings(max_examples=33, deadline=None)
@given(deadline=DATES, sent=DATES, facts=facts_strategy(), explicit=st.booleans())
def test_deadline_met_iff_sent_on_or_before(deadline, sent, facts, explicit):
    params = {"deadline": deadline.isoformat()} if explicit else {}
    facts = engine.NominationFacts(
        **{**facts.__dict__, "received_on": sent, "deadline": deadline if not explicit else facts.deadline}
    )
    outcome = engine.evaluate(kind=CriterionKind.DEADLINE, params=params, facts=facts).outcome
    assert outcome == (Outcome.MET if sent <= deadline else Outcome.NOT_MET)


FINITE = st.floats(allow_nan=False, allow_infinity=False, min_value=-1e9, max_value=1e9)


def _metric_outcome(op, threshold, value):
    params = {"metric": "m", "label": "Tỷ lệ", "op": op, "threshold": threshold}
    facts = engine.NominationFacts(nominee_type="collective", agency_kind="", deadline=datetime.date(2024, 12, 24))
    facts = engine.NominationFacts(**{**facts.__dict__, "metrics": {"m": value}})
    return engine.evaluate(kind=CriterionKind.METRIC, params=params, facts=facts).outcome


@settings(max_examples=100, deadline=None)
@given(op=st.sampled_from([">=", ">"]), threshold=FINITE, value=FINITE, more=st.floats(min_value=0, max_value=1e9))
def test_metric_at_least_and_above_are_monotonic(op, threshold, value, more):
    if _metric_outcome(op, threshold, value) == Outcome.MET:
        assert _metric_outcome(op, threshold, value + more) == Outcome.MET
    else:
        assert _metric_outcome(op, threshold, value - more) == Outcome.NOT_MET


@settings(max_examples=100, deadline=None)
@given(op=st.sampled_from(["<=", "<"]), threshold=FINITE, value=FINITE, less=st.floats(min_value=0, max_value=1e9))
def test_metric_at_most_and_below_are_monotonic(op, threshold, value, less):
    if _metric_outcome(op, threshold, value) == Outcome.MET:
        assert _metric_outcome(op, threshold, value - less) == Outcome.MET
    else:
        assert _metric_outcome(op, threshold, value + less) == Outcome.NOT_MET


@settings(max_examples=66, deadline=None)
@given(op=st.sampled_from(OPS), threshold=FINITE, value=FINITE, as_text=st.booleans())
def test_metric_outcome_matches_the_comparison(op, threshold, value, as_text):
    expected = {
        ">=": value >= threshold,
        "<=": value <= threshold,
        "<": value < threshold,
        ">": value > threshold,
        "==": value == threshold,
    }[op]
    raw = repr(value) if as_text else value
    assert _metric_outcome(op, threshold, raw) == (Outcome.MET if expected else Outcome.NOT_MET)


@settings(max_examples=33, deadline=None)
@given(op=st.sampled_from(OPS), threshold=FINITE, raw=ONE_LINE_TEXT)
def test_metric_text_that_is_not_a_number_is_cannot_tell(op, threshold, raw):
    try:
        float(raw)
    except ValueError:
        pass
    else:
        assume(False)
    assert _metric_outcome(op, threshold, raw) == Outcome.CANNOT_TELL


RESULTS = st.lists(st.tuples(st.sampled_from(KINDS), st.sampled_from(sorted(OUTCOMES))), max_size=8)


@settings(max_examples=100, deadline=None)
@given(results=RESULTS)
def test_verdict_follows_from_the_outcomes(results):
    verdict = engine.verdict_for(results)
    outcomes = [outcome for _kind, outcome in results]
    assert verdict in set(Verdict.values)
    assert (verdict == Verdict.PENDING) == (not results)
    assert (verdict == Verdict.ELIGIBLE) == (bool(results) and all(o == Outcome.MET for o in outcomes))
    # A missing or unsigned component is something the agency can supply: not a hard failure.
    fixable = {CriterionKind.DOCUMENT_PRESENT, CriterionKind.SIGNED}
    hard_failure = any(o == Outcome.NOT_MET and k not in fixable for k, o in results)
    assert (verdict == Verdict.NOT_ELIGIBLE) == hard_failure
    if results and not hard_failure and not all(o == Outcome.MET for o in outcomes):
        assert verdict == Verdict.INCOMPLETE


@settings(max_examples=33, deadline=None)
@given(results=RESULTS.filter(bool), extra=st.sampled_from(sorted(OUTCOMES - {Outcome.MET})))
def test_one_unmet_result_is_never_eligible(results, extra):
    assert engine.verdict_for([*results, (CriterionKind.METRIC, extra)]) != Verdict.ELIGIBLE


# --- Bugs found by these tests, fixed, and kept as regressions -------------------------------


def test_huge_integer_threshold_is_refused_not_a_crash():
    params = {"metric": "m", "label": "Tỷ lệ", "op": ">=", "threshold": 10**400}
    assert engine.params_errors(CriterionKind.METRIC, params)
    facts = engine.NominationFacts(
        nominee_type="collective", agency_kind="", deadline=datetime.date(2024, 12, 24), metrics={"m": 1}
    )
    _assert_well_formed(engine.evaluate(kind=CriterionKind.METRIC, params=params, facts=facts))


@pytest.mark.parametrize("op", [[], {}])
def test_unhashable_op_is_refused_not_a_crash(op):
    params = {"metric": "m", "label": "Tỷ lệ", "op": op, "threshold": 5}
    assert engine.params_errors(CriterionKind.METRIC, params)


@pytest.mark.parametrize("threshold", [float("nan"), "nan", float("inf")])
def test_non_finite_threshold_is_refused(threshold):
    params = {"metric": "m", "label": "Tỷ lệ", "op": "<", "threshold": threshold}
    assert engine.params_errors(CriterionKind.METRIC, params)


def test_nan_threshold_never_gives_met():
    # Even if a NaN threshold reached the comparison, it would never give met, so never eligible.
    for op in OPS:
        assert _metric_outcome(op, float("nan"), 1) != Outcome.MET
