"""Articles, speakers, aliases, quotes; FTS5 over quote text; the quote_list view.

Revision ID: 0001
Revises:
Create Date: 2024-02-10
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

# Datasette finds the FTS table only with content="quotes" in DOUBLE quotes.
FTS_TABLE = 'CREATE VIRTUAL TABLE quotes_fts USING fts5(text, content="quotes", content_rowid="id")'
FTS_TRIGGERS = (
    """CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
  INSERT INTO quotes_fts (rowid, text) VALUES (new.id, new.text);
END""",
    """CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
  INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
END""",
    """CREATE TRIGGER quotes_fts_update AFTER UPDATE OF text ON quotes BEGIN
  INSERT INTO quotes_fts (quotes_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO quotes_fts (rowid, text) VALUES (new.id, new.text);
END""",
)

QUOTE_LIST = """CREATE VIEW quote_list AS
SELECT q.id AS quote_id, q.text, s.name AS speaker, q.kind, q.said_on, q.said_on_precision,
       a.title AS article_title, a.url AS article_url, a.outlet, a.published, q.context,
       q.confidence, q.rule, q.cue, q.mention, q.start, q."end",
       q.article_id, a.name AS article_name, q.speaker_id
FROM quotes AS q
JOIN articles AS a ON a.id = q.article_id
LEFT JOIN speakers AS s ON s.id = q.speaker_id"""


def upgrade() -> None:
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("sha256", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("published", sa.Text(), nullable=True),
        sa.Column("dateline", sa.Text(), nullable=True),
        sa.Column("encoding", sa.Text(), nullable=False),
        sa.Column("metadata_sources", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_articles"),
        sa.UniqueConstraint("path", name="uq_articles_path"),
    )
    op.create_index("ix_articles_outlet", "articles", ["outlet"])
    op.create_index("ix_articles_published", "articles", ["published"])
    op.create_table(
        "speakers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("role", sa.Text(), nullable=True),
        sa.Column("organisation", sa.Text(), nullable=True),
        sa.Column("gender", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_speakers"),
        sa.UniqueConstraint("name", name="uq_speakers_name"),
    )
    op.create_table(
        "speaker_aliases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("alias", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["speaker_id"],
            ["speakers.id"],
            name="fk_speaker_aliases_speaker_id_speakers",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_speaker_aliases"),
        sa.UniqueConstraint("speaker_id", "alias", name="uq_speaker_aliases_speaker_id_alias"),
    )
    op.create_index("ix_speaker_aliases_alias", "speaker_aliases", ["alias"])
    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("speaker_id", sa.Integer(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("kind", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("cue", sa.Text(), nullable=True),
        sa.Column("rule", sa.Text(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("said_on", sa.Text(), nullable=True),
        sa.Column("said_on_precision", sa.Text(), nullable=True),
        sa.Column("mention", sa.Text(), nullable=True),
        sa.Column("context", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"], ["articles.id"], name="fk_quotes_article_id_articles", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["speaker_id"], ["speakers.id"], name="fk_quotes_speaker_id_speakers"),
        sa.PrimaryKeyConstraint("id", name="pk_quotes"),
    )
    op.create_index("ix_quotes_article_id", "quotes", ["article_id"])
    op.create_index("ix_quotes_speaker_id", "quotes", ["speaker_id"])
    op.create_index("ix_quotes_kind", "quotes", ["kind"])
    op.create_index("ix_quotes_said_on", "quotes", ["said_on"])
    if op.get_bind().dialect.name == "sqlite":
        op.execute(FTS_TABLE)
        for trigger in FTS_TRIGGERS:
            op.execute(trigger)
    op.execute(QUOTE_LIST)


def downgrade() -> None:
    op.execute("DROP VIEW quote_list")
    if op.get_bind().dialect.name == "sqlite":
        for name in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER quotes_fts_{name}")
        op.execute("DROP TABLE quotes_fts")
    op.drop_table("quotes")
    op.drop_table("speaker_aliases")
    op.drop_table("speakers")
    op.drop_table("articles")
