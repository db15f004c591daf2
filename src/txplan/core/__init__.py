"""The pure core of txplan: no Django, no network, no clock reads (time is an argument).

A test (tests/core/test_purity.py) walks every module here and fails on an import of
``django`` or ``txplan.web``.
"""
