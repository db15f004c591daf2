"""Suggestions that are right (issue 9): applying any statement suggestion, in plan mode, leaves
that statement free of errors, names a measure that fits the statement's problem, names the
client as the plan does, introduces no date other than the objective's own, and sets the
objective's criterion to the measure it names.

The plans are generated with a seeded generator: every flawed statement of the registry and of
bench/data/audit_dev.jsonl, each placed in a complete plan (the registry's baseline) with its
diagnosis (or one drawn from the pool), a way of naming the client, a date setting for the
objective, and in about a third of the plans a second diagnosis with its own problem and
measure (so the plan uses a measure that does not fit the flawed statement's problem).
"""

from __future__ import annotations

import copy
import json
import random
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from txplan.core.audit import STATEMENT_CODES, audit_plan
from txplan.core.audit.diagnoses import PRESENTATIONS, resolve
from txplan.core.audit.examples import BASELINE, EXAMPLE_TODAY
from txplan.core.audit.findings import Finding, Scope, Severity
from txplan.core.audit.plan_context import instruments_in
from txplan.core.audit.registry import RULES
from txplan.core.audit.rewrites import criterion_in
from txplan.core.audit.suggest import MEASURE_TARGETS
from txplan.core.audit.text import fold
from txplan.core.audit.timeframes import find_timeframes
from txplan.core.document import parse_plan

DEV = Path(__file__).parents[3] / "bench" / "data" / "audit_dev.jsonl"

# presentation key → (ICD-10-CM code, description, a problem title in that area)
POOL: dict[str, tuple[str, str, str]] = {
    "depression": ("F33.1", "Major depressive disorder, recurrent, moderate", "Depressed mood"),
    "perinatal": ("F53.0", "Postpartum depression", "Low mood and tearfulness after the birth"),
    "anxiety": ("F41.1", "Generalized anxiety disorder", "Worry about work and family"),
    "panic": ("F41.0", "Panic disorder", "Panic attacks on buses and in shops"),
    "social": ("F40.10", "Social anxiety disorder", "Social anxiety at work"),
    "phobia": ("F40.218", "Specific phobia, animal type", "Fear of dogs"),
    "separation": ("F93.0", "Separation anxiety disorder", "Separation anxiety at drop-off"),
    "trauma": ("F43.10", "Post-traumatic stress disorder", "Nightmares and avoidance"),
    "ocd": ("F42.2", "Obsessive-compulsive disorder", "Checking rituals"),
    "adhd": ("F90.0", "ADHD, predominantly inattentive", "Missed deadlines"),
    "bipolar": ("F31.81", "Bipolar II disorder", "Mood episodes and irregular sleep"),
    "alcohol": ("F10.20", "Alcohol use disorder, moderate", "Drinking most nights"),
    "drugs": ("F12.20", "Cannabis use disorder, moderate", "Daily cannabis use"),
    "insomnia": ("F51.01", "Primary insomnia", "Trouble falling asleep"),
    "eating": ("F50.2", "Bulimia nervosa", "Bingeing and purging"),
    "conduct": ("F91.3", "Oppositional defiant disorder", "Outbursts at home and school"),
    "grief": ("F43.81", "Prolonged grief disorder", "Grief since a death in the family"),
    "adjustment": ("F43.23", "Adjustment disorder, mixed", "Adjustment to a job loss"),
    "adjustment_mood": (
        "F43.21",
        "Adjustment disorder with depressed mood",
        "Adjustment, low mood",
    ),
    "adjustment_anxiety": ("F43.22", "Adjustment disorder with anxiety", "Adjustment to a move"),
    "relational": ("Z63.0", "Relationship distress with spouse", "Escalating arguments"),
    "family": ("Z62.820", "Parent-child relational problem", "Conflict over homework"),
    "borderline": ("F60.3", "Borderline personality disorder", "Self-harm urges"),
    "psychosis": ("F20.9", "Schizophrenia", "Voices and suspicious thoughts"),
    "gambling": ("F63.0", "Gambling disorder", "Gambling losses"),
    "nightmares": ("F51.5", "Nightmare disorder", "Recurring nightmares"),
}
# Instruments that serve a presentation's measure (adolescents: PHQ-A for PHQ-9).
SERVES = {"phq9": {"phq9", "phq_a"}, "epds": {"epds", "phq9"}, "audit_c": {"audit_c", "audit"}}
NAMES = ("Client", "The client", "Maria", "Sam")
TARGET = "2026-04-20"
PATH = {"goal": "problems.0.goals.0", "objective": "problems.0.goals.0.objectives.0"}
VARIANTS = 3  # each flawed statement in this many differently drawn plans
ISO = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


@dataclass
class Case:
    kind: str
    text: str
    key: str  # the presentation of the flawed statement's problem
    client: str
    dates: str  # "target", "timeframe" or "none"
    second: str | None  # a second diagnosis, with its own problem
    flaw_in_second: bool
    criterion: str | None  # an existing criterion measure on the flawed objective


def _flawed_statements() -> list[tuple[str, str, str | None]]:
    rows = [(r.kind.value, r.flawed, r.diagnosis) for r in RULES if r.scope is Scope.STATEMENT]
    for line in DEV.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["codes"]:
            rows.append((row["kind"], row["text"], row.get("diagnosis")))
    return rows  # type: ignore[return-value]


def _cases() -> list[Case]:
    rng = random.Random(9)
    keys = sorted(POOL)
    out = []
    for kind, text, diagnosis in _flawed_statements() * VARIANTS:
        found = resolve(diagnosis) if diagnosis else None
        key = found.key if found is not None and found.key in POOL else rng.choice(keys)
        second = rng.choice([k for k in keys if k != key]) if rng.random() < 0.35 else None
        measure = PRESENTATIONS[key].measure
        wrong = [m for m in MEASURE_TARGETS if m not in SERVES.get(measure or "", {measure})]
        out.append(
            Case(
                kind=kind,
                text=text,
                key=key,
                client=rng.choice(NAMES),
                dates=rng.choice(("target", "timeframe", "none")),
                second=second,
                flaw_in_second=second is not None and rng.random() < 0.5,
                criterion=rng.choice(wrong) if kind == "objective" and rng.random() < 0.2 else None,
            )
        )
    return out


def _named(text: str, client: str) -> str:
    """A statement as a plan that names the client this way would write it."""
    if client == "Client":
        return text
    if client == "The client":
        return re.sub(r"^Client\b", "The client", text)
    return re.sub(r"\b(?:[Tt]he\s+)?(?:[Cc]lient|[Pp]atient)\b", client, text)


def _criterion(measure: str) -> dict[str, Any]:
    _, threshold, times = MEASURE_TARGETS[measure]
    return {"measure": measure, "comparator": "<=", "threshold": threshold, "consecutive": times}


def _problem(key: str, pid: str) -> dict[str, Any]:
    problem = copy.deepcopy(BASELINE["problems"][0])
    problem["id"], problem["title"] = pid, POOL[key][2]
    goal = problem["goals"][0]
    goal["id"] = f"{pid}-goal"
    objective = goal["objectives"][0]
    objective["id"] = f"{pid}-obj"
    for n, intervention in enumerate(objective["interventions"]):
        intervention["id"] = f"{pid}-int{n}"
    measure = PRESENTATIONS[key].measure
    if measure in MEASURE_TARGETS:
        name, threshold, _ = MEASURE_TARGETS[measure]
        objective["text"] = f"Client will score {threshold} or lower on the {name}."
        objective["criterion"] = _criterion(measure)
    else:
        objective["text"] = "Client will keep a daily log of the main symptom on 5 of 7 days."
        objective["criterion"] = None
    return problem


def _plan(case: Case) -> tuple[dict[str, Any], str]:
    """The plan document and the id of the flawed statement."""
    data = copy.deepcopy(BASELINE)
    first = case.second if case.flaw_in_second else case.key
    problems = [_problem(first, "p0")]
    data["diagnoses"] = [{"code": POOL[first][0], "description": POOL[first][1], "primary": True}]
    if case.second is not None:
        other = case.key if case.flaw_in_second else case.second
        problems.append(_problem(other, "p1"))
        data["diagnoses"].append({"code": POOL[other][0], "description": POOL[other][1]})
    data["problems"] = problems
    where = problems[1] if case.flaw_in_second else problems[0]
    goal = where["goals"][0]
    objective = goal["objectives"][0]
    if case.kind == "goal":
        goal["text"], element = case.text, goal
    elif case.kind == "objective":
        objective["text"], element = case.text, objective
        objective["criterion"] = _criterion(case.criterion) if case.criterion else None
        objective["target_date"] = TARGET if case.dates == "target" else None
        objective["timeframe"] = "within 10 weeks" if case.dates == "timeframe" else ""
    else:
        element = objective["interventions"][0]
        element["text"] = case.text
    for problem in problems:
        for g in problem["goals"]:
            for o in g["objectives"]:
                o["text"] = _named(o["text"], case.client)
                for i in o["interventions"]:
                    i["text"] = _named(i["text"], case.client)
    element["text"] = _named(element["text"], case.client)
    return data, element["id"]


def _element(data: dict[str, Any], element_id: str) -> dict[str, Any]:
    for problem in data["problems"]:
        for goal in problem["goals"]:
            if goal["id"] == element_id:
                return goal
            for objective in goal["objectives"]:
                if objective["id"] == element_id:
                    return objective
                for intervention in objective["interventions"]:
                    if intervention["id"] == element_id:
                        return intervention
    raise KeyError(element_id)


def apply(data: dict[str, Any], element_id: str, finding: Finding) -> dict[str, Any]:
    """What the editor's "Use suggestion" does: the text, and the criterion it names."""
    data = copy.deepcopy(data)
    element = _element(data, element_id)
    element["text"] = finding.suggestion
    if finding.criterion is not None:
        fields = dict(finding.criterion)
        if not fields.get("measure"):
            element["criterion"] = None
        else:
            by_date = (element.get("criterion") or {}).get("by_date")
            element["criterion"] = {**fields, **({"by_date": by_date} if by_date else {})}
    return data


CASES = _cases()


def _check(case: Case, tally: Counter[str]) -> list[str]:
    data, element_id = _plan(case)
    original = _element(data, element_id)["text"]
    problems = []
    for finding in audit_plan(parse_plan(data), EXAMPLE_TODAY):
        if finding.element_id != element_id or finding.code not in STATEMENT_CODES:
            continue
        if not finding.suggestion:
            continue
        tally[finding.code] += 1
        suggestion = finding.suggestion
        where = f"{finding.code} on {case} → {suggestion!r}"
        applied = apply(data, element_id, finding)
        after = audit_plan(parse_plan(applied), EXAMPLE_TODAY)
        errors = [
            f.code for f in after if f.element_id == element_id and f.severity is Severity.ERROR
        ]
        if errors:
            problems.append(f"still {errors}: {where}")
        # The measure fits the problem's diagnosis (or the clinician's own words named it).
        named = instruments_in(suggestion.lower()) - instruments_in(original.lower())
        wanted = PRESENTATIONS[case.key].measure
        fits = SERVES.get(wanted or "", {wanted} if wanted else set())
        if named - fits:
            problems.append(f"measure {sorted(named)} does not fit {case.key}: {where}")
        # The criterion matches the measure the text names.
        in_text = instruments_in(suggestion.lower()) & set(MEASURE_TARGETS)
        criterion = _element(applied, element_id).get("criterion")
        # (Relative targets in the clinician's own words, "drop by 5 points", have no criterion
        # form; a measure the suggestion brings in always comes with its criterion.)
        if (
            case.kind == "objective"
            and in_text
            and (named or criterion_in(suggestion) is not None)
            and (not criterion or criterion["measure"] not in in_text)
        ):
            problems.append(f"criterion {criterion} does not match: {where}")
        # The client is named as the plan names them.
        if (
            case.client in ("Maria", "Sam")
            and re.search(r"\bclient\b", suggestion, re.I)
            and not re.search(r"\bclient\b", original, re.I)
        ):
            problems.append(f"says 'client' where the plan says {case.client}: {where}")
        if case.client == "The client" and re.match(r"Client\b", suggestion):
            problems.append(f"says 'Client' where the plan says 'The client': {where}")
        invented = set(re.findall(r"\b(?:Maria|Sam)\b", suggestion)) - set(
            re.findall(r"\b(?:Maria|Sam)\b", original)
        )
        if case.client in ("Client", "The client") and invented:
            problems.append(f"invents a name: {where}")
        # No date or timeframe other than the objective's own (or the clinician's words).
        if case.kind == "objective":
            own = {TARGET} if case.dates == "target" else set()
            if case.dates == "none":
                own.add(str(BASELINE["next_review_date"]))
            dates = set(ISO.findall(suggestion)) - set(ISO.findall(original))
            if dates - own:
                problems.append(f"introduces {sorted(dates - own)}: {where}")
            low = fold(suggestion)
            for start, end in find_timeframes(low):
                phrase = low[start:end]
                if (
                    case.dates != "none"
                    and phrase not in fold(original)
                    and not any(d in phrase for d in own)
                ) and not (case.dates == "timeframe" and phrase in "within 10 weeks"):
                    problems.append(f"timeframe {phrase!r} besides the date: {where}")
    return problems


def test_every_suggestion_is_right_for_its_plan() -> None:
    tally: Counter[str] = Counter()
    problems = [p for case in CASES for p in _check(case, tally)]
    # Every statement rule that makes a suggestion was exercised, hundreds of times in all.
    assert not problems, f"{len(problems)} wrong suggestions, e.g.\n" + "\n".join(problems[:15])
    assert set(tally) == STATEMENT_CODES, tally
    assert len(CASES) >= 1500 and sum(tally.values()) >= 1400, (len(CASES), tally)


@pytest.mark.parametrize(
    ("key", "measure"),
    [
        ("depression", "phq9"),
        ("perinatal", "epds"),
        ("trauma", "pcl5"),
        ("anxiety", "gad7"),
        ("alcohol", "audit_c"),
        ("ocd", None),
    ],
)
def test_each_diagnosis_gets_its_own_measure_beside_another(key: str, measure: str | None) -> None:
    # The plan's other problem uses a different measure; the suggestion follows this problem.
    other = "anxiety" if key != "anxiety" else "depression"
    case = Case("objective", "Client will understand her feelings better.", key, "Maria",
                "target", other, False, None)  # fmt: skip
    data, element_id = _plan(case)
    findings = audit_plan(parse_plan(data), EXAMPLE_TODAY)
    (finding,) = [f for f in findings if f.code == "OBJ_NOT_MEASURABLE"]
    assert finding.element_id == element_id
    suggestion = finding.suggestion or ""
    assert suggestion.startswith("Maria will") and f"by {TARGET}" in suggestion
    named = instruments_in(suggestion.lower())
    if measure is None:
        assert not named and finding.criterion is None  # an observable count instead
    else:
        assert named == {measure}
        assert finding.criterion and dict(finding.criterion)["measure"] == measure
        assert dict(finding.criterion)["comparator"] == "<="
