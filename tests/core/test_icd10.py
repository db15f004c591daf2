import pytest

from txplan.core import icd10


def test_a_billable_code_is_found_with_its_description() -> None:
    assert icd10.lookup("F41.1") == icd10.IcdCode("F41.1", "Generalized anxiety disorder", True)


def test_codes_are_normalised_before_lookup() -> None:
    assert icd10.lookup(" f331 ").code == "F33.1"


def test_a_category_is_refused_with_its_billable_children() -> None:
    with pytest.raises(icd10.NotBillable) as caught:
        icd10.lookup("F41")
    assert [c.code for c in caught.value.children] == ["F41.0", "F41.1", "F41.3", "F41.8", "F41.9"]
    assert "not a billable code" in str(caught.value)


def test_an_unknown_code_is_refused_with_close_matches() -> None:
    with pytest.raises(icd10.UnknownCode) as caught:
        icd10.lookup("F41.7")
    assert "F41.1" in [s.code for s in caught.value.suggestions]
    with pytest.raises(icd10.UnknownCode):
        icd10.lookup("not a code")


def test_search_finds_f_chapter_codes_by_words_in_any_order() -> None:
    codes = [c.code for c in icd10.search("recurrent depressive moderate")]
    assert "F33.1" in codes
    assert icd10.search("panic")[0].code == "F41.0"
    assert all(c.billable and c.code.startswith("F") for c in icd10.search("anxiety"))


def test_search_can_include_z_codes_for_relational_problems() -> None:
    assert "Z63.0" in [c.code for c in icd10.search("spouse partner", chapters="FZ")]
    assert icd10.search("") == []
