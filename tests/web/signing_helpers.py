"""Helpers shared by the signing tests: documents dated relative to today, drawings, posts."""

from __future__ import annotations

import base64
import html
import io
from datetime import timedelta
from typing import Any

import pytest
from django.test import Client as HttpClient
from django.urls import reverse
from django.utils import timezone
from PIL import Image, ImageDraw

from tests.web.conftest import PASSWORD, sample_document
from txplan.core.document import to_data
from txplan.core.plan import SignerRole
from txplan.web.accounts.models import User
from txplan.web.plans import actions as plans
from txplan.web.plans.models import PlanVersion, VersionSignature

pytestmark = pytest.mark.django_db


def dated_document(target_offset_days: int) -> dict[str, Any]:
    """The sample plan established today, its objective due ``target_offset_days`` from now
    (negative: already past, which the audit reports as an error)."""
    today = timezone.localdate()
    data = to_data(sample_document(today))
    objective = data["problems"][0]["goals"][0]["objectives"][0]
    objective["target_date"] = (today + timedelta(days=target_offset_days)).isoformat()
    data["next_review_date"] = (today + timedelta(days=90)).isoformat()
    return data


def redate(version: PlanVersion, target_offset_days: int) -> PlanVersion:
    return plans.save_draft(
        version=version,
        by=version.created_by,
        document=dated_document(target_offset_days),
        lock=version.lock,
    )


def drawing(size: tuple[int, int] = (300, 100)) -> bytes:
    image = Image.new("RGB", size, "white")
    ImageDraw.Draw(image).line([(10, 80), (120, 20), (290, 70)], fill="black", width=3)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


def data_url(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode()


def text(response: Any) -> str:
    """The page as a reader sees it: entities such as &#x27; turned back into characters."""
    return html.unescape(response.content.decode())


def http_as(user: User | None, *, csrf: bool = False) -> HttpClient:
    http = HttpClient(enforce_csrf_checks=csrf)
    if user is not None:
        http.force_login(user)
    return http


def url(name: str, version: PlanVersion, *extra: int) -> str:
    return reverse(name, args=[version.plan_id, version.number, *extra])


def sign_post(password: str = PASSWORD, **extra: str) -> dict[str, str]:
    return {"password": password, "attest": "on", **extra}


def agreement_post(**extra: str) -> dict[str, str]:
    return {
        "role": "client",
        "name": "Robin Synthetic",
        "method": "typed_verbal",
        "agreed_on": timezone.localdate().isoformat(),
        **extra,
    }


def client_signatures(version: PlanVersion) -> list[VersionSignature]:
    return list(version.signatures.filter(role__in=[SignerRole.CLIENT, SignerRole.GUARDIAN]))


def fresh(version: PlanVersion) -> PlanVersion:
    return PlanVersion.objects.get(pk=version.pk)
