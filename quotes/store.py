"""Write one article and its quotes in one transaction, idempotent by content hash.

Plain records (`Article`, `Quote`, `Speaker`) come in, made into plain rows by `article_rows`
(pure, so a build runs it in its workers); SQLAlchemy rows never leave this module.
Same path, hash and engine fingerprint: nothing is written. Same path, new hash or another
engine: the article's old quotes are replaced. The statements (the same words across articles)
and speakers that the change touches are updated in the same transaction, so the database always
equals a clean build of its files.

The writer is the one process of a build that cannot be spread over cores, so a new article costs
few statements, and the hot ones run on the driver's cursor (`DriverStatement`): speakers and
statements come from per-build caches, a new statement is inserted already counted, and an old one
gains one report without touching its indexed first article unless the new article comes first.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache, partial
from operator import itemgetter
from pathlib import Path
from typing import Any, NamedTuple, Self

import regex
from sqlalchemy import (
    Connection,
    Engine,
    Insert,
    bindparam,
    case,
    delete,
    func,
    insert,
    literal_column,
    or_,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Dialect
from sqlalchemy.sql import Executable

from quotes.db import make_engine, seal, use_wal
from quotes.models import (
    ArticleRow,
    QuoteRow,
    SpeakerAliasRow,
    SpeakerRow,
    SpeakerStatsRow,
    StatementRow,
)
from quotes.records import Article, Quote

NEW, UNCHANGED, REPLACED = "new", "unchanged", "replaced"

# A mention opening with one of these describes a speaker ("he", "the minister"): not an alias.
NOT_A_NAME = frozenset({"he", "she", "they", "it", "we", "i", "you", "his", "her", "their", "the", "a", "an"})

_NON_WORD = regex.compile(r"[\W_]+")


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


# The modules and data files whose content decides what quotes an article gives.
ENGINE_MODULES = (
    "records", "documents", "dates", "extract", "sentences", "lexicon", "speakers", "mentions",
    "reading", "attribute", "indirect", "pipeline",
)
PACKAGE = Path(__file__).resolve().parent


@cache
def engine_fingerprint() -> str:
    """A short hash of the engine's source and data files, computed once per process.

    A content hash alone let a build skip an article whose quotes came from older rules, lexicon
    or speakers data; storing this with each article lets the build re-extract those. The speakers
    file is the packaged one (`quotes build` offers no other), so it is among the data files.
    """
    files = [PACKAGE / f"{name}.py" for name in ENGINE_MODULES] + sorted((PACKAGE / "data").glob("*.toml"))
    digest = hashlib.sha256()
    for path in files:
        content = path.read_bytes()
        digest.update(f"{path.relative_to(PACKAGE).as_posix()}\0{len(content)}\0".encode())
        digest.update(content)
    return digest.hexdigest()[:16]


SPEAKER_FIELDS = ("role", "organisation", "gender")
# The writer's caches (speakers, statements) are dropped past this many entries: memory stays bounded.
CACHE_LIMIT = 50_000


@dataclass
class KnownSpeaker:
    """A stored speaker as this build last wrote it: enough to skip asking the database again."""

    id: int
    fields: dict[str, str | None]
    aliases: set[str]


class ArticleRows(NamedTuple):
    """An article and its quotes as the writer stores them, all but the ids.

    `article_rows` builds it from records and is pure, so a build runs it in its workers: the one
    writer is left the lookups and SQL, and what crosses between processes is plain dicts and
    lists, several times quicker to unpickle than `Quote` objects.
    """

    article: dict[str, Any]  # the articles row
    quotes: list[dict[str, Any]]  # the quotes rows, without article_id, speaker_id and statement_id
    keys: list[str]  # each quote's statement key (normalised text)
    speaker_names: list[str | None]  # each quote's speaker
    speakers: dict[str, dict[str, Any]]  # name -> speakers row, from the first quote that names it
    aliases: dict[str, list[str]]  # name -> the data file's aliases, then the mentions that are names


def article_rows(article: Article, quotes: Sequence[Quote]) -> ArticleRows:
    """What `Store.write_rows` stores for this article and its quotes."""
    speakers: dict[str, dict[str, Any]] = {}
    aliases: dict[str, list[str]] = {}
    for quote in quotes:
        speaker = quote.speaker
        if speaker is None:
            continue
        if speaker.name not in speakers:
            fields = {field: getattr(speaker, field) for field in SPEAKER_FIELDS}
            speakers[speaker.name] = {"name": speaker.name, "kind": speaker.kind, **fields}
            aliases[speaker.name] = [speaker.name, *speaker.aliases]
        if is_name(quote.mention):
            aliases[speaker.name].append(quote.mention)
    body = article.body
    return ArticleRows(
        article=_article_values(article),
        quotes=[
            {
                "text": q.text,
                "kind": q.kind,
                "start": q.start,
                "end": q.end,
                "cue": q.cue,
                "rule": q.rule,
                "confidence": q.confidence,
                "said_on": q.said_on,
                "said_on_precision": q.said_on_precision,
                "date": list_date(q.said_on, article.published),
                "mention": q.mention,
                "context": paragraph_around(body, q.start, q.end),
            }
            for q in quotes
        ],
        keys=[normalise_statement(q.text) for q in quotes],
        speaker_names=[q.speaker.name if q.speaker else None for q in quotes],
        speakers=speakers,
        aliases={name: list(dict.fromkeys(names)) for name, names in aliases.items()},
    )


def list_date(said_on: str | None, published: str | None) -> str | None:
    """`quotes.date`, revision 0006's rule: said_on when it is a full date, else published.

    The database's triggers compute it too; written with the row, it spares SQLite's insert
    trigger rewriting each new quote (12% of the writer's time), which it checks instead.
    """
    return said_on if said_on is not None and not said_on.startswith("-") else published


def _article_values(article: Article) -> dict[str, Any]:
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


ARTICLE_COLUMNS = (
    "path", "name", "sha256", "title", "url", "outlet", "published", "dateline", "encoding", "metadata_sources", "body",
    "engine",
)
QUOTE_COLUMNS = (
    "article_id", "speaker_id", "text", "kind", "start", "end", "cue", "rule", "confidence",
    "said_on", "said_on_precision", "mention", "context", "statement_id", "date",
)
STATEMENT_COLUMNS = ("normalised_text", "first_article_id", "first_seen", "article_count")


class DriverStatement:
    """A Core statement compiled once for one database and run on the driver's own cursor.

    A build runs the writer's few statements per article tens of thousands of times, and going
    through SQLAlchemy's execution (cache key, parameters, result set-up) cost about as much as
    the database's own work. Values are given by name; a positional driver (sqlite3) gets a tuple.
    """

    def __init__(self, statement: Executable, dialect: Dialect) -> None:
        compiled = statement.compile(dialect=dialect)
        self.sql = compiled.string
        self._shape = _positional(compiled.positiontup) if compiled.positional else _named

    def execute(self, cursor: Any, values: dict[str, Any]) -> Any:
        cursor.execute(self.sql, self._shape(values))
        return cursor

    def executemany(self, cursor: Any, rows: Sequence[dict[str, Any]]) -> None:
        if rows:
            cursor.executemany(self.sql, [self._shape(row) for row in rows])


def _named(values: dict[str, Any]) -> dict[str, Any]:
    return values


def _positional(names: Sequence[str]) -> Callable[[dict[str, Any]], tuple]:
    get = itemgetter(*names)
    return get if len(names) > 1 else lambda values: (get(values),)


def _values(columns: Sequence[str]) -> dict[str, Any]:
    return {column: bindparam(column) for column in columns}


def _insert_new(dialect: Dialect, table) -> Insert:
    """INSERT ... ON CONFLICT DO NOTHING where the dialect has it: a row already there is kept."""
    module = {"sqlite": sqlite, "postgresql": postgresql}.get(dialect.name)
    return module.insert(table).on_conflict_do_nothing() if module else insert(table)


class HotStatements:
    """The statements of a new article, compiled for one database."""

    def __init__(self, dialect: Dialect) -> None:
        # sqlite3 tells a new row's id (lastrowid); other drivers are asked with RETURNING.
        self.returning = not dialect.postfetch_lastrowid
        published = bindparam("published", type_=StatementRow.first_seen.type)
        sooner = or_(StatementRow.first_seen.is_(None), StatementRow.first_seen > published)
        compiled = partial(DriverStatement, dialect=dialect)
        self.article_by_path = compiled(
            select(ArticleRow.id, ArticleRow.sha256, ArticleRow.engine).where(ArticleRow.path == bindparam("path"))
        )
        self.insert_article = compiled(self._with_id(insert(ArticleRow).values(_values(ARTICLE_COLUMNS)), ArticleRow))
        self.insert_quotes = compiled(insert(QuoteRow).values(_values(QUOTE_COLUMNS)).inline())
        self.insert_statement = compiled(
            self._with_id(_insert_new(dialect, StatementRow).values(_values(STATEMENT_COLUMNS)), StatementRow)
        )
        speaker_fields = [getattr(SpeakerRow, field) for field in SPEAKER_FIELDS]
        self.insert_speaker = compiled(
            self._with_id(_insert_new(dialect, SpeakerRow).values(_values(("name", "kind", *SPEAKER_FIELDS))), SpeakerRow)
        )
        self.speaker_by_name = compiled(
            select(SpeakerRow.id, *speaker_fields).where(SpeakerRow.name == bindparam("name"))
        )
        self.fill_speaker = compiled(
            update(SpeakerRow).where(SpeakerRow.id == bindparam("speaker_id")).values(_values(SPEAKER_FIELDS))
        )
        self.aliases_of = compiled(
            select(SpeakerAliasRow.alias).where(SpeakerAliasRow.speaker_id == bindparam("speaker_id"))
        )
        self.insert_alias = compiled(
            _insert_new(dialect, SpeakerAliasRow).values(_values(("speaker_id", "alias"))).inline()
        )
        self.statement_by_key = compiled(
            select(StatementRow.id).where(StatementRow.normalised_text == bindparam("normalised_text"))
        )
        # One more report; the indexed first article is rewritten only when the new one comes first.
        self.one_more_report = compiled(
            update(StatementRow)
            .where(StatementRow.id == bindparam("statement_id"))
            .values(article_count=StatementRow.article_count + literal_column("1"))
        )
        self.sooner_report = compiled(
            update(StatementRow)
            .where(StatementRow.id == bindparam("statement_id"), sooner)
            .values(first_seen=published, first_article_id=bindparam("article_id"))
        )

    def _with_id(self, statement: Insert, model) -> Insert:
        return statement.returning(model.id) if self.returning else statement.inline()

    def new_id(self, cursor: Any) -> int | None:
        """The id of the row the last INSERT made; None when ON CONFLICT DO NOTHING kept an older row."""
        if self.returning:
            row = cursor.fetchone()
            return None if row is None else row[0]
        return cursor.lastrowid if cursor.rowcount == 1 else None


class Writer:
    """The build's one writing connection: its cursor, hot statements and the ids it has learnt.

    The caches may hold rows of the open transaction: `forget` empties them after a rollback, after
    a replacement (which may delete speakers and statements), and when they grow past CACHE_LIMIT.
    """

    def __init__(self, connection: Connection, hot: HotStatements) -> None:
        self.connection = connection
        self.cursor = _cursor(connection)
        self.hot = hot
        self.speakers: dict[str, KnownSpeaker] = {}
        self.statements: dict[str, int] = {}

    def forget(self) -> None:
        self.speakers.clear()
        self.statements.clear()

    def bound(self) -> None:
        if len(self.speakers) + len(self.statements) > CACHE_LIMIT:
            self.forget()


def _cursor(connection: Connection) -> Any:
    """A cursor of the driver's connection under `connection`: it runs in the same transaction."""
    return connection.connection.driver_connection.cursor()


class Store:
    """A database at the head revision, written one article at a time by a single writer.

    Every article it writes is stamped with `fingerprint`: the engine that made its quotes.
    """

    def __init__(self, db: str | Path, fingerprint: str | None = None) -> None:
        self.engine: Engine = make_engine(db)
        self.fingerprint = fingerprint or engine_fingerprint()
        self._hot: HotStatements | None = None  # compiled at the first connection
        self._writer: Writer | None = None  # one connection for every write of the build

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        """Leave a SQLite file checkpointed in rollback-journal mode if this store wrote to it."""
        if self._writer is not None:
            self._writer.cursor.close()
            self._writer.connection.close()
            refresh_speaker_stats(self.engine)
            seal(self.engine)
        self.engine.dispose()

    def known_shas(self, paths: Sequence[str]) -> dict[str, str]:
        """The content hash of each of these paths stored with quotes this store's engine made: the
        others must be extracted again even if their files did not change. A build asks for one
        chunk of paths at a time, so it never holds the hashes of the whole database."""
        current = select(ArticleRow.path, ArticleRow.sha256).where(
            ArticleRow.engine == self.fingerprint, ArticleRow.path.in_(paths)
        )
        with self.engine.connect() as connection:
            return dict(connection.execute(current).all())

    def quote_count(self) -> int:
        with self.engine.connect() as connection:
            return connection.execute(select(func.count()).select_from(QuoteRow)).scalar_one()

    def status(self, article: Article) -> str:
        """What `write` would do with this article: new, unchanged or replaced."""
        return self._status(article.path, article.sha256)

    def _status(self, path: str, sha256: str) -> str:
        if self._writer is not None:
            return _status(self._writer.cursor, self._writer.hot, path, sha256, self.fingerprint)[0]
        with self.engine.connect() as connection:
            return _status(_cursor(connection), self._compiled(connection), path, sha256, self.fingerprint)[0]

    def write(self, article: Article, quotes: Sequence[Quote]) -> str:
        """Store the article and its quotes in one transaction; returns new, unchanged or replaced."""
        return self.write_rows(article_rows(article, quotes))

    def write_rows(self, rows: ArticleRows) -> str:
        """`write`, given what `article_rows` made of the article and its quotes."""
        rows = rows._replace(article={**rows.article, "engine": self.fingerprint})
        path, sha256 = rows.article["path"], rows.article["sha256"]
        if self._writer is None:  # a build that finds nothing to write leaves the file untouched
            if self._status(path, sha256) == UNCHANGED:
                return UNCHANGED
            use_wal(self.engine)
            connection = self.engine.connect()
            self._writer = Writer(connection, self._compiled(connection))
        writer = self._writer
        try:
            with writer.connection.begin():
                outcome, article_id = _status(writer.cursor, writer.hot, path, sha256, self.fingerprint)
                if outcome == NEW:
                    _write_new(writer, rows)
                elif outcome == REPLACED:
                    writer.forget()  # a replacement may delete speakers and statements
                    _replace(writer, article_id, rows)
        except BaseException:
            writer.forget()  # they may hold rows of the transaction that was rolled back
            raise
        writer.bound()
        return outcome

    def _compiled(self, connection: Connection) -> HotStatements:
        if self._hot is None:
            self._hot = HotStatements(connection.dialect)
        return self._hot


def _status(cursor: Any, hot: HotStatements, path: str, sha256: str, engine: str) -> tuple[str, int | None]:
    """New, unchanged or replaced (new content, or quotes from another engine), and the stored article's id."""
    existing = hot.article_by_path.execute(cursor, {"path": path}).fetchone()
    if existing is None:
        return NEW, None
    stored_id, stored_sha, stored_engine = existing
    return (UNCHANGED if (stored_sha, stored_engine) == (sha256, engine) else REPLACED), stored_id


def _write_new(writer: Writer, rows: ArticleRows) -> None:
    """A new article: its statements gain one report each, so they are updated, not recounted."""
    hot = writer.hot
    article_id = hot.new_id(hot.insert_article.execute(writer.cursor, rows.article))
    statement_ids, _speaker_ids, created = _store_quotes(writer, article_id, rows)
    _count_new_article(writer, set(statement_ids.values()) - created, article_id, rows.article["published"])


def _replace(writer: Writer, article_id: int, rows: ArticleRows) -> None:
    """A changed article: its old quotes go, and what they and the new ones touch is recomputed."""
    connection = writer.connection
    old = connection.execute(
        select(QuoteRow.statement_id, QuoteRow.speaker_id).where(QuoteRow.article_id == article_id)
    ).all()
    old_statements = {row.statement_id for row in old if row.statement_id is not None}
    old_speakers = {row.speaker_id for row in old if row.speaker_id is not None}
    connection.execute(delete(QuoteRow).where(QuoteRow.article_id == article_id))
    connection.execute(update(ArticleRow).where(ArticleRow.id == article_id).values(rows.article))
    statement_ids, speaker_ids, _created = _store_quotes(writer, article_id, rows)
    _refresh_statements(connection, old_statements | set(statement_ids.values()))
    _drop_unquoted_speakers(connection, old_speakers - set(speaker_ids.values()))


def _store_quotes(
    writer: Writer, article_id: int, rows: ArticleRows
) -> tuple[dict[str, int], dict[str, int], set[int]]:
    """Insert the quotes with their speakers and statements.

    Returns statement ids by key, speaker ids by name, and the ids of the statements created here
    (already counting this article as their one report).
    """
    speaker_ids = _speakers(writer, rows)
    statement_ids, created = _statements(writer, rows.keys, article_id, rows.article["published"])
    quotes = [
        {
            **row,
            "article_id": article_id,
            "speaker_id": speaker_ids.get(name),
            "statement_id": statement_ids.get(key),
        }
        for row, key, name in zip(rows.quotes, rows.keys, rows.speaker_names, strict=True)
    ]
    writer.hot.insert_quotes.executemany(writer.cursor, quotes)
    return statement_ids, speaker_ids, created


def _speakers(writer: Writer, rows: ArticleRows) -> dict[str, int]:
    """Upsert the quotes' speakers by canonical name and their aliases; name -> id.

    A speaker's role, organisation and gender are the first known ones; its aliases are the data
    file's and every mention that is a name, in the order first seen.
    """
    hot, cursor, cache = writer.hot, writer.cursor, writer.speakers
    new_aliases = []
    for name, speaker in rows.speakers.items():
        known = cache.get(name) or _load_speaker(writer, speaker)
        filled = {
            field: speaker[field]
            for field in SPEAKER_FIELDS
            if known.fields[field] is None and speaker[field] is not None
        }
        if filled:
            known.fields.update(filled)
            hot.fill_speaker.execute(cursor, {"speaker_id": known.id, **known.fields})
        for alias in rows.aliases[name]:
            if alias not in known.aliases:
                known.aliases.add(alias)
                new_aliases.append({"speaker_id": known.id, "alias": alias})
    hot.insert_alias.executemany(cursor, new_aliases)
    return {name: cache[name].id for name in rows.speakers}


def _load_speaker(writer: Writer, speaker: dict[str, Any]) -> KnownSpeaker:
    """Put the stored speaker of this name (a speakers row) in the cache, inserted first if it is new."""
    hot, cursor, name = writer.hot, writer.cursor, speaker["name"]
    speaker_id = hot.new_id(hot.insert_speaker.execute(cursor, speaker))
    if speaker_id is not None:
        known = KnownSpeaker(speaker_id, {field: speaker[field] for field in SPEAKER_FIELDS}, set())
    else:
        speaker_id, *stored = hot.speaker_by_name.execute(cursor, {"name": name}).fetchone()
        stored_aliases = hot.aliases_of.execute(cursor, {"speaker_id": speaker_id}).fetchall()
        known = KnownSpeaker(speaker_id, dict(zip(SPEAKER_FIELDS, stored, strict=True)), {a for (a,) in stored_aliases})
    writer.speakers[name] = known
    return known


def _statements(
    writer: Writer, normalised: Sequence[str], article_id: int, published: str | None
) -> tuple[dict[str, int], set[int]]:
    """The statement of each normalised text, by key, and the ids of those created for this article.

    A key the cache does not know is inserted at once with this article as its one report (most
    quotes are new words); when the database already has it, its id is read instead.
    """
    hot, cursor, cache = writer.hot, writer.cursor, writer.statements
    ids: dict[str, int] = {}
    created: set[int] = set()
    for key in normalised:
        if not key or key in ids:
            continue
        statement_id = cache.get(key)
        if statement_id is None:
            first = {"normalised_text": key, "first_article_id": article_id, "first_seen": published, "article_count": 1}
            statement_id = hot.new_id(hot.insert_statement.execute(cursor, first))
            if statement_id is None:
                statement_id = hot.statement_by_key.execute(cursor, {"normalised_text": key}).fetchone()[0]
            else:
                created.add(statement_id)
            cache[key] = statement_id
        ids[key] = statement_id
    return ids, created


def _count_new_article(writer: Writer, ids: set[int], article_id: int, published: str | None) -> None:
    """Add one report by a new article (the highest id so far) to each of these statements.

    The same result as `_refresh_statements`: the first article is the earliest published, undated
    last, ties to the lowest id, so the new one comes first only if it is dated and strictly earlier.
    """
    rows = [{"statement_id": statement_id, "article_id": article_id, "published": published} for statement_id in ids]
    writer.hot.one_more_report.executemany(writer.cursor, rows)
    if published is not None:
        writer.hot.sooner_report.executemany(writer.cursor, rows)
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


def refresh_speaker_stats(engine: Engine) -> None:
    """Recompute `speaker_stats` from the quotes, in one transaction: done once at the end of each
    build (and snapshot), as keeping it exact article by article would slow the writer."""
    said_known = func.substr(QuoteRow.said_on, 1, 1).between("0", "9")
    date = case((said_known, QuoteRow.said_on), else_=ArticleRow.published)
    per_speaker = (
        select(
            QuoteRow.speaker_id,
            func.count(QuoteRow.id),
            func.count(QuoteRow.article_id.distinct()),
            func.min(date),
            func.max(date),
        )
        .join(ArticleRow, ArticleRow.id == QuoteRow.article_id)
        .where(QuoteRow.speaker_id.is_not(None))
        .group_by(QuoteRow.speaker_id)
    )
    columns = ["speaker_id", "quote_count", "article_count", "first_date", "last_date"]
    with engine.begin() as connection:
        connection.execute(delete(SpeakerStatsRow))
        connection.execute(insert(SpeakerStatsRow).from_select(columns, per_speaker))


def _drop_unquoted_speakers(connection: Connection, ids: set[int]) -> None:
    """Speakers that a replaced article alone quoted go with it, as in a clean build."""
    if ids:
        quoted = select(QuoteRow.speaker_id).where(QuoteRow.speaker_id.in_(ids))
        connection.execute(delete(SpeakerRow).where(SpeakerRow.id.in_(ids), SpeakerRow.id.not_in(quoted)))
