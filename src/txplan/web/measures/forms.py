"""The recording form, built from the instrument registry: one field per item, or a total."""

from __future__ import annotations

from typing import Any

from django import forms

from txplan.core.measures.model import Instrument
from txplan.web.measures.models import RiskOutcome


class AdministrationForm(forms.Form):
    administered_on = forms.DateField(
        label="Date given", widget=forms.DateInput(attrs={"type": "date"})
    )
    mode = forms.ChoiceField(
        choices=[
            ("items", "Responses item by item (the option the client marked on the form)"),
            ("scores", "Item scores already keyed (from a scoring key)"),
            ("total", "Total only"),
        ],
        initial="items",
        widget=forms.RadioSelect,
        label="Enter",
    )
    item_scores = forms.CharField(
        required=False,
        label="Item scores, already keyed",
        help_text="Comma-separated, item 1 first, as read from the scoring key; nothing is "
        "reversed.",
    )
    total = forms.FloatField(required=False, label="Total score")

    def __init__(self, *args: Any, instrument: Instrument, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.instrument = instrument
        low, high = instrument.range
        self.fields["total"].help_text = f"{low:g} to {high:g}"
        for item in instrument.items:
            # Item text only where the licence allows; otherwise the item's number and topic.
            words = item.text or item.topic
            label = f"Item {item.n}: {words}" if words else f"Item {item.n}"
            options = item.options or instrument.options
            if options:
                # Where items are reverse-keyed (EPDS, PSS-10) the value entered is the response's
                # position on the form, not its score; a number beside it would invite typing
                # the score, and a reversed risk item would then be missed.
                numbered = not instrument.scoring.reverse_items
                self.fields[f"item_{item.n}"] = forms.TypedChoiceField(
                    label=label,
                    choices=[
                        (o.value, f"{o.value} · {o.label}" if numbered else o.label)
                        for o in options
                    ],
                    coerce=int,
                    empty_value=None,  # unanswered is missing (named by the scorer), not ""
                    required=False,
                    widget=forms.RadioSelect,
                )
            else:
                scale = instrument.scale
                self.fields[f"item_{item.n}"] = forms.FloatField(
                    label=label,
                    required=False,
                    help_text=f"{scale.min:g}–{scale.max:g} {scale.unit}" if scale else "",
                )

    @property
    def convention(self) -> str:
        """Which convention each mode uses, in words, shown above the items."""
        keyed = self.instrument.scoring.reverse_items
        text = (
            "Item by item: pick the response the client marked, in the order printed on the "
            "form; the scoring key is applied here"
        )
        if keyed:
            items = ", ".join(str(n) for n in keyed)
            text += f" (items {items} are reverse-scored)"
        return text + (
            ". Item scores: type the scores already keyed, e.g. from a scoring key; nothing is "
            "reversed."
        )

    def keyed_scores(self) -> list[float | None]:
        """The "item scores" field as numbers; an empty place is a missing item."""
        out: list[float | None] = []
        raw = self.cleaned_data.get("item_scores") or ""
        for n, token in enumerate(raw.split(","), start=1):
            token = token.strip()
            if not token:
                out.append(None)
                continue
            try:
                value = float(token)
            except ValueError:
                raise forms.ValidationError(f"item {n}: {token!r} is not a number") from None
            out.append(int(value) if value == int(value) else value)
        return out

    def item_fields(self) -> list[forms.BoundField]:
        return [self[f"item_{item.n}"] for item in self.instrument.items]

    def answers(self) -> list[float | None]:
        return [self.cleaned_data.get(f"item_{item.n}") for item in self.instrument.items]


class RiskAssessmentForm(forms.Form):
    assessed_on = forms.DateField(
        label="Date of the risk assessment", widget=forms.DateInput(attrs={"type": "date"})
    )
    outcome = forms.ChoiceField(
        choices=RiskOutcome.choices, widget=forms.RadioSelect, label="Outcome"
    )
    safety_plan_reviewed = forms.ChoiceField(
        choices=[("yes", "Yes"), ("no", "No")],
        widget=forms.RadioSelect,
        label="Safety plan reviewed with the client",
    )
    note = forms.CharField(
        required=False,
        label="Note (optional)",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
