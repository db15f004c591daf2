"""Evaluate the offline drafter on realistic cases: safety, fit, truthfulness, sameness, audit.

    .venv/bin/python bench/eval_draft.py [--cases bench/data/draft_cases.jsonl] [--split dev]
                                          [--show-inventions] [--json]

Each case (bench/data/draft_cases.jsonl, one JSON object a line) is a new client as a clinician
would enter it: ``id``, ``split`` (dev | holdout), ``diagnoses``, ``presenting_problem``, ``age``,
``approach``, ``impairments`` ([{domain, description}]), ``strengths``, ``client_words``,
``client_name`` and ``expected`` ({risk_self, risk_others, areas}).

Printed for each split:
- risk recall and false alarm, read from the drafts: a case counts as flagged when its draft
  holds a safety problem (``suicidal_self_harm``, or an area for harm to others);
- core-element fit per disorder: ``txplan.core.drafting.fit.core_fit`` lists, per problem, the
  core elements of its guideline that the draft lacks;
- invented quotes, people, activities and role fills (``txplan.core.drafting.truth``), target 0;
- the clone share: for clients with the same primary diagnosis, the share of one draft's goal,
  objective and intervention statements found word for word in another's (client names
  normalised), mean and worst over pairs; target <= 25%;
- main impairment and avoided situations reaching the goals; impairment domains;
- drafts with zero audit errors in draft mode (``audit_plan(plan, today, draft=True)``).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from datetime import date
from itertools import permutations
from pathlib import Path
from typing import Any

from txplan.core.audit import Severity, audit_plan
from txplan.core.drafting import Draft, DraftRequest, draft_with_notes, load_library, truth
from txplan.core.drafting.necessity import impairment_domain
from txplan.core.drafting.specifics import extract
from txplan.core.plan import FunctionalImpairment, Plan

try:  # written by another helper; the figures are printed only once it lands
    from txplan.core.drafting.fit import core_fit
except ImportError:  # pragma: no cover - depends on the tree's state
    core_fit = None  # type: ignore[assignment]

START = date(2026, 3, 2)
CASES = Path(__file__).parent / "data" / "draft_cases.jsonl"
SAFETY_SELF = "suicidal_self_harm"
CLONE_TARGET = 0.25


def load(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def request_of(case: dict[str, Any]) -> DraftRequest:
    fields: dict[str, Any] = {
        "diagnoses": case["diagnoses"],
        "presenting_problem": case["presenting_problem"],
        "approach": case.get("approach"),
        "impairments": [FunctionalImpairment(**i) for i in case.get("impairments", [])],
        "strengths": case.get("strengths", []),
        "client_words": case.get("client_words"),
        "client_name": case.get("client_name"),
        "start": START,
    }
    if "age" in DraftRequest.model_fields and case.get("age") is not None:
        fields["age"] = case["age"]
    return DraftRequest(**fields)


def others_area(area_id: str) -> bool:
    return area_id != SAFETY_SELF and bool(re.search(r"other|violen|homicid|aggress", area_id))


_TAIL = re.compile(r" (?:At intake|Baseline|Focus|Strength to draw on): .*$", re.DOTALL)


def statements(plan: Plan, name: str | None, *, library_part: bool = False) -> set[str]:
    out: set[str] = set()
    for goal in (g for p in plan.problems for g in p.goals):
        texts = [goal.text]
        for objective in goal.objectives:
            texts.append(objective.text)
            texts += [i.text for i in objective.interventions]
        for text in texts:
            if library_part:
                text = _TAIL.sub("", text)
            if name:
                text = re.sub(rf"\b{re.escape(name)}\b", "the client", text)
            out.add(" ".join(text.lower().split()))
    return out


def clone_shares(items: list[tuple[str, set[str]]]) -> list[float]:
    return [len(a & b) / len(a) for (_, a), (_, b) in permutations(items, 2) if a]


def evaluate(cases: list[dict[str, Any]]) -> dict[str, Any]:
    library = load_library()
    rows: list[dict[str, Any]] = []
    for case in cases:
        request = request_of(case)
        draft: Draft = draft_with_notes(request, library)
        plan = draft.plan
        areas = [p.origin.library_id for p in plan.problems if p.origin]
        report = truth.check(plan, request, library)
        errors = [f for f in audit_plan(plan, START, draft=True) if f.severity is Severity.ERROR]
        fit: dict[str, list[str]] | None = None
        if core_fit is not None:
            try:
                fit = core_fit(plan, library, age=case.get("age"))
            except TypeError:
                fit = core_fit(plan, library)
        goals_text = " ".join(g.text for p in plan.problems for g in p.goals).lower()
        impairments = case.get("impairments", [])
        main = impairments[0]["description"].rstrip(".").lower() if impairments else None
        situations = extract(case["presenting_problem"]).situations
        rows.append(
            {
                "case": case,
                "areas": areas,
                "risk_self": SAFETY_SELF in areas,
                "risk_others": any(others_area(a) for a in areas),
                "inventions": report.inventions,
                "errors": errors,
                "fit": fit,
                "statements": statements(plan, case.get("client_name")),
                "library_part": statements(plan, case.get("client_name"), library_part=True),
                "areas_ok": set(case["expected"].get("areas", [])) <= set(areas)
                and not {
                    a
                    for a in set(areas) - set(case["expected"].get("areas", []))
                    if a != SAFETY_SELF and not others_area(a)
                },
                "main_in_goals": None if main is None else main in goals_text,
                "situations_in_goals": None
                if not situations
                else all(s.lower() in goals_text for s in situations),
                "domains": [
                    (i["domain"], (impairment_domain(i["description"], case.get("age")) or "none"))
                    for i in impairments
                ],
                "generic_ok": None
                if "generic" not in case["expected"].get("areas", [])
                else (areas == ["generic"] or (areas and areas[-1] == "generic"))
                and any("generic structure" in w for w in draft.warnings),
            }
        )
    return {"rows": rows}


def _pct(n: int, d: int) -> str:
    return f"{n}/{d} = {n / d:.2f}" if d else "n/a"


def summarise(rows: list[dict[str, Any]], label: str, show: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"split": label, "cases": len(rows)}
    print(f"\n=== {label}: {len(rows)} cases ===")
    # Risk: a safety problem present, per kind and together.
    for kind in ("risk_self", "risk_others"):
        pos = [r for r in rows if r["case"]["expected"].get(kind)]
        neg = [r for r in rows if not r["case"]["expected"].get(kind)]
        tp = sum(r[kind] for r in pos)
        fp = sum(r[kind] for r in neg)
        print(f"{kind:12s} recall {_pct(tp, len(pos))}   false alarm {_pct(fp, len(neg))}")
        out[kind] = {"recall": (tp, len(pos)), "false_alarm": (fp, len(neg))}
    pos = [
        r
        for r in rows
        if r["case"]["expected"].get("risk_self") or r["case"]["expected"].get("risk_others")
    ]
    neg = [r for r in rows if r not in pos]
    tp = sum(r["risk_self"] or r["risk_others"] for r in pos)
    fp = sum(r["risk_self"] or r["risk_others"] for r in neg)
    print(f"{'any risk':12s} recall {_pct(tp, len(pos))}   false alarm {_pct(fp, len(neg))}")
    out["risk_any"] = {"recall": (tp, len(pos)), "false_alarm": (fp, len(neg))}
    missed = [r["case"]["id"] for r in pos if not (r["risk_self"] or r["risk_others"])]
    alarms = [r["case"]["id"] for r in neg if r["risk_self"] or r["risk_others"]]
    if missed or alarms:
        print(f"  missed: {missed}  false alarms: {alarms}")

    # Core-element fit per disorder.
    if rows and rows[0]["fit"] is None:
        print("core fit     n/a (txplan.core.drafting.fit.core_fit not available)")
    else:
        per_area: dict[str, list[list[str]]] = defaultdict(list)
        for r in rows:
            for area_id, missing in (r["fit"] or {}).items():
                per_area[area_id].append(missing)
        fitted = sum(not m for ms in per_area.values() for m in ms)
        total = sum(len(ms) for ms in per_area.values())
        print(f"core fit     problems with every core element: {_pct(fitted, total)}")
        for area_id in sorted(per_area):
            ms = per_area[area_id]
            lacking = sorted({e for m in ms for e in m})
            ok = sum(not m for m in ms)
            note = f"  lacking: {', '.join(lacking)}" if lacking else ""
            print(f"  {area_id:24s} {ok}/{len(ms)}{note}")
        out["core_fit"] = (fitted, total)

    # Invention.
    counts = {k: 0 for k in ("quote", "person", "activity", "role")}
    for r in rows:
        for inv in r["inventions"]:
            counts[inv.kind] += 1
    print(
        "invented     quotes {quote}  people {person}  activities {activity}  "
        "role fills {role}".format(**counts)
    )
    out["invented"] = counts
    if show:
        for r in rows:
            for inv in r["inventions"]:
                print(f"  {r['case']['id']}: {inv}")

    # Clone share per primary diagnosis.
    groups: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)
    for r in rows:
        groups[r["case"]["diagnoses"][0]].append((r["case"]["id"], r["statements"]))
    shares_all: list[float] = []
    print("clone share  (same primary diagnosis; share of statements verbatim in another draft)")
    for code in sorted(groups, key=lambda c: (-len(groups[c]), c)):
        if len(groups[code]) < 2:
            continue
        shares = clone_shares(groups[code])
        shares_all += shares
        print(
            f"  {code:8s} {len(groups[code])} clients  mean {sum(shares) / len(shares):.2f}  "
            f"max {max(shares):.2f}"
        )
    if shares_all:
        mean = sum(shares_all) / len(shares_all)
        verdict = "ok" if mean <= CLONE_TARGET else "over target"
        print(f"  all pairs: mean {mean:.2f}  max {max(shares_all):.2f}  ({verdict})")
        out["clone"] = {"mean": round(mean, 3), "max": round(max(shares_all), 3)}
    # The same, with the client's labelled clauses taken off: how alike the library parts are.
    lib_groups: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)
    for r in rows:
        lib_groups[r["case"]["diagnoses"][0]].append((r["case"]["id"], r["library_part"]))
    lib_shares = [x for g in lib_groups.values() if len(g) > 1 for x in clone_shares(g)]
    if lib_shares:
        print(
            f"  library sentences alone (client clauses removed): mean "
            f"{sum(lib_shares) / len(lib_shares):.2f}  max {max(lib_shares):.2f}"
        )
    areas_ok = sum(r["areas_ok"] for r in rows)
    print(f"areas        drafted areas as expected {_pct(areas_ok, len(rows))}")

    # Individual content reaching the goals, and impairment domains.
    main = [r["main_in_goals"] for r in rows if r["main_in_goals"] is not None]
    sits = [r["situations_in_goals"] for r in rows if r["situations_in_goals"] is not None]
    print(
        f"goals        main impairment in a goal {_pct(sum(main), len(main))}   "
        f"avoided situations in goals {_pct(sum(sits), len(sits))}"
    )
    domains = [d for r in rows for d in r["domains"]]
    right = sum(want == str(got) for want, got in domains)
    print(
        f"domains      impairment sentences filed under the expected domain "
        f"{_pct(right, len(domains))}"
    )
    generic = [r["generic_ok"] for r in rows if r["generic_ok"] is not None]
    print(f"no area      generic structure with a warning {_pct(sum(generic), len(generic))}")

    # Audit.
    clean = sum(not r["errors"] for r in rows)
    print(f"audit        drafts with zero errors (draft mode) {_pct(clean, len(rows))}")
    if show:
        for r in rows:
            for f in r["errors"]:
                print(f"  {r['case']['id']}: {f.code} {f.element_id}")
    out["audit_clean"] = (clean, len(rows))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, default=CASES)
    parser.add_argument("--split", choices=["dev", "holdout"], default=None)
    parser.add_argument("--show-inventions", action="store_true", help="list every finding")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON too")
    args = parser.parse_args(argv)
    cases = load(args.cases)
    rows = evaluate(cases)["rows"]
    splits = [args.split] if args.split else ["dev", "holdout"]
    summaries = []
    for split in splits:
        chosen = [r for r in rows if r["case"]["split"] == split]
        summaries.append(summarise(chosen, split, args.show_inventions))
    if not args.split:
        summaries.append(summarise(rows, "all", False))
    if args.json:
        print(json.dumps(summaries, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())
