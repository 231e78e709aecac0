"""Article -> list[Quote]: the whole engine as one pure function, so it fans out over processes."""

from __future__ import annotations

from quotes.records import Article, Quote


def process(article: Article) -> list[Quote]:
    """Find and attribute every quote in one article."""
    return []
