"""`quotes.date`: each quote's `quote_list.date` stored and indexed, so sorting by date reads one page.

`quote_list.date` (revision 0003) was computed in the view from the quote and its article, so
`/quotes/quote_list?_sort_desc=date` sorted every quote on each request (~0.7 s at a million
quotes). The value is now a column of `quotes` with an index (`ix_quotes_date`), which the view
selects: the same rule, the same values, and a date-sorted page walks the index down.

Triggers keep the column right whoever writes: a new quote, a quote whose said_on or article
changes, and the quotes of an article whose publication date changes. (A changed article's quotes
are deleted and inserted again by the store after the article's row is updated, so the insert
trigger already sees the new date.) SQLite cannot change a row in a BEFORE trigger, so its insert
trigger updates the new row, and only when the row came without the right date: the store writes
it (`quotes.store.list_date`), as rewriting each new row cost its writer 12% more time where
checking costs ~5% with the index. PostgreSQL sets the value before the row is written.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from quotes.db import definition_at

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

QUOTE_LIST = """CREATE VIEW quote_list AS
SELECT q.id AS quote_id, q.text, s.name AS speaker, q.kind, q.said_on, q.said_on_precision,
       q.date,
       a.title AS article_title, a.url AS article_url, a.outlet, a.published, q.context,
       q.confidence, q.rule, q.cue, q.mention, q.start, q."end",
       q.article_id, a.name AS article_name, q.speaker_id,
       q.statement_id, st.article_count, st.first_seen, st.first_article_id
FROM quotes AS q
JOIN articles AS a ON a.id = q.article_id
LEFT JOIN speakers AS s ON s.id = q.speaker_id
LEFT JOIN statements AS st ON st.id = q.statement_id"""

# The rule of revision 0003: when it was said if said_on is a full date, else when published.
FILL = """UPDATE quotes SET date = CASE WHEN said_on IS NOT NULL AND said_on NOT LIKE '-%' THEN said_on
  ELSE (SELECT a.published FROM articles AS a WHERE a.id = quotes.article_id) END"""

SQLITE_TRIGGERS = {
    "quotes_date_insert": """CREATE TRIGGER quotes_date_insert AFTER INSERT ON quotes
WHEN new.date IS NOT (CASE WHEN new.said_on IS NOT NULL AND new.said_on NOT LIKE '-%' THEN new.said_on
    ELSE (SELECT a.published FROM articles AS a WHERE a.id = new.article_id) END) BEGIN
  UPDATE quotes SET date = CASE WHEN new.said_on IS NOT NULL AND new.said_on NOT LIKE '-%' THEN new.said_on
    ELSE (SELECT a.published FROM articles AS a WHERE a.id = new.article_id) END
  WHERE id = new.id;
END""",
    "quotes_date_update": """CREATE TRIGGER quotes_date_update AFTER UPDATE OF said_on, article_id ON quotes BEGIN
  UPDATE quotes SET date = CASE WHEN new.said_on IS NOT NULL AND new.said_on NOT LIKE '-%' THEN new.said_on
    ELSE (SELECT a.published FROM articles AS a WHERE a.id = new.article_id) END
  WHERE id = new.id;
END""",
    "articles_quote_date": """CREATE TRIGGER articles_quote_date AFTER UPDATE OF published ON articles
WHEN new.published IS NOT old.published BEGIN
  UPDATE quotes SET date = new.published
  WHERE article_id = new.id AND (said_on IS NULL OR said_on LIKE '-%');
END""",
}

# PostgreSQL triggers run functions; its BEFORE trigger sets the value as the row is written.
POSTGRESQL_FUNCTIONS = {
    "quotes_date": """CREATE FUNCTION quotes_date() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.date := CASE WHEN NEW.said_on IS NOT NULL AND NEW.said_on NOT LIKE '-%' THEN NEW.said_on
    ELSE (SELECT a.published FROM articles AS a WHERE a.id = NEW.article_id) END;
  RETURN NEW;
END $$""",
    "articles_quote_date": """CREATE FUNCTION articles_quote_date() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE quotes SET date = NEW.published
  WHERE article_id = NEW.id AND (said_on IS NULL OR said_on LIKE '-%');
  RETURN NULL;
END $$""",
}
POSTGRESQL_TRIGGERS = {
    "quotes_date": """CREATE TRIGGER quotes_date BEFORE INSERT OR UPDATE OF said_on, article_id ON quotes
FOR EACH ROW EXECUTE FUNCTION quotes_date()""",
    "articles_quote_date": """CREATE TRIGGER articles_quote_date AFTER UPDATE OF published ON articles
FOR EACH ROW WHEN (NEW.published IS DISTINCT FROM OLD.published) EXECUTE FUNCTION articles_quote_date()""",
}
TRIGGER_TABLES = {"quotes_date": "quotes", "articles_quote_date": "articles"}


def create_triggers() -> None:
    """The triggers that keep quotes.date, in each database's own form (the store runs on both)."""
    if op.get_bind().dialect.name == "postgresql":
        for sql in (*POSTGRESQL_FUNCTIONS.values(), *POSTGRESQL_TRIGGERS.values()):
            op.execute(sql)
    else:
        for sql in SQLITE_TRIGGERS.values():
            op.execute(sql)


def drop_triggers() -> None:
    """Drop them (PostgreSQL's functions too) before the column, which SQLite cannot drop while a trigger names it."""
    if op.get_bind().dialect.name == "postgresql":
        for name in POSTGRESQL_TRIGGERS:
            op.execute(f"DROP TRIGGER {name} ON {TRIGGER_TABLES[name]}")
        for name in POSTGRESQL_FUNCTIONS:
            op.execute(f"DROP FUNCTION {name}()")
    else:
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER {name}")


def upgrade() -> None:
    op.add_column("quotes", sa.Column("date", sa.Text(), nullable=True))
    op.execute(FILL)
    op.create_index("ix_quotes_date", "quotes", ["date"])
    create_triggers()
    op.execute("DROP VIEW quote_list")
    op.execute(QUOTE_LIST)


def downgrade() -> None:
    op.execute("DROP VIEW quote_list")
    op.execute(definition_at("0003", "QUOTE_LIST"))  # revisions 0004 and 0005 left 0003's view
    drop_triggers()
    op.drop_index("ix_quotes_date", table_name="quotes")
    op.drop_column("quotes", "date")
