"""`quotes snapshot`: a database anywhere SQLAlchemy reaches, copied into a SQLite file to serve.

The copy must hold the same rows under the same ids, search like a build (FTS filled by the
migrations' triggers), open in Datasette, and never leave a half-written target behind.
"""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from quotes.cli import cli
from quotes.db import make_engine
from quotes.publish import make_datasette
from quotes.snapshot import snapshot

ROOT = Path(__file__).resolve().parent.parent


def quotes(*args: str):
    return CliRunner().invoke(cli, list(args))


def search(db: Path, words: str) -> list[int]:
    with closing(sqlite3.connect(db)) as connection:
        sql = "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rowid"
        return [row[0] for row in connection.execute(sql, (words,))]


def a_quoted_word(rows: dict[str, list[tuple]]) -> str:
    """The first word of the first quote: something the FTS index must find."""
    return rows["quotes"][0][3].split()[0].strip('"“‘\'.,')


def journal_mode(db: Path) -> str:
    with closing(sqlite3.connect(db)) as connection:
        return connection.execute("PRAGMA journal_mode").fetchone()[0]


def speaker_stats(db: str | Path) -> list[tuple]:
    """`speaker_stats` of a SQLite file or any SQLAlchemy URL, in speaker order."""
    engine = make_engine(db)
    try:
        with engine.connect() as connection:
            return [tuple(row) for row in connection.execute(text("SELECT * FROM speaker_stats ORDER BY speaker_id"))]
    finally:
        engine.dispose()


def test_a_sqlite_snapshot_holds_every_row_under_its_id_and_searches(built_db, tables, tmp_path):
    target = tmp_path / "copy.db"
    result = quotes("snapshot", str(built_db), "--db", str(target))
    assert result.exit_code == 0, result.output
    original = tables(built_db)
    assert tables(target) == original
    counts = (len(original["articles"]), len(original["quotes"]), len(original["speakers"]))
    assert result.output == f"copied {counts[0]} articles, {counts[1]} quotes, {counts[2]} speakers into {target}\n"
    word = a_quoted_word(original)
    assert search(target, f'"{word}"') == search(built_db, f'"{word}"') != []
    assert journal_mode(target) == "delete"
    assert [p.name for p in tmp_path.iterdir()] == ["copy.db"]
    assert speaker_stats(target) == speaker_stats(built_db) != []


def test_a_snapshot_in_small_batches_replaces_an_existing_target_whole(built_db, tables, tmp_path):
    target = tmp_path / "quotes.db"
    target.write_bytes(b"an older snapshot")
    done = snapshot(built_db, target, batch=7)  # tables longer than one batch, copied batch by batch
    assert done.counts["quotes"] > 7
    assert tables(target) == tables(built_db)


@pytest.mark.parametrize(
    "source",
    ["missing.db", "postgresql+psycopg://nobody:secret@127.0.0.1:1/none", "README.md", "x://:"],
    ids=["missing file", "no server", "not a database", "not a url"],
)
def test_a_bad_source_fails_in_one_line_and_leaves_the_target_alone(source, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    target = tmp_path / "quotes.db"
    target.write_bytes(b"the last good snapshot")
    result = CliRunner().invoke(cli, ["snapshot", source, "--db", str(target)])
    assert result.exit_code == 1
    assert result.output.startswith("quotes: ") and result.output.count("\n") == 1, result.output
    assert "secret" not in result.output
    assert target.read_bytes() == b"the last good snapshot"
    assert [p.name for p in tmp_path.iterdir()] == ["quotes.db"]
    assert not (ROOT / "missing.db").exists()


def test_a_source_behind_head_is_refused(built_db, tmp_path):
    from quotes.db import downgrade

    old = tmp_path / "old.db"
    shutil.copy(built_db, old)
    downgrade(old, "0002")
    result = quotes("snapshot", str(old), "--db", str(tmp_path / "copy.db"))
    assert result.exit_code == 1
    assert "at revision 0002" in result.output
    assert not (tmp_path / "copy.db").exists()


@pytest.mark.postgres
async def test_a_postgresql_store_snapshots_to_the_rows_of_a_sqlite_build(pg_db, built_db, tables, tmp_path, monkeypatch):  # noqa: F811
    monkeypatch.chdir(ROOT)
    built = quotes("build", "seeds", "--db", pg_db)
    assert built.exit_code == 0, built.output
    target = tmp_path / "tmp.db"
    result = quotes("snapshot", pg_db, "--db", str(target))
    assert result.exit_code == 0, result.output
    copied = tables(target)
    assert copied == tables(built_db)
    assert speaker_stats(pg_db) == speaker_stats(target) == speaker_stats(built_db) != []
    assert journal_mode(target) == "delete"
    word = a_quoted_word(copied)
    response = await make_datasette(target).client.get(f"/quotes/quotes.json?_search={word}&_shape=array")
    assert response.status_code == 200
    assert sorted(row["id"] for row in response.json()) == search(target, f'"{word}"') != []
