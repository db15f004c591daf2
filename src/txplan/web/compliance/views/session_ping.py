from django.http import HttpRequest, JsonResponse

from txplan.web.compliance import policy


def session_ping(request: HttpRequest) -> JsonResponse:
    """'Stay logged in': any request counts as activity; this one only says so."""
    return JsonResponse({"idle_seconds": policy.idle_seconds()})
