from __future__ import annotations

from django import forms

from txplan.web.compliance.models import Action


class TokenForm(forms.Form):
    token = forms.CharField(
        label="Code",
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text"}),
        help_text="The 6-digit code your authenticator app shows, or one of your recovery codes.",
    )


class EmergencyForm(forms.Form):
    record_number = forms.CharField(label="Client record number", max_length=40)
    last_name = forms.CharField(label="Client last name", max_length=80)
    reason = forms.CharField(
        label="Why you need this record now",
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Shown to the practice administrator with your name and the time.",
    )


class AmendmentRequestForm(forms.Form):
    received_on = forms.DateField(
        label="Received on", widget=forms.DateInput(attrs={"type": "date"})
    )
    requested_by = forms.CharField(label="Requested by (client or guardian)", max_length=200)
    request = forms.CharField(
        label="What they ask to change, and why", widget=forms.Textarea(attrs={"rows": 3})
    )


class AmendmentDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("accepted", "Accept"), ("denied", "Deny")], widget=forms.RadioSelect
    )
    reason = forms.CharField(
        label="Reason (required to deny; given to the client)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    version = forms.ChoiceField(label="Plan version that makes the change", required=False)

    def __init__(self, *args: object, versions: list[tuple[str, str]], **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["version"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "—"), *versions]


class DisclosureForm(forms.Form):
    kind = forms.ChoiceField(
        label="How",
        choices=[("export", "Download the plan file (JSON)"), ("print", "Print the plan page")],
        widget=forms.RadioSelect,
        initial="export",
    )
    recipient = forms.CharField(
        label="Recipient", max_length=200, help_text="Who receives it: a person or organisation."
    )
    purpose = forms.CharField(
        label="Purpose", max_length=300, help_text="e.g. payer review, the client's own copy."
    )


class AuditFilterForm(forms.Form):
    user = forms.CharField(label="User", required=False, max_length=150)
    client = forms.CharField(label="Client (record number or id)", required=False, max_length=40)
    action = forms.ChoiceField(label="Action", required=False)
    date_from = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: object, **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        field = self.fields["action"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [("", "Any"), *Action.choices]

    def clean(self) -> dict[str, object]:
        data = super().clean() or {}
        start, end = data.get("date_from"), data.get("date_to")
        if start and end and end < start:
            self.add_error("date_to", "must not be before the From date")
        return data
