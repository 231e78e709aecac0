"""Who is who: the speakers data file, folded into one lookup of every spelling.

The rules find names in the text; this module only says which spellings are the same
speaker and what the data knows of them (role, titles, gender, organisation).
"""

from __future__ import annotations

import tomllib
import unicodedata
from functools import lru_cache
from importlib import resources
from pathlib import Path

import regex

from quotes.records import Speaker

_QUOTES = str.maketrans({c: "" for c in "“”\"‘’'`«»"})
_SPACES = regex.compile(r"[\s\-]+")


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """A spelling-tolerant key: case, quote marks, hyphens and spacing do not matter."""
    text = unicodedata.normalize("NFKC", name).translate(_QUOTES).lower().strip()
    return _SPACES.sub(" ", text)


class SpeakerBook:
    """Every known speaker, found by any of its spellings."""

    def __init__(self, speakers: list[Speaker]) -> None:
        self.speakers = speakers
        self._by_key: dict[str, Speaker] = {}
        for speaker in speakers:
            for spelling in (speaker.name, *speaker.aliases):
                self._by_key.setdefault(name_key(spelling), speaker)

    def find(self, name: str) -> Speaker | None:
        """The known speaker one of whose spellings is `name`, or None."""
        return self._by_key.get(name_key(name))

    def with_title(self, title: str) -> list[Speaker]:
        """Known speakers that a role phrase such as "the foreign minister" can name."""
        key = name_key(title)
        return [s for s in self.speakers if any(name_key(t) == key for t in s.titles)]


def load_speakers(path: Path | None = None) -> SpeakerBook:
    """Read a speakers TOML file (the packaged one by default)."""
    if path is None:
        text = resources.files("quotes").joinpath("data", "speakers.toml").read_text(encoding="utf-8")
    else:
        text = path.read_text(encoding="utf-8")
    rows = tomllib.loads(text).get("speaker", [])
    return SpeakerBook(
        [
            Speaker(
                name=row["name"],
                kind=row.get("kind", "person"),
                aliases=tuple(row.get("aliases", ())),
                role=row.get("role"),
                organisation=row.get("organisation"),
                gender=row.get("gender"),
                titles=tuple(row.get("titles", ())),
            )
            for row in rows
        ]
    )


@lru_cache(maxsize=1)
def default_book() -> SpeakerBook:
    """The packaged speakers file, read once per process."""
    return load_speakers()
