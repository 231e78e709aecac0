"""Write one article and its quotes in one transaction, idempotent by content hash.

Plain records (`Article`, `Quote`, `Speaker`) come in; SQLAlchemy rows never leave this module.
Same path and hash: nothing is written. Same path, new hash: the article's old quotes are
replaced. The statements (the same words across articles) and speakers that the change touches
are updated in the same transaction, so the database always equals a clean build of its files.

The writer is the one process of a build that cannot be spread over cores, so each article costs a
few Core statements: speakers come from a per-build cache, statements are found by their unique
key, and a new article updates its statements' counts instead of recounting every report of them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, Insert, Text, bindparam, case, delete, func, insert, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from quotes.db import make_engine, seal, use_wal
from quotes.models import ArticleRow, QuoteRow, SpeakerAliasRow, SpeakerRow, StatementRow
from quotes.records import Article, Quote, Speaker

NEW, UNCHANGED, REPLACED = "new", "unchanged", "replaced"

# A mention opening with one of these describes a speaker ("he", "the minister"): not an alias.
NOT_A_NAME = frozenset({"he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "the", "a", "an"})

_NON_WORD = re.compile(r"[\W_]+")


def normalise_statement(text: str) -> str:
    """The key that folds one statement's reports together: NFKC, casefold, punctuation and space collapsed."""
    return _NON_WORD.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def paragraph_around(body: str, start: int, end: int) -> str:
    """The paragraph(s) of `body` holding body[start:end]: from the line start before to the line end after."""
    left = body.rfind("\n", 0, start) + 1
    right = body.find("\n", end)
    return body[left : right if right != -1 else len(body)].strip()


def is_name(mention: str | None) -> bool:
    words = (mention or "").split()
    return bool(words) and words[0][0].isupper() and words[0].casefold() not in NOT_A_NAME


SPEAKER_FIELDS = ("role", "organisation", "gender")
# The speaker cache is dropped when it holds this many names, so memory stays bounded on any corpus.
CACHE_LIMIT = 50_000


@dataclass
class KnownSpeaker:
    """A stored speaker as this build last wrote it: enough to skip asking the database again."""

    id: int
    fields: dict[str, str | None]
    aliases: set[str]


# The writer's statements, built once: compiling is cached, but building an expression is not.
ARTICLE_BY_PATH = select(ArticleRow.id, ArticleRow.sha256).where(ArticleRow.path == bindparam("path"))
STATEMENTS_BY_KEY = select(StatementRow.normalised_text, StatementRow.id).where(
    StatementRow.normalised_text.in_(bindparam("keys", expanding=True))
)


def _one_more_report(dated: bool):
    """UPDATE statements for one more report by a new article (the highest id so far).

    The same result as `_refresh_statements`: the first article is the earliest published, undated
    last, ties to the lowest id, so the new one comes first only if it is strictly earlier.
    """
    first_seen = StatementRow.first_seen
    earlier = StatementRow.article_count == 0
    values = {"article_count": StatementRow.article_count + 1}
    if dated:
        published = bindparam("new_published", type_=Text)
        sooner = or_(first_seen.is_(None), first_seen > published)
        earlier = or_(earlier, sooner)
        values["first_seen"] = case((sooner, published), else_=first_seen)
    values["first_article_id"] = case((earlier, bindparam("new_article_id")), else_=StatementRow.first_article_id)
    return update(StatementRow).where(StatementRow.id.in_(bindparam("ids", expanding=True))).values(values)


ONE_MORE_REPORT = {dated: _one_more_report(dated) for dated in (False, True)}


class Store:
    """A database at the head revision, written one article at a time by a single writer."""

    def __init__(self, db: str | Path) -> None:
        self.engine: Engine = make_engine(db)
        self._writer: Connection | None = None  # one connection for every write of the build
        self._speakers: dict[str, KnownSpeaker] = {}

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        """Leave a SQLite file checkpointed in rollback-journal mode if this store wrote to it."""
        if self._writer is not None:
            self._writer.close()
            seal(self.engine)
        self.engine.dispose()

    def known(self) -> dict[str, str]:
        """Every stored article's path and content hash."""
        with self.engine.connect() as connection:
            return dict(connection.execute(select(ArticleRow.path, ArticleRow.sha256)).all())

    def quote_count(self) -> int:
        with self.engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(QuoteRow)).scalar_one()

    def status(self, article: Article) -> str:
        """What `write` would do with this article: new, unchanged or replaced."""
        with self.engine.connect() as connection:
            return _status(connection, article)[0]

    def write(self, article: Article, quotes: Sequence[Quote]) -> str:
        """Store the article and its quotes in one transaction; returns new, unchanged or replaced."""
        if self._writer is None:  # a build that finds nothing to write leaves the file untouched
            if self.status(article) == UNCHANGED:
                return UNCHANGED
            use_wal(self.engine)
            self._writer = self.engine.connect()
        connection = self._writer
        try:
            with connection.begin():
                outcome, article_id = _status(connection, article)
                if outcome == NEW:
                    _write_new(connection, article, quotes, self._speakers)
                elif outcome == REPLACED:
                    self._speakers.clear()  # a replacement may drop speakers: ask the database again
                    _replace(connection, article_id, article, quotes, self._speakers)
        except BaseException:
            self._speakers.clear()  # it may hold rows of the transaction that was rolled back
            raise
        if len(self._speakers) > CACHE_LIMIT:
            self._speakers.clear()
        return outcome


def _status(connection: Connection, article: Article) -> tuple[str, int | None]:
    """New, unchanged or replaced, and the stored article's id."""
    existing = connection.execute(ARTICLE_BY_PATH, {"path": article.path}).first()
    if existing is None:
        return NEW, None
    return (UNCHANGED if existing.sha256 == article.sha256 else REPLACED), existing.id


def _article_values(article: Article) -> dict:
    return {
        "path": article.path,
        "name": article.name,
        "sha256": article.sha256,
        "title": article.title,
        "url": article.url,
        "outlet": article.outlet,
        "published": article.published,
        "dateline": article.dateline,
        "encoding": article.encoding,
        "metadata_sources": json.dumps(article.provenance, sort_keys=True),
        "body": article.body,
    }


def _write_new(
    connection: Connection, article: Article, quotes: Sequence[Quote], cache: dict[str, KnownSpeaker]
) -> None:
    """A new article: its statements gain one report each, so they are updated, not recounted."""
    article_id = connection.execute(insert(ArticleRow), _article_values(article)).inserted_primary_key[0]
    statement_ids = _store_quotes(connection, article_id, article, quotes, cache)[0]
    _count_new_article(connection, set(statement_ids.values()), article_id, article.published)


def _replace(
    connection: Connection,
    article_id: int,
    article: Article,
    quotes: Sequence[Quote],
    cache: dict[str, KnownSpeaker],
) -> None:
    """A changed article: its old quotes go, and what they and the new ones touch is recomputed."""
    old = connection.execute(
        select(QuoteRow.statement_id, QuoteRow.speaker_id).where(QuoteRow.article_id == article_id)
    ).all()
    old_statements = {row.statement_id for row in old if row.statement_id is not None}
    old_speakers = {row.speaker_id for row in old if row.speaker_id is not None}
    connection.execute(delete(QuoteRow).where(QuoteRow.article_id == article_id))
    connection.execute(update(ArticleRow).where(ArticleRow.id == article_id).values(_article_values(article)))
    statement_ids, speaker_ids = _store_quotes(connection, article_id, article, quotes, cache)
    _refresh_statements(connection, old_statements | set(statement_ids.values()))
    _drop_unquoted_speakers(connection, old_speakers - set(speaker_ids.values()))


def _store_quotes(
    connection: Connection,
    article_id: int,
    article: Article,
    quotes: Sequence[Quote],
    cache: dict[str, KnownSpeaker],
) -> tuple[dict[str, int], dict[str, int]]:
    """Insert the quotes with their speakers and statements; (statement ids, speaker ids) by key."""
    speaker_ids = _speakers(connection, quotes, cache)
    keys = [normalise_statement(q.text) for q in quotes]
    statement_ids = _statements(connection, keys)
    if quotes:
        connection.execute(
            insert(QuoteRow),
            [
                {
                    "article_id": article_id,
                    "speaker_id": speaker_ids[q.speaker.name] if q.speaker else None,
                    "text": q.text,
                    "kind": q.kind,
                    "start": q.start,
                    "end": q.end,
                    "cue": q.cue,
                    "rule": q.rule,
                    "confidence": q.confidence,
                    "said_on": q.said_on,
                    "said_on_precision": q.said_on_precision,
                    "mention": q.mention,
                    "context": paragraph_around(article.body, q.start, q.end),
                    "statement_id": statement_ids.get(key),
                }
                for q, key in zip(quotes, keys, strict=True)
            ],
        )
    return statement_ids, speaker_ids


def _insert_new(connection: Connection, table) -> Insert:
    """INSERT ... ON CONFLICT DO NOTHING where the dialect has it: a row already there is kept."""
    dialect = {"sqlite": sqlite, "postgresql": postgresql}.get(connection.dialect.name)
    return dialect.insert(table).on_conflict_do_nothing() if dialect else insert(table)


def _speakers(connection: Connection, quotes: Sequence[Quote], cache: dict[str, KnownSpeaker]) -> dict[str, int]:
    """Upsert the quotes' speakers by canonical name and their aliases; name -> id.

    A speaker's role, organisation and gender are the first known ones; its aliases are the data
    file's and every mention that is a name, in the order first seen.
    """
    speakers: dict[str, Speaker] = {}
    aliases: dict[str, list[str]] = {}
    for quote in quotes:
        if quote.speaker is None:
            continue
        speaker = speakers.setdefault(quote.speaker.name, quote.speaker)
        names = aliases.setdefault(speaker.name, [speaker.name, *speaker.aliases])
        if is_name(quote.mention):
            names.append(quote.mention)
    if not speakers:
        return {}
    _load_speakers(connection, [name for name in speakers if name not in cache], speakers, cache)
    new_aliases = []
    for name, speaker in speakers.items():
        known = cache[name]
        filled = {
            field: getattr(speaker, field)
            for field in SPEAKER_FIELDS
            if known.fields[field] is None and getattr(speaker, field) is not None
        }
        if filled:
            connection.execute(update(SpeakerRow).where(SpeakerRow.id == known.id).values(filled))
            known.fields.update(filled)
        for alias in dict.fromkeys(aliases[name]):
            if alias not in known.aliases:
                known.aliases.add(alias)
                new_aliases.append({"speaker_id": known.id, "alias": alias})
    if new_aliases:
        connection.execute(_insert_new(connection, SpeakerAliasRow), new_aliases)
    return {name: cache[name].id for name in speakers}


def _load_speakers(
    connection: Connection, names: list[str], speakers: dict[str, Speaker], cache: dict[str, KnownSpeaker]
) -> None:
    """Put these speakers in the cache: read from the database, or inserted (in order) if not there."""
    if not names:
        return
    columns = (SpeakerRow.id, SpeakerRow.name, *(getattr(SpeakerRow, f) for f in SPEAKER_FIELDS))
    lookup = select(*columns).where(SpeakerRow.name.in_(names))
    found = connection.execute(lookup).all()
    missing = [name for name in names if name not in {row.name for row in found}]
    if missing:
        rows = [
            {"name": name, "kind": speakers[name].kind, **{f: getattr(speakers[name], f) for f in SPEAKER_FIELDS}}
            for name in missing
        ]
        connection.execute(_insert_new(connection, SpeakerRow), rows)
        found = connection.execute(lookup).all()
    by_id = {row.id: row for row in found}
    stored_aliases: dict[int, set[str]] = {speaker_id: set() for speaker_id in by_id}
    aliases = select(SpeakerAliasRow.speaker_id, SpeakerAliasRow.alias).where(SpeakerAliasRow.speaker_id.in_(by_id))
    for speaker_id, alias in connection.execute(aliases):
        stored_aliases[speaker_id].add(alias)
    for row in found:
        fields = {f: getattr(row, f) for f in SPEAKER_FIELDS}
        cache[row.name] = KnownSpeaker(row.id, fields, stored_aliases[row.id])


def _statements(connection: Connection, normalised: Iterable[str]) -> dict[str, int]:
    """Find or create the statement of each normalised text (created with no reports yet); its id."""
    keys = [key for key in dict.fromkeys(normalised) if key]
    if not keys:
        return {}
    ids = dict(connection.execute(STATEMENTS_BY_KEY, {"keys": keys}).all())
    missing = [k for k in keys if k not in ids]
    if missing:
        connection.execute(insert(StatementRow), [{"normalised_text": k, "article_count": 0} for k in missing])
        ids.update(connection.execute(STATEMENTS_BY_KEY, {"keys": missing}).all())
    return ids


def _count_new_article(connection: Connection, ids: set[int], article_id: int, published: str | None) -> None:
    """Add one report by a new article to each of these statements."""
    if ids:
        parameters = {"ids": list(ids), "new_article_id": article_id, "new_published": published}
        connection.execute(ONE_MORE_REPORT[published is not None], parameters)


def _refresh_statements(connection: Connection, ids: set[int]) -> None:
    """Recompute article count, first article and first date of these statements; drop the empty."""
    if not ids:
        return
    mine = QuoteRow.statement_id == StatementRow.id
    dated = (
        select(ArticleRow.id, ArticleRow.published)
        .join(QuoteRow, QuoteRow.article_id == ArticleRow.id)
        .where(mine)
    )
    connection.execute(
        update(StatementRow)
        .where(StatementRow.id.in_(ids))
        .values(
            article_count=select(func.count(QuoteRow.article_id.distinct())).where(mine).scalar_subquery(),
            first_seen=dated.with_only_columns(func.min(ArticleRow.published)).scalar_subquery(),
            first_article_id=dated.with_only_columns(ArticleRow.id)
            .order_by(case((ArticleRow.published.is_(None), 1), else_=0), ArticleRow.published, ArticleRow.id)
            .limit(1)
            .scalar_subquery(),
        )
    )
    connection.execute(
        delete(StatementRow).where(StatementRow.id.in_(ids), StatementRow.article_count == 0)
    )


def _drop_unquoted_speakers(connection: Connection, ids: set[int]) -> None:
    """Speakers that a replaced article alone quoted go with it, as in a clean build."""
    if ids:
        quoted = select(QuoteRow.speaker_id).where(QuoteRow.speaker_id.in_(ids))
        connection.execute(delete(SpeakerRow).where(SpeakerRow.id.in_(ids), SpeakerRow.id.not_in(quoted)))
