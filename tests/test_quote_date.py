"""`quotes.date` (revision 0006) holds `quote_list.date` as revision 0003 computed it, whoever writes
the rows, and the quote list sorted by date, whole or filtered by speaker or kind (revision 0007),
reads it through an index."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text

from quotes.build import build
from quotes.db import make_engine, upgrade
from quotes.store import list_date

ROOT = Path(__file__).resolve().parent.parent
# The view's expression before revision 0006: when said if said_on is a full date, else when published.
RULE = "CASE WHEN q.said_on IS NOT NULL AND q.said_on NOT LIKE '-%' THEN q.said_on ELSE a.published END"
DATES = f"SELECT q.id, q.date, {RULE} FROM quotes AS q JOIN articles AS a ON a.id = q.article_id ORDER BY q.id"
# What Datasette runs for /quotes/quote_list?_sort_desc=date (a view: no tie-breaker, _next an offset).
SORTED_PAGE = "SELECT * FROM quote_list ORDER BY date DESC LIMIT 51"


def dates(db: Path) -> list[tuple]:
    """(quote id, stored date, the date by the rule) of every quote."""
    with closing(sqlite3.connect(db)) as connection:
        return connection.execute(DATES).fetchall()


def test_a_build_stores_each_quotes_date_by_the_rule(built_db):
    rows = dates(built_db)
    assert [stored for _, stored, _ in rows] == [rule for _, _, rule in rows]
    with closing(sqlite3.connect(built_db)) as connection:
        said = {row[0] for row in connection.execute("SELECT said_on FROM quotes")}
    # The seeds hold each case: a full said_on, one of unknown year, none (dated by the article or not at all).
    assert {None, "--01-05", "2024-01-18"} <= said
    assert None in {stored for _, stored, _ in rows}


def test_an_article_rebuilt_with_another_publication_date_dates_its_quotes_anew(tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(ROOT / "seeds", folder)
    for path in folder.glob("*.txt"):
        path.chmod(0o644)
    db = tmp_path / "q.db"
    assert not build([folder], db).rejected
    changed = folder / "003_718dd8dd841ef608.txt"
    changed.write_text(
        changed.read_text(encoding="utf-8").replace("Updated: February 08, 2024", "Updated: March 09, 2025"),
        encoding="utf-8",
    )
    assert build([folder], db).counts["replaced"] == 1
    with closing(sqlite3.connect(db)) as connection:
        undated = connection.execute(
            "SELECT DISTINCT q.date FROM quotes AS q JOIN articles AS a ON a.id = q.article_id"
            " WHERE a.name = ? AND q.said_on IS NULL", (changed.name,)
        ).fetchall()
    assert undated == [("2025-03-09",)]
    rows = dates(db)
    assert [stored for _, stored, _ in rows] == [rule for _, _, rule in rows]


@pytest.mark.parametrize("said_on", [None, "", "2024-02-07", "2024-02", "2024", "--02-07", "-1"])
@pytest.mark.parametrize("published", [None, "2024-02-08"])
def test_the_store_writes_the_date_the_triggers_would(said_on, published):
    """The store gives each new quote its date, so SQLite's insert trigger need not rewrite it."""
    with closing(sqlite3.connect(":memory:")) as connection:
        (expected,) = connection.execute(
            f"SELECT {RULE} FROM (SELECT ? AS said_on) AS q, (SELECT ? AS published) AS a", (said_on, published)
        ).fetchone()
    assert list_date(said_on, published) == expected


def test_the_date_sorted_list_walks_the_index_through_the_views_joins(built_db):
    with closing(sqlite3.connect(built_db)) as connection:
        plan = " / ".join(row[3] for row in connection.execute(f"EXPLAIN QUERY PLAN {SORTED_PAGE}"))
    assert "SCAN q USING INDEX ix_quotes_date" in plan
    assert "TEMP B-TREE" not in plan, plan  # no sort of every row


# What Datasette runs for a filter and the date sort (`?speaker=…&_sort_desc=date`, `?kind=direct&_sort_desc=date`),
# and for the same filter in the list's default order, latest added first; the index each must walk (revision 0007).
FILTERS = {"speaker": '"speaker" = :p0', "speaker_id": '"speaker_id" = :p0', "kind": '"kind" = :p0'}
FILTERED_PAGES = [
    ("speaker", "date desc", "ix_quotes_speaker_id_date"),
    ("speaker_id", "date desc", "ix_quotes_speaker_id_date"),
    ("kind", "date desc", "ix_quotes_kind_date"),
    ("speaker", "quote_id desc", "ix_quotes_speaker_id"),
    ("kind", "quote_id desc", "ix_quotes_kind"),
]


def filter_value(connection: sqlite3.Connection, column: str) -> str:
    """The most quoted speaker (name or id, as Datasette passes it: text), or the kind direct."""
    if column == "kind":
        return "direct"
    name, speaker_id = connection.execute(
        "SELECT s.name, s.id FROM quotes AS q JOIN speakers AS s ON s.id = q.speaker_id"
        " GROUP BY s.id ORDER BY count(*) DESC, s.id LIMIT 1").fetchone()
    return name if column == "speaker" else str(speaker_id)


@pytest.mark.parametrize(("column", "order", "index"), FILTERED_PAGES)
def test_a_filtered_list_walks_its_index_in_the_pages_order(built_db, column, order, index):
    page = f"SELECT * FROM quote_list WHERE {FILTERS[column]} ORDER BY {order} LIMIT 51"
    with closing(sqlite3.connect(built_db)) as connection:
        value = filter_value(connection, column)
        plan = " / ".join(row[3] for row in connection.execute(f"EXPLAIN QUERY PLAN {page}", {"p0": value}))
        shown = connection.execute(page, {"p0": value}).fetchall()
        every = connection.execute(f"SELECT * FROM quote_list WHERE {FILTERS[column]}", {"p0": value}).fetchall()
    assert f"SEARCH q USING INDEX {index} (" in plan, plan
    assert "TEMP B-TREE" not in plan, plan  # no sort of the speaker's or kind's quotes
    key = 6 if order.startswith("date") else 0  # quote_list's date, or its quote_id
    assert len(shown) > 1 and [row[key] for row in shown] == descending([row[key] for row in every])[:51]


def descending(values: list) -> list:
    """The values as SQLite's ORDER BY … DESC gives them: NULL last."""
    return sorted(values, key=lambda value: (value is not None, value or ""), reverse=True)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def db_url(request, tmp_path) -> str:
    """An empty database at head: a SQLite file, or one on the session's PostgreSQL server."""
    url = f"sqlite:///{tmp_path / 'd.db'}" if request.param == "sqlite" else request.getfixturevalue("pg_db")
    upgrade(url)
    return url


def test_triggers_keep_the_date_whatever_changes(db_url):
    engine = make_engine(db_url)
    stored = "SELECT id, date FROM quotes ORDER BY id"
    quote = ("INSERT INTO quotes (id, article_id, text, kind, start, \"end\", rule, confidence, said_on, context)"
             " VALUES (:id, :article, 'words', 'direct', 0, 5, 'test', 0.9, :said_on, 'words')")
    try:
        with engine.begin() as connection:
            run = connection.execute
            for article_id, published in ((1, "2024-02-08"), (2, None)):
                run(text("INSERT INTO articles (id, path, name, sha256, published, encoding, metadata_sources, body)"
                         " VALUES (:id, :path, :path, 'x', :published, 'utf-8', '{}', 'words')"),
                    {"id": article_id, "path": f"{article_id}.txt", "published": published})
            for quote_id, said_on in ((1, "2024-02-07"), (2, "--02-07"), (3, None), (4, "2024-02")):
                run(text(quote), {"id": quote_id, "article": 1, "said_on": said_on})
            assert run(text(stored)).all() == [(1, "2024-02-07"), (2, "2024-02-08"), (3, "2024-02-08"), (4, "2024-02")]
            run(text("UPDATE articles SET published = '2025-01-01' WHERE id = 1"))
            assert run(text(stored)).all() == [(1, "2024-02-07"), (2, "2025-01-01"), (3, "2025-01-01"), (4, "2024-02")]
            run(text("UPDATE quotes SET said_on = NULL WHERE id = 1"))
            run(text("UPDATE quotes SET said_on = '2023-12-31' WHERE id = 3"))
            run(text("UPDATE quotes SET article_id = 2 WHERE id = 2"))
            assert run(text(stored)).all() == [(1, "2025-01-01"), (2, None), (3, "2023-12-31"), (4, "2024-02")]
            assert run(text("SELECT quote_id, date FROM quote_list ORDER BY quote_id")).all() == run(text(stored)).all()
    finally:
        engine.dispose()


def test_speaker_stats_dates_are_the_first_and_last_of_their_quotes_dates(built_db):
    with closing(sqlite3.connect(built_db)) as connection:
        stats = connection.execute(
            "SELECT speaker_id, first_date, last_date FROM speaker_stats ORDER BY speaker_id").fetchall()
        spans = connection.execute(
            "SELECT speaker_id, min(date), max(date) FROM quotes WHERE speaker_id IS NOT NULL"
            " GROUP BY speaker_id ORDER BY speaker_id").fetchall()
    assert len(stats) > 5 and any(first for _, first, _ in stats)
    assert stats == spans
