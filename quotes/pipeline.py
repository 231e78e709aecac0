"""Article -> list[Quote]: the whole engine as one pure function, so it fans out over processes."""

from __future__ import annotations

from dataclasses import replace

import regex

from quotes.attribute import attribute
from quotes.dates import SaidOn
from quotes.extract import find_spans, layout
from quotes.indirect import find_indirect
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
    quotes.sort(key=lambda q: (q.start, q.end))
    said_on = SaidOn(reading.text, article.published, reading.paragraph_of)
    return [_dated(reading, quote, said_on) for quote in quotes]


def _is_scare_quote(reading: Reading, span: Span) -> bool:
    """A word or two in marks, in a sentence where nobody is said to speak."""
    if len(WORDS.findall(span.text)) > SCARE_MAX_WORDS:
        return False
    sentence = reading.sentences.around(span.start)
    return not reading.verbs(sentence.start, sentence.end)


def _dated(reading: Reading, quote: Quote, said_on: SaidOn) -> Quote:
    """The day the words were said, read from the narration of the quote's sentence and paragraph.

    The narration is the sentence where the quote opens and the one where it closes, so a long
    quote costs no more than a short one. Most quotes name no day and are returned as built:
    copying a frozen record cost more than finding its date.
    """
    first = reading.sentences.around(max(quote.start - 1, 0))
    last = reading.sentences.around(min(quote.end + 1, len(reading.body) - 1))
    pieces = [first] if last.start <= first.end else [first, last]
    value, precision = said_on(pieces, reading.paragraph_of(quote.start))
    if (value, precision) == (quote.said_on, quote.said_on_precision):
        return quote
    return replace(quote, said_on=value, said_on_precision=precision)
