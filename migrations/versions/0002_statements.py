"""Statements: the same words reported by several articles, folded into one (Quotebank-style).

Adds `statements`, `quotes.statement_id` (existing quotes are linked), and the statement's
article count and first-seen date in `quote_list`. Altering `quotes` on SQLite is a batch
(copy-and-move) migration, which drops its FTS triggers and fails while a view uses the table
(alembic#1207): the view and triggers are dropped first and made again after.

Revision ID: 0002
Revises: 0001
Create Date: 2024-02-11
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

from quotes.db import definition_at
from quotes.store import normalise_statement

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

QUOTE_LIST = """CREATE VIEW quote_list AS
SELECT q.id AS quote_id, q.text, s.name AS speaker, q.kind, q.said_on, q.said_on_precision,
       a.title AS article_title, a.url AS article_url, a.outlet, a.published, q.context,
       q.confidence, q.rule, q.cue, q.mention, q.start, q."end",
       q.article_id, a.name AS article_name, q.speaker_id,
       q.statement_id, st.article_count, st.first_seen, st.first_article_id
FROM quotes AS q
JOIN articles AS a ON a.id = q.article_id
LEFT JOIN speakers AS s ON s.id = q.speaker_id
LEFT JOIN statements AS st ON st.id = q.statement_id"""

REFRESH_STATEMENTS = """UPDATE statements SET
  article_count = (SELECT count(DISTINCT q.article_id) FROM quotes AS q
                   WHERE q.statement_id = statements.id),
  first_seen = (SELECT min(a.published) FROM quotes AS q JOIN articles AS a ON a.id = q.article_id
                WHERE q.statement_id = statements.id),
  first_article_id = (SELECT a.id FROM quotes AS q JOIN articles AS a ON a.id = q.article_id
                      WHERE q.statement_id = statements.id
                      ORDER BY a.published IS NULL, a.published, a.id LIMIT 1)"""



@contextmanager
def quotes_altered() -> Iterator[sa.Connection]:
    """Drop the view and the FTS triggers on `quotes` around a batch alteration, then remake the triggers."""
    bind = op.get_bind()
    op.execute("DROP VIEW quote_list")
    triggers = []
    if bind.dialect.name == "sqlite":
        triggers = bind.execute(
            sa.text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'quotes' ORDER BY name")
        ).fetchall()
        for name, _sql in triggers:
            op.execute(f"DROP TRIGGER {name}")
    yield bind
    for _name, sql in triggers:
        op.execute(sql)


def link_existing_quotes(bind: sa.Connection) -> None:
    """Give quotes stored before this revision their statements."""
    ids: dict[str, int] = {}
    links = []
    for quote_id, text in bind.execute(sa.text("SELECT id, text FROM quotes ORDER BY id")):
        key = normalise_statement(text)
        if not key:
            continue
        if key not in ids:
            ids[key] = bind.execute(
                sa.text("INSERT INTO statements (normalised_text, article_count) VALUES (:k, 0) RETURNING id"),
                {"k": key},
            ).scalar_one()
        links.append({"s": ids[key], "q": quote_id})
    if links:
        bind.execute(sa.text("UPDATE quotes SET statement_id = :s WHERE id = :q"), links)
        bind.execute(sa.text(REFRESH_STATEMENTS))


def upgrade() -> None:
    op.create_table(
        "statements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("normalised_text", sa.Text(), nullable=False),
        sa.Column("first_article_id", sa.Integer(), nullable=True),
        sa.Column("first_seen", sa.Text(), nullable=True),
        sa.Column("article_count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["first_article_id"],
            ["articles.id"],
            name="fk_statements_first_article_id_articles",
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_statements"),
        sa.UniqueConstraint("normalised_text", name="uq_statements_normalised_text"),
    )
    op.create_index("ix_statements_first_article_id", "statements", ["first_article_id"])
    with quotes_altered() as bind:
        with op.batch_alter_table("quotes") as batch:
            batch.add_column(sa.Column("statement_id", sa.Integer(), nullable=True))
            batch.create_foreign_key(
                "fk_quotes_statement_id_statements",
                "statements",
                ["statement_id"],
                ["id"],
                ondelete="SET NULL",
            )
            batch.create_index("ix_quotes_statement_id", ["statement_id"])
        link_existing_quotes(bind)
    op.execute(QUOTE_LIST)


def downgrade() -> None:
    with quotes_altered():
        with op.batch_alter_table("quotes") as batch:
            batch.drop_index("ix_quotes_statement_id")
            batch.drop_constraint("fk_quotes_statement_id_statements", type_="foreignkey")
            batch.drop_column("statement_id")
    op.execute(definition_at(down_revision, "QUOTE_LIST"))
    op.drop_index("ix_statements_first_article_id", table_name="statements")
    op.drop_table("statements")
