import json

from django.http import HttpRequest, HttpResponse

from txplan.web.accounts.auth import current_user
from txplan.web.clients.access import get_version
from txplan.web.compliance.actions import record_disclosure
from txplan.web.plans.export import export_document


def version_json(request: HttpRequest, plan_id: int, number: int) -> HttpResponse:
    """The version's document with its signatures: the JSON `txplan plan validate` reads."""
    version = get_version(current_user(request), plan_id, number)
    body = json.dumps(export_document(version), indent=2, ensure_ascii=False)
    # A direct download is a disclosure too (recorded once the export passed its integrity
    # check); the "Export or print" form asks for the recipient and purpose.
    record_disclosure(
        version=version,
        by=current_user(request),
        kind="export",
        recipient="the user's own download",
        purpose="not stated (direct download)",
    )
    response = HttpResponse(body, content_type="application/json")
    response["Content-Disposition"] = f'attachment; filename="plan-{plan_id}-v{number}.json"'
    return response
