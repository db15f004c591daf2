"""Clients: only what a plan needs. Every fixture and the demo practice are synthetic."""

from __future__ import annotations

from django.conf import settings
from django.db import models


class Client(models.Model):
    practice = models.ForeignKey("accounts.Practice", on_delete=models.PROTECT)
    clinician = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="clients"
    )
    first_name = models.CharField(max_length=80)
    last_name = models.CharField(max_length=80)
    date_of_birth = models.DateField(null=True, blank=True)
    record_number = models.CharField(max_length=40, blank=True)
    payer = models.CharField(max_length=120, blank=True)
    # The payer's required review interval; falls back to the practice default.
    review_days = models.PositiveSmallIntegerField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["last_name", "first_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["practice", "record_number"],
                condition=~models.Q(record_number=""),
                name="client_record_number_unique_in_practice",
            )
        ]

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"


class ClientDiagnosis(models.Model):
    client = models.ForeignKey(Client, on_delete=models.CASCADE, related_name="diagnoses")
    code = models.CharField(max_length=10)
    description = models.CharField(max_length=300)
    primary = models.BooleanField(default=False)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-primary", "code"]
        constraints = [
            models.UniqueConstraint(fields=["client", "code"], name="client_diagnosis_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.description}"
