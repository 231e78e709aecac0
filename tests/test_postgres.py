"""The store on a real PostgreSQL server: `quotes build --db postgresql+psycopg://...` stores what
SQLite stores, offsets count characters the same way, a changed article is replaced, and a
database with rows goes down a revision and back up keeping them.

The server is the session's throwaway one (`postgres_url` in conftest.py); each test here works
in a database of its own on it, so the order of tests never matters.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, text

from quotes.cli import cli
from quotes.db import downgrade, upgrade

pytestmark = pytest.mark.postgres
ROOT = Path(__file__).resolve().parent.parent

COUNTS = {
    "articles": "SELECT count(*) FROM articles",
    "quotes": "SELECT count(*) FROM quotes",
    "speakers": "SELECT count(*) FROM speakers",
    "speaker_aliases": "SELECT count(*) FROM speaker_aliases",
    "statements": "SELECT count(*) FROM statements",
    "quotes by kind": "SELECT kind, count(*) FROM quotes GROUP BY kind ORDER BY kind",
}
# Content of each table without its surrogate keys: what a reader of the database sees.
CONTENT = {
    "quotes": 'SELECT a.path, q.text, q.kind, q.start, q."end", s.name, q.cue, q.rule, q.said_on, q.context '
    "FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id "
    'ORDER BY a.path, q.start, q."end", q.kind',
    "speakers": "SELECT name, kind, role, organisation, gender FROM speakers ORDER BY name",
    "aliases": "SELECT s.name, x.alias FROM speaker_aliases x JOIN speakers s ON s.id = x.speaker_id ORDER BY 1, 2",
    "statements": "SELECT normalised_text, first_seen, article_count FROM statements ORDER BY normalised_text",
}


def query(url: str, sql: str) -> list[tuple]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text(sql))]
    finally:
        engine.dispose()


def quotes_build(*args: str):
    return CliRunner().invoke(cli, ["build", *args])


def test_build_on_postgresql_stores_the_rows_of_sqlite(pg_db, built_db, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = quotes_build("seeds", "--db", pg_db)
    assert result.exit_code == 0, result.output
    sqlite_url = f"sqlite:///{built_db}"
    assert query(pg_db, COUNTS["quotes"])[0][0] > 0
    for name, sql in {**COUNTS, **CONTENT}.items():
        assert query(pg_db, sql) == query(sqlite_url, sql), name


def test_offsets_count_characters_on_postgresql_too(pg_db, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert quotes_build("seeds", "--db", pg_db).exit_code == 0
    wrong = query(
        pg_db,
        'SELECT q.id FROM quotes q JOIN articles a ON a.id = q.article_id '
        'WHERE substr(a.body, q.start + 1, q."end" - q.start) <> q.text',
    )
    assert wrong == []


def test_a_changed_article_is_replaced_as_a_clean_build_would_store_it(pg_db, tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(ROOT / "seeds", folder)
    for path in folder.glob("*.txt"):
        path.chmod(0o644)
    assert quotes_build(str(folder), "--db", pg_db).exit_code == 0
    changed = sorted(folder.glob("*.txt"))[0]
    changed.write_text(changed.read_text(encoding="utf-8") + '\n\n"We will return next week," said Mr Okafor.\n', encoding="utf-8")
    again = quotes_build(str(folder), "--db", pg_db)
    assert again.exit_code == 0, again.output
    assert "1 replaced" in again.output
    clean = build_seeds_from(folder, tmp_path / "clean.db")
    for name, sql in {**COUNTS, **CONTENT}.items():
        assert query(pg_db, sql) == query(f"sqlite:///{clean}", sql), name


def test_migrations_go_down_a_revision_and_back_keeping_the_rows(pg_db, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert quotes_build("seeds", "--db", pg_db).exit_code == 0
    before = {name: query(pg_db, sql) for name, sql in COUNTS.items() if name != "statements"}
    downgrade(pg_db, "0001")
    assert query(pg_db, "SELECT version_num FROM alembic_version") == [("0001",)]
    assert query(pg_db, COUNTS["quotes"]) == before["quotes"]
    upgrade(pg_db)
    assert query(pg_db, "SELECT version_num FROM alembic_version") != [("0001",)]
    assert {name: query(pg_db, COUNTS[name]) for name in before} == before
    assert query(pg_db, "SELECT count(*) FROM quotes WHERE statement_id IS NULL") == [(0,)]


def build_seeds_from(folder: Path, db: Path) -> Path:
    """A clean SQLite build of `folder`, stored paths as `quotes build FOLDER` gives them."""
    from quotes.build import build

    summary = build([folder], db)
    assert not summary.rejected, summary.rejected
    return db

