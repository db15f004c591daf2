"""Risk-language detection against the labelled set (bench/data/risk_language.jsonl).

    .venv/bin/python bench/eval_risk.py                 # figures for dev and holdout
    .venv/bin/python bench/eval_risk.py --show-errors   # and the dev misses / false alarms

Per split: n, recall for risk to self and to others, the false-alarm rate on negatives (rows
with neither risk: any detection there is a false alarm) and per-category figures. Only dev
rows are ever printed one by one; the holdout gives aggregate figures only, so it stays a
fair test. Targets on holdout: recall 1.00, false alarm <= 0.05.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

from txplan.core.drafting.risk import detect

DATA = Path(__file__).parent / "data" / "risk_language.jsonl"


def load(path: Path) -> list[dict]:
    rows = []
    for line in path.read_text().splitlines():
        if line.strip():
            rows.append(json.loads(line))
    return rows


def _ratio(hit: int, total: int) -> str:
    return f"{hit / total:.2f} ({hit}/{total})" if total else "n/a"


def evaluate(rows: list[dict]) -> dict:
    out = {
        "n": len(rows),
        "self": [0, 0],
        "others": [0, 0],
        "neg": [0, 0],
        "fa_self": [0, 0],  # self detected where risk_self is false
        "fa_others": [0, 0],
        "cat": defaultdict(lambda: [0, 0]),
        "errors": [],
    }
    for row in rows:
        risk = detect(row["text"])
        want_self, want_others = bool(row["risk_self"]), bool(row["risk_others"])
        ok = True
        if want_self:
            out["self"][1] += 1
            out["self"][0] += risk.self_harm
            ok &= risk.self_harm
        if want_others:
            out["others"][1] += 1
            out["others"][0] += risk.others
            ok &= risk.others
        if not want_self:
            out["fa_self"][1] += 1
            out["fa_self"][0] += risk.self_harm
        if not want_others:
            out["fa_others"][1] += 1
            out["fa_others"][0] += risk.others
        if not (want_self or want_others):
            out["neg"][1] += 1
            out["neg"][0] += risk.any
            ok &= not risk.any
        cat = out["cat"][row.get("category", "?")]
        cat[1] += 1
        cat[0] += bool(ok)
        if not ok:
            out["errors"].append((row, risk))
    return out


def report(name: str, result: dict, show_errors: bool) -> None:
    print(f"== {name}: n={result['n']}")
    print(f"  recall (self):    {_ratio(*result['self'])}")
    print(f"  recall (others):  {_ratio(*result['others'])}")
    print(f"  false alarm:      {_ratio(*result['neg'])} on negatives")
    print(
        f"  per flag: self on not-self {_ratio(*result['fa_self'])}, others on not-others "
        f"{_ratio(*result['fa_others'])}"
    )
    print("  per category (correct/total):")
    for cat, (good, total) in sorted(result["cat"].items(), key=lambda kv: kv[1][0] / kv[1][1]):
        print(f"    {cat:22s} {_ratio(good, total)}")
    if show_errors:
        for row, risk in result["errors"]:
            want = f"self={int(row['risk_self'])} others={int(row['risk_others'])}"
            got = f"self={int(risk.self_harm)} others={int(risk.others)}"
            print(f"  ! {row['id']} [{row.get('category')}] want {want} got {got}")
            print(f"    {row['text']}")
            if risk.phrases:
                print(f"    live: {list(risk.phrases)}")
            if risk.set_aside:
                print(f"    aside: {[(h.phrase, h.reason) for h in risk.set_aside]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-errors", action="store_true", help="list dev errors")
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args(argv)
    if not args.data.exists():
        print(f"no data at {args.data}", file=sys.stderr)
        return 1
    rows = load(args.data)
    dev = [r for r in rows if r.get("split") == "dev"]
    holdout = [r for r in rows if r.get("split") == "holdout"]
    report("dev", evaluate(dev), args.show_errors)
    # The holdout is reported in aggregate only, never row by row.
    report("holdout", evaluate(holdout), False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
