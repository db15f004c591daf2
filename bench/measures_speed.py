"""Speed of the measurement-based-care core: scoring, criterion evaluation, charts.

    .venv/bin/python bench/measures_speed.py

Prints microseconds per call; the web app calls these on every plan page, so they should stay
far below a request's budget. Synthetic data only (seeded, reproducible).
"""

from __future__ import annotations

import random
import timeit
from datetime import date, timedelta

from txplan.core.measures import registry
from txplan.core.measures.chart import chart_svg
from txplan.core.measures.criteria import Administration, evaluate_criterion
from txplan.core.measures.scoring import score_items
from txplan.core.plan import Criterion

RNG = random.Random(5)
START = date(2026, 1, 5)


def per_call(label: str, func, number: int) -> None:  # type: ignore[no-untyped-def]
    seconds = min(timeit.repeat(func, number=number, repeat=3))
    print(f"{label:<52} {seconds / number * 1e6:9.1f} µs/call")


def main() -> None:
    registry.all_instruments()  # load once, as the web process does
    answers = {
        ins.id: [
            RNG.choice([o.value for o in ins.options_for(n)]) for n in range(1, ins.item_count + 1)
        ]
        for ins in registry.all_instruments()
        if not ins.continuous
    }
    for instrument_id, items in sorted(answers.items()):
        per_call(
            f"score_items({instrument_id})",
            lambda i=instrument_id, a=items: score_items(i, a),
            5000,
        )
    year = [
        Administration("phq9", START + timedelta(days=7 * w), RNG.randint(4, 20)) for w in range(52)
    ]
    crit = Criterion(measure="phq9", comparator="<=", threshold=9, consecutive=3)
    per_call(
        "evaluate_criterion(52 weekly PHQ-9s)",
        lambda: evaluate_criterion(crit, year, date(2027, 1, 5)),
        2000,
    )
    per_call(
        "chart_svg(52 weekly PHQ-9s)",
        lambda: chart_svg("phq9", year, threshold=9, comparator="<="),
        500,
    )


if __name__ == "__main__":
    main()
