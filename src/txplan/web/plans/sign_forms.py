"""Forms for signing: the clinician's signature, the client's agreement, the co-signature.

A form checks what the person typed; the rules about the plan (who may sign, audit errors,
order of signatures) are the actions', so the API and the demo obey them too.

The password is re-entered with ``user.check_password`` and not ``authenticate()``: the user
is already logged in, and django-axes would count a mistyped re-entry as a failed login for
the whole site. Repeated wrong passwords are limited per session by the views instead.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.utils import timezone

from txplan.core.plan import SignatureMethod, SignerRole
from txplan.web.accounts.models import User
from txplan.web.errors import ActionError
from txplan.web.plans import signature_png
from txplan.web.plans.actions import CLINICIAN_ATTESTATION, SUPERVISOR_ATTESTATION
from txplan.web.plans.models import PlanVersion

WRONG_PASSWORD = "That is not your password. Nothing was signed."
CLIENT_VERBAL = "Client agreed verbally"  # the attestation of a typed_verbal agreement
CLIENT_DRAWN = "Client signed on screen to show agreement with this plan."
CLIENT_UNABLE = "The client's signature could not be obtained."


class _PasswordForm(forms.Form):
    """Re-entering the password is the act of signing: it shows the signer is present."""

    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    id_prefix = "sign"  # ids unique on the plan page, which holds several forms

    def __init__(self, *args: Any, user: User, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", f"{self.id_prefix}_%s")
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(WRONG_PASSWORD, code="wrong_password")
        return password

    @property
    def wrong_password(self) -> bool:
        return self.has_error("password", "wrong_password")


class SignForm(_PasswordForm):
    attest = forms.BooleanField(label=CLINICIAN_ATTESTATION)
    override_reason = forms.CharField(
        label="Why sign with audit errors outstanding?",
        required=False,  # required only when the audit finds errors; the action decides
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Kept with the signed version and shown on the plan.",
    )


class CosignForm(_PasswordForm):
    id_prefix = "cosign"
    attest = forms.BooleanField(label=SUPERVISOR_ATTESTATION)


class AgreementForm(forms.Form):
    """How the client (or guardian) agreed, in one of three ways; the signature pad fills
    ``image_data`` and picks ``drawn``; without JavaScript the typed choices remain."""

    method = forms.ChoiceField(
        label="How did the client agree?",
        widget=forms.RadioSelect,
        choices=[
            (SignatureMethod.DRAWN.value, "Signed on the pad"),
            (SignatureMethod.TYPED_VERBAL.value, "Agreed verbally (type their name)"),
            (SignatureMethod.UNABLE.value, "Could not be obtained"),
        ],
        initial=SignatureMethod.TYPED_VERBAL.value,
    )
    role = forms.ChoiceField(
        label="Who agreed?",
        widget=forms.RadioSelect,
        choices=[(SignerRole.CLIENT.value, "Client"), (SignerRole.GUARDIAN.value, "Guardian")],
        initial=SignerRole.CLIENT.value,
    )
    name = forms.CharField(label="Full name", max_length=200)
    agreed_on = forms.DateField(
        label="Date agreed",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    unable_reason = forms.CharField(
        label="Why not, and what was tried?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    image_data = forms.CharField(
        required=False,
        max_length=signature_png.MAX_DATA_URL_CHARS,
        widget=forms.HiddenInput,
    )

    def __init__(self, *args: Any, version: PlanVersion, **kwargs: Any) -> None:
        kwargs.setdefault("auto_id", "agree_%s")
        super().__init__(*args, **kwargs)
        self.version = version
        self.fields["agreed_on"].initial = timezone.localdate()

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        method = data.get("method")
        if method == SignatureMethod.DRAWN:
            try:
                data["image"] = signature_png.from_data_url(
                    data.get("image_data", ""), field="image_data"
                )
            except ActionError as exc:
                self.add_error("image_data", exc.message)
        elif method == SignatureMethod.TYPED_VERBAL:
            self._check_agreed_on(data.get("agreed_on"))
        elif method == SignatureMethod.UNABLE and not data.get("unable_reason", "").strip():
            self.add_error("unable_reason", "Say why the signature could not be obtained.")
        return data

    def _check_agreed_on(self, day: date | None) -> None:
        signed_day = timezone.localdate(self.version.signed_at) if self.version.signed_at else None
        if day is None:
            self.add_error("agreed_on", "Give the date the client agreed.")
        elif day > timezone.localdate():
            self.add_error("agreed_on", "The date cannot be in the future.")
        elif signed_day and day < signed_day:
            self.add_error("agreed_on", f"The plan was signed on {signed_day:%b %-d, %Y}.")

    def attestation(self) -> str:
        """What the signature row attests, in words a reader of the record understands."""
        method = self.cleaned_data["method"]
        if method == SignatureMethod.TYPED_VERBAL:
            day: date = self.cleaned_data["agreed_on"]
            return f"{CLIENT_VERBAL} on {day:%B %-d, %Y}."
        if method == SignatureMethod.DRAWN:
            return CLIENT_DRAWN
        return CLIENT_UNABLE
