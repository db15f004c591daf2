"""Every library area names a measure that fits the client's age, and the drafter uses it.

For each area and each age it is written for (its usual client, and one age per age group the
area declares), the drafter's selection must carry a measured objective whose instrument:
- is one the area names (``measures``);
- was validated for that age (``instrument_use.yaml``): an adult scale is never used for a child;
- is an outcome measure repeated no more often than its recall window allows: a past-year screen
  such as the AUDIT-C never serves as a weekly outcome.

And at any age (8, 15, 30), no drafted objective uses an instrument unfit for the age.
"""

from __future__ import annotations

import pytest

from tests.core.drafting.test_fit import AREA_CASES
from txplan.core.drafting import draft_plan, load_library
from txplan.core.drafting.fit import assumed_age, select
from txplan.core.drafting.library import AGE_GROUPS, Area
from txplan.core.drafting.request import DraftRequest
from txplan.core.measures import registry, use

LIBRARY = load_library()
AREAS = sorted(LIBRARY.areas)

# Areas (and ages) with no fitting instrument in the registry yet, and why. Anything not listed
# here must have a fitting measure; a listed gap that gets a measure fails too (remove it).
GAPS: dict[str, str] = {
    "harm_to_others": "risk to others is assessed clinically (no scored instrument is in the set)",
    "suicidal_self_harm": (
        "the C-SSRS Screener is a risk screen repeated at each contact, not an outcome"
    ),
}
AGE_GAPS: dict[tuple[str, int], str] = {
    ("child_adhd", 4): "no preschool ADHD scale (the Vanderbilt scales are for 6–12)",
    ("odd_conduct", 4): "no outcome measure for under-6s (YCORS not in the set)",
    ("school_refusal", 4): "no outcome measure for under-6s",
    ("separation_anxiety", 4): "no outcome measure for under-6s",
}


def _ages(area: Area) -> list[int]:
    """The usual client, and one age per age group the area is explicitly written for."""
    ages = {assumed_age(area)}
    if area.ages is not None or area.age_groups:
        low = area.ages.min if area.ages is not None else 0
        for age in (max(low, 4), 8, 15, 30):
            if area.fits_age(age):
                ages.add(age)
    return sorted(ages)


def _measured(area: Area, age: int):
    chosen = select(area, approach=None, age=age, text="", relevance=lambda _t, _k: 0)
    return [o for group in chosen.objectives.values() for o in group if o.criterion is not None]


CASES = [(area_id, age) for area_id in AREAS for age in _ages(LIBRARY.areas[area_id])]


def test_every_instrument_has_use_metadata_and_every_entry_an_instrument() -> None:
    assert set(use.all_uses()) == set(registry.ids())


@pytest.mark.parametrize(("area_id", "age"), CASES)
def test_area_names_a_fitting_measure_and_the_drafter_uses_it(area_id: str, age: int) -> None:
    area = LIBRARY.areas[area_id]
    if area_id in GAPS or (area_id, age) in AGE_GAPS:
        fitting = [
            m for m in area.measures if use.fits(m, age) and use.get(m) and use.get(m).outcome
        ]
        assert not fitting, f"{area_id} at {age} now has {fitting}: remove it from the gaps"
        return
    fitting = [m for m in area.measures if use.fits(m, age)]
    assert fitting, f"{area_id}: no measure in {area.measures} suits age {age}"
    measured = _measured(area, age)
    assert measured, f"{area_id} at age {age}: the draft has no measured objective"
    for objective in measured:
        c = objective.criterion
        assert c.measure in area.measures
        assert use.fits(c.measure, age), f"{objective.id}: {c.measure} does not suit age {age}"
        assert not use.criterion_problems(c.measure, c.min_days_apart, c.consecutive)


@pytest.mark.parametrize("area_id", AREAS)
def test_every_measured_objective_respects_its_instruments_recall_window(area_id: str) -> None:
    area = LIBRARY.areas[area_id]
    for objective in area.objectives:
        c = objective.criterion
        if c is not None:
            problems = use.criterion_problems(c.measure, c.min_days_apart, c.consecutive)
            assert not problems, f"{objective.id}: {problems}"


@pytest.mark.parametrize("area_id", AREAS)
@pytest.mark.parametrize("age", [8, 15, 30])
def test_no_instrument_unfit_for_the_age_is_drafted(area_id: str, age: int) -> None:
    for objective in _measured(LIBRARY.areas[area_id], age):
        assert use.fits(objective.criterion.measure, age), (
            f"{objective.id}: {objective.criterion.measure} drafted for a {age}-year-old"
        )


def test_age_groups_cover_the_representative_ages() -> None:
    assert AGE_GROUPS["child"][0] <= 8 <= AGE_GROUPS["child"][1]
    assert AGE_GROUPS["adolescent"][0] <= 15 <= AGE_GROUPS["adolescent"][1]


@pytest.mark.parametrize("area_id", sorted(AREA_CASES))
def test_a_full_draft_measures_with_the_areas_fitting_instrument(area_id: str) -> None:
    if area_id in GAPS:
        pytest.skip(GAPS[area_id])
    code, text, age = AREA_CASES[area_id]
    if (area_id, age) in AGE_GAPS:
        pytest.skip(AGE_GAPS[(area_id, age)])
    from datetime import date

    request = DraftRequest(
        diagnoses=[code] if code else [], presenting_problem=text, age=age, start=date(2026, 1, 5)
    )
    plan = draft_plan(request)
    area = LIBRARY.areas[area_id]
    measures = [
        o.criterion.measure
        for p in plan.problems
        if p.origin and p.origin.library_id == area_id
        for g in p.goals
        for o in g.objectives
        if o.criterion is not None
    ]
    assert measures, f"{area_id}: the drafted problem has no measured objective"
    for measure in measures:
        assert measure in area.measures and use.fits(measure, age), (area_id, measure, age)


# The disorder's own instrument, not a general functioning scale, for an adult client.
OWN_INSTRUMENT = {
    "ocd": "ybocs",
    "insomnia": "isi",
    "anorexia": "ede_qs",
    "bulimia": "ede_qs",
    "binge_eating": "ede_qs",
    "social_anxiety": "spin",
}


@pytest.mark.parametrize("area_id", sorted(OWN_INSTRUMENT))
def test_an_adult_gets_the_disorders_own_instrument(area_id: str) -> None:
    code, text, age = AREA_CASES[area_id]
    assert age >= 18
    from datetime import date

    plan = draft_plan(
        DraftRequest(diagnoses=[code], presenting_problem=text, age=age, start=date(2026, 1, 5))
    )
    measures = {o.criterion.measure for o in plan.objectives() if o.criterion is not None}
    assert OWN_INSTRUMENT[area_id] in measures, measures


@pytest.mark.parametrize(
    ("area_id", "age", "expected"),
    [
        ("child_adhd", 8, {"vanderbilt_parent", "vanderbilt_teacher"}),
        ("child_adhd", 15, {"ors"}),
        ("separation_anxiety", 8, {"cors"}),
        ("ocd", 15, {"ors"}),
    ],
)
def test_the_measure_follows_the_clients_age(area_id: str, age: int, expected: set[str]) -> None:
    measures = {o.criterion.measure for o in _measured(LIBRARY.areas[area_id], age)}
    assert measures and measures <= expected, measures
