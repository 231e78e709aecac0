"""Article -> list[Quote]: the whole engine as one pure function, so it fans out over processes."""

from __future__ import annotations

import regex

from quotes.attribute import attribute
from quotes.extract import find_spans
from quotes.indirect import find_indirect
from quotes.reading import Reading
from quotes.records import Article, Quote
from quotes.speakers import SpeakerBook, default_book

WORDS = regex.compile(r"[\p{L}\p{N}]+")
SCARE_MAX_WORDS = 3


def process(article: Article, book: SpeakerBook | None = None) -> list[Quote]:
    """Find and attribute every quote in one article, direct, partial and indirect."""
    body = article.body
    spans = find_spans(body, article.title)
    reading = Reading(body, spans, book or default_book(), article.title)
    quotes = []
    for span, found in zip(spans, attribute(reading)):
        if span.kind not in ("direct", "partial"):
            continue
        if found.speaker is None and len(WORDS.findall(span.text)) <= SCARE_MAX_WORDS:
            continue  # a scare quote: a word or two that nobody is said to speak
        quotes.append(
            Quote(span.text, span.start, span.end, span.kind, found.speaker, found.mention, found.cue, found.rule, found.confidence)
        )
    quotes.extend(find_indirect(reading))
    quotes.sort(key=lambda q: (q.start, q.end))
    return quotes
