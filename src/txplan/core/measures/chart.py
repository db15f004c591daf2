"""A measure over time as a standalone SVG: no JavaScript, no fonts to load, grey-scale safe.

The same string serves the web page (inline) and the PDF export. What it shows:

* severity bands as grey fills, darker = more severe, each labelled in the right margin (an
  instrument without bands shows its clinical range from the caseness cut-off instead);
* the objective's threshold as a dashed horizontal line, the target date as a dotted vertical
  line, both labelled;
* each administration as a point joined by a line; points that meet the objective are filled
  black, others white, so "meets / does not meet" survives printing without colour;
* dates on the x axis and the score on the y axis.

All text is XML-escaped, so a title with ``<`` or ``&`` cannot break the document.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, timedelta
from xml.sax.saxutils import escape, quoteattr

from txplan.core.measures import registry
from txplan.core.measures.criteria import Administration, describe_target
from txplan.core.measures.model import Direction, Instrument
from txplan.core.measures.scoring import fmt, meets
from txplan.core.plan import Comparator

_GREYS = ["#f6f6f6", "#e6e6e6", "#d6d6d6", "#c6c6c6", "#b6b6b6", "#a6a6a6"]
_LEFT, _RIGHT, _BOTTOM = 46, 136, 34
_DATE_WIDTH = 64  # px an ISO date needs at font-size 10, with a small gap
_HALO = 'paint-order="stroke" stroke="#fff" stroke-width="3"'  # keeps labels legible on lines
_FONT = 'font-family="sans-serif" fill="#000"'  # no font-size: each label sets its own

Box = tuple[float, float, float, float]  # plot area: x0, y0, x1, y1
YScale = Callable[[float], float]
XScale = Callable[[date], float]


def chart_svg(
    instrument_id: str,
    administrations: Sequence[Administration],
    *,
    threshold: float | None = None,
    comparator: Comparator | str | None = None,
    target_date: date | None = None,
    title: str = "",
    width: int = 560,
    height: int = 220,
) -> str:
    """An SVG document (a string) charting ``instrument_id``'s totals over time."""
    ins = registry.get(instrument_id)
    if width < 240 or height < 140:
        raise ValueError(f"width/height: at least 240×140 is needed, got {width}×{height}")
    cmp = Comparator(comparator) if comparator is not None else None
    points = sorted((a for a in administrations if a.instrument == ins.id), key=lambda a: a.on)
    top = 26 if title else 12
    plot: Box = (_LEFT, top, width - _RIGHT, height - _BOTTOM)
    low, high = ins.range

    def y_of(value: float) -> float:
        return plot[3] - (value - low) / (high - low) * (plot[3] - plot[1])

    dates = [a.on for a in points] + ([target_date] if target_date else [])
    first = min(dates) if dates else date(2000, 1, 1)
    last = max(dates) if dates else first
    pad = max(timedelta(days=3), (last - first) * 0.04)
    start, end = first - pad, last + pad
    span = (end - start).days or 1

    def x_of(day: date) -> float:
        return plot[0] + (day - start).days / span * (plot[2] - plot[0])

    label = title or f"{ins.short_name} over time"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label={quoteattr(label)}>',
        f"<title>{escape(label)}</title>",
        f"<desc>{escape(_description(ins, points, threshold, cmp, target_date))}</desc>",
        f'<rect x="0" y="0" width="{width}" height="{height}" fill="#fff"/>',
    ]
    if title:
        out.append(
            f'<text x="{_LEFT}" y="16" {_FONT} font-size="12" font-weight="bold">'
            f"{escape(title)}</text>"
        )
    out += _bands(ins, plot, y_of)
    out += _y_axis(ins, plot, y_of)
    out += _x_axis(points, plot, x_of)
    if threshold is not None and low <= threshold <= high:
        y = y_of(threshold)
        words = describe_target(cmp, threshold) if cmp else fmt(threshold)
        out.append(
            f'<line x1="{plot[0]}" y1="{y:.1f}" x2="{plot[2]}" y2="{y:.1f}" '
            'stroke="#000" stroke-width="1.5" stroke-dasharray="7 4"/>'
        )
        out.append(
            f'<text x="{plot[0] + 4}" y="{y - 4:.1f}" {_FONT} font-size="10" {_HALO}>'
            f"{escape('objective: ' + words)}</text>"
        )
    if target_date is not None:
        x = x_of(target_date)
        out.append(
            f'<line x1="{x:.1f}" y1="{plot[1]}" x2="{x:.1f}" y2="{plot[3]}" '
            'stroke="#333" stroke-width="1.5" stroke-dasharray="2 3"/>'
        )
        out.append(
            f'<text x="{x - 3:.1f}" y="{plot[1] + 10}" {_FONT} font-size="10" {_HALO} '
            'text-anchor="end">'
            f"{escape('target ' + target_date.isoformat())}</text>"
        )
    out += _series(points, plot, x_of, y_of, threshold, cmp)
    out.append("</svg>")
    return "\n".join(out)


def _bands(ins: Instrument, plot: Box, y_of: YScale) -> list[str]:
    regions: list[tuple[float, float, str]] = []
    step = 1.0 if ins.scale is None else 10.0**-ins.scale.decimals
    for i, band in enumerate(ins.bands):
        # Draw each band to the next one's lower edge so integer bands leave no white gaps.
        upper = ins.bands[i + 1].min if i + 1 < len(ins.bands) else band.max
        span = f"{fmt(band.min)}–{fmt(band.max)}"
        regions.append((band.min, upper, f"{band.label} ({span})"))
    if not regions and ins.caseness is not None:
        cut = ins.caseness.chosen
        low, high = ins.range
        if ins.direction is Direction.LOWER_IS_BETTER:
            edge = cut.value if cut.comparator is Comparator.GTE else cut.value + step
            regions = [(low, edge, "below cut-off"), (edge, high, f"clinical (≥ {fmt(edge)})")]
        else:
            edge = cut.value if cut.comparator is Comparator.LTE else cut.value - step
            regions = [(low, edge, f"clinical (≤ {fmt(edge)})"), (edge, high, "above cut-off")]
        if ins.direction is Direction.HIGHER_IS_BETTER:
            regions = list(reversed(regions))  # the clinical (worse) region gets the darker grey
    out = []
    last = len(_GREYS) - 1
    greys = [_GREYS[round(i * last / max(len(regions) - 1, 1))] for i in range(len(regions))]
    for (lo, hi, text), grey in zip(regions, greys, strict=True):
        y_top, y_bottom = y_of(hi), y_of(lo)
        y1, y2 = min(y_top, y_bottom), max(y_top, y_bottom)
        out.append(
            f'<rect x="{plot[0]}" y="{y1:.1f}" width="{plot[2] - plot[0]}" '
            f'height="{y2 - y1:.1f}" fill="{grey}"/>'
        )
        out.append(_margin_label(text, plot[2] + 4, (y1 + y2) / 2 + 3))
    return out


def _margin_label(text: str, x: float, y: float, width: int = 26) -> str:
    """A right-margin label, wrapped onto a second line when it would run off the canvas."""
    lines = [text]
    if len(text) > width:
        cut = text.rfind(" ", 0, width)
        cut = cut if cut > 0 else width
        lines = [text[:cut], text[cut:].strip()]
    top = y - 5 * (len(lines) - 1)
    spans = "".join(
        f'<tspan x="{x}" dy="{0 if i == 0 else 10}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return f'<text x="{x}" y="{top:.1f}" {_FONT} font-size="9">{spans}</text>'


def _y_axis(ins: Instrument, plot: Box, y_of: YScale) -> list[str]:
    low, high = ins.range
    step = next(s for s in (1, 2, 5, 10, 20, 50) if (high - low) / s <= 8)
    out = [f'<line x1="{plot[0]}" y1="{plot[1]}" x2="{plot[0]}" y2="{plot[3]}" stroke="#000"/>']
    value = low
    while value <= high:
        y = y_of(value)
        out.append(
            f'<line x1="{plot[0] - 3}" y1="{y:.1f}" x2="{plot[0]}" y2="{y:.1f}" stroke="#000"/>'
        )
        out.append(
            f'<text x="{plot[0] - 5}" y="{y + 3:.1f}" {_FONT} font-size="10" '
            f'text-anchor="end">{fmt(value)}</text>'
        )
        value += step
    mid = (plot[1] + plot[3]) / 2
    out.append(
        f'<text x="12" y="{mid:.1f}" {_FONT} font-size="10" text-anchor="middle" '
        f'transform="rotate(-90 12 {mid:.1f})">{escape(ins.short_name)}</text>'
    )
    return out


def _x_axis(points: list[Administration], plot: Box, x_of: XScale) -> list[str]:
    out = [f'<line x1="{plot[0]}" y1="{plot[3]}" x2="{plot[2]}" y2="{plot[3]}" stroke="#000"/>']
    # Label dates left to right, skipping any that would overlap the last one labelled; the
    # most recent date is always labelled (it replaces an overlapping neighbour).
    days: list[date] = []
    for day in sorted({a.on for a in points}):
        if days and x_of(day) - x_of(days[-1]) < _DATE_WIDTH:
            if day == points[-1].on:
                days[-1] = day
            continue
        days.append(day)
    for day in days:
        x = x_of(day)
        out.append(
            f'<line x1="{x:.1f}" y1="{plot[3]}" x2="{x:.1f}" y2="{plot[3] + 3}" stroke="#000"/>'
        )
        out.append(
            f'<text x="{x:.1f}" y="{plot[3] + 14}" {_FONT} font-size="10" text-anchor="middle">'
            f"{day.isoformat()}</text>"
        )
    out.append(
        f'<text x="{(plot[0] + plot[2]) / 2:.1f}" y="{plot[3] + 28}" {_FONT} font-size="10" '
        'text-anchor="middle">date of administration</text>'
    )
    return out


def _series(
    points: list[Administration],
    plot: Box,
    x_of: XScale,
    y_of: YScale,
    threshold: float | None,
    cmp: Comparator | None,
) -> list[str]:
    if not points:
        return [
            f'<text x="{(plot[0] + plot[2]) / 2:.1f}" y="{(plot[1] + plot[3]) / 2:.1f}" '
            f'{_FONT} font-size="12" {_HALO} text-anchor="middle">'
            "No administrations recorded</text>"
        ]
    coords = [(x_of(a.on), y_of(a.total)) for a in points]
    out = []
    if len(coords) > 1:
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        out.append(f'<polyline points="{path}" fill="none" stroke="#000" stroke-width="2"/>')
    for adm, (x, y) in zip(points, coords, strict=True):
        hit = threshold is not None and cmp is not None and meets(adm.total, cmp, threshold)
        fill = "#000" if hit else "#fff"
        out.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{fill}" stroke="#000" '
            f'stroke-width="1.5"><title>{adm.on.isoformat()}: '
            f"{escape(fmt(adm.total))}</title></circle>"
        )
    return out


def _description(
    ins: Instrument,
    points: list[Administration],
    threshold: float | None,
    cmp: Comparator | None,
    target_date: date | None,
) -> str:
    values = ", ".join(f"{fmt(a.total)} on {a.on.isoformat()}" for a in points) or "none"
    text = f"{ins.short_name} totals: {values}."
    if threshold is not None:
        words = describe_target(cmp, threshold) if cmp else fmt(threshold)
        text += f" Objective: {words}."
    if target_date is not None:
        text += f" Target date {target_date.isoformat()}."
    return text
