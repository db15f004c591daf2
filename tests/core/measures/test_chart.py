"""The SVG chart: valid XML, no script, grey-scale, and everything the clinician needs on it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from datetime import date, timedelta

import pytest

from txplan.core.measures import registry
from txplan.core.measures.chart import chart_svg
from txplan.core.measures.criteria import Administration

NS = {"s": "http://www.w3.org/2000/svg"}
START = date(2026, 3, 2)


def series(measure: str, *totals: float) -> list[Administration]:
    return [
        Administration(measure, START + timedelta(days=14 * i), t) for i, t in enumerate(totals)
    ]


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def texts(root: ET.Element) -> list[str]:
    return ["".join(el.itertext()) for el in root.iter("{http://www.w3.org/2000/svg}text")]


@pytest.mark.parametrize("instrument_id", registry.ids())
def test_every_instrument_charts_as_valid_svg_without_script(instrument_id: str) -> None:
    low, high = registry.get(instrument_id).range
    adms = series(instrument_id, high, (low + high) / 2, low)
    svg = chart_svg(instrument_id, adms, title="Synthetic client")
    root = parse(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert "<script" not in svg and not re.search(r"\son[a-z]+=", svg)
    assert len(root.findall(".//s:circle", NS)) == 3


def test_a_title_with_markup_characters_is_escaped() -> None:
    title = 'Client <A> & "B"'
    root = parse(chart_svg("phq9", series("phq9", 12), title=title))
    assert root.find("s:title", NS).text == title  # type: ignore[union-attr]
    assert title in texts(root)


def test_phq9_chart_labels_every_severity_band() -> None:
    labels = " ".join(texts(parse(chart_svg("phq9", series("phq9", 18, 12)))))
    for band in registry.get("phq9").bands:
        assert band.label in labels


def test_the_threshold_is_a_dashed_line_and_the_target_date_a_vertical_line() -> None:
    target = date(2026, 6, 1)
    root = parse(
        chart_svg("phq9", series("phq9", 18, 12), threshold=9, comparator="<=", target_date=target)
    )
    dashed = [
        el for el in root.iter("{http://www.w3.org/2000/svg}line") if el.get("stroke-dasharray")
    ]
    horizontal = [el for el in dashed if el.get("y1") == el.get("y2")]
    vertical = [el for el in dashed if el.get("x1") == el.get("x2")]
    assert horizontal and vertical
    words = texts(root)
    assert "objective: 9 or lower" in words and "target 2026-06-01" in words


def test_the_axis_shows_administration_dates() -> None:
    words = texts(parse(chart_svg("gad7", series("gad7", 15, 11, 7))))
    assert "2026-03-02" in words and "2026-03-30" in words


def test_points_that_meet_the_objective_are_filled_black_others_white() -> None:
    root = parse(chart_svg("phq9", series("phq9", 14, 9, 8), threshold=9, comparator="<="))
    fills = [c.get("fill") for c in root.findall(".//s:circle", NS)]
    assert fills == ["#fff", "#000", "#000"]


def test_only_greys_are_used_so_it_prints_without_colour() -> None:
    svg = chart_svg(
        "epds",
        series("epds", 20, 14, 9),
        threshold=9,
        comparator="<=",
        target_date=date(2026, 5, 1),
    )
    for colour in re.findall(r'(?:fill|stroke)="(#[0-9a-fA-F]{3,6})"', svg):
        hexes = colour[1:] if len(colour) == 7 else "".join(ch * 2 for ch in colour[1:])
        assert hexes[0:2] == hexes[2:4] == hexes[4:6], colour


def test_an_instrument_without_bands_shades_its_clinical_range() -> None:
    words = texts(parse(chart_svg("ors", series("ors", 18.5, 27.1))))
    assert "clinical (≤ 25)" in words


def test_no_administrations_still_draws_a_labelled_chart() -> None:
    root = parse(chart_svg("pcl5", [], threshold=33, comparator="<"))
    assert "No administrations recorded" in texts(root)


def test_other_instruments_administrations_are_left_out() -> None:
    root = parse(chart_svg("phq9", series("phq9", 10) + series("gad7", 5, 6)))
    assert len(root.findall(".//s:circle", NS)) == 1


def test_a_tiny_canvas_is_refused_with_a_reason() -> None:
    with pytest.raises(ValueError, match="width/height"):
        chart_svg("phq9", [], width=100, height=50)
