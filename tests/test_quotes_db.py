"""The committed quotes.db is what `quotes build seeds` makes today: it never goes stale."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

COMMITTED = Path(__file__).resolve().parent.parent / "quotes.db"


def unstamped(rows: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """The rows without each article's engine fingerprint (its last column).

    Engine edits that change no output (speed work) change the fingerprint: the committed file
    need not be rebuilt for those, while any change to what is stored still fails below.
    """
    return {**rows, "articles": [row[:-1] for row in rows["articles"]]}


def test_committed_database_equals_a_fresh_build(seed_rows, tables):
    committed = unstamped(tables(COMMITTED))
    for table, rows in unstamped(seed_rows).items():
        assert committed[table] == rows, f"quotes.db is stale ({table}): run `make db` and commit quotes.db"


def test_committed_articles_carry_an_engine_fingerprint():
    with closing(sqlite3.connect(COMMITTED)) as connection:
        stamps = connection.execute("SELECT DISTINCT engine FROM articles").fetchall()
    assert len(stamps) == 1 and stamps[0][0]


def test_committed_database_is_sealed():
    with closing(sqlite3.connect(COMMITTED)) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
