"""The library loader: the shipped library is valid, and every kind of bad entry is refused
with an error that names the file and the field path."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests.core.drafting.conftest import make_area
from txplan.core.drafting import LibraryError, load_library
from txplan.core.drafting.library import Library

MY_AREAS = [
    "depression",
    "persistent_depressive",
    "generalized_anxiety",
    "panic",
    "social_anxiety",
    "ptsd",
    "ocd",
    "insomnia",
    "alcohol_use",
    "adult_adhd",
    "child_adhd",
    "suicidal_self_harm",
    "adjustment",
    "bipolar_maintenance",
]


def messages(directory: Path) -> list[str]:
    with pytest.raises(LibraryError) as caught:
        load_library(directory)
    return [str(issue) for issue in caught.value.issues]


def test_the_shipped_library_loads_and_is_cached() -> None:
    first = load_library()
    assert isinstance(first, Library)
    assert load_library() is first


@pytest.mark.parametrize("area_id", MY_AREAS)
def test_each_core_area_has_enough_goals_objectives_and_interventions(area_id: str) -> None:
    area = load_library().area(area_id)
    assert len(area.goals) >= 3
    assert len(area.objectives) >= 8
    assert len(area.interventions) >= 8
    assert len(area.modalities()) >= 2
    assert all(i.source.strip() for i in area.interventions)


def test_the_library_covers_at_least_the_areas_issue_4_names() -> None:
    # The other 28 areas are written alongside; the core 14 must all be present.
    assert set(MY_AREAS) <= set(load_library().areas)


def test_a_minimal_valid_area_loads(
    write_library: Callable[..., Path], valid_area: dict[str, Any]
) -> None:
    library = load_library(write_library(valid_area))
    assert list(library.areas) == ["tiny_area"]
    assert library.area_of["tiny_area.o3"] == "tiny_area"


def test_missing_source_is_an_error_naming_file_and_path(
    write_library: Callable[..., Path], valid_area: dict[str, Any]
) -> None:
    del valid_area["interventions"][2]["source"]
    assert messages(write_library(valid_area)) == [
        "tiny_area.yaml: interventions[2].source: required"
    ]


def test_empty_source_is_an_error(
    write_library: Callable[..., Path], valid_area: dict[str, Any]
) -> None:
    valid_area["interventions"][0]["source"] = "  "
    assert messages(write_library(valid_area)) == [
        "tiny_area.yaml: interventions[0].source: must not be empty"
    ]


def test_duplicate_id_across_files_is_an_error(
    write_library: Callable[..., Path], valid_area: dict[str, Any]
) -> None:
    other = make_area("zz_area")  # read after tiny_area.yaml: file names are read in order
    other["goals"][0]["id"] = "tiny_area.g1"
    found = messages(write_library(valid_area, other))
    assert (
        "zz_area.yaml: goals[0].id: duplicate id 'tiny_area.g1' (also in tiny_area.yaml)" in found
    )


def test_duplicate_id_inside_one_file_is_an_error(
    write_library: Callable[..., Path], valid_area: dict[str, Any]
) -> None:
    valid_area["objectives"][4]["id"] = "tiny_area.o4"
    found = messages(write_library(valid_area))
    assert any("objectives[4].id: duplicate id 'tiny_area.o4'" in m for m in found)


def test_a_slot_without_a_default_cannot_be_filled(
    write_library: Callable[..., Path], valid_area: dict[str, Any]
) -> None:
    valid_area["objectives"][3]["text"] = "Within {timeframe}, {client} will face {situation}."
    assert messages(write_library(valid_area)) == [
        "tiny_area.yaml: objectives[3].text: slot {situation} cannot be filled: "
        "give it a default in slots"
    ]


def test_a_measure_slot_needs_a_criterion(
    write_library: Callable[..., Path], valid_area: dict[str, Any]
) -> None:
    valid_area["measures"] = []
    valid_area["objectives"][0].pop("criterion")
    found = messages(write_library(valid_area))
    assert (
        "tiny_area.yaml: objectives[0].text: slot {threshold} cannot be filled: give it a "
        "default in slots (or add a criterion)" in found
    )


def test_a_malformed_brace_is_an_error(
    write_library: Callable[..., Path], valid_area: dict[str, Any]
) -> None:
    valid_area["goals"][1]["text"] = "Return to {Valued_Activity} on weekdays."
    found = messages(write_library(valid_area))
    assert found == [
        "tiny_area.yaml: goals[1].text: has a brace that is not a well-formed "
        "{slot} (use {lower_case})"
    ]


def test_a_threshold_slot_must_agree_with_the_criterion(
    write_library: Callable[..., Path], valid_area: dict[str, Any]
) -> None:
    valid_area["objectives"][0]["slots"] = {"threshold": 5}
    assert messages(write_library(valid_area)) == [
        "tiny_area.yaml: objectives[0].slots.threshold: 5 disagrees with criterion.threshold 9"
    ]


def test_a_misspelt_field_is_reported_not_dropped(
    write_library: Callable[..., Path], valid_area: dict[str, Any]
) -> None:
    valid_area["interventions"][1]["sorce"] = "NICE"
    assert messages(write_library(valid_area)) == [
        "tiny_area.yaml: interventions[1].sorce: unknown field"
    ]


def test_too_few_entries_and_a_bad_frequency_are_all_reported(
    write_library: Callable[..., Path], valid_area: dict[str, Any]
) -> None:
    valid_area["goals"] = valid_area["goals"][:2]
    valid_area["interventions"][5]["frequency"] = "now and then"
    found = messages(write_library(valid_area))
    assert (
        "tiny_area.yaml: goals: List should have at least 3 items after validation, not 2" in found
    )
    assert any(
        m.startswith("tiny_area.yaml: interventions[5].frequency: not a frequency") for m in found
    )


def test_cross_references_must_exist(
    write_library: Callable[..., Path], valid_area: dict[str, Any]
) -> None:
    valid_area["objectives"][2]["goal"] = "tiny_area.g9"
    valid_area["interventions"][3]["objectives"] = ["tiny_area.o4", "tiny_area.o99"]
    found = messages(write_library(valid_area))
    assert "tiny_area.yaml: objectives[2].goal: no goal 'tiny_area.g9' in this area" in found
    assert (
        "tiny_area.yaml: interventions[3].objectives[1]: no objective 'tiny_area.o99' in this area"
    ) in found


def test_an_objective_without_an_intervention_is_an_error(
    write_library: Callable[..., Path], valid_area: dict[str, Any]
) -> None:
    valid_area["interventions"][6]["objectives"] = ["tiny_area.o6"]
    found = messages(write_library(valid_area))
    assert found == ["tiny_area.yaml: objectives[6]: objective tiny_area.o7 has no intervention"]


def test_interventions_from_a_single_modality_are_an_error(
    write_library: Callable[..., Path], valid_area: dict[str, Any]
) -> None:
    for item in valid_area["interventions"]:
        item["modality"] = "CBT"
    assert messages(write_library(valid_area)) == [
        "tiny_area.yaml: interventions: must come from at least 2 modalities"
    ]


def test_unknown_measure_and_bad_code_are_errors(
    write_library: Callable[..., Path], valid_area: dict[str, Any]
) -> None:
    valid_area["measures"] = ["phq9", "hamd17"]
    valid_area["icd10"] = ["F32", "depression"]
    found = messages(write_library(valid_area))
    assert "tiny_area.yaml: measures[1]: unknown instrument 'hamd17'" in found
    assert (
        "tiny_area.yaml: icd10[1]: 'depression' is not an ICD-10-CM code prefix or range" in found
    )


def test_id_must_match_the_file_name(
    write_library: Callable[..., Path], valid_area: dict[str, Any]
) -> None:
    directory = write_library(valid_area)
    (directory / "tiny_area.yaml").rename(directory / "renamed.yaml")
    assert "renamed.yaml: id: must equal the file name ('renamed')" in messages(directory)


def test_invalid_yaml_names_the_line(write_library: Callable[..., Path]) -> None:
    directory = write_library(raw={"broken.yaml": "id: broken\ngoals: [\n  - x: y\n"})
    found = messages(directory)
    assert len(found) == 1 and found[0].startswith("broken.yaml: line ")
    assert "not valid YAML" in found[0]


def test_an_empty_directory_is_an_error(tmp_path: Path) -> None:
    assert messages(tmp_path) == [f"{tmp_path}: no library files (*.yaml) found"]


def test_errors_from_several_files_are_reported_together(
    write_library: Callable[..., Path], valid_area: dict[str, Any]
) -> None:
    other = make_area("other_area")
    del other["interventions"][0]["source"]
    del valid_area["interventions"][1]["source"]
    found = messages(write_library(valid_area, other))
    assert found == [
        "other_area.yaml: interventions[0].source: required",
        "tiny_area.yaml: interventions[1].source: required",
    ]


# Core elements (issue 10 §3) ------------------------------------------------------------------

# Files whose owners declare their core elements (harm to others, the generic structure).
CORE_EXEMPT = {"harm_to_others", "generic"}


@pytest.mark.parametrize("area_id", sorted(set(load_library().areas) - CORE_EXEMPT))
def test_every_area_declares_its_core_elements_with_a_guideline_source(area_id: str) -> None:
    area = load_library().area(area_id)
    assert area.core_elements, f"{area_id} declares no core elements"
    for element in area.core_elements:
        assert element.source.strip() and element.label.strip()
        delivered = [e for e in [*area.objectives, *area.interventions] if element.id in e.core]
        assert delivered, f"{area_id}: nothing delivers {element.id}"


def test_a_core_tag_must_name_an_element_of_the_area(
    write_library: Callable[..., Path], valid_area: dict[str, Any]
) -> None:
    valid_area["core_elements"] = [{"id": "ba", "label": "activation", "source": "NICE NG222"}]
    valid_area["interventions"][0]["core"] = ["ba"]
    valid_area["interventions"][1]["core"] = ["erp"]
    assert messages(write_library(valid_area)) == [
        "tiny_area.yaml: interventions[1].core[0]: no core element 'erp' in this area"
    ]


def test_a_core_element_nothing_delivers_is_an_error(
    write_library: Callable[..., Path], valid_area: dict[str, Any]
) -> None:
    valid_area["core_elements"] = [{"id": "ba", "label": "activation", "source": "NICE NG222"}]
    assert messages(write_library(valid_area)) == [
        "tiny_area.yaml: core_elements[0]: no objective or intervention delivers core element 'ba'"
    ]


def test_a_core_element_needs_a_source_and_ages_must_be_ordered(
    write_library: Callable[..., Path], valid_area: dict[str, Any]
) -> None:
    valid_area["core_elements"] = [{"id": "ba", "label": "activation"}]
    valid_area["objectives"][2]["core"] = ["ba"]
    valid_area["interventions"][3]["ages"] = {"min": 8, "max": 3}
    found = messages(write_library(valid_area))
    assert "tiny_area.yaml: core_elements[0].source: required" in found
    found_ages = messages(
        write_library(
            {
                **valid_area,
                "core_elements": [{**valid_area["core_elements"][0], "source": "NICE NG222"}],
            }
        )
    )
    assert found_ages == ["tiny_area.yaml: interventions[3].ages: min is greater than max"]


def test_an_unknown_age_group_and_default_protocol_are_errors(
    write_library: Callable[..., Path], valid_area: dict[str, Any]
) -> None:
    valid_area["interventions"][0]["age_groups"] = ["toddler"]
    valid_area["default_protocol"] = "CBT"
    found = messages(write_library(valid_area))
    assert any(m.startswith("tiny_area.yaml: interventions[0].age_groups[0]:") for m in found)
    valid_area["interventions"][0]["age_groups"] = ["child"]
    assert messages(write_library(valid_area)) == [
        "tiny_area.yaml: default_protocol: no intervention has protocol 'CBT'"
    ]


def test_age_groups_and_ranges_decide_what_fits() -> None:
    library = load_library()
    pcit = library.interventions["child_adhd.i8"]
    assert pcit.fits_age(5) and not pcit.fits_age(9) and pcit.fits_age(None)
    fbt = library.interventions["anorexia.i1"]
    assert fbt.fits_age(15) and not fbt.fits_age(19)
    assert library.area("adult_adhd").fits_age(30) and not library.area("adult_adhd").fits_age(9)
