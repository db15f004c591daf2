"""Property tests: the audit never crashes and only ever reports registered codes."""

from hypothesis import given, settings
from hypothesis import strategies as st

from txplan.core.audit import CODES, STATEMENT_CODES, audit_statement

KINDS = st.sampled_from(["goal", "objective", "intervention"])
DIAGNOSES = st.one_of(
    st.none(),
    st.text(max_size=40),
    st.sampled_from(
        ["F33.1", "f41.1", "F43.10 PTSD", "panic disorder", "Z63.0", "", "not a diagnosis"]
    ),
)
WORDS = st.sampled_from(
    [
        "client",
        "will",
        "never",
        "feel",
        "better",
        "within",
        "8",
        "weeks",
        "by",
        "session",
        "3",
        "of",
        "7",
        "days",
        "PHQ-9",
        "coping",
        "skills",
        "therapist",
        "provide",
        "support",
        "100%",
        "zero",
        "anxiety",
        "from",
        "24",
        "to",
        "2",
        "–",
        "—",
        "’",
        "İ",
        "≤",
        "3",
        "kg",
        "lose",
        "gain",
        "weekly",
    ]
)


def _check(kind: str, text: str, diagnosis: str | None) -> None:
    findings = audit_statement(kind, text, diagnosis)
    for finding in findings:
        assert finding.code in CODES and finding.code in STATEMENT_CODES
        if finding.span is not None:
            start, end = finding.span
            assert 0 <= start <= end <= len(text)
        assert finding.explanation


@settings(max_examples=300, deadline=None)
@given(KINDS, st.text(max_size=400), DIAGNOSES)
def test_any_unicode_text_is_audited_without_crashing(kind, text, diagnosis) -> None:
    _check(kind, text, diagnosis)


@settings(max_examples=300, deadline=None)
@given(KINDS, st.lists(WORDS, max_size=40).map(" ".join), DIAGNOSES)
def test_clinical_word_salad_is_audited_without_crashing(kind, text, diagnosis) -> None:
    _check(kind, text, diagnosis)


def test_empty_and_very_long_texts_are_audited() -> None:
    for kind in ("goal", "objective", "intervention"):
        _check(kind, "", None)
        _check(kind, "   ", "F33.1")
        _check(
            kind, ("Client will walk 20 minutes on 5 of 7 days within 8 weeks. " * 1700), "F33.1"
        )
        _check(kind, "x" * 100_000, None)
        _check(kind, "İ" * 5000 + " never", None)
