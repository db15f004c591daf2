"""Display helpers for measures: instrument display names, criteria in words, risk history."""

from __future__ import annotations

from django import template

from txplan.web.measures.models import instrument_name
from txplan.web.measures.queries import risk_flags

register = template.Library()


@register.filter
def instrument(value: object) -> str:
    """ "phq9" → "PHQ-9" (an unknown id is shown as it is)."""
    return instrument_name(str(value))


@register.filter
def criterion_label(criterion: object) -> str:
    """A criterion in words with the instrument's display name: "PHQ-9 <= 9 on 3 …"."""
    label = criterion.label()  # type: ignore[attr-defined]
    measure = criterion.measure  # type: ignore[attr-defined]
    return label.replace(measure, instrument_name(measure), 1)


@register.inclusion_tag("measures/_risk_history.html")
def risk_history(client: object) -> dict[str, object]:
    """Every risk flag of the client with its status and assessment record."""
    return {"flags": risk_flags(client)}  # type: ignore[arg-type]
