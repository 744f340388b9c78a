"""Actiewijzer: Dutch answers about Flemish action plans, with exact citations."""

__version__ = "0.1.0"
