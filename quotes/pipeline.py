"""Article -> list[Quote]: the whole engine as one pure function, so it fans out over processes."""

from __future__ import annotations

from dataclasses import replace

import regex

from quotes.attribute import attribute
from quotes.dates import SaidOn
from quotes.extract import find_spans, layout
from quotes.indirect import find_indirect, named_sources_only
from quotes.reading import Reading
from quotes.records import Article, Quote, Span
from quotes.speakers import SpeakerBook, default_book

WORDS = regex.compile(r"[\p{L}\p{N}]+")
SCARE_MAX_WORDS = 3


def process(article: Article, book: SpeakerBook | None = None) -> list[Quote]:
    """Find and attribute every quote in one article, direct, partial and indirect."""
    body = article.body
    page = layout(body, article.title)
    spans = find_spans(body, article.title, page)
    reading = Reading(body, spans, book or default_book(), article.title, page)
    quotes = find_indirect(reading)  # first: the descriptions it meets ("a senior official") are antecedents
    for span, found in zip(spans, attribute(reading), strict=True):
        if span.kind not in ("direct", "partial"):
            continue
        if found.speaker is None and _is_scare_quote(reading, span):
            continue
        quotes.append(
            Quote(span.text, span.start, span.end, span.kind, found.speaker, found.mention, found.cue, found.rule, found.confidence)
        )
    quotes = named_sources_only(reading, quotes)
    quotes.sort(key=lambda q: (q.start, q.end))
    return _dated(reading, quotes, article.published)


def _is_scare_quote(reading: Reading, span: Span) -> bool:
    """A word or two in marks inside a sentence where nobody is said to speak.

    A quote that is a sentence of its own ("Every single day.") is speech, however short.
    """
    if span.kind != "partial" or len(WORDS.findall(span.text)) > SCARE_MAX_WORDS:
        return False
    sentence = reading.sentences.around(span.start)
    return not reading.verbs(sentence.start, sentence.end)


def _dated(reading: Reading, quotes: list[Quote], published: str | None) -> list[Quote]:
    """Each quote with the day its words were said, read from the narration around it.

    Most quotes name no day and are kept as built: copying a frozen record cost more than
    finding its date.
    """
    said_on = SaidOn(reading.text, published, reading.paragraph_of, reading.sentences.around)
    dated = []
    for quote in quotes:
        value, precision = said_on(quote.start, quote.end)
        if (value, precision) != (quote.said_on, quote.said_on_precision):
            quote = replace(quote, said_on=value, said_on_precision=precision)
        dated.append(quote)
    return dated
