"""`speaker_stats`: each speaker's quote and article counts and first and last quote dates.

The "who is quoted most" query grouped every quote with its article on each request (1.6 s of
SQL at a million quotes, past Datasette's time limit on a busy machine). The store now keeps
these figures in a table, refreshed at the end of each build (`quotes.store.refresh_speaker_stats`);
this revision fills it from the rows already stored. A quote's date is the `quote_list.date`
rule: when it was said if the year is known (said_on starts with a digit), else when published.
Plain SQL, so it means the same on SQLite and PostgreSQL.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

FILL = """INSERT INTO speaker_stats (speaker_id, quote_count, article_count, first_date, last_date)
SELECT q.speaker_id, count(q.id), count(DISTINCT q.article_id),
       min(CASE WHEN substr(q.said_on, 1, 1) BETWEEN '0' AND '9' THEN q.said_on ELSE a.published END),
       max(CASE WHEN substr(q.said_on, 1, 1) BETWEEN '0' AND '9' THEN q.said_on ELSE a.published END)
FROM quotes AS q
JOIN articles AS a ON a.id = q.article_id
WHERE q.speaker_id IS NOT NULL
GROUP BY q.speaker_id"""


def upgrade() -> None:
    op.create_table(
        "speaker_stats",
        sa.Column("speaker_id", sa.Integer(), nullable=False),
        sa.Column("quote_count", sa.Integer(), nullable=False),
        sa.Column("article_count", sa.Integer(), nullable=False),
        sa.Column("first_date", sa.Text(), nullable=True),
        sa.Column("last_date", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["speaker_id"], ["speakers.id"],
            name="fk_speaker_stats_speaker_id_speakers", ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("speaker_id", name="pk_speaker_stats"),
    )
    op.execute(FILL)


def downgrade() -> None:
    op.drop_table("speaker_stats")
