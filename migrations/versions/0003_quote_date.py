"""`quote_list.date`: when the words were said where the text gives a full date, else when published.

Most quotes carry no said-on date of their own (the text says none, or no year), so sorting the
quote list by `said_on` leaves them at the bottom; `date` sorts every quote newest first. Plain
SQL (no GLOB, no plugin function), so it means the same on SQLite and PostgreSQL.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

from quotes.db import definition_at

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

QUOTE_LIST = """CREATE VIEW quote_list AS
SELECT q.id AS quote_id, q.text, s.name AS speaker, q.kind, q.said_on, q.said_on_precision,
       CASE WHEN q.said_on IS NOT NULL AND q.said_on NOT LIKE '-%' THEN q.said_on ELSE a.published END AS date,
       a.title AS article_title, a.url AS article_url, a.outlet, a.published, q.context,
       q.confidence, q.rule, q.cue, q.mention, q.start, q."end",
       q.article_id, a.name AS article_name, q.speaker_id,
       q.statement_id, st.article_count, st.first_seen, st.first_article_id
FROM quotes AS q
JOIN articles AS a ON a.id = q.article_id
LEFT JOIN speakers AS s ON s.id = q.speaker_id
LEFT JOIN statements AS st ON st.id = q.statement_id"""



def upgrade() -> None:
    op.execute("DROP VIEW quote_list")
    op.execute(QUOTE_LIST)


def downgrade() -> None:
    op.execute("DROP VIEW quote_list")
    op.execute(definition_at(down_revision, "QUOTE_LIST"))
