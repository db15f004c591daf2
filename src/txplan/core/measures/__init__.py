"""Measurement-based care: the instrument registry, scoring, change, criteria and charts.

- ``registry``: instruments as validated data (``src/txplan/data/instruments/*.yaml``).
- ``scoring``: item answers or a total → ``Score`` (band, risk flags, subscales).
- ``change``: reliable and clinically significant change; a series classified.
- ``criteria``: an objective's ``Criterion`` evaluated against administrations, given ``today``.
- ``chart``: an SVG of a measure over time (no JavaScript), for the web page and the PDF.
- ``docs``: docs/instruments.md rendered from the registry.
"""
