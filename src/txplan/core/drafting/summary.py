"""The parts of a draft that look at the plan as a whole: approach warnings, discharge criteria."""

from __future__ import annotations

from txplan.core.drafting import measures
from txplan.core.drafting.filling import modality_key, modality_rank
from txplan.core.drafting.library import Library
from txplan.core.drafting.request import DraftRequest
from txplan.core.drafting.selection import RISK_AREAS
from txplan.core.plan import Problem


def approach_warnings(
    request: DraftRequest, library: Library, problems: list[Problem]
) -> list[str]:
    if not request.approach:
        return []
    known = {modality_key(i.modality) for a in library.areas.values() for i in a.interventions}
    if modality_key(request.approach) not in known:
        return [
            f"The approach {request.approach!r} is not a modality any library intervention "
            f"uses; interventions were chosen without it."
        ]
    out = []
    for problem in problems:
        if problem.origin and problem.origin.library_id in RISK_AREAS:
            continue  # safety planning comes whatever the modality asked for
        used = {
            i.modality
            for o in (o for g in problem.goals for o in g.objectives)
            for i in o.interventions
        }
        if not any(modality_rank(m, request.approach) == 0 for m in used):
            out.append(
                f"No intervention for '{problem.title}' uses {request.approach}; the draft "
                f"uses {', '.join(sorted(used))}."
            )
    return out


def discharge_criteria(problems: list[Problem]) -> list[str]:
    out: list[str] = []
    for problem in problems:
        measured = [o for g in problem.goals for o in g.objectives if o.criterion is not None]
        if measured:
            c = measured[0].criterion
            assert c is not None
            times = "" if c.consecutive == 1 else f" on {c.consecutive} consecutive administrations"
            word = {"<=": "at or below", "<": "below", ">=": "at or above", ">": "above"}[
                c.comparator.value
            ]
            label = measures.display_name(c.measure)
            out.append(
                f"{problem.title}: {label} {word} {c.threshold:g}{times}, and the "
                f"objectives of this problem met or no longer needed."
            )
        else:
            out.append(
                f"{problem.title}: the objectives of this problem met, as reviewed with the client."
            )
    out.append("Gains held for at least 4 weeks with a written relapse-prevention plan in place.")
    return out
