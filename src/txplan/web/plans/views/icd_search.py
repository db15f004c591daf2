from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from txplan.core import icd10


def icd_search(request: HttpRequest) -> HttpResponse:
    """ICD-10-CM search for the editor (htmx): billable F and Z codes matching the words."""
    query = request.GET.get("icd_q", "")
    results = icd10.search(query, limit=12, chapters="FZ") if len(query.strip()) >= 2 else []
    return render(request, "plans/_icd_results.html", {"icd_results": results, "query": query})
