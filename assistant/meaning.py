"""Closeness in meaning between the question and a card's lines, as a gain on the word score.

The word score decides which lines answer; among the lines that share the question's words, the
one the embedding model finds nearest in meaning is more often the answer than the one that
happens to repeat one more word ("wie kan er terecht" and "de doelgroep zijn ..."). A line in
other words altogether is admitted only when it is about as near as the card's nearest line."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

# How near in meaning each of the given lines is to the question; None when no model is there.
LineCloseness = Callable[[Sequence[str]], Sequence[float] | None]

# The card's nearest line gains what two more shared question words bring (1.0 each)...
MEANING_WEIGHT = 2.0
# ... and a line this much less close (in cosine similarity) gains 1/e of that. e5 models
# score all Dutch text of one card within ~0.15 of each other, so the spread is narrow.
MEANING_SPREAD = 0.05


def meaning_gains(lines: Sequence[str], closeness: LineCloseness | None) -> list[float]:
    """One gain per line, relative to the card's nearest line; all zero without a model."""
    found = closeness(lines) if closeness is not None and lines else None
    if not found or len(found) != len(lines):
        return [0.0] * len(lines)
    nearest = max(found)
    return [MEANING_WEIGHT * math.exp((near - nearest) / MEANING_SPREAD) for near in found]


# A line sharing no word with the question is told by meaning alone only within one spread of
# the card's nearest line.
NEAREST_GAIN = MEANING_WEIGHT * math.exp(-1)
