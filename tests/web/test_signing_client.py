"""The client's agreement to a signed plan version: drawn on the signature pad (stored as a
PNG, sealed, served only inside the caseload), typed after verbal agreement, or the reason it
could not be obtained. Same access trio and CSRF checks as tests/web/test_signing.py.
"""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from tests.web.conftest import START, World, at
from tests.web.signing_helpers import (
    agreement_post,
    client_signatures,
    data_url,
    drawing,
    fresh,
    http_as,
    redate,
    sign_post,
    text,
    url,
)
from tests.web.tamper import without_triggers
from txplan.core.plan import SignatureMethod, SignerRole
from txplan.web.errors import ActionError
from txplan.web.plans import actions as plans
from txplan.web.plans import integrity
from txplan.web.plans.models import PlanVersion, VersionSignature

pytestmark = pytest.mark.django_db


@pytest.fixture
def clean_draft(world: World) -> PlanVersion:
    """A draft the audit finds no errors in today."""
    return redate(world.version, 56)


# --- the client's agreement ----------------------------------------------------------------


def test_a_typed_verbal_agreement_is_recorded_with_the_date(
    world: World, signed: PlanVersion
) -> None:
    today = timezone.localdate()
    response = http_as(world.owner).post(url("plan_client_agreement", signed), agreement_post())
    assert response.status_code == 302
    [signature] = client_signatures(signed)
    assert signature.method == SignatureMethod.TYPED_VERBAL
    assert signature.name == "Robin Synthetic" and signature.image is None
    assert signature.attestation == f"Client agreed verbally on {today:%B %-d, %Y}."
    assert integrity.check(fresh(signed)) == []


def test_a_verbal_agreement_dated_in_the_future_is_refused(
    world: World, signed: PlanVersion
) -> None:
    tomorrow = timezone.localdate() + timedelta(days=1)
    response = http_as(world.owner).post(
        url("plan_client_agreement", signed), agreement_post(agreed_on=tomorrow.isoformat())
    )
    assert response.status_code == 200 and "cannot be in the future" in text(response)
    assert client_signatures(signed) == []


def test_could_not_be_obtained_needs_a_reason(world: World, signed: PlanVersion) -> None:
    http = http_as(world.owner)
    refused = http.post(url("plan_client_agreement", signed), agreement_post(method="unable"))
    assert refused.status_code == 200
    assert "Say why the signature could not be obtained" in text(refused)
    assert client_signatures(signed) == []
    reason = "Telehealth session; a copy was mailed twice with no reply."
    http.post(
        url("plan_client_agreement", signed), agreement_post(method="unable", unable_reason=reason)
    )
    [signature] = client_signatures(signed)
    assert (signature.method, signature.unable_reason) == (SignatureMethod.UNABLE, reason)


def test_a_drawn_signature_is_stored_and_shown_on_the_plan(
    world: World, signed: PlanVersion
) -> None:
    http = http_as(world.owner)
    response = http.post(
        url("plan_client_agreement", signed),
        agreement_post(method="drawn", image_data=data_url(drawing())),
    )
    assert response.status_code == 302
    [signature] = client_signatures(signed)
    assert signature.method == SignatureMethod.DRAWN and signature.image is not None
    stored = bytes(signature.image)
    assert Image.open(io.BytesIO(stored)).format == "PNG"
    image_url = url("plan_signature_image", signed, signature.pk)
    assert f'src="{image_url}"' in text(http.get(url("plan_version", signed)))
    served = http.get(image_url)
    assert served.status_code == 200 and served["Content-Type"] == "image/png"
    assert served.content == stored
    assert integrity.check(fresh(signed)) == []


def test_swapping_a_drawn_signature_image_is_detected(world: World, signed: PlanVersion) -> None:
    http_as(world.owner).post(
        url("plan_client_agreement", signed),
        agreement_post(method="drawn", image_data=data_url(drawing())),
    )
    [signature] = client_signatures(signed)
    # A direct database edit: the queryset update bypasses the model's save guard.
    with without_triggers():  # the database's owner can drop them; the seal still tells
        VersionSignature.objects.filter(pk=signature.pk).update(image=drawing((320, 100)))
    problems = integrity.check(fresh(signed))
    assert problems == ["the client signature's seal does not match"]
    page = text(http_as(world.owner).get(url("plan_version", signed)))
    assert "Integrity check failed" in page


def test_removing_a_drawn_signature_image_is_detected(world: World, signed: PlanVersion) -> None:
    http_as(world.owner).post(
        url("plan_client_agreement", signed),
        agreement_post(method="drawn", image_data=data_url(drawing())),
    )
    with without_triggers():  # the database's owner can drop them; the seal still tells
        VersionSignature.objects.filter(role=SignerRole.CLIENT).update(image=None)
    assert integrity.check(fresh(signed)) == ["the client signature's seal does not match"]


@pytest.mark.parametrize(
    ("image_data", "problem"),
    [
        ("", "expected a PNG drawn on the signature pad"),
        ("data:image/png;base64,bm90IGEgcG5n", "not a readable PNG image"),
        (data_url(b"GIF89a" + bytes(40)), "not a readable PNG image"),
        (data_url(drawing((2400, 100))), "at most 2000×1000"),
    ],
)
def test_a_drawing_that_is_not_a_usable_png_is_refused(
    world: World, signed: PlanVersion, image_data: str, problem: str
) -> None:
    response = http_as(world.owner).post(
        url("plan_client_agreement", signed),
        agreement_post(method="drawn", image_data=image_data),
    )
    assert response.status_code == 200 and problem in text(response)
    assert client_signatures(signed) == []


def test_an_untouched_signature_pad_is_refused(world: World, signed: PlanVersion) -> None:
    blank = io.BytesIO()
    Image.new("RGB", (600, 200), "white").save(blank, format="PNG")
    with pytest.raises(ActionError, match="pad is empty") as caught:
        plans.record_client_signature(
            version=signed,
            by=world.owner,
            name="Robin Synthetic",
            at=timezone.now(),
            method=SignatureMethod.DRAWN,
            attestation="Client signed on screen.",
            image=blank.getvalue(),
        )
    assert caught.value.field == "image"


def test_a_drawing_over_200_kb_is_refused(world: World, signed: PlanVersion) -> None:
    with pytest.raises(ActionError, match="larger than 200 KB"):
        plans.record_client_signature(
            version=signed,
            by=world.owner,
            name="Robin Synthetic",
            at=timezone.now(),
            method=SignatureMethod.DRAWN,
            attestation="Client signed on screen.",
            image=drawing() + bytes(200 * 1024),
        )
    assert client_signatures(signed) == []


def test_the_client_agreement_card_appears_once_the_clinician_has_signed(
    world: World, clean_draft: PlanVersion
) -> None:
    http = http_as(world.owner)
    agreement = url("plan_client_agreement", clean_draft)
    assert agreement not in text(http.get(url("plan_version", clean_draft)))
    http.post(url("plan_sign", clean_draft), sign_post())
    page = text(http.get(url("plan_version", clean_draft)))
    assert agreement in page and "signature-pad.js" in page
    # Without the script the drawn choice stays hidden: the typed choices work alone.
    assert "hidden data-needs-script" in page


def test_the_supervisor_cannot_record_the_clients_agreement(
    world: World, signed: PlanVersion
) -> None:
    response = http_as(world.supervisor).post(
        url("plan_client_agreement", signed), agreement_post()
    )
    assert response.status_code == 403
    assert client_signatures(signed) == []


def test_an_unrelated_clinician_gets_404_recording_an_agreement(
    world: World, signed: PlanVersion
) -> None:
    response = http_as(world.stranger).post(url("plan_client_agreement", signed), agreement_post())
    assert response.status_code == 404
    assert client_signatures(signed) == []


def test_an_anonymous_visitor_recording_an_agreement_is_sent_to_login(
    world: World, signed: PlanVersion
) -> None:
    response = http_as(None).post(url("plan_client_agreement", signed), agreement_post())
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    assert client_signatures(signed) == []


def test_recording_an_agreement_requires_a_csrf_token(world: World, signed: PlanVersion) -> None:
    response = http_as(world.owner, csrf=True).post(
        url("plan_client_agreement", signed), agreement_post()
    )
    assert response.status_code == 403
    assert client_signatures(signed) == []


def test_a_draft_takes_no_client_agreement(world: World, clean_draft: PlanVersion) -> None:
    response = http_as(world.owner).post(
        url("plan_client_agreement", clean_draft), agreement_post()
    )
    assert response.status_code == 200
    assert "the clinician signs first" in text(response)
    assert client_signatures(clean_draft) == []


# --- the drawn signature's image -----------------------------------------------------------


@pytest.fixture
def drawn(world: World, signed: PlanVersion) -> VersionSignature:
    return plans.record_client_signature(
        version=signed,
        by=world.owner,
        name="Robin Synthetic",
        at=at(START, 11),
        method=SignatureMethod.DRAWN,
        attestation="Client signed on screen.",
        image=drawing(),
    )


def test_the_owner_and_the_supervisor_can_open_a_drawn_signature(
    world: World, drawn: VersionSignature
) -> None:
    image_url = url("plan_signature_image", drawn.version, drawn.pk)
    for user in (world.owner, world.supervisor):
        response = http_as(user).get(image_url)
        assert response.status_code == 200, user.username
        assert response["Cache-Control"] == "private, no-store"


def test_a_drawn_signature_is_404_outside_the_caseload(
    world: World, drawn: VersionSignature
) -> None:
    image_url = url("plan_signature_image", drawn.version, drawn.pk)
    for user in (world.stranger, world.outsider):
        assert http_as(user).get(image_url).status_code == 404, user.username


def test_an_anonymous_visitor_asking_for_a_signature_image_is_sent_to_login(
    world: World, drawn: VersionSignature
) -> None:
    response = http_as(None).get(url("plan_signature_image", drawn.version, drawn.pk))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


def test_a_signature_without_an_image_is_404(world: World, signed: PlanVersion) -> None:
    clinician = signed.signatures.get(role=SignerRole.CLINICIAN)
    response = http_as(world.owner).get(url("plan_signature_image", signed, clinician.pk))
    assert response.status_code == 404


def test_a_client_agreement_cannot_predate_the_clinicians_signature(
    world: World, signed: PlanVersion
) -> None:
    with pytest.raises(ActionError) as caught:
        plans.record_client_signature(
            version=signed,
            by=world.owner,
            name="Robin Synthetic",
            at=at(START, 9),
            method=SignatureMethod.TYPED_VERBAL,
            attestation="Client agreed verbally.",
        )
    assert caught.value.field == "at"
