"""Forms for plan pages. Validation of the plan itself lives in the core and the actions."""

from __future__ import annotations

from typing import Any

from django import forms

from txplan.web.clients.models import Client

APPROACHES = [
    ("", "No preference"),
    ("CBT", "CBT"),
    ("behavioural activation", "Behavioural activation"),
    ("ACT", "ACT"),
    ("DBT skills", "DBT skills"),
    ("CPT", "Cognitive Processing Therapy"),
    ("prolonged exposure", "Prolonged exposure"),
    ("EMDR", "EMDR"),
    ("ERP", "Exposure and response prevention"),
    ("IPT", "Interpersonal therapy"),
    ("motivational interviewing", "Motivational interviewing"),
    ("problem-solving therapy", "Problem-solving therapy"),
    ("CBT-I", "CBT for insomnia"),
    ("family therapy", "Family therapy"),
    ("parent management training", "Parent management training"),
]


class NewPlanForm(forms.Form):
    mode = forms.ChoiceField(
        choices=[("draft", "Draft from the library"), ("blank", "Start blank")],
        initial="draft",
        widget=forms.RadioSelect,
    )
    presenting_problem = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=4000,
        help_text="In functional terms: situations, people, what the client can no longer do.",
    )
    client_words = forms.CharField(
        required=False, max_length=600, label="The client's own words for what they want"
    )
    strengths = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2}), help_text="One per line."
    )
    approach = forms.ChoiceField(choices=APPROACHES, required=False, label="Preferred approach")
    review_days = forms.TypedChoiceField(
        choices=[(30, "30 days"), (60, "60 days"), (90, "90 days")],
        coerce=int,
        label="Payer review interval",
    )

    def __init__(self, *args: Any, client: Client, **kwargs: Any):
        super().__init__(*args, **kwargs)
        wanted = client.review_days or client.practice.default_review_days
        # The payer's interval, rounded down to one the drafter knows, so reviews are never late.
        self.fields["review_days"].initial = max([d for d in (30, 60, 90) if d <= wanted] or [30])
