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
        return f"{self.instrument} {self.total:g} on {self.administered_on}"
