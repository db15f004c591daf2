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


@register.filter
def marked(text: str, findings: list[object] | None) -> str:
    """The statement with the spans the audit is about wrapped in <mark>, escaped safely."""
    from django.utils.html import escape
    from django.utils.safestring import mark_safe

    spans = sorted(
        (f.span[0], f.span[1], f.code)  # type: ignore[attr-defined]
        for f in findings or []
        if getattr(f, "span", None) and 0 <= f.span[0] < f.span[1] <= len(text)  # type: ignore[attr-defined]
    )
    out: list[str] = []
    pos = 0
    for start, end, code in spans:
        if start < pos:  # overlapping spans: the first one wins
            continue
        out.append(escape(text[pos:start]))
        out.append(f'<mark title="{escape(code)}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(escape(text[pos:]))
    return mark_safe("".join(out))


@register.filter
def rewritable(code: str) -> bool:
    """Statement rules suggest a whole rewritten sentence; plan rules suggest a next step."""
    from txplan.core.audit import STATEMENT_CODES

    return code in STATEMENT_CODES


@register.filter
def startswith(value: str, prefix: str) -> bool:
    return str(value).startswith(str(prefix))
