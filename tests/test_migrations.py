"""The migrations make exactly the models' schema, and move a database holding data both ways."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from quotes.build import build
from quotes.db import alembic_config, downgrade, include_name, make_engine, upgrade
from quotes.models import Base

ROOT = Path(__file__).resolve().parent.parent

FTS_SHADOWS = {"quotes_fts", "quotes_fts_data", "quotes_fts_idx", "quotes_fts_docsize", "quotes_fts_config"}


def unstamped(rows: dict[str, list[tuple]]) -> dict[str, list[tuple]]:
    """The rows with each article's engine fingerprint (its last column) left out."""
    return {**rows, "articles": [row[:-1] for row in rows["articles"]]}


def schema(db) -> dict[str, set[str]]:
    with closing(sqlite3.connect(db)) as connection:
        rows = connection.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
        found: dict[str, set[str]] = {}
        for kind, name in rows:
            found.setdefault(kind, set()).add(name)
        return found


def test_revisions_form_one_line():
    script = ScriptDirectory.from_config(alembic_config("unused.db"))
    assert [r.revision for r in script.walk_revisions()] == ["0007", "0006", "0005", "0004", "0003", "0002", "0001"]


def test_models_and_migrations_agree(tmp_path):
    db = tmp_path / "m.db"
    upgrade(db)
    engine = make_engine(db)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": include_name})
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def test_head_makes_fts_triggers_and_view(tmp_path):
    db = tmp_path / "m.db"
    upgrade(db)
    found = schema(db)
    assert FTS_SHADOWS <= found["table"]
    assert found["trigger"] == {
        "quotes_fts_insert", "quotes_fts_delete", "quotes_fts_update",
        "quotes_date_insert", "quotes_date_update", "articles_quote_date",
    }
    assert found["view"] == {"quote_list"}
    with closing(sqlite3.connect(db)) as connection:
        (sql,) = connection.execute("SELECT sql FROM sqlite_master WHERE name = 'quotes_fts'").fetchone()
    assert 'content="quotes"' in sql  # the form Datasette recognises


def test_upgrade_downgrade_upgrade_on_a_database_holding_data(built_db, tmp_path, tables):
    db = tmp_path / "q.db"
    shutil.copy(built_db, db)
    downgrade(db, "base")
    assert set(schema(db)) == {"table"} and schema(db)["table"] == {"alembic_version"}
    upgrade(db)
    assert schema(db) == schema(built_db)
    assert all(not rows for name, rows in tables(db).items() if name != "alembic_version")


def test_previous_revision_migrated_keeps_its_rows(built_db, tmp_path, tables, seed_rows):
    db = tmp_path / "q.db"
    shutil.copy(built_db, db)
    downgrade(db, "0001")
    with closing(sqlite3.connect(db)) as connection:
        assert "statement_id" not in {row[1] for row in connection.execute("PRAGMA table_info(quotes)")}
        assert connection.execute("SELECT count(*) FROM quotes").fetchone()[0] == len(seed_rows["quotes"])
    upgrade(db)
    # The rows come back as a build at head makes them: statements are relinked from the quotes.
    assert unstamped(tables(db)) == unstamped(seed_rows)
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("INSERT INTO quotes_fts (quotes_fts) VALUES ('integrity-check')").fetchall() == []
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []


def test_articles_from_before_the_fingerprint_are_re_extracted_by_the_next_build(
    built_db, tmp_path, tables, seed_rows, monkeypatch
):
    db = tmp_path / "q.db"
    shutil.copy(built_db, db)
    downgrade(db, "0003")
    upgrade(db)
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("SELECT DISTINCT engine FROM articles").fetchall() == [(None,)]
    monkeypatch.chdir(ROOT)
    summary = build([Path("seeds")], db)
    assert (summary.articles, summary.counts["replaced"], summary.rejected) == (5, 5, [])
    migrated = tables(db)
    # Replaced quotes get new ids; everything else, the fingerprint included, is what a fresh build stores.
    assert [row[1:] for row in migrated.pop("quotes")] == [row[1:] for row in seed_rows["quotes"]]
    assert migrated == {name: rows for name, rows in seed_rows.items() if name != "quotes"}


def rows(db, sql: str) -> list[tuple]:
    with closing(sqlite3.connect(db)) as connection:
        return connection.execute(sql).fetchall()


def speaker_stats(db) -> list[tuple]:
    return rows(db, "SELECT * FROM speaker_stats ORDER BY speaker_id")


def test_speaker_stats_filled_by_the_migration_as_a_build_refreshes_them(built_db, tmp_path):
    db = tmp_path / "q.db"
    shutil.copy(built_db, db)
    downgrade(db, "0004")
    assert "speaker_stats" not in schema(db)["table"]
    upgrade(db)
    assert len(speaker_stats(db)) > 5
    assert speaker_stats(db) == speaker_stats(built_db)


def quote_list_dates(db) -> list[tuple]:
    return rows(db, "SELECT quote_id, date FROM quote_list ORDER BY quote_id")


def test_quote_date_stored_by_the_migration_as_the_view_computed_it(built_db, tmp_path):
    db = tmp_path / "q.db"
    shutil.copy(built_db, db)
    downgrade(db, "0005")
    with closing(sqlite3.connect(db)) as connection:
        assert "date" not in {row[1] for row in connection.execute("PRAGMA table_info(quotes)")}
    found = schema(db)
    assert not {"ix_quotes_date", "quotes_date_insert", "articles_quote_date"} & (found["index"] | found["trigger"])
    computed = quote_list_dates(db)  # the view's own expression, revision 0003's
    assert len({date for _, date in computed}) > 2
    upgrade(db)
    with closing(sqlite3.connect(db)) as connection:
        stored = connection.execute("SELECT id, date FROM quotes ORDER BY id").fetchall()
    assert stored == computed
    assert quote_list_dates(db) == computed
    assert quote_list_dates(built_db) == computed  # a build's triggers store what the migration fills
    assert schema(db) == schema(built_db)


def test_fts_triggers_still_fire_after_the_batch_migration(built_db, tmp_path):
    db = tmp_path / "q.db"
    shutil.copy(built_db, db)
    downgrade(db, "0001")
    upgrade(db)
    with closing(sqlite3.connect(db)) as connection, connection:
        connection.execute("UPDATE quotes SET text = 'zebracrossing' WHERE id = 1")
        hits = connection.execute("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'zebracrossing'").fetchall()
    assert hits == [(1,)]


def test_the_filtered_date_indexes_come_and_go_with_their_revision(built_db, tmp_path):
    db = tmp_path / "q.db"
    shutil.copy(built_db, db)
    added = {"ix_quotes_speaker_id_date", "ix_quotes_kind_date"}
    assert added <= schema(db)["index"]
    downgrade(db, "0006")
    assert not added & schema(db)["index"]
    assert {"ix_quotes_speaker_id", "ix_quotes_kind", "ix_quotes_speaker_id_kind"} <= schema(db)["index"]
    upgrade(db)
    assert schema(db) == schema(built_db)


@pytest.mark.postgres
def test_the_same_migrations_run_on_postgresql(postgres_url, built_db):
    upgrade(postgres_url)
    engine = make_engine(postgres_url)
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"include_name": include_name})
            assert compare_metadata(context, Base.metadata) == []
        downgrade(postgres_url, "base")
        upgrade(postgres_url)
        with engine.connect() as connection:
            assert connection.exec_driver_sql("SELECT count(*) FROM quote_list").scalar() == 0
    finally:
        engine.dispose()
