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

    second_plan_reason = forms.CharField(
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        label="Why a second active plan",
        help_text="Only when the client already has an active plan, e.g. a separate episode "
        "of couples work alongside individual therapy.",
    )

    def __init__(self, *args: Any, client: Client, **kwargs: Any):
        from txplan.web.clients.discharge import active_plans

        super().__init__(*args, **kwargs)
        self.client = client
        # One active plan per client: a second one is created only with a stated reason.
        self.active_plans = list(active_plans(client))
        if not self.active_plans:
            del self.fields["second_plan_reason"]
        wanted = client.review_days or client.practice.default_review_days
        # The payer's interval, rounded down to one the drafter knows, so reviews are never late.
        self.fields["review_days"].initial = max([d for d in (30, 60, 90) if d <= wanted] or [30])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if self.client.discharged_on is not None:
            raise forms.ValidationError(
                f"{self.client} was discharged on {self.client.discharged_on:%b %-d, %Y}: "
                "re-admit the client (on the discharge page) before starting a new plan."
            )
        if self.active_plans and not data.get("second_plan_reason", "").strip():
            plan = self.active_plans[0]
            self.add_error(
                "second_plan_reason",
                f"{self.client} already has an active plan (“{plan.title}”, started "
                f"{plan.created_at:%b %-d, %Y}); amend it, or say why a second one is needed",
            )
        return data
