"""Read-side helpers: a client's administrations, and each measured objective's progress."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.utils.safestring import SafeString, mark_safe

from txplan.core.measures import registry
from txplan.core.measures.change import ChangeResult, classify_series
from txplan.core.measures.chart import chart_svg
from txplan.core.measures.criteria import Administration as Point
from txplan.core.measures.criteria import CriterionResult, evaluate_criterion
from txplan.core.plan import Plan as PlanDocument
from txplan.web.clients.models import Client
from txplan.web.measures.models import Administration


@dataclass
class Progress:
    result: CriterionResult
    chart: SafeString  # inline SVG made by txplan.core.measures.chart (text escaped there)


def history(client: Client) -> list[Administration]:
    return list(client.administrations.select_related("recorded_by").order_by("-administered_on"))


def points(client: Client) -> list[Point]:
    return [
        Point(instrument=a.instrument, on=a.administered_on, total=a.total)
        for a in client.administrations.all()
    ]


def objective_progress(client: Client, document: PlanDocument, today: date) -> dict[str, Progress]:
    """For each objective with a criterion: its status from the recorded data and a chart."""
    data = points(client)
    out: dict[str, Progress] = {}
    for objective in document.objectives():
        criterion = objective.criterion
        if criterion is None:
            continue
        try:
            instrument = registry.get(criterion.measure)
        except registry.UnknownInstrument:
            continue  # the audit reports an unknown measure; no chart can be drawn for it
        result = evaluate_criterion(criterion, data, today, target_date=objective.target_date)
        svg = chart_svg(
            instrument.id,
            data,
            threshold=criterion.threshold,
            comparator=criterion.comparator,
            target_date=criterion.by_date or objective.target_date,
            title=f"{instrument.short_name} — objective: {criterion.label()}",
        )
        # The SVG comes from our own code, which escapes every text it writes.
        out[objective.id] = Progress(result=result, chart=mark_safe(svg))
    return out


@dataclass
class RiskAlert:
    instrument: str
    on: date
    item: int | None
    message: str


def risk_alerts(client: Client) -> list[RiskAlert]:
    """Risk flags on the latest administration of each instrument: an answer that needs a
    safety check stays visible until a newer administration of that instrument is recorded."""
    latest: dict[str, Administration] = {}
    # .all() (sorted here) rather than order_by(), so a caseload's prefetch is used.
    for a in sorted(client.administrations.all(), key=lambda a: (a.administered_on, a.recorded_at)):
        latest[a.instrument] = a
    return [
        RiskAlert(a.instrument, a.administered_on, f.get("item"), f["message"])
        for a in latest.values()
        for f in a.flags
        if f.get("severity") == "risk"
    ]


@dataclass
class Trend:
    instrument: str
    name: str
    count: int
    result: ChangeResult


def trends(client: Client) -> list[Trend]:
    """Per instrument with two or more administrations: baseline vs latest, classified as
    recovered / reliably improved / no reliable change / reliably deteriorated."""
    series: dict[str, list[float]] = {}
    for a in sorted(client.administrations.all(), key=lambda a: (a.administered_on, a.recorded_at)):
        series.setdefault(a.instrument, []).append(a.total)
    out = []
    for instrument, totals in series.items():
        if len(totals) < 2:
            continue
        try:
            name = registry.get(instrument).short_name
        except registry.UnknownInstrument:
            continue
        out.append(Trend(instrument, name, len(totals), classify_series(instrument, totals)))
    return out
