"""Administrations of standardized instruments (PHQ-9, GAD-7 …) for a client.

The score, band and flags are computed by ``txplan.core.measures`` when the administration is
recorded and stored with it, so the record shows what the clinician saw at the time.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Administration(models.Model):
    client = models.ForeignKey(
        "clients.Client", on_delete=models.PROTECT, related_name="administrations"
    )
    instrument = models.CharField(max_length=20)  # registry id: phq9, gad7, pcl5 …
    administered_on = models.DateField()
    answers = models.JSONField(null=True, blank=True)  # item answers, when given item by item
    # How the answers were entered: "responses" (options chosen, keyed by the scorer) or
    # "item_scores" (already keyed); "total" when only the total was recorded.
    entered_as = models.CharField(max_length=12, default="responses")
    item_scores = models.JSONField(null=True, blank=True)  # after keying, as scored
    total = models.FloatField()
    band = models.CharField(max_length=60, blank=True)
    flags = models.JSONField(default=list, blank=True)  # [{"item": 9, "code": …, "message": …}]
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["administered_on", "recorded_at"]
        indexes = [models.Index(fields=["client", "instrument", "administered_on"])]

    def __str__(self) -> str:
        return f"{self.name} {self.total:g} on {self.administered_on}"

    @property
    def name(self) -> str:
        return instrument_name(self.instrument)


class RiskOutcome(models.TextChoices):
    NO_CURRENT_RISK = "no_current_risk", "No current risk identified"
    LOW = "low", "Low risk"
    MODERATE = "moderate", "Moderate risk"
    HIGH = "high", "High risk (urgent action taken)"


class RiskFlag(models.Model):
    """A risk item endorsed on an administration (PHQ-9 item 9, EPDS item 10 …).

    It stays open — whatever later administrations score — until a clinician records a risk
    assessment: who, when, the outcome and whether the safety plan was reviewed. The
    assessment is kept here, with the flag it answers.
    """

    client = models.ForeignKey(
        "clients.Client", on_delete=models.PROTECT, related_name="risk_flags"
    )
    administration = models.ForeignKey(
        Administration, on_delete=models.PROTECT, related_name="risk_flags"
    )
    instrument = models.CharField(max_length=20)
    item = models.PositiveSmallIntegerField(null=True, blank=True)
    code = models.CharField(max_length=60)
    message = models.TextField()
    raised_on = models.DateField()  # the administration's date
    assessed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    assessed_on = models.DateField(null=True, blank=True)
    outcome = models.CharField(max_length=20, choices=RiskOutcome.choices, blank=True)
    safety_plan_reviewed = models.BooleanField(null=True, blank=True)
    assessment_note = models.TextField(blank=True)
    assessment_recorded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["raised_on", "pk"]
        indexes = [models.Index(fields=["client", "assessed_on"])]

    def __str__(self) -> str:
        state = "open" if self.is_open else f"assessed {self.assessed_on}"
        return f"{self.code} on {self.raised_on} ({state})"

    @property
    def is_open(self) -> bool:
        return self.assessed_on is None

    @property
    def name(self) -> str:
        return instrument_name(self.instrument)


def instrument_name(instrument_id: str) -> str:
    """The instrument's display name ("PHQ-9"), never the raw id, wherever one is shown."""
    from txplan.core.measures import registry

    try:
        return registry.get(instrument_id).short_name
    except registry.UnknownInstrument:
        return instrument_id
