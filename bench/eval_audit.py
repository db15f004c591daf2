"""Accuracy of the statement audit on labelled sets.

    python bench/eval_audit.py [--show-errors] [--set calibration|dev|holdout|holdout2|all]

**The real-world calibration set** (``bench/data/calibration/*.jsonl``) holds close paraphrases
of goals, objectives and interventions that published documentation guides, Medicaid and
managed-care manuals, payer audit tools, university material, treatment planners and clinical
blogs present as good or flawed. Each line is ``{"id", "kind", "text", "diagnosis", "codes",
"label_by", "source", "url", "source_type", "why", "date_elsewhere"}``; ``codes`` is the
source's own verdict (``label_by: "source"``) or the seed article's criteria (``"criteria"``).

It is split **by source, never by sentence**: a source's statements are all in the tuning part
or all in the held-out part, chosen by a hash of the source slug (``holdout_source``), so the
split is fixed, needs no list, and a new source lands on a side no one chose. Rules are tuned
on the tuning part only; for the held-out part this script prints aggregates, per-code figures
and the weakest sources by slug, never a sentence (``--show-errors`` applies to tuning rows).

The earlier sets (``audit_dev``, ``audit_holdout``, ``audit_holdout2``, written by the project
from its own doctrine) are still reported, unchanged; they agree with the rules by construction
and say little about the real world (see ``bench/data/README.md``).

Figures, per set: n, accuracy of the flawed/ok judgement, precision/recall/F1 of "flawed",
the false-positive rate, exact-code-set accuracy, and per-code recall and precision. The
judgement is the issue's: a statement is called flawed when the audit gives it an *error*
(what a reviewer would cite), or gives it the very warning code its label names; a warning on
a good statement is advice, not a false positive (FPR), but still counts against exact-codes
and per-code precision. ``FPR-any`` counts good statements given any of the eight codes at
any severity, for comparison. Statement mode judges the sentence alone, so a missing
timeframe is a warning there (``statements.sentence_only``); rows with ``date_elsewhere`` are
judged with the plan's date column present.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from txplan.core.audit import STATEMENT_CODES, Severity, StatementKind  # noqa: E402
from txplan.core.audit.statements import judge, sentence_only, statement_context  # noqa: E402

DATA = ROOT / "bench" / "data"
CALIBRATION = DATA / "calibration"
HOLDOUT_SHARE = 40  # percent of sources held out

# Only the doctrine "dev" set and the calibration tuning part may print a sentence.
_DOCTRINE_SETS = ("dev", "holdout", "holdout2")


def holdout_source(source: str) -> bool:
    """Whether a calibration source is in the held-out part (stable: a hash of its slug)."""
    digest = hashlib.sha256(source.strip().lower().encode()).hexdigest()
    return int(digest[:8], 16) % 100 < HOLDOUT_SHARE


def _load(path: Path) -> list[dict]:
    rows, bad = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError:
            bad.append(number)
    if bad:
        # A set may still be being written: judge what parses and say how much did not (line
        # numbers only, never content).
        print(
            f"   {path.name}: {len(bad)} line(s) not valid JSON skipped (lines "
            f"{', '.join(map(str, bad[:10]))}{' …' if len(bad) > 10 else ''})"
        )
    return rows


def load_calibration() -> tuple[list[dict], list[dict]]:
    """(tuning rows, held-out rows) of the calibration set, split by source."""
    tune, held = [], []
    for path in sorted(CALIBRATION.glob("*.jsonl")):
        for row in _load(path):
            (held if holdout_source(row.get("source") or row["id"]) else tune).append(row)
    return tune, held


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def predict(row: dict) -> tuple[set[str], bool]:
    """The statement codes the audit gives ``row``, and whether any of them is an error."""
    kind = StatementKind(row["kind"])
    findings = sentence_only(
        judge(
            kind,
            row["text"],
            statement_context(row.get("diagnosis") or None),
            has_date=bool(row.get("date_elsewhere")),
        )
    )
    found = [f for f in findings if f.code in STATEMENT_CODES]
    return {f.code for f in found}, any(f.severity is Severity.ERROR for f in found)


def evaluate(rows: list[dict]) -> tuple[dict, list[tuple[dict, list[str]]]]:
    tp = fp = tn = fn = exact = any_fp = 0
    per_code: dict[str, Counter] = {c: Counter() for c in sorted(STATEMENT_CODES)}
    per_source: dict[str, Counter] = defaultdict(Counter)
    errors = []
    for row in rows:
        expected = set(row.get("codes", []))
        got, any_error = predict(row)
        # The judgement is the issue's: would a reviewer cite it? The source says flawed, and
        # the audit says so with an error, or with the very warning code the source names
        # (an unrealistic target, a client-only task, a date missing from the sentence).
        flawed = bool(expected)
        said = any_error or bool(expected & got)
        tp += flawed and said
        fn += flawed and not said
        fp += said and not flawed
        tn += not flawed and not said
        any_fp += bool(got) and not flawed
        exact += expected == got
        source = per_source[row.get("source", "-")]
        source["n"] += 1
        source["right"] += flawed == said
        for code in per_code:
            if code in expected and code in got:
                per_code[code]["tp"] += 1
            elif code in expected:
                per_code[code]["fn"] += 1
            elif code in got:
                per_code[code]["fp"] += 1
        if expected != got:
            errors.append((row, sorted(got)))
    n = len(rows)
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    summary = {
        "n": n,
        "flawed": tp + fn,
        "sources": len(per_source),
        "accuracy": _ratio(tp + tn, n),
        "precision": precision,
        "recall": recall,
        "f1": _ratio(2 * precision * recall, precision + recall),
        "fpr": _ratio(fp, fp + tn),
        "fpr_any": _ratio(any_fp, fp + tn),
        "exact": _ratio(exact, n),
        "per_code": {
            code: (
                _ratio(c["tp"], c["tp"] + c["fn"]),
                _ratio(c["tp"], c["tp"] + c["fp"]),
                c["tp"] + c["fn"],
            )
            for code, c in per_code.items()
        },
        "per_source": {
            name: (_ratio(c["right"], c["n"]), c["n"]) for name, c in per_source.items()
        },
    }
    return summary, errors


def _print(name: str, s: dict, *, weakest: int = 0) -> None:
    print(f"== {name}: n={s['n']} (flawed {s['flawed']}, sources {s['sources']})")
    print(
        f"accuracy {s['accuracy']:.3f}  precision {s['precision']:.3f}  recall "
        f"{s['recall']:.3f}  F1 {s['f1']:.3f}  FPR {s['fpr']:.3f}  FPR-any "
        f"{s['fpr_any']:.3f}  exact-codes {s['exact']:.3f}"
    )
    print(f"{'code':26} {'support':>7} {'recall':>7} {'precision':>9}")
    for code, (recall, precision, support) in s["per_code"].items():
        print(f"{code:26} {support:7d} {recall:7.3f} {precision:9.3f}")
    if weakest:
        ranked = sorted(s["per_source"].items(), key=lambda item: (item[1][0], -item[1][1]))
        print(
            "weakest sources (accuracy, n): "
            + ", ".join(f"{name} {acc:.2f} ({n})" for name, (acc, n) in ranked[:weakest])
        )


# Source kinds whose verdicts are a reviewer's or a teacher's (manuals, audit tools, surveys,
# guides, courses), against example collections (vendor and clinical blogs, planners' menus).
_REVIEWER_KINDS = frozenset(
    {
        "medicaid",
        "payer",
        "audit-tool",
        "documentation-guide",
        "accreditor",
        "government",
        "university",
        "textbook",
    }
)


def _by_type(rows: list[dict]) -> None:
    """Held-out figures by the kind of source (aggregates only)."""
    groups = {
        "reviewer/teaching sources": [r for r in rows if r.get("source_type") in _REVIEWER_KINDS],
        "blogs/vendors/planners": [r for r in rows if r.get("source_type") not in _REVIEWER_KINDS],
    }
    for label, group in groups.items():
        if group:
            s, _ = evaluate(group)
            print(
                f"   held-out {label}: n={s['n']} accuracy {s['accuracy']:.3f}  FPR "
                f"{s['fpr']:.3f}  recall {s['recall']:.3f}"
            )


def _by_verdict(rows: list[dict]) -> None:
    """Held-out figures (1) on rows whose source judges the statement itself
    (``"verdict": "explicit"``) and (2) with each listed row (a menu item or example the source
    does not judge) labelled by the seed article's criteria (``criteria_codes``) instead of the
    codes copied from it. Aggregates only."""
    if not any("verdict" in r for r in rows):
        return
    explicit = [r for r in rows if r.get("verdict") == "explicit"]
    if explicit:
        s, _ = evaluate(explicit)
        _print("calibration, HELD-OUT sources, explicit verdicts only", s)
    relabelled = [
        r if r.get("verdict") == "explicit" else {**r, "codes": r.get("criteria_codes", r["codes"])}
        for r in rows
    ]
    s, _ = evaluate(relabelled)
    _print("calibration, HELD-OUT sources, listed rows labelled by criteria", s)


def _show(errors: list[tuple[dict, list[str]]]) -> None:
    for row, got in errors:
        print(
            f"  {row['id']} [{row['kind']}] {row.get('diagnosis') or '-'}: "
            f"expected {row.get('codes')} got {got}\n      {row['text']}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument(
        "--show-errors",
        action="store_true",
        help="print misclassified tuning statements (never held-out ones)",
    )
    parser.add_argument("--set", choices=("calibration", *_DOCTRINE_SETS, "all"), default="all")
    args = parser.parse_args()
    if args.set in ("calibration", "all"):
        tune, held = load_calibration()
        if not tune and not held:
            print(f"== calibration: {CALIBRATION.relative_to(ROOT)} holds no set")
        else:
            summary, errors = evaluate(tune)
            _print("calibration, tuning sources", summary, weakest=5)
            if args.show_errors:
                _show(errors)
            summary, _ = evaluate(held)
            _print("calibration, HELD-OUT sources", summary, weakest=5)
            _by_type(held)
            _by_verdict(held)
    for name in _DOCTRINE_SETS:
        if args.set not in (name, "all"):
            continue
        path = DATA / f"audit_{name}.jsonl"
        if not path.exists():
            print(f"== {name}: {path.relative_to(ROOT)} not present")
            continue
        summary, errors = evaluate(_load(path))
        _print(f"doctrine set {name}", summary)
        if name == "dev" and args.show_errors:
            _show(errors)


if __name__ == "__main__":
    main()
