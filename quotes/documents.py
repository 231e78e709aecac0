"""Read one article file into an `Article`: bytes to text, line ends normalised, metadata found.

Newsrooms hand over whatever they have, so reading is forgiving where the text is still text
(UTF-8 with or without BOM, cp1252, Latin-1, UTF-16 with BOM, HTML) and strict where it is not
(binary files raise `BadInput`). Metadata comes from the line shapes an article's own text uses
for it (headline, byline, courtesy, link, dateline, "Updated:" lines), never from body prose; a
`sources.toml` beside the files supplies what the text lacks and wins over what was found.

All patterns are anchored at a line start or bounded, and run only on short lines, so a
20 MB paragraph reads in linear time.
"""

from __future__ import annotations

import functools
import hashlib
import os
import tomllib
from collections.abc import Iterable, Iterator
from datetime import date
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

import regex

from quotes.dates import FULL_DATE, WEEKDAYS, parse_date
from quotes.records import Article

MANIFEST_NAME = "sources.toml"
MANIFEST_FIELDS = ("title", "url", "outlet", "published", "dateline")
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
HEAD_LINES = 12  # metadata lines sit above the body: the first non-empty lines ...
TAIL_LINES = 6  # ... or below it ("Updated: ...", "Short link: ...")
MAX_META_LINE = 300  # longer lines are prose
CONTROL_SHARE = 0.05  # more control characters than this: not text
# All-caps words that open a paragraph like a dateline but name no place.
NOT_PLACES = {
    "BREAKING", "UPDATE", "UPDATED", "WATCH", "EXCLUSIVE", "LIVE", "ANALYSIS", "OPINION",
    "EDITORIAL", "PHOTO", "PHOTOS", "VIDEO", "FILE", "NOTE", "EDITOR'S NOTE", "CORRECTION",
    "READ MORE", "ALSO READ", "COMMENT", "REVIEW", "FACT CHECK",
}
# Lower-case words a byline may hold before its date ("By Jane Roe and John Doe, 18 Jan 2024").
BYLINE_SMALL_WORDS = {"by", "and", "of", "the", "de", "al", "el", "bin", "van", "von", "staff", "am", "pm"}


class BadInput(Exception):
    """A file that cannot be read as an article; str() is one line, `FILE: reason`."""

    def __init__(self, path: Path | str, reason: str) -> None:
        self.path = str(path)
        self.reason = " ".join(reason.split())
        super().__init__(f"{self.path}: {self.reason}")


def find_files(paths: Iterable[Path | str]) -> list[Path]:
    """Every file `iter_files` yields, as a list (for callers that want a slice or a count)."""
    return list(iter_files(paths))


def iter_files(paths: Iterable[Path | str]) -> Iterator[Path]:
    """Files as given, folders as every `*.txt` inside them (recursively), each folder sorted.

    One path at a time, so a build streams a corpus of any size instead of listing it first.
    """
    for path in map(Path, paths):
        if path.is_dir():
            yield from _txt_files(path)
        else:
            yield path


def _txt_files(folder: Path) -> Iterator[Path]:
    """The `*.txt` files under `folder` in `sorted(folder.rglob("*.txt"))` order, walked lazily.

    Paths sort part by part, so that order is each folder's entries by name, a subfolder's files
    at the subfolder's place. Only the names in the folders being walked are held. As rglob does,
    symbolic links to folders are not followed and unreadable folders are skipped.
    """
    names: list[str] = []
    subfolders: set[str] = set()
    try:
        with os.scandir(folder) as listing:
            for entry in listing:
                if entry.is_dir(follow_symlinks=False):
                    subfolders.add(entry.name)
                    names.append(entry.name)
                elif entry.name.endswith(".txt") and entry.is_file():
                    names.append(entry.name)
    except PermissionError:
        return
    for name in sorted(names):
        if name in subfolders:
            yield from _txt_files(folder / name)
        else:
            yield folder / name


# --- bytes to text -------------------------------------------------------------------------

# Control characters (Unicode's Cc) but the five line and tab ones. The stdlib `re` scans a plain
# class faster (0.04 against 0.07 s for 18 M characters), but the project reads text with `regex` only.
_CONTROL = regex.compile(r"[\p{Cc}--[\t\n\r\f\v]]", flags=regex.V1)


def decode(data: bytes, path: Path | str) -> tuple[str, str, list[str]]:
    """(text, encoding, warnings): UTF-8 first, then cp1252, then Latin-1, which never fails."""
    warnings: list[str] = []
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text, encoding = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as err:
            raise BadInput(path, f"invalid UTF-16 at byte {err.start}") from None
    elif b"\x00" in data:
        raise BadInput(path, "binary file (NUL bytes), not text")
    else:
        text, encoding = _decode_8bit(data, path, warnings)
    if text and len(_CONTROL.findall(text)) > CONTROL_SHARE * len(text):
        raise BadInput(path, "binary file (control characters), not text")
    return text, encoding, warnings


def _decode_8bit(data: bytes, path: Path | str, warnings: list[str]) -> tuple[str, str]:
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError as err:
        if err.start >= len(data) - 3 and err.reason == "unexpected end of data":
            warnings.append(f"{path}: truncated UTF-8 character at the end dropped")
            return data[: err.start].decode("utf-8-sig"), "utf-8"
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        text, encoding = data.decode("latin-1"), "latin-1"
    warnings.append(f"{path}: not UTF-8, decoded as {encoding}")
    return text, encoding


def normalise(text: str) -> str:
    """LF line ends only, so a CRLF or CR file gives the body of the LF one."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- HTML ----------------------------------------------------------------------------------

_HTML_START = regex.compile(
    r"(?i)\A[\s\ufeff]{0,200}(?:<\?xml[^>]{0,200}>\s{0,20})?(?:<!--[^>]{0,500}>\s{0,20})?"
    r"<(?:!doctype\s{1,5}html|html|head|body|article|p|div|h1)\b"
)


class _HTMLText(HTMLParser):
    """Visible text of an HTML page, one block element per paragraph, plus its meta tags."""

    BLOCKS = frozenset({
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "br", "blockquote", "article",
        "section", "header", "footer", "tr", "table", "figure", "figcaption", "pre", "hr",
        "main", "dd", "dt", "ul", "ol", "time", "address",
    })
    HIDDEN = frozenset({"script", "style", "noscript", "template", "svg", "nav", "aside", "form", "button", "iframe", "head"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self.current: list[str] = []
        self.hidden = 0
        self.in_title = False
        self.in_h1 = False
        self.page_title: list[str] = []
        self.h1: list[str] = []
        self.meta: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
            if key and values.get("content"):
                self.meta.setdefault(key, values["content"].strip())
        elif tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.meta.setdefault("canonical", values.get("href", "").strip())
        elif tag == "title":
            self.in_title = True
        elif tag in self.HIDDEN:
            self.hidden += 1
        if tag in self.BLOCKS:
            self._flush()
        if tag == "h1":
            self.in_h1 = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            if tag in self.BLOCKS:
                self._flush()
            return
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        elif tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        if tag in self.BLOCKS:
            self._flush()
        if tag == "h1":
            self.in_h1 = False

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.page_title.append(data)
        elif not self.hidden:
            self.current.append(data)
            if self.in_h1:
                self.h1.append(data)

    def _flush(self) -> None:
        text = " ".join("".join(self.current).split())
        if text:
            self.blocks.append(text)
        self.current = []


def html_to_text(text: str) -> tuple[str, dict[str, str]]:
    """Visible text with blank lines between paragraphs, and what the page's meta tags say."""
    parser = _HTMLText()
    parser.feed(text)
    parser.close()
    parser._flush()
    meta = parser.meta
    found = {
        "title": meta.get("og:title") or " ".join("".join(parser.h1).split())
        or " ".join("".join(parser.page_title).split()),
        "url": meta.get("canonical") or meta.get("og:url"),
        "outlet": _outlet_name(meta.get("og:site_name", "")),
        "published": parse_date(
            meta.get("article:published_time") or meta.get("datepublished") or meta.get("date")
            or meta.get("pubdate") or ""
        ),
    }
    if found["url"] and not found["url"].lower().startswith(("http://", "https://")):
        found["url"] = None
    return "\n\n".join(parser.blocks), {k: v for k, v in found.items() if v}


def _is_html(path: Path, text: str) -> bool:
    return path.suffix.lower() in HTML_SUFFIXES or _HTML_START.match(text[:2000]) is not None


# --- outlets -------------------------------------------------------------------------------


@functools.cache
def _outlets() -> tuple[dict[str, str], dict[str, str]]:
    """(spelling -> name, domain -> name) from quotes/data/outlets.toml."""
    data = tomllib.loads(resources.files("quotes").joinpath("data/outlets.toml").read_text("utf-8"))
    names: dict[str, str] = {}
    domains: dict[str, str] = {}
    for outlet in data["outlet"]:
        for spelling in [outlet["name"], *outlet.get("aliases", [])]:
            names[_name_key(spelling)] = outlet["name"]
        for domain in outlet.get("domains", []):
            domains[domain.lower()] = outlet["name"]
    return names, domains


def _name_key(name: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", name.casefold()).split())


@functools.lru_cache(maxsize=4096)
def known_outlet(name: str) -> str | None:
    """The canonical name of an outlet spelled `name`, if outlets.toml knows it.

    Cached: every short line at an article's edges is asked about, and most are the same few
    bylines ("Reuters", "AFP", the outlet's own name): 6,000 distinct of 33,000 in the 25 MB corpus.
    """
    return _outlets()[0].get(_name_key(name))


def _outlet_name(name: str) -> str | None:
    name = name.strip(" \t.,;:-–—|")
    return (known_outlet(name) or name) if name else None


def outlet_for_url(url: str) -> str | None:
    """The outlet a link belongs to: a known domain (or its subdomain), else the bare host."""
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    domains = _outlets()[1]
    parts = host.split(".")
    for i in range(len(parts) - 1):
        if ".".join(parts[i:]) in domains:
            return domains[".".join(parts[i:])]
    return host or None


# --- metadata from the text ----------------------------------------------------------------

_SP = r"[ \t\u00a0]"
_PREFIX = regex.compile(rf"(?i)^(?:\[[^\]\n]{{1,60}}\]{_SP}{{0,5}}|(?:re|fwd?|fw){_SP}{{0,3}}:{_SP}{{0,5}})+")
_URL_LINE = regex.compile(
    rf"(?i)^{_SP}{{0,20}}(?P<label>(?:source|url|link|permalink|short{_SP}link|original(?:{_SP}article)?"
    rf"|read{_SP}(?:more|online)){_SP}{{0,3}}:{_SP}{{0,5}})?<?(?P<url>https?://[^\s<>\"]{{1,2000}}?)>?{_SP}{{0,20}}$"
)
# Two sentences on one line ("... 2024. AFP") make a caption or a paragraph, not a headline.
_SENTENCE_BREAK = regex.compile(
    r"(?<!\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Prof|vs|No|Inc|Co|Corp|Ltd))"
    r"(?<=[\p{Ll}\p{N})])\.[ \t]{1,3}[\p{Lu}\"“‘]"
)
_EMPTY_LABEL = regex.compile(r"^[\p{L} ]{1,30}:\s*$")
_OUTLET_LINE = regex.compile(
    rf"(?i)^{_SP}{{0,10}}(?:(?:courtesy|source|via|credit){_SP}{{0,3}}:|courtesy{_SP}{{1,3}}of\b)"
    rf"{_SP}{{0,5}}(?P<name>[^\n]{{1,80}})$"
)
_DATE_LINE = regex.compile(
    rf"(?i)^{_SP}{{0,10}}(?P<label>(?:first{_SP}{{1,3}})?published|posted|(?:last{_SP}{{1,3}})?updated|dated?)"
    rf"(?:{_SP}{{1,3}}(?:on|at))?{_SP}{{0,3}}:?{_SP}{{0,5}}(?P<rest>.{{1,150}})$"
)
# The words _DATE_LINE and _OUTLET_LINE open on: a line that opens on none (most lines) is tried
# against this one pattern instead of both.
_LABEL_WORD = regex.compile(rf"(?i)^{_SP}{{0,10}}(?:first|published|posted|last|updated|date|courtesy|source|via|credit)")
# Compiled once: `regex.sub(pattern, ...)` with a string looks the pattern up in a cache on every call.
_NOT_WORD = regex.compile(r"[^\w]+")
_LETTER_RUN = regex.compile(r"[\p{L}']+")
_BYLINE_SEPARATOR = regex.compile(r"[,|•·]")
_BY = regex.compile(r"(?i)^\s*by\s+")
_BY_STAFF = regex.compile(r"(?i)^\s*by\s+|\s+staff\s*$")
_ACRONYM = regex.compile(r"[A-Z]{2,6}")
_CAPITAL_OPENING = regex.compile(r"^[\"“‘'«(]?[\p{Lu}\p{N}]")
_WEEKDAY_WORD = regex.compile("(?i)^(?:" + "|".join(WEEKDAYS) + r")\.?$")
_BYLINE_TAIL = regex.compile(
    rf"(?i)^[\s,|•·\-–—(]*(?:\d{{1,2}}[:.]\d{{2}}(?:{_SP}{{0,2}}[ap]\.?m\.?)?)?[\s,)]*"
    r"(?:[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?)?[\s)]*$"
)
_DATELINE = regex.compile(
    rf"^{_SP}{{0,5}}(?P<place>\p{{Lu}}[\p{{Lu}}'’.\-]{{1,30}}(?:{_SP}\p{{Lu}}[\p{{Lu}}'’.\-]{{1,30}}){{0,3}})"
    rf"(?:,{_SP}{{1,3}}(?:\p{{Lu}}\p{{Ll}}{{1,8}}\.?{_SP}{{1,3}}\d{{1,2}}(?:,{_SP}{{1,3}}\d{{4}})?"  # LONDON, Nov 4
    rf"|\p{{Lu}}[\p{{L}}.]{{1,20}}(?:{_SP}\p{{L}}[\p{{L}}.]{{1,20}}){{0,2}}))?"  # KYIV, Ukraine
    rf"(?:{_SP}{{0,3}}(?:\((?P<agency>[^()\n]{{2,40}})\)|/(?P<agency>[^/\n]{{2,40}})/))?"  # (Reuters), /PRNewswire/
    rf"{_SP}{{0,3}}(?::|—|–|--?){_SP}{{1,3}}(?=\S)"
)


def _edges(body: str) -> tuple[list[str], list[str]]:
    """The first and last few non-empty lines, where metadata lives."""
    head: list[str] = []
    start, size = 0, len(body)
    while len(head) < HEAD_LINES and start < size:
        end = body.find("\n", start)
        if end < 0:
            end = size
        if line := body[start:end].strip():
            head.append(line)
        start = end + 1
    tail: list[str] = []
    end = size
    while len(tail) < TAIL_LINES and end > start:
        begin = body.rfind("\n", start, end) + 1
        if line := body[begin:end].strip():
            tail.append(line)
        end = begin - 1
    tail.reverse()  # found last line first
    return head, tail


def _byline(line: str) -> tuple[str | None, str | None] | None:
    """(outlet, date) of a byline or date line such as `AFP , Thursday 18 Jan 2024`; None otherwise.

    A date counts only when the rest of the line is names and punctuation: "in Davos on
    January 17, 2024" in a caption has lower-case words before it, so it dates no article.
    """
    if len(line) > MAX_META_LINE:
        return None
    match = FULL_DATE.search(line) if "19" in line or "20" in line else None  # every full date has a year
    if match is None:
        return _known_outlet_line(line), None
    before, after = line[: match.start()], line[match.end() :]
    words = _LETTER_RUN.findall(before)
    if any(w.islower() and w not in BYLINE_SMALL_WORDS and not _WEEKDAY_WORD.match(w) for w in words):
        return None
    if len(after) > 40 or not _BYLINE_TAIL.match(after):
        return None
    outlet = None
    for part in _BYLINE_SEPARATOR.split(_BY.sub("", before)):
        part = part.strip(" \t-–—")
        if part and not _WEEKDAY_WORD.match(part):
            outlet = _agency(part)
            if outlet:
                break
    return outlet, parse_date(line[match.start() : match.end()])


def _agency(name: str) -> str | None:
    """A byline's source: an outlet outlets.toml knows, or an agency acronym (`KUNA`, `IRNA`)."""
    return known_outlet(name) or (name if _ACRONYM.fullmatch(name) else None)


def _known_outlet_line(line: str) -> str | None:
    """A line that is only an agency or outlet name (`Reuters`, `By AFP Staff`)."""
    if len(line) > 60:
        return None
    name = _BY_STAFF.sub("", line)
    return known_outlet(name)


def _is_headline(line: str) -> bool:
    """Short-ish, no final period, opens with a capital, and not a dateline or byline."""
    words = line.split()
    return (
        0 < len(words) <= 30
        and len(line) <= 200
        and not line.rstrip("\"'”’»").endswith((".", ":", ";", ","))
        and _CAPITAL_OPENING.match(line) is not None
        and _SENTENCE_BREAK.search(line) is None
        and _DATELINE.match(line) is None
        and not _BY.match(line)
    )


def is_meta_line(line: str) -> bool:
    """Lines around a headline that are not it: links, labels, bylines, date lines."""
    if len(line) > MAX_META_LINE:
        return False
    return bool(
        ("://" in line and _URL_LINE.match(line))  # each pattern tried only where it can match
        or (_LABEL_WORD.match(line) and (_OUTLET_LINE.match(line) or _DATE_LINE.match(line)))
        or (":" in line and _EMPTY_LABEL.match(line))
        or (_byline(line) or (None, None)) != (None, None)
    )


def text_metadata(body: str) -> dict[str, str]:
    """title, url, outlet, published, dateline as the text's own metadata lines give them."""
    head, tail = _edges(body)
    found: dict[str, str | None] = {
        "title": _title(head),
        "url": _url(head, tail),
        "dateline": None,
        "outlet": None,
        "published": None,
    }
    labelled: dict[str, str] = {}
    bylines: list[tuple[str | None, str | None]] = []
    for line in head + tail:  # one pass, each pattern tried once a line: this runs on every file
        if len(line) > MAX_META_LINE:
            continue  # prose: no labelled line, no byline
        labels = _LABEL_WORD.match(line) is not None
        match = _DATE_LINE.match(line) if labels else None
        if match is None and (byline := _byline(line)):
            bylines.append(byline)
        if match and (when := parse_date(match.group("rest"))):
            kind = "updated" if "updated" in match.group("label").lower() else "published"
            labelled.setdefault(kind, when)
        outlet = _OUTLET_LINE.match(line) if labels else None
        if outlet and not found["outlet"] and not _URL_LINE.match(line):
            found["outlet"] = _outlet_name(outlet.group("name"))
    for line in head:
        match = _dateline(line)
        if match:
            found["dateline"] = match.group("place")
            bylines.append((_agency(match.group("agency") or ""), None))
            break
    found["published"] = labelled.get("published") or next(
        (when for _, when in bylines if when), None
    ) or labelled.get("updated")
    found["outlet"] = (
        found["outlet"]
        or next((name for name, _ in bylines if name), None)
        or (outlet_for_url(found["url"]) if found["url"] else None)
    )
    return {k: v for k, v in found.items() if v}


def _dateline(line: str) -> regex.Match | None:
    """The dateline opening a paragraph (`OSLO (Reuters) - `), with its place and agency."""
    match = _DATELINE.match(line[:200])
    if match and match.group("place") not in NOT_PLACES and len(match.group("place")) >= 3:
        return match
    return None


def dateline_length(paragraph: str) -> int:
    """How many characters of a paragraph open it as a dateline (`OSLO (Reuters) - `): 0 when none."""
    match = _dateline(paragraph)
    return match.end() if match else 0


def _title(head: list[str]) -> str | None:
    """The headline: the first line that is not a link, label or byline, if it reads as one."""
    for line in head:
        if len(line) > MAX_META_LINE:
            return None
        line = _PREFIX.sub("", line).strip()
        if not line or is_meta_line(line):
            continue
        return line if _is_headline(line) else None
    return None


def _url(head: list[str], tail: list[str]) -> str | None:
    """The article's own link: a bare link line near the top, or a labelled one anywhere."""
    for line in head + tail:
        match = _URL_LINE.match(line) if len(line) <= 2100 and "://" in line else None
        if match and (match.group("label") or line in head):
            return match.group("url")
    return None


# --- manifest ------------------------------------------------------------------------------


@functools.lru_cache(maxsize=256)
def _folder_manifest(folder: Path) -> dict[str, dict]:
    """sources.toml of one folder, read once per process."""
    return load_manifest(folder / MANIFEST_NAME) if (folder / MANIFEST_NAME).is_file() else {}


def load_manifest(path: Path) -> dict[str, dict]:
    """A sidecar manifest: file name -> {title, url, outlet, published, dateline}."""
    try:
        data = tomllib.loads(Path(path).read_text("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as err:
        raise BadInput(path, f"invalid manifest: {err}") from None
    return {name: entry for name, entry in data.items() if isinstance(entry, dict)}


def _manifest_values(entry: dict, where: str) -> tuple[dict[str, str | None], list[str]]:
    """Manifest fields as strings; an empty string says "none" on purpose, a bad date is ignored."""
    values: dict[str, str | None] = {}
    warnings: list[str] = []
    for key, value in entry.items():
        if key not in MANIFEST_FIELDS:
            warnings.append(f"{where}: unknown field {key!r} ignored")
            continue
        if key == "published" and isinstance(value, date):
            value = value.isoformat()[:10]
        elif key == "published" and value:
            parsed = parse_date(str(value))
            if parsed is None:
                warnings.append(f"{where}: published {value!r} is not a date, ignored")
                continue
            value = parsed
        values[key] = str(value).strip() or None
    return values, warnings


# --- the article ---------------------------------------------------------------------------


def read_article(path: Path | str, manifest: dict | None = None) -> Article:
    """Read one file as an Article; raises BadInput when the file is not text.

    `manifest` maps file names to metadata (the shape of sources.toml); when None, the
    `sources.toml` in the file's folder is used, if there is one.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise BadInput(path, f"cannot read: {err.strerror or err}") from None
    text, encoding, warnings = decode(data, path)
    text = normalise(text)
    found: dict[str, str] = {}
    if _is_html(path, text):
        text, found = html_to_text(text)
    body = text
    for key, value in text_metadata(body).items():
        found.setdefault(key, value)
    if manifest is None:
        manifest = _folder_manifest(path.absolute().parent)  # absolute: no symlink walk per file
    values, manifest_warnings = _manifest_values(manifest.get(path.name, {}), f"{MANIFEST_NAME}[{path.name}]")
    metadata: dict[str, str | None] = {**found, **values}
    provenance = {key: "text" for key in found} | {key: "manifest" for key in values}
    return Article(
        path=str(path),
        name=path.name,
        body=body,
        sha256=hashlib.sha256(body.encode("utf-8")).hexdigest(),
        encoding=encoding,
        provenance=provenance,
        warnings=tuple(warnings + manifest_warnings),
        **{key: metadata.get(key) for key in MANIFEST_FIELDS},
    )
