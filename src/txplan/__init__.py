"""txplan: treatment plans that guide treatment and hold up to scrutiny."""

__version__ = "0.1.0"
