"""A search sorted by date (`/quotes/quote_list?_sort_desc=date&_search=`): the desk walks the date
index for a frequent word and leaves a rare one, or one found only in old quotes, to Datasette's
plan, and the pages show the same rows, in the same order, with the same count, whichever ran."""

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
    walk_budget,
    walked_by_date,
)
from quotes.db import upgrade
from quotes.publish import make_datasette

FREQUENT, RARE, OLD = "talks", "zebra", "archive"
QUOTES = 2000
# Few dates, so that most quotes share theirs with others and pages end inside a day's quotes;
# None: an article with no date, whose quotes with no said_on have none either (listed last).
PUBLISHED = ["2024-01-03", "2024-01-04", "2024-01-05", "2024-02-01", None]
OLD_DATE = "2023-06-01"  # said on, for every quote with OLD: older than any other


def build_many_dated(path: Path) -> Path:
    """A database at head with QUOTES quotes over a few dates: FREQUENT in about 70% of them, RARE
    in 3, OLD in about 150, all dated before the others."""
    upgrade(path)
    rng = random.Random(6)
    with closing(sqlite3.connect(path)) as conn, conn:
        for article_id, published in enumerate(PUBLISHED * 4, 1):
            conn.execute(
                "insert into articles (id, path, name, sha256, title, url, outlet, published, encoding,"
                " metadata_sources, body) values (?, ?, ?, 'x', 'A title', 'https://example.com', 'Outlet',"
                " ?, 'utf-8', '{}', 'Body.')", (article_id, f"{article_id}.txt", f"{article_id}.txt", published))
        for number in range(QUOTES):
            old = rng.random() < 0.075
            words = ["the", "minister", "said"] + [FREQUENT] * (rng.random() < 0.7) + [RARE] * (number % 700 == 7)
            said_on = OLD_DATE if old else rng.choice([None, None, "2024-01-04", "2024-02", "--01-05"])
            conn.execute(
                'insert into quotes (article_id, text, kind, start, "end", cue, rule, confidence, said_on,'
                " context) values (?, ?, 'direct', 0, 4, 'said', 'cue_after', 0.9, ?, 'Body.')",
                (rng.randint(1, len(PUBLISHED) * 4), " ".join(words + [OLD] * old), said_on))
    return path


@pytest.fixture(scope="module")
def many_dated(tmp_path_factory) -> Path:
    return build_many_dated(tmp_path_factory.mktemp("dated") / "dated.db")


def matches(db: Path, word: str) -> int:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute("select count(*) from quotes_fts where quotes_fts match ?", (word,)).fetchone()[0]


def test_the_words_are_frequent_rare_and_old_and_the_dates_tie(many_dated):
    assert matches(many_dated, FREQUENT) > 1000 and matches(many_dated, RARE) == 3
    with closing(sqlite3.connect(many_dated)) as conn:
        per_date = dict(conn.execute("select date, count(*) from quotes group by date"))
        old_dates = {row[0] for row in conn.execute(
            "select date from quotes where id in (select rowid from quotes_fts where quotes_fts match ?)", (OLD,))}
    assert None in per_date and max(per_date.values()) > 150  # a page of 50 ends inside a date
    assert old_dates == {OLD_DATE} and min(date for date in per_date if date) == OLD_DATE
    # OLD is frequent enough to walk for, but its quotes lie below the walk's budget.
    budget = walk_budget(matches(many_dated, OLD), QUOTES, 51)
    assert budget is not None and budget < QUOTES - matches(many_dated, OLD)


def test_the_walk_is_chosen_for_a_frequent_word_and_not_a_rare_one(many_dated):
    assert walk_budget(matches(many_dated, FREQUENT), QUOTES, 51)
    assert walk_budget(matches(many_dated, FREQUENT), QUOTES, 101)
    assert walk_budget(matches(many_dated, RARE), QUOTES, 51) is None
    assert walk_budget(0, QUOTES, 51) is None
    # At a million quotes: `strike` (69,243 matches) walks four times the ~737 entries it needs;
    # `held` (1,665) is looked up; a later page walks further, up to the look-ups' cost.
    assert walk_budget(69_243, 1_000_000, 51) == 2_946 and walk_budget(1_665, 1_000_000, 51) is None
    assert walk_budget(3_000, 1_000_000, 51) == 30_000 and walk_budget(3_000, 1_000_000, 101) is None


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
@pytest.mark.parametrize(("word", "plans"), [(FREQUENT, ["walk"]), (RARE, ["plain"]), (OLD, ["walk", "plain"])])
async def test_a_date_sorted_search_shows_what_datasettes_plan_shows(many_dated, fmt, next_, word, plans):
    ds = make_datasette(many_dated)
    path = f"/quotes/quote_list{fmt}?_sort_desc=date&_search={word}{next_}"
    ran, response = await page(ds, path)
    # `_where=1` makes the SQL another shape: Datasette's own plan and its own count through the view.
    plain_ran, plain = await page(ds, f"{path}&_where=1")
    pages = [sql for sql in ran if "from quote_list where" in sql]
    assert ["walk" if "+quote_id in" in sql else "plain" for sql in pages] == plans, pages
    assert not any("+quote_id in" in sql for sql in plain_ran)
    assert shown_ids(response, fmt) == shown_ids(plain, fmt)
    assert shown_count(response, fmt) == shown_count(plain, fmt) == matches(many_dated, word)
    if word != RARE:
        assert len(shown_ids(response, fmt)) == 50


@pytest.mark.parametrize("budget", [100, 500, QUOTES])
@pytest.mark.parametrize("offset", [0, 50, 100, 500, 1000, 1200, 1300, 1400])
def test_the_walk_gives_the_rows_of_the_lookup_plan_or_fewer(many_dated, offset, budget):
    """SQLite sorts the matches it reads in id order, so ties come lowest id first; the walk
    breaks them by id the same way. Stopped at a date (or before the undated quotes), it gives
    the first rows of the page: all of them when it finds `limit` rows."""
    columns = "quote_id, text, date, article_title, published"
    sql = (f"select {columns} from quote_list where quote_id in (select rowid from quotes_fts where quotes_fts"
           f" match escape_fts(:search)) order by date desc limit 51" + (f" offset {offset}" if offset else ""))
    walked = walked_by_date(DATE_SEARCH_SQL.match(sql), budget)
    with closing(sqlite3.connect(many_dated)) as conn:
        conn.create_function("escape_fts", 1, escape_fts)
        plan = " / ".join(row[3] for row in conn.execute(f"explain query plan {walked}", {"search": FREQUENT}))
        expected = conn.execute(sql, {"search": FREQUENT}).fetchall()
        rows = conn.execute(walked, {"search": FREQUENT}).fetchall()
    assert "SEARCH q USING INDEX ix_quotes_date (date>?)" in plan and "RIGHT PART OF ORDER BY" in plan, plan
    assert rows == expected[:len(rows)]
    if budget == QUOTES and offset <= 1000:  # the whole index, and a page of dated quotes
        assert len(rows) == 51


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
