"""Indexes `(speaker_id, date)` and `(kind, date)`: a speaker's or a kind's quotes newest said first.

Revision 0006 made `/quotes/quote_list?_sort_desc=date` walk `ix_quotes_date`, but a filter with
the date sort (`?speaker=…&_sort_desc=date`, `?kind=direct&_sort_desc=date`) still read every
quote of the speaker or kind from its index and sorted them all: ~100 ms and ~350 ms CPU at a
million quotes. Datasette sorts a view with no tie-breaker (`… from quote_list where "kind" = :p0
order by date desc limit 51`, page 2 `offset 50`), and with these indexes SQLite walks the
speaker's or kind's range down from its newest date through the view's joins, with no sort.

The indexes they could replace stay: `ix_quotes_speaker_id`, `ix_quotes_kind` and
`ix_quotes_speaker_id_kind` end with the id, which orders the default list (latest added first)
of a speaker, a kind, and both; a date in between would make those pages sort again.

At a million quotes: 125 -> 28 ms and 397 -> 48 ms CPU a page (p50), 2.3 s to build both, 48 MB.
Their cost is on the writer: ~0.25 ms more an article (+26% of its CPU; ~6-7% of a one-process build).

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

INDEXES = {"ix_quotes_speaker_id_date": ["speaker_id", "date"], "ix_quotes_kind_date": ["kind", "date"]}


def upgrade() -> None:
    for name, columns in INDEXES.items():
        op.create_index(name, "quotes", columns)


def downgrade() -> None:
    for name in INDEXES:
        op.drop_index(name, table_name="quotes")
