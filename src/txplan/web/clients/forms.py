"""Forms for intake, diagnoses and discharge. They parse input; the actions decide what is
allowed and name the field when they refuse."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils import timezone

from txplan.web.accounts.models import Practice, Role, User
from txplan.web.clients.actions import ClientDetails
from txplan.web.clients.discharge import Outcome
from txplan.web.clients.models import Client, DischargeReason, Payer, Sex
from txplan.web.clients.queries import ADULT_AGE, age_on

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class ClinicianChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.display_name())


class IntakeForm(forms.Form):
    first_name = forms.CharField(max_length=80, label="Legal first name")
    last_name = forms.CharField(max_length=80, label="Legal last name")
    preferred_name = forms.CharField(max_length=80, required=False, label="Preferred name")
    pronouns = forms.CharField(
        max_length=40, required=False, help_text="As the client gives them, e.g. she/her."
    )
    sex = forms.ChoiceField(choices=Sex.choices, initial=Sex.UNKNOWN, label="Sex on record")
    date_of_birth = forms.DateField(required=False, widget=DATE, label="Date of birth")
    phone = forms.CharField(max_length=40, required=False)
    email = forms.EmailField(required=False)
    address = forms.CharField(required=False, widget=forms.Textarea(attrs={"rows": 2}))
    record_number = forms.CharField(max_length=40, required=False, label="Record number")
    intake_date = forms.DateField(widget=DATE, label="Intake date")
    payer = forms.ModelChoiceField(queryset=Payer.objects.none(), required=False)
    clinician = ClinicianChoice(queryset=User.objects.none(), label="Assigned clinician")
    guardian_name = forms.CharField(max_length=160, required=False, label="Guardian's name")
    guardian_relationship = forms.CharField(
        max_length=60, required=False, label="Relationship to the client"
    )
    guardian_phone = forms.CharField(max_length=40, required=False, label="Guardian's phone")
    guardian_email = forms.EmailField(required=False, label="Guardian's email")

    GUARDIAN = ("guardian_name", "guardian_relationship", "guardian_phone", "guardian_email")

    def __init__(
        self, *args: Any, practice: Practice, by: User, client: Client | None = None, **kw: Any
    ):
        if client is not None and not args and "initial" not in kw:
            kw["initial"] = {
                **{name: getattr(client, name) for name in self.base_fields},
                "payer": client.payer_id,
                "clinician": client.clinician_id,
            }
        super().__init__(*args, **kw)
        self.fields["intake_date"].initial = self.fields["intake_date"].initial or (
            timezone.localdate()
        )
        payers = Payer.objects.filter(practice=practice)
        cast(forms.ModelChoiceField, self.fields["payer"]).queryset = (
            payers.filter(active=True) | payers.filter(pk=client.payer_id)
            if client is not None and client.payer_id
            else payers.filter(active=True)
        )
        staff = User.objects.filter(practice=practice, is_active=True).exclude(role=Role.ADMIN)
        field = cast(forms.ModelChoiceField, self.fields["clinician"])
        if by.role == Role.ADMIN:
            field.queryset = staff.order_by("last_name", "first_name")
        else:
            # A clinician takes a client onto their own caseload; an administrator assigns.
            field.queryset = User.objects.filter(
                pk=client.clinician_id if client is not None else by.pk
            )
            field.initial = client.clinician_id if client is not None else by.pk
            field.disabled = True
            field.help_text = "An administrator assigns a client to another clinician."

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        born = data.get("date_of_birth")
        if born is not None and age_on(born, timezone.localdate()) < ADULT_AGE:
            for name in ("guardian_name", "guardian_relationship"):
                if not data.get(name, "").strip():
                    self.add_error(name, "is required for a client under 18")
        return data

    def details(self) -> ClientDetails:
        data = self.cleaned_data
        names = [f for f in ClientDetails.__dataclass_fields__ if f in data]
        details = ClientDetails(**{name: data[name] for name in names})
        return details


class DiagnosisForm(forms.Form):
    code = forms.CharField(
        max_length=12,
        label="ICD-10-CM code",
        help_text="A billable code such as F41.1; search below by words.",
    )
    primary = forms.BooleanField(required=False, label="Primary diagnosis")


class ResolveForm(forms.Form):
    resolved_on = forms.DateField(widget=DATE, label="Resolved on")


class StartDischargeForm(forms.Form):
    discharged_on = forms.DateField(widget=DATE, label="Discharge date")
    reason = forms.ChoiceField(choices=[("", "Choose…"), *DischargeReason.choices])
    reason_detail = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 2}), label="Details"
    )


class DischargeSummaryForm(StartDischargeForm):
    course = forms.CharField(
        required=False, widget=forms.Textarea(attrs={"rows": 3}), label="Course of treatment"
    )
    recommendations = forms.CharField(widget=forms.Textarea(attrs={"rows": 4}))

    def __init__(self, *args: Any, objectives: list[dict[str, Any]], **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.objectives = objectives
        for item in objectives:
            self.fields[f"outcome_{item['id']}"] = forms.ChoiceField(
                choices=Outcome.CHOICES,
                initial=item["outcome"],
                label=item["text"],
                widget=forms.RadioSelect,
            )

    def outcome_fields(self) -> list[tuple[dict[str, Any], forms.BoundField]]:
        return [(item, self[f"outcome_{item['id']}"]) for item in self.objectives]

    def outcomes(self) -> dict[str, str]:
        return {item["id"]: self.cleaned_data[f"outcome_{item['id']}"] for item in self.objectives}


class PasswordForm(forms.Form):
    """Re-entering the password is the act of signing: it shows the signer is present."""

    password = forms.CharField(
        label="Your password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args: Any, user: User, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password. Nothing was signed.")
        return password
