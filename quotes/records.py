"""Plain records that travel between the stages: files -> Article -> Span -> Quote.

They carry no database state, so the engine can run in any process and the store
can map them to rows without the rules ever importing SQLAlchemy.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from json.encoder import encode_basestring as _json_string


@dataclass(frozen=True)
class Article:
    """One article as read from a file; quote offsets point into `body`."""

    path: str
    name: str
    body: str
    sha256: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    dateline: str | None = None
    encoding: str = "utf-8"
    # field name -> "text" or "manifest": where each metadata value came from
    provenance: dict[str, str] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Speaker:
    """Who is who: a canonical name and what the data file knows of it."""

    name: str
    kind: str = "person"  # person / organisation / unnamed
    aliases: tuple[str, ...] = ()
    role: str | None = None
    organisation: str | None = None
    gender: str | None = None  # "m", "f" or None when unknown
    titles: tuple[str, ...] = ()  # role words that name the speaker alone: "prime minister"


@dataclass(frozen=True)
class Span:
    """A stretch of text between quote marks (or a reported clause), before attribution."""

    start: int
    end: int
    text: str
    kind: str  # direct / partial, or headline / nickname (marks that quote nobody)
    open_mark: int = -1  # offset of the opening mark, -1 when lost or none
    close_mark: int = -1  # offset of the closing mark, -1 when lost or none
    paragraph: int = 0  # index of the paragraph that holds the opening


@dataclass(frozen=True)
class Quote:
    """An attributed quote: what the store writes and `quotes extract` prints."""

    text: str
    start: int
    end: int
    kind: str
    speaker: Speaker | None
    mention: str | None
    cue: str | None
    rule: str
    confidence: float
    said_on: str | None = None
    said_on_precision: str | None = None  # day / month / year / unknown-year

    def as_record(self, doc: str) -> dict:
        """The JSON shape of `quotes extract`."""
        return {
            "doc": doc,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "speaker": self.speaker.name if self.speaker else None,
            "mention": self.mention,
            "cue": self.cue,
            "rule": self.rule,
            "confidence": round(self.confidence, 3),
            "said_on": self.said_on,
        }

    def as_json_line(self, doc: str) -> str:
        """`json.dumps(self.as_record(doc), ensure_ascii=False)` and a newline, built field by field.

        `quotes extract` prints a line per quote, over 100,000 for a 25 MB corpus, and this costs
        half as much as the dict and json.dumps (a new encoder per call). json.dumps writes a
        finite float or an int as its repr. A test holds the two equal.
        """
        return (
            f'{{"doc": {_json_string(doc)}, "text": {_json_string(self.text)}, "start": {self.start}, '
            f'"end": {self.end}, "kind": {_json_string(self.kind)}, '
            f'"speaker": {_json_or_null(self.speaker.name if self.speaker else None)}, '
            f'"mention": {_json_or_null(self.mention)}, "cue": {_json_or_null(self.cue)}, '
            f'"rule": {_json_string(self.rule)}, "confidence": {round(self.confidence, 3)!r}, '
            f'"said_on": {_json_or_null(self.said_on)}}}\n'
        )


def _json_or_null(value: str | None) -> str:
    """A string as json.dumps(..., ensure_ascii=False) writes it (`_json_string` is its own), or null."""
    return "null" if value is None else _json_string(value)
