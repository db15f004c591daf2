"""The recording form, built from the instrument registry: one field per item, or a total."""

from __future__ import annotations

from typing import Any

from django import forms

from txplan.core.measures.model import Instrument


class AdministrationForm(forms.Form):
    administered_on = forms.DateField(
        label="Date given", widget=forms.DateInput(attrs={"type": "date"})
    )
    mode = forms.ChoiceField(
        choices=[("items", "Item by item"), ("total", "Total only")],
        initial="items",
        widget=forms.RadioSelect,
        label="Enter",
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

    def item_fields(self) -> list[forms.BoundField]:
        return [self[f"item_{item.n}"] for item in self.instrument.items]

    def answers(self) -> list[float | None]:
        return [self.cleaned_data.get(f"item_{item.n}") for item in self.instrument.items]
