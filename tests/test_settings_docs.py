from pathlib import Path

from txplan.web import settings  # noqa: F401  (importing registers every setting)
from txplan.web.env import SETTINGS


def test_every_setting_is_documented() -> None:
    doc = (Path(__file__).parents[1] / "docs" / "settings.md").read_text()
    assert SETTINGS, "no settings registered"
    missing = [name for name in SETTINGS if f"`{name}`" not in doc]
    assert missing == []


def test_every_setting_has_a_description() -> None:
    assert all(s.doc.strip() for s in SETTINGS.values())
