"""The instrument registry: every file in ``src/txplan/data/instruments/``, validated.

Loading fails loudly: ``RegistryError`` lists every problem as ``file: field.path: message``,
covering both the shape (pydantic) and the cross-field rules below, which pydantic alone cannot
see (bands that leave a gap, a reversed item that does not exist, a declared range that the items
cannot add up to).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

import yaml
from pydantic import ValidationError

from txplan.core.document import errors_from
from txplan.core.measures.model import Instrument

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class UnknownInstrument(KeyError):
    """An instrument id that the registry does not hold; the message lists the valid ids."""

    def __init__(self, instrument_id: str, valid: Iterable[str]):
        self.instrument_id = instrument_id
        self.valid = sorted(valid)
        super().__init__(instrument_id)

    def __str__(self) -> str:  # KeyError would otherwise print only the repr of the id
        return f"unknown instrument {self.instrument_id!r}; valid ids: {', '.join(self.valid)}"


class RegistryError(ValueError):
    """One or more instrument files are malformed; ``problems`` holds one line per problem."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("instrument registry is invalid:\n" + "\n".join(problems))


def default_directory() -> Traversable:
    return resources.files("txplan") / "data" / "instruments"


def load_registry(directory: Path | Traversable | None = None) -> dict[str, Instrument]:
    """id → Instrument for every ``*.yaml`` file; the package's own data when no directory."""
    if directory is None:
        return _default()
    return _load(directory)


@cache
def _default() -> dict[str, Instrument]:
    return _load(default_directory())


def get(instrument_id: str) -> Instrument:
    registry = load_registry()
    try:
        return registry[instrument_id]
    except KeyError:
        raise UnknownInstrument(instrument_id, registry) from None


def all_instruments() -> list[Instrument]:
    """Every instrument, sorted by id (a stable order for lists and docs)."""
    registry = load_registry()
    return [registry[key] for key in sorted(registry)]


def ids() -> list[str]:
    return sorted(load_registry())


# Loading ---------------------------------------------------------------------------------------


def _load(directory: Path | Traversable) -> dict[str, Instrument]:
    files = (
        sorted(
            (f for f in directory.iterdir() if f.name.endswith((".yaml", ".yml"))),
            key=lambda f: f.name,
        )
        if directory.is_dir()
        else []
    )
    if not files:
        raise RegistryError([f"{directory}: no instrument files (*.yaml) found"])
    problems: list[str] = []
    found: dict[str, Instrument] = {}
    for file in files:
        instrument, errors = _read(file.name, file.read_text(encoding="utf-8"))
        problems += [f"{file.name}: {e}" for e in errors]
        if instrument is not None:
            found[instrument.id] = instrument
    if problems:
        raise RegistryError(problems)
    return found


def _read(name: str, text: str) -> tuple[Instrument | None, list[str]]:
    try:
        data = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        return None, [f"not valid YAML: {exc}"]
    if not isinstance(data, dict):
        return None, ["must be a YAML mapping (id, name, items …)"]
    try:
        instrument = Instrument.model_validate(data)
    except ValidationError as exc:
        return None, [str(e) for e in errors_from(exc)]
    errors = check(instrument)
    stem = name.rsplit(".", 1)[0]
    if instrument.id != stem:
        errors.insert(0, f"id: {instrument.id!r} does not match the file name {stem!r}")
    return (None if errors else instrument), errors


def item_score_bounds(instrument: Instrument, n: int) -> tuple[float, float]:
    """Lowest and highest *score* item ``n`` can contribute (after reverse keying)."""
    if instrument.scale is not None:
        return instrument.scale.min, instrument.scale.max
    values = [o.value for o in instrument.options_for(n)]
    return float(min(values)), float(max(values))


def check(ins: Instrument) -> list[str]:
    """Cross-field rules; each message names the field it is about."""
    errors: list[str] = []
    count = len(ins.items)
    numbers = [item.n for item in ins.items]
    if numbers != list(range(1, count + 1)):
        errors.append(f"items: must be numbered 1..{count} in order, got {numbers}")
        return errors  # every later check indexes items by number
    has_options = all(ins.options_for(n) for n in numbers)
    if (ins.scale is not None) == has_options:
        errors.append("options: give options for every item, or a continuous scale (not both)")
    for item in ins.items:
        if item.text and not ins.item_text_allowed:
            errors.append(f"items[{item.n - 1}].text: the licence does not allow item text")
        values = [o.value for o in ins.options_for(item.n)]
        if len(values) != len(set(values)):
            errors.append(f"items[{item.n - 1}].options: duplicate values {values}")
    if ins.item_text_allowed and any(not item.text for item in ins.items):
        errors.append("items: item_text_allowed is true but some items have no text")

    def known(field: str, numbers: Iterable[int]) -> None:
        bad = [n for n in numbers if not 1 <= n <= count]
        if bad:
            errors.append(f"{field}: no such item {bad} (items are 1..{count})")

    known("scoring.reverse_items", ins.scoring.reverse_items)
    for i, rule in enumerate(ins.flags):
        known(f"flags[{i}].item", [rule.item])
    for i, sub in enumerate(ins.subscales):
        known(f"subscales[{i}].items", sub.items)
    if ins.provisional:
        missing = set(ins.provisional.required) - {s.id for s in ins.subscales}
        if missing:
            errors.append(f"provisional.required: no subscale {sorted(missing)}")

    low = sum(item_score_bounds(ins, n)[0] for n in numbers)
    high = sum(item_score_bounds(ins, n)[1] for n in numbers)
    if (low, high) != tuple(ins.range):
        errors.append(f"range: declared {list(ins.range)} but the items add up to [{low}, {high}]")
    errors += _check_bands(ins)
    for i, only in enumerate(ins.only_items_flags):
        known(f"only_items_flags[{i}].items", only.items)
    rc = ins.reliable_change
    if rc is not None and rc.chosen is None and rc.jacobson_truax is None:
        errors.append("reliable_change: give chosen, jacobson_truax or both")
    jt = rc.jacobson_truax if rc is not None else None
    if jt is not None and (jt.sem is None) == (jt.sd is None or jt.reliability is None):
        errors.append("reliable_change.jacobson_truax: give sd and reliability, or sem")
    errors += _check_caseness(ins)
    return errors


def _check_caseness(ins: Instrument) -> list[str]:
    """A caseness cut-off must fall on a band boundary, so that no band straddles it (a target
    of "21 or lower" must not count as success while 20–21 is the clinical range)."""
    if not ins.bands or ins.caseness is None:
        return []
    step = 1.0 if ins.scale is None else 10.0**-ins.scale.decimals
    starts = {b.min for b in ins.bands} | {b.max + step for b in ins.bands}
    errors = []
    cuts = [("caseness.chosen", ins.caseness.chosen)] + [
        (f"caseness.alternatives[{i}]", c)
        for i, c in enumerate(ins.caseness.alternatives)
        if c.sex is not None
    ]
    for field, cut in cuts:
        first_case = {
            ">=": cut.value,
            ">": cut.value + step,
            "<=": cut.value + step,
            "<": cut.value,
        }[cut.comparator.value]
        if not any(abs(first_case - s) < 1e-9 for s in starts):
            errors.append(
                f"{field}: the cut-off {cut.comparator.value} {cut.value:g} falls inside a band; "
                "bands and caseness must agree"
            )
    return errors


def _check_bands(ins: Instrument) -> list[str]:
    if not ins.bands:
        return []
    errors: list[str] = []
    step = 1.0 if ins.scale is None else 10.0**-ins.scale.decimals
    if ins.bands[0].min != ins.range[0] or ins.bands[-1].max != ins.range[1]:
        errors.append(f"bands: must start at {ins.range[0]:g} and end at {ins.range[1]:g}")
    for i, (a, b) in enumerate(zip(ins.bands, ins.bands[1:], strict=False)):
        if abs(b.min - (a.max + step)) > 1e-9:
            errors.append(f"bands[{i + 1}].min: {b.min:g} leaves a gap or overlap after {a.max:g}")
    for i, band in enumerate(ins.bands):
        if band.min > band.max:
            errors.append(f"bands[{i}]: min {band.min:g} is above max {band.max:g}")
    if len({b.id for b in ins.bands}) != len(ins.bands):
        errors.append("bands: ids must be unique")
    return errors
