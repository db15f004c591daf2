"""What the signing cards on a plan page show, decided from the page's context and the user.

The plan page's view is shared with other features; rather than widen it, the include asks
this tag. A refused POST puts its bound form in the context (``sign_form``, ``agreement_form``,
``cosign_form``) and the card shows it with its errors; otherwise the card gets a fresh form.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import template
from django.utils import timezone

from txplan.core.audit.findings import Finding
from txplan.core.plan import SignerRole
from txplan.web.accounts.models import User
from txplan.web.plans.actions import blocking_errors
from txplan.web.plans.sign_forms import AgreementForm, CosignForm, SignForm
from txplan.web.plans.signing_queue import waiting_versions

register = template.Library()

_CLIENT_ROLES = (SignerRole.CLIENT, SignerRole.GUARDIAN)


@dataclass
class SigningState:
    can_sign: bool  # the treating clinician, on a draft
    blocking: list[Finding]  # errors the plan would have once signed: signing needs a reason
    can_record_agreement: bool  # the treating clinician, signed, no client agreement yet
    can_cosign: bool  # the clinician's supervisor, signed, not co-signed yet
    sign_form: SignForm | None
    agreement_form: AgreementForm | None
    cosign_form: CosignForm | None


@register.simple_tag(takes_context=True)
def signing_state(context: template.Context) -> SigningState:
    user = context.get("user")
    version = context.get("version")
    if not isinstance(user, User) or version is None:
        return SigningState(False, [], False, False, None, None, None)
    clinician = version.plan.client.clinician
    signatures = context.get("signatures") or []
    treating = clinician.pk == user.pk
    can_sign = treating and not version.is_signed
    can_record = (
        treating and version.is_signed and not any(s.role in _CLIENT_ROLES for s in signatures)
    )
    can_cosign = bool(context.get("needs_cosign")) and clinician.supervisor_id == user.pk
    forms: dict[str, Any] = {}
    if can_sign:
        forms["sign_form"] = context.get("sign_form") or SignForm(user=user)
    if can_record:
        forms["agreement_form"] = context.get("agreement_form") or AgreementForm(
            version=version,
            initial={"name": f"{version.plan.client.first_name} {version.plan.client.last_name}"},
        )
    if can_cosign:
        forms["cosign_form"] = context.get("cosign_form") or CosignForm(user=user)
    return SigningState(
        can_sign=can_sign,
        # Judged as signed, not as a draft: see actions.blocking_errors.
        blocking=blocking_errors(version, timezone.localdate()) if can_sign else [],
        can_record_agreement=can_record,
        can_cosign=can_cosign,
        sign_form=forms.get("sign_form"),
        agreement_form=forms.get("agreement_form"),
        cosign_form=forms.get("cosign_form"),
    )


@register.simple_tag
def cosign_queue_count(user: Any) -> int:
    """For the nav: how many versions wait for this supervisor's co-signature."""
    return waiting_versions(user).count() if isinstance(user, User) else 0
