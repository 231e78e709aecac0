"""Write one article and its quotes in one transaction, idempotent by content hash.

Plain records (`Article`, `Quote`, `Speaker`) come in; SQLAlchemy rows never leave this module.
Same path and hash: nothing is written. Same path, new hash: the article's old quotes are
replaced. The statements (the same words across articles) and speakers that the change touches
are recomputed in the same transaction, so the database always equals a clean build of its files.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Sequence
from pathlib import Path

from sqlalchemy import Engine, case, delete, func, insert, select, update
from sqlalchemy.orm import Session

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


class Store:
    """A database at the head revision, written one article at a time by a single writer."""

    def __init__(self, db: str | Path) -> None:
        self.engine: Engine = make_engine(db)
        self._wal = False

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()

    def close(self) -> None:
        """Leave a SQLite file checkpointed in rollback-journal mode if this store wrote to it."""
        if self._wal:
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
            sha = connection.execute(
                select(ArticleRow.sha256).where(ArticleRow.path == article.path)
            ).scalar_one_or_none()
        return NEW if sha is None else UNCHANGED if sha == article.sha256 else REPLACED

    def write(self, article: Article, quotes: Sequence[Quote]) -> str:
        """Store the article and its quotes in one transaction; returns new, unchanged or replaced."""
        if self.status(article) == UNCHANGED:
            return UNCHANGED
        if not self._wal:
            use_wal(self.engine)
            self._wal = True
        with Session(self.engine) as session, session.begin():
            return _write(session, article, quotes)


def _write(session: Session, article: Article, quotes: Sequence[Quote]) -> str:
    existing = session.execute(
        select(ArticleRow.id, ArticleRow.sha256).where(ArticleRow.path == article.path)
    ).first()
    if existing is not None and existing.sha256 == article.sha256:
        return UNCHANGED
    values = {
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
    old_statements: set[int] = set()
    old_speakers: set[int] = set()
    if existing is None:
        article_id = session.execute(insert(ArticleRow).values(values)).inserted_primary_key[0]
    else:
        article_id = existing.id
        old = session.execute(
            select(QuoteRow.statement_id, QuoteRow.speaker_id).where(QuoteRow.article_id == article_id)
        ).all()
        old_statements = {row.statement_id for row in old if row.statement_id is not None}
        old_speakers = {row.speaker_id for row in old if row.speaker_id is not None}
        session.execute(delete(QuoteRow).where(QuoteRow.article_id == article_id))
        session.execute(update(ArticleRow).where(ArticleRow.id == article_id).values(values))
    speaker_ids = _speakers(session, quotes)
    statement_ids = _statements(session, (q.text for q in quotes))
    if quotes:
        session.execute(
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
                    "statement_id": statement_ids.get(normalise_statement(q.text)),
                }
                for q in quotes
            ],
        )
    _refresh_statements(session, old_statements | set(statement_ids.values()))
    _drop_unquoted_speakers(session, old_speakers - set(speaker_ids.values()))
    return NEW if existing is None else REPLACED


def _speakers(session: Session, quotes: Sequence[Quote]) -> dict[str, int]:
    """Upsert the quotes' speakers by canonical name and their aliases; name -> id."""
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
    rows = {
        row.name: row
        for row in session.execute(select(SpeakerRow).where(SpeakerRow.name.in_(speakers))).scalars()
    }
    ids = {}
    for name, speaker in speakers.items():
        row = rows.get(name)
        if row is None:
            row = SpeakerRow(name=name, kind=speaker.kind)
            session.add(row)
        for field in ("role", "organisation", "gender"):
            if getattr(row, field, None) is None:
                setattr(row, field, getattr(speaker, field))
        session.flush()
        ids[name] = row.id
    have = set(
        session.execute(
            select(SpeakerAliasRow.speaker_id, SpeakerAliasRow.alias).where(
                SpeakerAliasRow.speaker_id.in_(ids.values())
            )
        ).all()
    )
    wanted = [(ids[name], alias) for name, names in aliases.items() for alias in dict.fromkeys(names)]
    missing = [{"speaker_id": sid, "alias": alias} for sid, alias in wanted if (sid, alias) not in have]
    if missing:
        session.execute(insert(SpeakerAliasRow), missing)
    return ids


def _statements(session: Session, texts: Iterable[str]) -> dict[str, int]:
    """Find or create the statement of each text; normalised text -> id."""
    keys = [key for key in dict.fromkeys(normalise_statement(t) for t in texts) if key]
    if not keys:
        return {}
    lookup = select(StatementRow.normalised_text, StatementRow.id).where(
        StatementRow.normalised_text.in_(keys)
    )
    ids = dict(session.execute(lookup).all())
    missing = [{"normalised_text": k, "article_count": 0} for k in keys if k not in ids]
    if missing:
        session.execute(insert(StatementRow), missing)
        ids = dict(session.execute(lookup).all())
    return ids


def _refresh_statements(session: Session, ids: set[int]) -> None:
    """Recompute article count, first article and first date of these statements; drop the empty."""
    if not ids:
        return
    mine = QuoteRow.statement_id == StatementRow.id
    dated = (
        select(ArticleRow.id, ArticleRow.published)
        .join(QuoteRow, QuoteRow.article_id == ArticleRow.id)
        .where(mine)
    )
    session.execute(
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
    session.execute(
        delete(StatementRow).where(StatementRow.id.in_(ids), StatementRow.article_count == 0)
    )


def _drop_unquoted_speakers(session: Session, ids: set[int]) -> None:
    """Speakers that a replaced article alone quoted go with it, as in a clean build."""
    if ids:
        quoted = select(QuoteRow.speaker_id).where(QuoteRow.speaker_id.in_(ids))
        session.execute(delete(SpeakerRow).where(SpeakerRow.id.in_(ids), SpeakerRow.id.not_in(quoted)))
