"""Reported speech without quote marks: `X said (that) …`, `…, X said`, `…, saying that …`."""

from __future__ import annotations

from quotes.reading import Reading
from quotes.records import Quote


def find_indirect(reading: Reading) -> list[Quote]:
    """Every reported clause whose speaker the article names."""
    return []
