"""Grounded Dutch answers with citations."""
