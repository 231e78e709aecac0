"""The committed quotes.db is what `quotes build seeds` makes today: it never goes stale."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

COMMITTED = Path(__file__).resolve().parent.parent / "quotes.db"


def test_committed_database_equals_a_fresh_build(seed_rows, tables):
    committed = tables(COMMITTED)
    for table, rows in seed_rows.items():
        assert committed[table] == rows, f"quotes.db is stale ({table}): run `make db` and commit quotes.db"


def test_committed_database_is_sealed():
    with closing(sqlite3.connect(COMMITTED)) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
