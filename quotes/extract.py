"""Find quote spans in an article's text: marks, pairing, paragraphs, kinds.

Works paragraph by paragraph (a paragraph is a line of the body). Each quote mark is judged
by what stands on either side of it (can it open? can it close?), then marks are paired in
order. Double marks are paired first; single marks only outside double quotes, and only where
they cannot be apostrophes. Knows nothing of speakers or the database.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass

import regex

from quotes.lexicon import lexicon
from quotes.records import Span

DOUBLE_OPENERS = "“„‟«"
DOUBLE_CLOSERS = "”»"
SINGLE_OPENERS = "‘‚‹"
SINGLE_CLOSERS = "’›"
DOUBLE_MARKS = regex.compile(r'[“”„‟«»"]')
SINGLE_MARKS = regex.compile(r"[‘’‚‹›']")
OPEN_CONTEXT = set(" \t([{—–-/") | set(DOUBLE_OPENERS + SINGLE_OPENERS + "\"'")
CLOSE_FOLLOW = set(" \t.,;:!?)]}—–-…/") | set(DOUBLE_CLOSERS + SINGLE_CLOSERS + "\"'")
SENTENCE_END = set(".!?…")
PARAGRAPHS = regex.compile(r"[^\n]+")
WORD = regex.compile(r"[\p{L}\p{N}]+(?:[’'\-][\p{L}\p{N}]+)*")
CAPITALISED = regex.compile(r"\p{Lu}[\p{L}\-]*")
HEADLINE_PREFIX = regex.compile(r"^\s*\[[^\]]{1,40}\]\s*")
MAX_CUE_WINDOW = 120


@dataclass(frozen=True)
class Paragraph:
    """One line of the body: its offsets and its index."""

    index: int
    start: int
    end: int


def paragraphs(body: str) -> list[Paragraph]:
    """The non-empty lines of the body, in order."""
    found = []
    for match in PARAGRAPHS.finditer(body):
        if match.group().strip():
            found.append(Paragraph(len(found), match.start(), match.end()))
    return found


def _can_open(text: str, i: int, start: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < len(text) else "\n"
    return before in OPEN_CONTEXT and not after.isspace()


def _can_close(text: str, i: int, start: int, end: int) -> bool:
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return not before.isspace() and (after in CLOSE_FOLLOW or after == "\n")


def _is_apostrophe(text: str, i: int, start: int, end: int) -> bool:
    """A single mark inside a word (don't, Iraq’s) or before a year ('90s)."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    if before.isalnum() and after.isalnum():
        return True
    return after.isdigit() and not before.isalnum()


@dataclass
class _Pair:
    open_mark: int  # -1 when the opening mark was lost
    close_mark: int  # -1 when the closing mark was lost
    text_start: int = -1  # where the words begin when the opening mark was lost

    @property
    def begins(self) -> int:
        return self.open_mark if self.open_mark >= 0 else self.text_start


def _pair_doubles(text: str, para: Paragraph) -> tuple[list[_Pair], int | None, list[int]]:
    """Pairs of double marks, a still-open mark at the paragraph's end, and orphan closers."""
    pairs: list[_Pair] = []
    orphans: list[int] = []
    pending: int | None = None
    for match in DOUBLE_MARKS.finditer(text, para.start, para.end):
        i = match.start()
        char = text[i]
        opens = _can_open(text, i, para.start)
        closes = _can_close(text, i, para.start, para.end)
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


def _pair_singles(text: str, para: Paragraph, inside_double) -> list[_Pair]:
    """Pairs of single marks outside double quotes, never taking an apostrophe for a mark."""
    opens: list[int] = []
    closes: list[int] = []
    for match in SINGLE_MARKS.finditer(text, para.start, para.end):
        i = match.start()
        if inside_double(i) or _is_apostrophe(text, i, para.start, para.end):
            continue
        char = text[i]
        if char not in SINGLE_CLOSERS and _can_open(text, i, para.start):
            opens.append(i)
        elif char not in SINGLE_OPENERS and _can_close(text, i, para.start, para.end):
            closes.append(i)
    pairs = []
    ci = 0
    for oi, o in enumerate(opens):
        if pairs and o < pairs[-1].close_mark:
            continue
        next_open = opens[oi + 1] if oi + 1 < len(opens) else para.end
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


def _starts_sentence(text: str, i: int, para_start: int) -> bool:
    j = i - 1
    while j >= para_start and text[j].isspace():
        j -= 1
    if j < para_start:
        return True
    if text[j] in "“”\"'’»" and j > para_start:
        j -= 1
    return text[j] in SENTENCE_END or text[j] in ":—–-"


def _kind(text: str, start: int, end: int, open_mark: int, para: Paragraph) -> str:
    first = text[start:end].lstrip()[:1]
    at_start = _starts_sentence(text, open_mark if open_mark >= 0 else start, para.start)
    if at_start and (first[:1].isupper() or first in "[(…0123456789"):
        return "direct"
    return "partial"


def _is_nickname(text: str, pair: _Pair) -> bool:
    """Joel “JB” Vowell: one or two capitalised words between two parts of a name."""
    inner = text[pair.open_mark + 1 : pair.close_mark]
    words = inner.split()
    if not 1 <= len(words) <= 2 or not all(w[:1].isupper() for w in words):
        return False
    before = regex.search(r"(\p{Lu}[\p{L}\.\-]*) $", text[max(0, pair.open_mark - 40) : pair.open_mark])
    after = CAPITALISED.match(text, pair.close_mark + 2) if text[pair.close_mark + 1 : pair.close_mark + 2] == " " else None
    return bool(before and after)


def headline_paragraphs(text: str, paras: list[Paragraph], title: str | None) -> set[int]:
    """Paragraphs that are the headline (or repeat it): their marks quote nobody."""
    found = set()
    wanted = _headline_key(title) if title else None
    longest = 2 * len(title) + 20 if title else 0
    for para in paras:
        if not wanted or para.end - para.start > longest:
            continue
        key = _headline_key(text[para.start : para.end])
        if key and (key == wanted or key.startswith(wanted)):
            found.add(para.index)
    if paras and not wanted:
        first = text[paras[0].start : paras[0].end].strip()
        if first and first[-1] not in ".!?:”\"" and len(first.split()) <= 25:
            found.add(paras[0].index)
    return found


def _headline_key(line: str) -> str:
    return " ".join(WORD.findall(HEADLINE_PREFIX.sub("", line).lower()))


@dataclass(frozen=True)
class Layout:
    """An article's paragraphs and which of them are its headline: read once, used by every stage."""

    paragraphs: list[Paragraph]
    headlines: set[int]


def layout(body: str, title: str | None = None) -> Layout:
    """Paragraphs and headline paragraphs of a body."""
    paras = paragraphs(body)
    return Layout(paras, headline_paragraphs(body, paras, title))


def find_spans(body: str, title: str | None = None, page: Layout | None = None) -> list[Span]:
    """Every quote span in the body, in order of position."""
    page = page or layout(body, title)
    paras, headlines = page.paragraphs, page.headlines
    spans: list[Span] = []
    continuing = False
    for para in paras:
        pairs, pending, orphans = _pair_doubles(body, para)
        if continuing and body[para.start : para.end].lstrip()[:1] not in DOUBLE_OPENERS + '"':
            continuing = False
        double_bounds = sorted((p.open_mark, p.close_mark) for p in pairs)
        if pending is not None:
            double_bounds.append((pending, para.end))
        starts = [b[0] for b in double_bounds]

        def inside_double(i: int, bounds=double_bounds, starts=starts) -> bool:
            k = bisect_right(starts, i) - 1
            return k >= 0 and bounds[k][0] < i < bounds[k][1]

        singles = _pair_singles(body, para, inside_double)
        single_opens = [o.open_mark for o in singles]
        pairs = [p for p in pairs if not _inside_any(p, singles, single_opens)]
        marks = sorted(pairs + singles, key=lambda p: p.open_mark)
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
                marks.append(_Pair(-1, orphan, text_start=start))
        next_opens = _next_paragraph_opens(body, paras, para.index)
        if pending is not None and (next_opens or _starts_sentence(body, pending, para.start)):
            marks.append(_Pair(pending, -1))
        for pair in sorted(marks, key=lambda p: p.begins):
            spans.extend(_span(body, para, pair, headlines, continuing))
        continuing = pending is not None and next_opens
    return spans


def _next_paragraph_opens(body: str, paras: list[Paragraph], index: int) -> bool:
    if index + 1 >= len(paras):
        return False
    nxt = paras[index + 1]
    first = body[nxt.start : nxt.end].lstrip()[:1]
    return first in DOUBLE_OPENERS or first == '"'


def _span(body: str, para: Paragraph, pair: _Pair, headlines: set[int], continuing: bool) -> list[Span]:
    open_mark = pair.open_mark
    start = open_mark + 1 if open_mark >= 0 else pair.text_start
    end = pair.close_mark if pair.close_mark >= 0 else para.end
    while end > start and body[end - 1].isspace():
        end -= 1
    text = body[start:end]
    if not WORD.search(text):
        return []
    if para.index in headlines:
        kind = "headline"
    elif open_mark >= 0 and pair.close_mark >= 0 and _is_nickname(body, pair):
        kind = "nickname"
    elif continuing and open_mark >= 0 and not body[para.start : open_mark].strip():
        kind = "direct"
    else:
        kind = _kind(body, start, end, open_mark, para)
    return [Span(start, end, text, kind, open_mark, pair.close_mark, para.index)]
