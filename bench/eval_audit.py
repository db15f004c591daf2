"""Accuracy of the statement audit on labelled sets.

    python bench/eval_audit.py [--show-errors] [--set dev|holdout|holdout2|all]

Each line of bench/data/audit_<set>.jsonl is {"id", "kind", "text", "diagnosis"?, "codes"}.
Prints, per set: n, accuracy of the flawed/ok judgement, precision/recall/F1 of "flawed",
false-positive rate, exact-code-set accuracy, and per-code recall/precision.

The holdout sets (audit_holdout.jsonl, and audit_holdout2.jsonl when present) are for the lead
only: for them this script prints aggregate figures and never a sentence, an id or a
misclassified example (--show-errors applies to dev only).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from txplan.core.audit import STATEMENT_CODES, audit_statement  # noqa: E402

DATA = ROOT / "bench" / "data"


# Only "dev" may ever print a sentence; every other set is held out (aggregates only).
_SETS = ("dev", "holdout", "holdout2")


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


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def evaluate(rows: list[dict]) -> tuple[dict, list[tuple[dict, list[str]]]]:
    tp = fp = tn = fn = exact = 0
    per_code: dict[str, Counter] = {c: Counter() for c in sorted(STATEMENT_CODES)}
    errors = []
    for row in rows:
        expected = set(row.get("codes", []))
        findings = audit_statement(row["kind"], row["text"], row.get("diagnosis"))
        got = {f.code for f in findings if f.code in STATEMENT_CODES}
        flawed, said = bool(expected), bool(got)
        tp += flawed and said
        fn += flawed and not said
        fp += said and not flawed
        tn += not flawed and not said
        exact += expected == got
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
        "accuracy": _ratio(tp + tn, n),
        "precision": precision,
        "recall": recall,
        "f1": _ratio(2 * precision * recall, precision + recall),
        "fpr": _ratio(fp, fp + tn),
        "exact": _ratio(exact, n),
        "per_code": {
            code: (
                _ratio(c["tp"], c["tp"] + c["fn"]),
                _ratio(c["tp"], c["tp"] + c["fp"]),
                c["tp"] + c["fn"],
            )
            for code, c in per_code.items()
        },
    }
    return summary, errors


def _print(name: str, s: dict) -> None:
    print(f"== {name}: n={s['n']} (flawed {s['flawed']})")
    print(
        f"accuracy {s['accuracy']:.3f}  precision {s['precision']:.3f}  recall "
        f"{s['recall']:.3f}  F1 {s['f1']:.3f}  FPR {s['fpr']:.3f}  exact-codes "
        f"{s['exact']:.3f}"
    )
    print(f"{'code':26} {'support':>7} {'recall':>7} {'precision':>9}")
    for code, (recall, precision, support) in s["per_code"].items():
        print(f"{code:26} {support:7d} {recall:7.3f} {precision:9.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[1])
    parser.add_argument(
        "--show-errors",
        action="store_true",
        help="print misclassified dev statements (never holdout)",
    )
    parser.add_argument("--set", choices=(*_SETS, "all"), default="all")
    args = parser.parse_args()
    for name in _SETS:
        if args.set not in (name, "all"):
            continue
        path = DATA / f"audit_{name}.jsonl"
        if not path.exists():
            print(f"== {name}: {path.relative_to(ROOT)} not present")
            continue
        summary, errors = evaluate(_load(path))
        _print(name, summary)
        if name == "dev" and args.show_errors:
            for row, got in errors:
                print(
                    f"  {row['id']} [{row['kind']}] {row.get('diagnosis', '-')}: "
                    f"expected {row.get('codes')} got {got}\n      {row['text']}"
                )


if __name__ == "__main__":
    main()
