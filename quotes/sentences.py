"""Sentences of an article, and its text with quoted words masked out.

The rules read the narration around quotes, never the quoted words: a name or a verb inside
a quote says nothing about who is speaking. Masking keeps every offset, so what a rule finds
in the masked text points at the same place in the body.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import NamedTuple

import regex

from quotes.lexicon import lexicon
from quotes.records import Span

MASK = "·"
QUOTED_KINDS = ("direct", "partial")
MAX_REACH = 1500
NEWLINE = regex.compile(r"\n")
BOUNDARY = regex.compile(r"[.!?…]+[\"”’'»)]*\s+(?=[\"“‘'«(\[]{0,2}[\p{Lu}\d])")  # 'The …', ("I …
# Searched backwards from the boundary: a forward search would try every start in its window.
LAST_WORD = regex.compile(r"([\p{L}\.]+)[.!?…]+[\"”’'»)]*\s+$", regex.REVERSE)


class Sentence(NamedTuple):
    start: int
    end: int


class _MaskTable(dict):
    """A `str.translate` table that keeps whitespace and turns every other character into MASK.

    Filled as characters are met; translating is twice as fast as a regex substitution.
    """

    def __missing__(self, code: int) -> str:
        char = chr(code)
        value = self[code] = char if char.isspace() else MASK
        return value


_MASK_TABLE = _MaskTable()


def _masked_words(quoted: str) -> str:
    """`quoted` with every character but whitespace turned into MASK.

    Most quotes hold no whitespace but plain spaces (any other is unprintable): masking them a
    word at a time costs half as much as translating them a character at a time.
    """
    if not quoted.isprintable():
        return quoted.translate(_MASK_TABLE)
    return " ".join([MASK * len(word) for word in quoted.split(" ")])


def masked(body: str, spans: list[Span]) -> str:
    """The body with each quote's words replaced by MASK; marks and final punctuation stay.

    Nicknames and headline marks are not quotes of anyone, so their words stay readable.
    """
    pieces = []
    done = 0
    for span in sorted(spans, key=lambda s: s.start):
        if span.kind not in QUOTED_KINDS:
            continue
        start = max(span.start, done)
        keep = span.end - 1 if span.end > span.start and body[span.end - 1] in ",.!?;:…" else span.end
        if keep <= start:
            continue
        pieces.append(body[done:start])
        pieces.append(_masked_words(body[start:keep]))
        done = keep
    pieces.append(body[done:])
    return "".join(pieces)


class Sentences:
    """Sentence boundaries of a body, never inside a quote, never after an abbreviation."""

    def __init__(self, body: str, spans: list[Span]) -> None:
        abbreviations = lexicon().abbreviations
        interiors = sorted((s.open_mark if s.open_mark >= 0 else s.start, s.end) for s in spans)
        starts = [a for a, _ in interiors]
        bounds = [0]
        for match in BOUNDARY.finditer(body):
            cut = match.end()
            k = bisect_right(starts, cut) - 1
            if k >= 0 and interiors[k][0] < cut < interiors[k][1]:
                continue
            word = LAST_WORD.search(body, max(0, match.start() - 30), cut)
            if word:
                last = word.group(1).lower().rstrip(".")
                if last in abbreviations or len(last.replace(".", "")) <= 1 or "." in last:
                    continue
            bounds.append(cut)
        bounds.extend(m.end() for m in NEWLINE.finditer(body))
        self.starts = sorted(set(bounds))
        self.length = len(body)
        self._whole: dict[int, Sentence] = {}  # sentence index -> the sentence, when no bound cuts it

    def around(self, position: int) -> Sentence:
        """The sentence holding `position`, at most MAX_REACH characters either side of it.

        Real sentences are far shorter; the bound keeps text with no full stops (a 20 MB run of
        stray marks) linear, since every rule reads only the sentence around a quote.
        """
        k = bisect_right(self.starts, position) - 1
        start = self.starts[k]
        end = self.starts[k + 1] if k + 1 < len(self.starts) else self.length
        if start < position - MAX_REACH or end > position + MAX_REACH:
            return Sentence(max(start, position - MAX_REACH), min(end, position + MAX_REACH))
        if k not in self._whole:
            self._whole[k] = Sentence(start, end)
        return self._whole[k]
