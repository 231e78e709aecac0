"""The schema as SQLAlchemy 2 typed models.

Journalists write SQL against these names, so they are a public contract. The migrations under
`migrations/versions/` create the same schema (a test compares them); the FTS table, its triggers
and the `quote_list` view live only in the migrations, as they are not tables of the model.
"""

from __future__ import annotations

from sqlalchemy import (
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class ArticleRow(Base):
    """One article file; quote offsets point into `body`."""

    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    path: Mapped[str] = mapped_column(Text, unique=True)
    name: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text, index=True)
    published: Mapped[str | None] = mapped_column(Text, index=True)
    dateline: Mapped[str | None] = mapped_column(Text)
    encoding: Mapped[str] = mapped_column(Text)
    metadata_sources: Mapped[str] = mapped_column(Text)  # JSON: field -> "text" / "manifest"
    body: Mapped[str] = mapped_column(Text)
    # The fingerprint of the engine that extracted the quotes (`store.engine_fingerprint`);
    # NULL for articles stored before it was recorded. A build re-extracts when it differs.
    engine: Mapped[str | None] = mapped_column(Text)


class SpeakerRow(Base):
    """One identity across the corpus, by canonical name."""

    __tablename__ = "speakers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text, unique=True)
    kind: Mapped[str] = mapped_column(Text)  # person / organisation / unnamed
    role: Mapped[str | None] = mapped_column(Text)
    organisation: Mapped[str | None] = mapped_column(Text)
    gender: Mapped[str | None] = mapped_column(Text)


class SpeakerAliasRow(Base):
    """Every spelling that named a speaker: the data file's aliases and the article mentions."""

    __tablename__ = "speaker_aliases"
    __table_args__ = (UniqueConstraint("speaker_id", "alias"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    speaker_id: Mapped[int] = mapped_column(ForeignKey("speakers.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(Text, index=True)


class StatementRow(Base):
    """The same words reported by several articles, folded into one (as Quotebank does)."""

    __tablename__ = "statements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    normalised_text: Mapped[str] = mapped_column(Text, unique=True)
    first_article_id: Mapped[int | None] = mapped_column(
        ForeignKey("articles.id", ondelete="SET NULL"), index=True
    )
    first_seen: Mapped[str | None] = mapped_column(Text)
    article_count: Mapped[int] = mapped_column(Integer)


class QuoteRow(Base):
    """One quote in one article: `articles.body[start:end] == text`."""

    __tablename__ = "quotes"
    # One speaker's quotes counted by kind (the quote desk) read the index alone; a speaker's or a
    # kind's quotes sorted by date walk theirs down (revision 0007).
    __table_args__ = (
        Index("ix_quotes_speaker_id_kind", "speaker_id", "kind"),
        Index("ix_quotes_speaker_id_date", "speaker_id", "date"),
        Index("ix_quotes_kind_date", "kind", "date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    speaker_id: Mapped[int | None] = mapped_column(ForeignKey("speakers.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(Text, index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    cue: Mapped[str | None] = mapped_column(Text)
    rule: Mapped[str] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float)
    said_on: Mapped[str | None] = mapped_column(Text, index=True)
    said_on_precision: Mapped[str | None] = mapped_column(Text)
    # `quote_list.date`: said_on when it is a full date, else the article's published. Set by
    # triggers (revision 0006) on every write; stored and indexed so the list sorts by it cheaply.
    date: Mapped[str | None] = mapped_column(Text, index=True)
    mention: Mapped[str | None] = mapped_column(Text)
    context: Mapped[str] = mapped_column(Text)
    statement_id: Mapped[int | None] = mapped_column(
        ForeignKey("statements.id", ondelete="SET NULL"), index=True
    )


class SpeakerStatsRow(Base):
    """Each quoted speaker's counts and dates, refreshed at the end of each build.

    A summary of `quotes` (`store.refresh_speaker_stats`), so ranking the speakers reads one row
    each instead of grouping every quote with its article. A quote's date is `quote_list.date`.
    """

    __tablename__ = "speaker_stats"

    speaker_id: Mapped[int] = mapped_column(
        ForeignKey("speakers.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    quote_count: Mapped[int] = mapped_column(Integer)
    article_count: Mapped[int] = mapped_column(Integer)
    first_date: Mapped[str | None] = mapped_column(Text)
    last_date: Mapped[str | None] = mapped_column(Text)
