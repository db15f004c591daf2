from dataclasses import dataclass, field
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from txplan.core.diff import ElementDiff, diff_plans
from txplan.core.document import parse_plan
from txplan.web.accounts.auth import current_user
from txplan.web.clients.access import get_plan, get_version


def version_diff(request: HttpRequest, plan_id: int) -> HttpResponse:
    """Two versions of a plan side by side: ``?a=N&b=M`` (by default the previous version
    against the latest), with what was added, removed and changed, statement by statement."""
    user = current_user(request)
    # Scoped first, so someone outside the caseload gets 404 whatever the query says.
    plan = get_plan(user, plan_id)
    versions = list(plan.versions.select_related("created_by").order_by("number"))
    numbers = [v.number for v in versions]
    context: dict[str, Any] = {"plan": plan, "client": plan.client, "versions": versions}

    defaults = {"a": numbers[-2] if len(numbers) > 1 else numbers[-1], "b": numbers[-1]}
    chosen: dict[str, int] = {}
    for key, label in (("a", "older"), ("b", "newer")):
        raw = request.GET.get(key, "").strip()
        if not raw:
            chosen[key] = defaults[key]
        elif not raw.isdigit():
            context["error"] = (
                f"The {label} version ({key}={raw!r}) is not a version number; "
                "choose one from the list."
            )
            return render(request, "plans/diff.html", context | defaults, status=400)
        elif int(raw) not in numbers:
            context["error"] = (
                f"This plan has no version {int(raw)} (the {label} choice); it has versions "
                f"{', '.join(str(n) for n in numbers)}."
            )
            return render(request, "plans/diff.html", context | defaults, status=404)
        else:
            chosen[key] = int(raw)

    # The plan load above logged this access; the two versions are part of the same view.
    old = get_version(user, plan_id, chosen["a"], log=False)
    new = get_version(user, plan_id, chosen["b"], log=False)
    diff = diff_plans(parse_plan(old.document), parse_plan(new.document))
    context |= {
        "a": old.number,
        "b": new.number,
        "old": old,
        "new": new,
        "diff": diff,
        "rows": tree_rows(diff.problems),
    }
    return render(request, "plans/diff.html", context)


@dataclass
class Row:
    """One statement of the merged tree, flattened so one template block draws every level."""

    node: ElementDiff
    depth: int
    collapse: bool  # nothing beneath changed: its children go in a closed <details>
    closes: list[bool] = field(default_factory=list)  # levels ending here, innermost first;
    # True where that level was a collapsed one (its <details> must close too)


def tree_rows(problems: tuple[ElementDiff, ...]) -> list[Row]:
    rows: list[Row] = []

    def visit(nodes: tuple[ElementDiff, ...], depth: int, hidden: bool) -> None:
        for node in nodes:
            # Only the top of an unchanged subtree collapses; inside it, nothing folds again.
            collapse = bool(node.children) and not hidden and not node.has_changes
            rows.append(Row(node, depth, collapse))
            if node.children:
                visit(node.children, depth + 1, hidden or collapse)
                rows[-1].closes.append(collapse)

    visit(problems, 0, False)
    return rows
