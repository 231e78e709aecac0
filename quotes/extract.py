"""Find quote spans in an article's text: marks, pairing, paragraphs, kinds.

Works paragraph by paragraph (a paragraph is a line of the body). Each quote mark is judged
by what stands on either side of it (can it open? can it close?), then marks are paired in
order. Double marks are paired first; single marks only outside double quotes, and only where
they cannot be apostrophes. Knows nothing of speakers or the database.

Runs on every article the engine reads, so the common path is kept short: the marks are found
once per article (a C scan per mark character), apostrophes are dropped there, and only the
paragraphs that still hold a mark are visited; work that few paragraphs need (single marks,
orphan closers, a quote left open) is done only where it is needed.
"""

from __future__ import annotations

import string
from bisect import bisect_left, bisect_right, insort
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

import regex

from quotes.lexicon import lexicon, word_trie
from quotes.records import Span

DOUBLE_OPENERS = "“„‟«"
DOUBLE_CLOSERS = "”»"
SINGLE_OPENERS = "‘‚‹"
SINGLE_CLOSERS = "’›"
DOUBLE_MARKS = DOUBLE_OPENERS + DOUBLE_CLOSERS + '"'
SINGLE_MARKS = SINGLE_OPENERS + SINGLE_CLOSERS + "'"
QUOTE_MARKS = frozenset(DOUBLE_MARKS + SINGLE_MARKS)
OPEN_CONTEXT = set(" \t([{—–-/") | set(DOUBLE_OPENERS + SINGLE_OPENERS + "\"'")
# "\n" stands for the end of the paragraph, after which a mark can close.
CLOSE_FOLLOW = set(" \t.,;:!?)]}—–-…/\n") | set(DOUBLE_CLOSERS + SINGLE_CLOSERS + "\"'")
SENTENCE_END = set(".!?…")
WORD = regex.compile(r"[\p{L}\p{N}]+(?:[’'\-][\p{L}\p{N}]+)*")
CAPITALISED = regex.compile(r"\p{Lu}[\p{L}\-]*")
NAME_BEFORE = regex.compile(r"(\p{Lu}[\p{L}\.\-]*) $")
ASCII_ALNUM = frozenset(string.ascii_letters + string.digits)
HEADLINE_PREFIX = regex.compile(r"^\s*\[[^\]]{1,40}\]\s*")
MAX_CUE_WINDOW = 120
LINK_LABEL_REACH = 40  # characters from a line's start within which a link label's colon or bar stands


class Paragraph(NamedTuple):
    """One line of the body: its offsets and its index.

    A named tuple rather than a frozen dataclass: every article has dozens, and a tuple is the
    cheapest immutable record to build.
    """

    index: int
    start: int
    end: int


def paragraphs(body: str) -> list[Paragraph]:
    """The non-blank lines of the body, in order (one split, offsets counted from line lengths)."""
    found = []
    start = 0
    for line in body.split("\n"):
        end = start + len(line)
        if line and not line.isspace():
            found.append(Paragraph(len(found), start, end))
        start = end + 1
    return found


def _sides(text: str, i: int, start: int, end: int) -> tuple[bool, bool]:
    """Whether the mark at i can open (after a space or bracket, before a non-space) and whether
    it can close (after a non-space, before a space, punctuation or the paragraph's end)."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else "\n"
    return before in OPEN_CONTEXT and not after.isspace(), not before.isspace() and after in CLOSE_FOLLOW


def _is_apostrophe(text: str, i: int) -> bool:
    """A single mark inside a word (don't, Iraq’s) or before a year ('90s). The line break that ends
    a paragraph is neither letter nor digit, so the paragraph's bounds need no checking."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True
    return after.isdigit() and not before.isalnum()


@dataclass(slots=True)
class _Pair:
    open_mark: int  # -1 when the opening mark was lost
    close_mark: int  # -1 when the closing mark was lost
    text_start: int = -1  # where the words begin when the opening mark was lost

    @property
    def begins(self) -> int:
        return self.open_mark if self.open_mark >= 0 else self.text_start


def _pair_doubles(text: str, para: Paragraph, marks: list[int]) -> tuple[list[_Pair], int | None, list[int]]:
    """Pairs of the paragraph's double `marks` (in order), a still-open mark at its end, and orphan closers."""
    pairs: list[_Pair] = []
    orphans: list[int] = []
    pending: int | None = None
    start, end = para.start, para.end
    for i in marks:
        opens, closes = _sides(text, i, start, end)
        char = text[i]
        if char in DOUBLE_OPENERS and opens:
            closes = False  # a curly opener that can open does open
        if char in DOUBLE_CLOSERS and closes:
            opens = False
        if pending is None:
            if opens:
                pending = i
            elif closes:
                orphans.append(i)
        elif closes:
            pairs.append(_Pair(pending, i))
            pending = None
        elif opens:
            pending = i
    return pairs, pending, orphans


def _inside(i: int, bounds: list[tuple[int, int]], starts: list[int]) -> bool:
    """Whether position i lies strictly within one of the ordered, disjoint `bounds`."""
    k = bisect_right(starts, i) - 1
    return k >= 0 and bounds[k][0] < i < bounds[k][1]


def _pair_singles(text: str, para: Paragraph, marks: list[int], doubles: list[tuple[int, int]]) -> list[_Pair]:
    """Pairs of the paragraph's single `marks` (apostrophes already dropped) outside the `doubles`
    (ordered bounds)."""
    start, end = para.start, para.end
    starts = [b[0] for b in doubles]
    opens: list[int] = []
    closes: list[int] = []
    for i in marks:
        if doubles and _inside(i, doubles, starts):
            continue
        can_open, can_close = _sides(text, i, start, end)
        char = text[i]
        if char not in SINGLE_CLOSERS and can_open:
            opens.append(i)
        elif char not in SINGLE_OPENERS and can_close:
            closes.append(i)
    pairs: list[_Pair] = []
    ci = 0
    for oi, o in enumerate(opens):
        if pairs and o < pairs[-1].close_mark:
            continue
        next_open = opens[oi + 1] if oi + 1 < len(opens) else end
        while ci < len(closes) and closes[ci] <= o:
            ci += 1
        before_next = bisect_left(closes, next_open, ci)
        candidates = closes[ci:before_next] or closes[before_next : before_next + 1]
        if not candidates:
            continue
        strong = [c for c in candidates if text[c - 1] in ",.!?;:…" or text[c + 1 : c + 2] in ("", ",", ".", ";", ":", "!", "?", "\n")]
        pairs.append(_Pair(o, (strong or candidates)[0]))
    return pairs


def _inside_any(pair: _Pair, outer: list[_Pair], opens: list[int]) -> bool:
    """Whether `pair` lies within one of the (ordered, disjoint) `outer` pairs: a nested quote."""
    k = bisect_right(opens, pair.open_mark) - 1
    return k >= 0 and pair.close_mark < outer[k].close_mark


def _followed_by_cue(text: str, i: int, end: int) -> bool:
    """A reporting verb within a few words after position i (`…,” Smith said`)."""
    verbs = lexicon().verb_lemma
    window = text[i : min(end, i + MAX_CUE_WINDOW)]
    return any(w.lower() in verbs for w in WORD.findall(window)[:7])


def _recovered_openings(body: str, para: Paragraph, orphans: list[int], marks: list[_Pair]) -> list[_Pair]:
    """Spans for orphan closers followed by a cue: the words run from the last close before them."""
    found = []
    closes = sorted(p.close_mark for p in marks)
    for orphan in orphans:
        if not _followed_by_cue(body, orphan + 1, para.end):
            continue
        k = bisect_right(closes, orphan - 1)
        start = (closes[k - 1] if k else para.start - 1) + 1
        insort(closes, orphan)
        while start < orphan and body[start].isspace():
            start += 1
        if start < orphan:
            found.append(_Pair(-1, orphan, text_start=start))
    return found


def _starts_sentence(text: str, i: int, para_start: int) -> bool:
    j = i - 1
    while j >= para_start and text[j].isspace():
        j -= 1
    if j < para_start:
        return True
    if text[j] in "“”\"'’»" and j > para_start:
        j -= 1
    return text[j] in SENTENCE_END or text[j] in ":—–-"


def _kind(body: str, text: str, start: int, open_mark: int, para: Paragraph) -> str:
    """Direct when the quote begins a sentence with a capital (or a bracket, an ellipsis, a figure);
    the first character, the cheaper test, is read first."""
    first = text[:1]
    if first.isspace():
        first = text.lstrip()[:1]
    if not (first.isupper() or first in "[(…0123456789"):
        return "partial"
    return "direct" if _starts_sentence(body, open_mark if open_mark >= 0 else start, para.start) else "partial"


def _is_nickname(text: str, pair: _Pair) -> bool:
    """Joel “JB” Vowell: one or two capitalised words between two parts of a name.

    Tests go cheapest first: almost every real quote has more than two words, and splitting
    stops at the third.
    """
    words = text[pair.open_mark + 1 : pair.close_mark].split(None, 2)  # a third item means too many words
    if not 1 <= len(words) <= 2 or not all(w[:1].isupper() for w in words):
        return False
    if text[pair.close_mark + 1 : pair.close_mark + 2] != " " or not CAPITALISED.match(text, pair.close_mark + 2):
        return False
    return NAME_BEFORE.search(text[max(0, pair.open_mark - 40) : pair.open_mark]) is not None


def headline_paragraphs(text: str, paras: list[Paragraph], title: str | None) -> set[int]:
    """Paragraphs that are the headline (or repeat it): their marks quote nobody.

    A short paragraph's whole word key is built only when its first word can begin the
    headline's: most paragraphs fail that test on their first letter (after any quote mark),
    most of the rest on the next few.
    """
    found = set()
    wanted = _headline_key(title) if title else None
    if wanted:
        lead = wanted.split(" ", 1)[0]
        other_initials = _other_initials(lead[0])
        longest = 2 * len(title) + 20
        for para in paras:
            start = para.start
            if para.end - start > longest:
                continue
            initial = text[start]
            if initial in QUOTE_MARKS:
                initial = text[start + 1 : start + 2]
            if initial in other_initials or _first_word_differs(text[start : start + len(lead) + 1], lead):
                continue
            line = text[start : para.end]
            if line == title or _headline_key(line).startswith(wanted):
                found.add(para.index)
    if paras and not wanted:
        first_line = text[paras[0].start : paras[0].end].strip()
        if first_line and first_line[-1] not in ".!?:”\"" and len(first_line.split()) <= 25:
            found.add(paras[0].index)
    return found


@cache
def _other_initials(initial: str) -> frozenset[str]:
    """ASCII letters and digits that, lowered, are not `initial`: a first word starting with one of
    them cannot begin with a word starting with `initial`."""
    return frozenset(c for c in ASCII_ALNUM if c.lower() != initial)


def _first_word_differs(line: str, lead: str) -> bool:
    """True when a line's headline key surely does not begin with `lead`, judged on its first characters:
    after at most one quote mark, a first word that starts with an ASCII letter or digit must spell the
    lead right there, and ASCII lowers one character at a time. False when unsure (the whole key decides)."""
    if line[:1] in QUOTE_MARKS:
        line = line[1:]
    if line[:1] not in ASCII_ALNUM:
        return False
    for char, wanted in zip(line, lead, strict=False):  # the line may be shorter or longer than its lead
        if not char.isascii():
            return False
        if char.lower() != wanted:
            return True
    return False


def _headline_key(line: str) -> str:
    return " ".join(WORD.findall(HEADLINE_PREFIX.sub("", line).lower()))


@dataclass(frozen=True)
class Layout:
    """An article's paragraphs and which of them are its headline: read once, used by every stage."""

    paragraphs: list[Paragraph]
    headlines: set[int]


def layout(body: str, title: str | None = None) -> Layout:
    """Paragraphs and headline paragraphs of a body (a link to another story counts as one)."""
    paras = paragraphs(body)
    return Layout(paras, headline_paragraphs(body, paras, title) | link_lines(body, paras))


@cache
def _link_label() -> regex.Pattern:
    return regex.compile(rf"[^\S\n]*(?:{word_trie(lexicon().link_labels)})[^\S\n]*[:|]", regex.IGNORECASE)


def link_lines(body: str, paras: list[Paragraph]) -> set[int]:
    """Lines that link to another story ("Read more: 'We are broke,' says treasurer"): like a
    headline, their marks quote nobody here and the names in them are not the story's. Only a line
    with a colon or a bar near its start is matched against the labels."""
    found = set()
    for para in paras:
        near = min(para.end, para.start + LINK_LABEL_REACH)
        if (body.find(":", para.start, near) >= 0 or body.find("|", para.start, near) >= 0) and _link_label().match(
            body, para.start, para.end
        ):
            found.add(para.index)
    return found


def find_spans(body: str, title: str | None = None, page: Layout | None = None) -> list[Span]:
    """Every quote span in the body, in order of position.

    Only paragraphs that hold a mark are visited. A quote left open runs on (`continuing`) only into
    the very next paragraph, and only when that one opens with a double mark, so that paragraph is
    always the next one visited.
    """
    page = page or layout(body, title)
    paras, headlines = page.paragraphs, page.headlines
    starts = [p.start for p in paras]
    doubles_in, singles_in = _double_marks(body, starts), _single_marks(body, starts)
    spans: list[Span] = []
    continuing = False
    for index in sorted(doubles_in.keys() | singles_in.keys()):
        para = paras[index]
        if continuing and not _opens_with_double(body, para):
            continuing = False
        marks, pending = _paragraph_pairs(body, para, doubles_in.get(index, []), singles_in.get(index, []))
        next_opens = pending is not None and index + 1 < len(paras) and _opens_with_double(body, paras[index + 1])
        if pending is not None and (next_opens or _starts_sentence(body, pending, para.start)):
            marks.append(_Pair(pending, -1))
        if len(marks) > 1:
            marks.sort(key=lambda p: p.begins)
        for pair in marks:
            span = _span(body, para, pair, headlines, continuing)
            if span is not None:
                spans.append(span)
        continuing = next_opens
    return spans


def _paragraph_pairs(body: str, para: Paragraph, doubles: list[int], singles: list[int]) -> tuple[list[_Pair], int | None]:
    """The paragraph's quote pairs (doubles not nested in singles, singles, recovered openings) and
    the double mark still open at its end."""
    pairs, pending, orphans = _pair_doubles(body, para, doubles)
    if singles:
        bounds = [(p.open_mark, p.close_mark) for p in pairs]
        if pending is not None:
            bounds.append((pending, para.end))
        single_pairs = _pair_singles(body, para, singles, bounds)
        single_opens = [o.open_mark for o in single_pairs]
        pairs = [p for p in pairs if not _inside_any(p, single_pairs, single_opens)] + single_pairs
    if orphans:
        pairs += _recovered_openings(body, para, orphans, pairs)
    return pairs, pending


def _positions(body: str, chars: str) -> list[int]:
    """Where any of `chars` stands in the body, in order.

    One str.find scan per character over the whole body: a C scan, several times cheaper than a
    character-class regex, and then most paragraphs cost nothing because they hold no mark.
    """
    found = []
    for char in chars:
        i = body.find(char)
        while i >= 0:
            found.append(i)
            i = body.find(char, i + 1)
    found.sort()
    return found


def _double_marks(body: str, starts: list[int]) -> dict[int, list[int]]:
    """Double marks grouped by paragraph index (a mark is never blank, so its line is a paragraph)."""
    grouped: defaultdict[int, list[int]] = defaultdict(list)
    for i in _positions(body, DOUBLE_MARKS):
        grouped[bisect_right(starts, i) - 1].append(i)
    return grouped


def _single_marks(body: str, starts: list[int]) -> dict[int, list[int]]:
    """Single marks that are not apostrophes, grouped by paragraph index. Dropped here, apostrophes
    (don't, Iraq’s) leave most of their paragraphs with no mark at all, and those are not visited."""
    grouped: defaultdict[int, list[int]] = defaultdict(list)
    for i in _positions(body, SINGLE_MARKS):
        if not _is_apostrophe(body, i):
            grouped[bisect_right(starts, i) - 1].append(i)
    return grouped


def _opens_with_double(body: str, para: Paragraph) -> bool:
    """Whether the paragraph's first non-space character is a double mark that may open."""
    i = para.start
    while i < para.end and body[i].isspace():
        i += 1
    return i < para.end and (body[i] in DOUBLE_OPENERS or body[i] == '"')


def _has_word(text: str) -> bool:
    """Whether the text holds a word. Most quotes begin with an ASCII letter or digit, which settles it
    without running the regex."""
    return text[:1] in ASCII_ALNUM or WORD.search(text) is not None


def _span(body: str, para: Paragraph, pair: _Pair, headlines: set[int], continuing: bool) -> Span | None:
    open_mark = pair.open_mark
    start = open_mark + 1 if open_mark >= 0 else pair.text_start
    end = pair.close_mark if pair.close_mark >= 0 else para.end
    while end > start and body[end - 1].isspace():
        end -= 1
    text = body[start:end]
    if not _has_word(text):
        return None
    if para.index in headlines:
        kind = "headline"
    elif open_mark >= 0 and pair.close_mark >= 0 and _is_nickname(body, pair):
        kind = "nickname"
    elif continuing and open_mark >= 0 and not body[para.start : open_mark].strip():
        kind = "direct"
    else:
        kind = _kind(body, text, start, open_mark, para)
    return Span(start, end, text, kind, open_mark, pair.close_mark, para.index)
