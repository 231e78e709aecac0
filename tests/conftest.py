"""Shared fixtures: one database built from seeds/ per session, and a way to read a database whole."""

from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from quotes.build import build

ROOT = Path(__file__).resolve().parent.parent
# Tables whose rows are the database's content (FTS shadow tables follow from `quotes`).
CONTENT_TABLES = ("articles", "speakers", "speaker_aliases", "statements", "quotes", "alembic_version")


def read_tables(db: Path) -> dict[str, list[tuple]]:
    """Every row of every content table, in a stable order."""
    with closing(sqlite3.connect(db)) as connection:
        return {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in CONTENT_TABLES
        }


def build_seeds(db: Path) -> Path:
    """Build seeds/ into `db` from the project root, so stored paths read `seeds/...` as in quotes.db."""
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        summary = build([Path("seeds")], db)
    finally:
        os.chdir(here)
    assert not summary.rejected, summary.rejected
    return db


@pytest.fixture(scope="session")
def built_db(tmp_path_factory) -> Path:
    """A SQLite database freshly built from seeds/ (do not write to it: copy it first)."""
    return build_seeds(tmp_path_factory.mktemp("built") / "quotes.db")


@pytest.fixture(scope="session")
def seed_rows(built_db) -> dict[str, list[tuple]]:
    return read_tables(built_db)


@pytest.fixture(scope="session")
def tables():
    """`tables(db)`: every row of every content table of a SQLite file, ordered."""
    return read_tables
