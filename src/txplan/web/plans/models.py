"""Plans and their versions.

A version stores its document whole (the JSON of ``txplan.core.plan.Plan``) with a content
hash. Once the clinician signs, the version is frozen: the guards below refuse any change or
deletion through the ORM (actions, admin, API all come through here), and a seal (HMAC over
the content hash with the practice's secret key) lets ``integrity.check`` detect a direct
database edit.

Signatures are rows that each attest the content hash they signed, so a supervisor's
co-signature or the client's agreement can be added after the clinician signs without
changing the frozen document.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models

from txplan.core.plan import SignatureMethod, SignerRole
from txplan.web.errors import VersionLocked


class Plan(models.Model):
    client = models.ForeignKey("clients.Client", on_delete=models.PROTECT, related_name="plans")
    title = models.CharField(max_length=200, default="Treatment plan")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    created_at = models.DateTimeField(auto_now_add=True)
    # A seal over the plan, its client and the list of all its signature rows (see
    # ``integrity``): deleting or copying a signature row is detected even though no row of
    # a signed version changes. Rewritten each time a signature is added.
    signature_manifest = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.title} ({self.client})"

    def latest_version(self) -> PlanVersion | None:
        return self.versions.order_by("-number").first()

    def current_signed_version(self) -> PlanVersion | None:
        return self.versions.filter(status=VersionStatus.SIGNED).order_by("-number").first()


class VersionStatus(models.TextChoices):
    DRAFT = "draft", "Draft"  # being written; may be edited and saved
    SIGNED = "signed", "Signed"  # signed by the treating clinician; frozen for good


class VersionReason(models.TextChoices):
    INITIAL = "initial", "Initial plan"  # the first version of a plan
    AMENDMENT = "amendment", "Amendment"  # a change between reviews
    REVIEW = "review", "Review"  # the scheduled review (30–90 days)
    IMPORT = "import", "Import"  # brought in from a file


class PlanVersionQuerySet(models.QuerySet["PlanVersion"]):
    def update(self, **kwargs: Any) -> int:
        if self.filter(status=VersionStatus.SIGNED).exists():
            raise VersionLocked("a signed plan version cannot be changed")
        return super().update(**kwargs)

    def delete(self) -> tuple[int, dict[str, int]]:
        if self.filter(status=VersionStatus.SIGNED).exists():
            raise VersionLocked("a signed plan version cannot be deleted")
        return super().delete()


class PlanVersion(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField()
    status = models.CharField(
        max_length=10, choices=VersionStatus.choices, default=VersionStatus.DRAFT
    )
    reason = models.CharField(max_length=12, choices=VersionReason.choices)
    change_note = models.TextField(blank=True, help_text="Why this version was made.")
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True)
    document = models.JSONField()
    content_hash = models.CharField(max_length=64)
    # Optimistic lock: bumped on every save of a draft; a save naming an older value conflicts.
    lock = models.PositiveIntegerField(default=0)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    signed_at = models.DateTimeField(null=True, blank=True)
    seal = models.CharField(max_length=64, blank=True)
    # Signing a plan that still has audit errors needs a stated reason, kept with the version.
    override_reason = models.TextField(blank=True)
    # What the drafter said about a drafted version (why each area, warnings, what is left to
    # supply): tool text for the editor, kept beside the document and never inside it, so a
    # signed plan holds only clinical content. Empty for versions not drafted from the library.
    draft_notes = models.JSONField(default=dict, blank=True)

    objects = PlanVersionQuerySet.as_manager()

    class Meta:
        ordering = ["plan", "number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_version_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.plan} v{self.number} ({self.status})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        # The guard reads the stored row, not this object, so an in-memory change of status
        # cannot unlock a signed version.
        if self.pk and PlanVersion.objects.filter(pk=self.pk, status=VersionStatus.SIGNED).exists():
            raise VersionLocked(f"version {self.number} is signed and cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        if self.pk and PlanVersion.objects.filter(pk=self.pk, status=VersionStatus.SIGNED).exists():
            raise VersionLocked(f"version {self.number} is signed and cannot be deleted")
        return super().delete(*args, **kwargs)

    @property
    def is_signed(self) -> bool:
        return self.status == VersionStatus.SIGNED


class VersionSignature(models.Model):
    version = models.ForeignKey(PlanVersion, on_delete=models.PROTECT, related_name="signatures")
    role = models.CharField(max_length=12, choices=[(r.value, r.name.title()) for r in SignerRole])
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    name = models.CharField(max_length=200)
    credentials = models.CharField(max_length=60, blank=True)
    signed_at = models.DateTimeField()
    method = models.CharField(
        max_length=14, choices=[(m.value, m.name.title()) for m in SignatureMethod]
    )
    attestation = models.TextField()
    unable_reason = models.TextField(blank=True)
    # A signature drawn on screen (method "drawn"): PNG bytes, validated and re-encoded by
    # ``signature_png.clean_png``; its SHA-256 is part of the sealed message, so swapping the
    # image in the database is detected like any other edit.
    image = models.BinaryField(null=True, blank=True)
    content_hash = models.CharField(max_length=64)  # what was signed
    seal = models.CharField(max_length=64)

    class Meta:
        ordering = ["signed_at"]
        constraints = [
            models.UniqueConstraint(fields=["version", "role"], name="one_signature_per_role")
        ]

    def __str__(self) -> str:
        return f"{self.role} signature on {self.version}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if self.pk:
            raise VersionLocked("a signature cannot be changed once given")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise VersionLocked("a signature cannot be deleted")
