"""Read-side helpers: a client's administrations, and each measured objective's progress."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe

from txplan.core.measures import registry
from txplan.core.measures.change import ChangeResult, classify_series
from txplan.core.measures.chart import chart_svg
from txplan.core.measures.criteria import Administration as Point
from txplan.core.measures.criteria import CriterionResult, evaluate_criterion
from txplan.core.plan import Plan as PlanDocument
from txplan.web.clients.models import Client
from txplan.web.measures.actions import client_sex
from txplan.web.measures.models import Administration, RiskFlag


def convention() -> str:
    """The practice's reliable-change convention (``TXPLAN_RELIABLE_CHANGE_CONVENTION``:
    "default", "jacobson_truax" or "nhs_talking_therapies"; docs/instruments.md)."""
    return getattr(settings, "TXPLAN_RELIABLE_CHANGE_CONVENTION", "default") or "default"


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
            title=f"{instrument.short_name} — objective: {_label(criterion, instrument)}",
        )
        # The SVG comes from our own code, which escapes every text it writes.
        out[objective.id] = Progress(result=result, chart=mark_safe(svg))
    return out


@dataclass
class RiskAlert:
    instrument: str  # registry id, e.g. "phq9" (for machine use; show ``name``)
    on: date
    item: int | None
    message: str
    name: str = ""  # display name, e.g. "PHQ-9"
    flag_id: int | None = None
    is_open: bool = True
    assessed_by: str = ""
    assessed_on: date | None = None
    outcome: str = ""  # the outcome's label
    safety_plan_reviewed: bool | None = None
    note: str = ""

    @property
    def status(self) -> str:
        if self.is_open:
            return "Open — risk assessment needed"
        reviewed = (
            "safety plan reviewed" if self.safety_plan_reviewed else ("safety plan not reviewed")
        )
        when = self.assessed_on.strftime("%b %-d, %Y") if self.assessed_on else ""
        return f"Assessed by {self.assessed_by} on {when}: {self.outcome}; {reviewed}"


def _alert(flag: RiskFlag) -> RiskAlert:
    return RiskAlert(
        instrument=flag.instrument,
        on=flag.raised_on,
        item=flag.item,
        message=flag.message,
        name=flag.name,
        flag_id=flag.pk,
        is_open=flag.is_open,
        assessed_by=flag.assessed_by.display_name if flag.assessed_by else "",
        assessed_on=flag.assessed_on,
        outcome=flag.get_outcome_display() if flag.outcome else "",
        safety_plan_reviewed=flag.safety_plan_reviewed,
        note=flag.assessment_note,
    )


def risk_flags(client: Client) -> list[RiskAlert]:
    """Every risk flag of the client, open or assessed, oldest first, with its assessment."""
    # .all() (sorted here) rather than order_by(), so a caseload's prefetch is used.
    flags = sorted(client.risk_flags.all(), key=lambda f: (f.raised_on, f.pk))
    return [_alert(f) for f in flags]


def risk_alerts(client: Client) -> list[RiskAlert]:
    """Open risk flags: an endorsed risk item (PHQ-9 item 9, EPDS item 10 …) stays open,
    whatever later administrations score, until a clinician records a risk assessment."""
    return [a for a in risk_flags(client) if a.is_open]


def _label(criterion, instrument) -> str:  # type: ignore[no-untyped-def]
    """The criterion in words with the display name in place of the raw id."""
    return criterion.label().replace(criterion.measure, instrument.short_name, 1)


@dataclass
class Trend:
    instrument: str
    name: str
    count: int
    result: ChangeResult

    @property
    def convention(self) -> str:
        """The reliable-change convention used, shown beside the classification."""
        return self.result.convention


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
        result = classify_series(
            instrument, totals, convention=convention(), sex=client_sex(client)
        )
        out.append(Trend(instrument, name, len(totals), result))
    return out
