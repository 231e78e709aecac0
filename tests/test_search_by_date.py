"""A search sorted by date (`/quotes/quote_list?_sort_desc=date&_search=`): the desk walks the date
index for a frequent word and leaves a rare one to Datasette's plan, and the pages show the same
rows, in the same order, with the same count, whichever plan ran."""

from __future__ import annotations

import random
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
import regex
from datasette.tracer import capture_traces
from datasette.utils import escape_fts

from quotes.datasette.plugins.quote_desk import (
    DATE_SEARCH_SQL,
    walked_by_date,
    walks_dates,
)
from quotes.db import upgrade
from quotes.publish import make_datasette

FREQUENT, RARE = "talks", "zebra"
QUOTES = 400
# Few dates, so that most quotes share theirs with others and pages end inside a day's quotes;
# None: an article with no date, whose quotes with no said_on have none either (listed last).
PUBLISHED = ["2024-01-03", "2024-01-04", "2024-01-05", "2024-02-01", None]


def build_many_dated(path: Path) -> Path:
    """A database at head with QUOTES quotes over a few dates: FREQUENT in about 70% of them, RARE in 3."""
    upgrade(path)
    rng = random.Random(6)
    with closing(sqlite3.connect(path)) as conn, conn:
        for article_id, published in enumerate(PUBLISHED * 4, 1):
            conn.execute(
                "insert into articles (id, path, name, sha256, title, url, outlet, published, encoding,"
                " metadata_sources, body) values (?, ?, ?, 'x', 'A title', 'https://example.com', 'Outlet',"
                " ?, 'utf-8', '{}', 'Body.')", (article_id, f"{article_id}.txt", f"{article_id}.txt", published))
        for number in range(QUOTES):
            words = ["the", "minister", "said"] + [FREQUENT] * (rng.random() < 0.7) + [RARE] * (number % 150 == 7)
            said_on = rng.choice([None, None, "2024-01-04", "2024-02", "--01-05"])
            conn.execute(
                'insert into quotes (article_id, text, kind, start, "end", cue, rule, confidence, said_on,'
                " context) values (?, ?, 'direct', 0, 4, 'said', 'cue_after', 0.9, ?, 'Body.')",
                (rng.randint(1, len(PUBLISHED) * 4), " ".join(words), said_on))
    return path


@pytest.fixture(scope="module")
def many_dated(tmp_path_factory) -> Path:
    return build_many_dated(tmp_path_factory.mktemp("dated") / "dated.db")


def matches(db: Path, word: str) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute("select count(*) from quotes_fts where quotes_fts match ?", (word,)).fetchone()[0]


def test_the_words_are_frequent_and_rare_and_the_dates_tie(many_dated):
    assert matches(many_dated, FREQUENT) > 200 and matches(many_dated, RARE) == 3
    with closing(sqlite3.connect(many_dated)) as conn:
        per_date = dict(conn.execute("select date, count(*) from quotes group by date"))
    assert None in per_date and max(per_date.values()) > 60  # a page of 50 ends inside a date


def test_the_walk_is_chosen_for_a_frequent_word_and_not_a_rare_one(many_dated):
    assert walks_dates(matches(many_dated, FREQUENT), QUOTES, 51)
    assert walks_dates(matches(many_dated, FREQUENT), QUOTES, 101)
    assert not walks_dates(matches(many_dated, RARE), QUOTES, 51)
    assert not walks_dates(0, QUOTES, 51)
    # At a million quotes: `strike` (69,243 matches) walks; `held` (1,665) is looked up; a later page walks further.
    assert walks_dates(69_243, 1_000_000, 51) and not walks_dates(1_665, 1_000_000, 51)
    assert walks_dates(3_000, 1_000_000, 51) and not walks_dates(3_000, 1_000_000, 101)


async def page(ds, path: str) -> tuple[list[str], list]:
    """(the SQL the site ran, the response) for one request."""
    traces: list[dict] = []
    with capture_traces(traces):
        response = await ds.client.get(path)
    assert response.status_code == 200, (path, response.text[:300])
    return [trace["sql"] for trace in traces if trace["type"] == "sql"], response


def shown_ids(response, fmt: str) -> list[int]:
    if fmt == ".json":
        return [row[0] for row in response.json()["rows"]]
    return [int(found) for found in regex.findall(r'href="/-/quote/(\d+)"', response.text)]


def shown_count(response, fmt: str) -> int:
    if fmt == ".json":
        return response.json()["filtered_table_rows_count"]
    return int(regex.search(r"<h3>([\d,]+) rows?\b", response.text)[1].replace(",", ""))


@pytest.mark.parametrize("fmt", ["", ".json"])
@pytest.mark.parametrize("next_", ["", "&_next=50"])
@pytest.mark.parametrize(("word", "walked"), [(FREQUENT, True), (RARE, False)])
async def test_a_date_sorted_search_shows_what_datasettes_plan_shows(many_dated, fmt, next_, word, walked):
    ds = make_datasette(many_dated)
    path = f"/quotes/quote_list{fmt}?_sort_desc=date&_search={word}{next_}"
    ran, response = await page(ds, path)
    # `_where=1` makes the SQL another shape: Datasette's own plan and its own count through the view.
    plain_ran, plain = await page(ds, f"{path}&_where=1")
    assert any("+quote_id in" in sql for sql in ran) == walked, ran
    assert not any("+quote_id in" in sql for sql in plain_ran)
    assert shown_ids(response, fmt) == shown_ids(plain, fmt)
    assert shown_count(response, fmt) == shown_count(plain, fmt) == matches(many_dated, word)
    if word == FREQUENT:
        assert len(shown_ids(response, fmt)) == 50


@pytest.mark.parametrize("offset", [0, 50, 100, 150, 200, 250, 300])
def test_the_walk_gives_the_rows_of_the_lookup_plan_at_any_offset(many_dated, offset):
    """SQLite sorts the matches it reads in id order, so ties come lowest id first; the walk
    breaks them by id the same way, NULL dates last."""
    columns = "quote_id, text, date, article_title, published"
    sql = (f"select {columns} from quote_list where quote_id in (select rowid from quotes_fts where quotes_fts"
           f" match escape_fts(:search)) order by date desc limit 51" + (f" offset {offset}" if offset else ""))
    walked = walked_by_date(DATE_SEARCH_SQL.match(sql))
    with closing(sqlite3.connect(many_dated)) as conn:
        conn.create_function("escape_fts", 1, escape_fts)
        plan = " / ".join(row[3] for row in conn.execute(f"explain query plan {walked}", {"search": FREQUENT}))
        expected = conn.execute(sql, {"search": FREQUENT}).fetchall()
        assert conn.execute(walked, {"search": FREQUENT}).fetchall() == expected
    assert "SCAN q USING INDEX ix_quotes_date" in plan and "RIGHT PART OF ORDER BY" in plan, plan
    assert expected or offset >= 300


@pytest.mark.parametrize("query", [
    "_sort=date&_search=talks",  # oldest first
    "_sort_desc=date&_search=talks&kind=direct",  # a filter beside the search
    "_sort_desc=date&_search_text=talks",  # a search of one column
    "_sort_desc=quote_id&_search=talks",
])
async def test_other_searches_run_datasettes_sql(many_dated, query):
    ran, response = await page(make_datasette(many_dated), f"/quotes/quote_list.json?{query}")
    assert response.json()["query"]["sql"] in ran and not any("+quote_id" in sql for sql in ran)


async def test_a_raw_search_fts5_refuses_is_reported_as_before(many_dated):
    ds = make_datasette(many_dated)
    path = "/quotes/quote_list.json?_sort_desc=date&_searchmode=raw&_search=talks+AND"
    response, plain = await ds.client.get(path), await ds.client.get(f"{path}&_where=1")
    assert response.status_code == plain.status_code == 400
    assert "syntax error" in response.json()["error"] and response.json()["error"] == plain.json()["error"]
