import json

from django.http import HttpRequest, HttpResponse

from txplan.web.clients.access import get_version
from txplan.web.plans.queries import export_document


def version_json(request: HttpRequest, plan_id: int, number: int) -> HttpResponse:
    """The version's document, with its signatures, as the JSON that `txplan plan validate` reads."""
    version = get_version(request.user, plan_id, number)  # type: ignore[arg-type]
    response = HttpResponse(
        json.dumps(export_document(version), indent=2, ensure_ascii=False),
        content_type="application/json",
    )
    response["Content-Disposition"] = f'attachment; filename="plan-{plan_id}-v{number}.json"'
    return response
