from django.http import Http404, HttpRequest, HttpResponse

from txplan.web.accounts.auth import current_user
from txplan.web.clients.access import get_version


def signature_image(
    request: HttpRequest, plan_id: int, number: int, signature_id: int
) -> HttpResponse:
    """A drawn signature's PNG, for people whose caseload holds the plan; else 404."""
    version = get_version(current_user(request), plan_id, number)
    signature = version.signatures.filter(pk=signature_id, image__isnull=False).first()
    if signature is None or signature.image is None:
        raise Http404("No such signature image")
    response = HttpResponse(bytes(signature.image), content_type="image/png")
    # A signature is personal data: no shared or lasting cache copies.
    response["Cache-Control"] = "private, no-store"
    response["Content-Disposition"] = f'inline; filename="signature-{signature_id}.png"'
    return response
