"""Dates in news English: publication dates for documents, and the day words were said.

Every pattern uses bounded repetition only, so a search over a huge paragraph stays linear.
Month and weekday names are the only vocabulary; names from the news never appear here.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import NamedTuple, Protocol

import regex

from quotes.lexicon import word_trie

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4,
    "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11,
    "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "mon": 0, "tuesday": 1, "tues": 1, "tue": 1, "wednesday": 2, "wed": 2,
    "thursday": 3, "thurs": 3, "thu": 3, "friday": 4, "fri": 4, "saturday": 5, "sat": 5,
    "sunday": 6, "sun": 6,
}
PARAGRAPH_WINDOW = 1000  # characters of the paragraph read on each side of the sentence
# Words that, right before a date, tie it to the act of speaking ("said on", "announced Thursday").
LEAD_WORDS = ("on", "said", "says", "told", "tells", "wrote", "writes", "late", "early", "earlier", "last")


def _names(table: dict[str, int], abbreviation_dot: bool) -> str:
    """Capitalised and upper-case forms as a trie, which tries the longest first: `Sept.` wins over `Sep`."""
    forms = {w.capitalize() for w in table} | {w.upper() for w in table}
    return rf"(?:{word_trie(forms)})\b" + (r"\.?" if abbreviation_dot else "")


_MONTH = "(?P<month>" + _names(MONTHS, True) + ")"
_WEEKDAY = "(?P<weekday>" + _names(WEEKDAYS, True) + ")"
# In running prose a weekday is spelled out or abbreviated with a dot: "told The Sun" is no Sunday.
_PROSE_WEEKDAY = (
    "(?P<weekday>" + _names({d: n for d, n in WEEKDAYS.items() if len(d) > 5}, False)
    + "|" + _names({d: n for d, n in WEEKDAYS.items() if len(d) <= 5}, False) + r"\.)"
)
_SP = r"[ \t\u00a0]{1,3}"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)\b"

_FULL = (
    rf"\b{_DAY}{_SP}(?:of{_SP})?{_MONTH},?{_SP}{_YEAR}"
    rf"|{_MONTH}{_SP}{_DAY},?{_SP}{_YEAR}"
    r"|\b(?P<year>(?:19|20)\d\d)-(?P<mnum>[01]\d)-(?P<day>[0-3]\d)(?!\d)"
)
_DAY_MONTH = rf"\b{_DAY}{_SP}(?:of{_SP})?{_MONTH}|{_MONTH}{_SP}{_DAY}\b(?![:.,]?\d)"

FULL_DATE = regex.compile(_FULL)
_UNIT = r"(?:days?|weeks?|months?|hours?|years?)"
# Times told relative to another event ("days later", "the week before"): they say when, but
# not a day we can know, and they stop the search from borrowing a date from another sentence.
_RELATIVE = (
    rf"\b(?:\d{{1,2}}|a|an|a{_SP}few|few|two|three|several|some){_SP}{_UNIT}{_SP}(?:later|earlier|before|after|ago)\b"
    rf"|\b(?:[Dd]ays|[Ww]eeks|[Mm]onths|[Hh]ours){_SP}(?:later|earlier|before|after|ago)\b"
    rf"|\b[Tt]he{_SP}(?:next|following|previous|same){_SP}(?:day|week|month|morning|evening)\b"
    rf"|\b[Tt]he{_SP}(?:day|week|month){_SP}(?:before|after)\b"
    rf"|\b(?:[Ll]ater|[Ee]arlier){_SP}that{_SP}(?:day|week|month)\b"
    rf"|\b(?:[Ll]ast|[Tt]his|[Ee]arlier{_SP}this){_SP}week\b"
)
# Every phrase that can say when, kind by kind, in the order they are tried at one place:
# calendar dates (full dates first, so "7 February 2024" is one phrase), then relative times.
_CALENDAR = regex.compile(
    rf"(?P<full>{_FULL})|(?P<daymonth>{_DAY_MONTH})|(?P<wd>{_PROSE_WEEKDAY})(?!,?{_SP}(?:\d|{_MONTH}))"
)
_LAST_MONTH = regex.compile(rf"\b[Ll]ast{_SP}month\b")
_YESTERDAY = regex.compile(r"\b[Yy]esterday\b")
_RELATIVE_TIME = regex.compile(_RELATIVE)
# Each kind searches on its own: `regex` skips ahead to where a short pattern can start, but
# tries each branch of a long alternation at every character (WHEN reads news text twice as slowly).
_KINDS = (_CALENDAR, _LAST_MONTH, _YESTERDAY, _RELATIVE_TIME)
# The kinds as one pattern, for a scan that wants every phrase in one pass.
WHEN = regex.compile("|".join(f"(?:{kind.pattern})" for kind in _KINDS))
# Searched backwards from the end it must touch: a forward search would try every start.
_LEAD = regex.compile(
    rf"(?:\b(?:{'|'.join(LEAD_WORDS)}|On|Last|Late|Early|Earlier)|\b\w+ed|(?:ed|said)on"
    rf"|{_WEEKDAY},?){_SP}$",
    regex.REVERSE,
)
# Every phrase WHEN finds holds one of these words, whole at its end, or an ISO date: a cheap
# test that most paragraphs name no time (a trie of plain words, one search a paragraph).
_HINT_WORDS = regex.compile(
    word_trie(
        {form for table in (MONTHS, WEEKDAYS) for name in table for form in (name.capitalize(), name.upper())}
        | {unit + plural for unit in ("day", "week", "month", "hour", "year") for plural in ("", "s")}
        | {unit + plural for unit in ("Day", "Week", "Month", "Hour") for plural in ("", "s")}
        | {"yesterday", "Yesterday", "morning", "evening"}
    )
    + r"\b"
)
_ISO_HINT = regex.compile(r"\d-[01]\d-")
_LAST = regex.compile(rf"\b[Ll]ast{_SP}$")
# Quoted words are what someone said, not when: "on Sunday" inside a quote is not said_on.
# Each pattern stops at the next opening mark, so a run of stray marks is scanned once.
_QUOTED = regex.compile(r"“[^“”]{0,100000}”|\"[^\"]{0,100000}\"|‘[^‘“”\n]{0,100000}?’(?!\w)")


def _month_number(match: regex.Match) -> int:
    if match.group("mnum"):
        return int(match.group("mnum"))
    return MONTHS[match.group("month").rstrip(".").lower()]


def _make_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_date(text: str) -> str | None:
    """The first full calendar date in `text` (`18 Jan 2024`, `Jan. 18, 2024`, `2024-01-18`) as ISO."""
    for match in FULL_DATE.finditer(text):
        date = _make_date(int(match.group("year")), _month_number(match), int(match.group("day")))
        if date:
            return date.isoformat()
    return None


def _as_date(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        date = dt.date.fromisoformat(published[:10])
    except ValueError:
        return None
    return date if date.year > 1 else None  # room to count back a week or a month


def _day_month(month: int, day: int, published: dt.date | None) -> tuple[str | None, str | None]:
    """A day and month without a year: the publication's year, or the one before if that is later."""
    if _make_date(2000, month, day) is None:  # 2000 is a leap year: rejects only impossible days
        return None, None
    if published is None:
        return f"--{month:02d}-{day:02d}", "unknown-year"
    for year in (published.year, published.year - 1):
        date = _make_date(year, month, day)
        if date and date <= published:
            return date.isoformat(), "day"
    return None, None


def _resolve(match: regex.Match, published: dt.date | None, text: str) -> tuple[str | None, str | None]:
    """(value, precision) of a phrase one of the `_KINDS` found, told apart by the pattern that found it."""
    kind = match.re
    if kind is _CALENDAR and match.group("full"):
        date = _make_date(int(match.group("year")), _month_number(match), int(match.group("day")))
        return (date.isoformat(), "day") if date else (None, None)
    if kind is _CALENDAR and match.group("daymonth"):
        return _day_month(_month_number(match), int(match.group("day")), published)
    if published is None or kind is _RELATIVE_TIME:
        return None, None
    if kind is _CALENDAR:  # a weekday
        weekday = WEEKDAYS[match.group("weekday").rstrip(".").lower()]
        back = (published.weekday() - weekday) % 7
        if back == 0 and _LAST.search(text[max(0, match.start() - 8) : match.start()]):
            back = 7  # "last Friday" on a Friday means a week ago
        return (published - dt.timedelta(days=back)).isoformat(), "day"
    if kind is _LAST_MONTH:
        first = published.replace(day=1) - dt.timedelta(days=1)
        return f"{first.year:04d}-{first.month:02d}", "month"
    return (published - dt.timedelta(days=1)).isoformat(), "day"


def _is_tied(text: str, match: regex.Match, floor: int = 0) -> bool:
    """A date counts only where it dates an act (`said on 7 February`), not a noun (`his Jan. 5 statement`).

    The words before it are read back to `floor`, where the text being read begins: a date that
    opens it (`Monday, the minister said`) is tied.
    """
    if match.re is not _CALENDAR:  # a relative time ("last month", "days later") dates the telling
        return True
    before = text[max(floor, match.start() - 30) : match.start()]
    return not before.strip() or _LEAD.search(before) is not None


class Stretch(Protocol):
    """Offsets of a piece of the article: a sentence or a paragraph."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


class _Line(NamedTuple):
    """A line of the text `resolve_said_on` builds: its one sentence, or its paragraph."""

    start: int
    end: int


class _Scan(NamedTuple):
    """One paragraph with its quoted words blanked out, and the date phrases found in it."""

    base: int  # offset of the paragraph in the article: `masked` and the matches count from here
    masked: str  # empty when the paragraph names no time
    starts: list[int]  # where each phrase starts in the article, in order, to bisect
    phrases: list[regex.Match]


def _phrases(text: str) -> list[regex.Match]:
    """The phrases `WHEN.finditer(text)` finds, each as the match of its own kind.

    Each kind searches on its own and the earliest match is the next phrase; where kinds start
    at the same place the first in `_KINDS` wins, as in WHEN's alternation. A kind searches
    again only once a phrase has been read past the place it found.
    """
    found = []
    ahead = [kind.search(text) for kind in _KINDS]
    while any(ahead):
        phrase = min((match for match in ahead if match), key=regex.Match.start)  # the first of equals
        found.append(phrase)
        end = phrase.end()
        ahead = [kind.search(text, end) if m and m.start() < end else m for kind, m in zip(_KINDS, ahead, strict=True)]
    return found


def _may_name_time(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds a hint word or an ISO date: most paragraphs hold neither.

    An ISO date needs a dash, which few paragraphs have: a plain `find` spares them a search.
    """
    if _HINT_WORDS.search(text, start, end):
        return True
    return text.find("-", start, end) >= 0 and _ISO_HINT.search(text, start, end) is not None


def _scan(text: str, paragraph: Stretch) -> _Scan:
    """Blank the quoted words of one paragraph and find every date phrase in it, tied or not.

    Quote marks are paired within the paragraph, the line where they were written.
    """
    start, end = paragraph.start, paragraph.end
    if not _may_name_time(text, start, end):
        return _Scan(start, "", [], [])
    masked = _QUOTED.sub(lambda m: " " * len(m.group()), text[start:end])
    phrases = _phrases(masked)
    return _Scan(start, masked, [start + m.start() for m in phrases], phrases)


def _window(paragraph: Stretch, start: int, end: int) -> tuple[int, int]:
    """The paragraph around the sentence: time phrases far from it date something else."""
    if paragraph.end - paragraph.start <= 2 * PARAGRAPH_WINDOW:
        return paragraph.start, paragraph.end
    return max(paragraph.start, start - PARAGRAPH_WINDOW), min(paragraph.end, end + PARAGRAPH_WINDOW)


class SaidOn:
    """The day each quote of one article was said, from the narration of its sentence, then its paragraph.

    Each paragraph is masked and scanned for date phrases once, the first time a quote asks, and
    a quote picks the phrases inside its sentence or its paragraph window by bisecting their
    offsets: reading the text anew for every quote read a busy paragraph once per quote.
    Phrases are resolved once per article, since all its quotes share one publication date.
    """

    def __init__(
        self,
        text: str,
        published: str | None,
        paragraph_of: Callable[[int], Stretch],
        sentence_around: Callable[[int], Stretch],
    ) -> None:
        self.text = text
        self.published = _as_date(published)
        self.paragraph_of = paragraph_of  # the paragraph holding an offset
        self.sentence_around = sentence_around  # the sentence holding an offset
        self._scans: dict[int, _Scan] = {}  # paragraph start -> its scan
        self._resolved: dict[int, tuple[str | None, str | None]] = {}  # phrase start -> its date

    def __call__(self, start: int, end: int) -> tuple[str | None, str | None]:
        """(value, precision) for the words quoted at [start, end).

        The narration is the sentence where the quote opens and the one where it closes, so a
        long quote costs no more than a short one. Most paragraphs name no time: a quote whose
        sentences lie inside such a paragraph is answered before its sentences are looked up.
        """
        paragraph = self.paragraph_of(start)
        if paragraph.start < start and end < paragraph.end and not self._scan(paragraph).starts:
            return None, None
        first = self.sentence_around(max(start - 1, 0))
        last = self.sentence_around(min(end + 1, len(self.text) - 1))
        return self.read([first] if last.start <= first.end else [first, last], paragraph)

    def read(self, sentence: Sequence[Stretch], paragraph: Stretch) -> tuple[str | None, str | None]:
        """(value, precision) for words narrated in `sentence` (its pieces, in order) within `paragraph`.

        Precision is "day" (`2024-02-07`), "month" (`2024-01`) or "unknown-year" (`--02-07`).
        The first tied phrase decides, even when it cannot be resolved (a weekday without a
        publication date): a later date in the same text is more likely about something else.
        The sentence is read first, a phrase in it judged from where the sentence opens; then
        the paragraph window, a phrase in it judged from where the paragraph opens.
        """
        opening = sentence[0].start
        for piece in sentence:
            # A piece lies in another paragraph only for a quote opening its paragraph (the
            # sentence before it) or running past its end (the sentence it closes in).
            inside = paragraph.start <= piece.start < paragraph.end
            found = self._first_tied(paragraph if inside else self.paragraph_of(piece.start), piece.start, piece.end, opening)
            if found is not None:
                return found
        start, end = _window(paragraph, opening, sentence[-1].end)
        found = self._first_tied(paragraph, start, end, paragraph.start)
        return (None, None) if found is None else found

    def _scan(self, paragraph: Stretch) -> _Scan:
        scan = self._scans.get(paragraph.start)
        if scan is None:
            scan = self._scans[paragraph.start] = _scan(self.text, paragraph)
        return scan

    def _first_tied(
        self, paragraph: Stretch, start: int, end: int, floor: int
    ) -> tuple[str | None, str | None] | None:
        """The date of the first tied phrase starting in [start, end), judged from `floor`; None if none."""
        scan = self._scan(paragraph)
        floor = max(floor - scan.base, 0)
        for k in range(bisect_left(scan.starts, start), bisect_left(scan.starts, end)):
            if _is_tied(scan.masked, scan.phrases[k], floor):
                return self._date(scan, k)
        return None

    def _date(self, scan: _Scan, k: int) -> tuple[str | None, str | None]:
        """The resolved date of phrase `k` of the scan, resolved once however many quotes share it."""
        at = scan.starts[k]
        if at not in self._resolved:
            self._resolved[at] = _resolve(scan.phrases[k], self.published, scan.masked)
        return self._resolved[at]


def resolve_said_on(
    sentence: str, paragraph: str, published: str | None
) -> tuple[str | None, str | None]:
    """`SaidOn.read` for one sentence and the paragraph around it, given as text.

    A sentence the paragraph does not hold is read as a line of its own before it.
    """
    at = paragraph.find(sentence) if sentence else -1
    if at >= 0:
        line, piece = _Line(0, len(paragraph)), _Line(at, at + len(sentence))
        return SaidOn(paragraph, published, lambda _: line, lambda _: piece).read([piece], line)
    own, rest = _Line(0, len(sentence)), _Line(len(sentence) + 1, len(sentence) + 1 + len(paragraph))
    said_on = SaidOn(sentence + "\n" + paragraph, published, lambda at: own if at < rest.start else rest, lambda _: own)
    return said_on.read([own], rest)
