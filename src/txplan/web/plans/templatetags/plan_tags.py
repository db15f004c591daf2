from enum import Enum

from django import template

register = template.Library()

_LABELS = {
    "work_school": "Work / school",
    "self_care": "Self-care",
    "housing_finances": "Housing / finances",
    "intensive_outpatient": "Intensive outpatient (IOP)",
    "partial_hospitalization": "Partial hospitalisation (PHP)",
    "typed_verbal": "Typed name, agreed verbally",
    "unable": "Could not be obtained",
}


@register.filter
def label(value: object) -> str:
    """A readable label for an enum value: 'work_school' → 'Work / school'."""
    raw = value.value if isinstance(value, Enum) else str(value or "")
    return _LABELS.get(raw, raw.replace("_", " ").capitalize())


@register.filter
def findings_for(by_element: dict[str, list[object]] | None, element_id: str) -> list[object]:
    """The audit findings about one element: ``review.by_element|findings_for:obj.id``."""
    return (by_element or {}).get(element_id, [])
