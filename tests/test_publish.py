"""The Datasette quote desk, in process: pages, search, facets, canned queries, the quote page."""

from __future__ import annotations

import gc
import json
import sqlite3
from contextlib import closing
from html import unescape
from pathlib import Path
from urllib.parse import quote_plus

import pytest
import regex
from click.testing import CliRunner
from datasette.database import Database
from markupsafe import escape

from quotes.cli import cli
from quotes.datasette.plugins.quote_desk import (
    DeskCounts,
    date_within,
    describe_date,
    desk_counted,
    fold,
    fts_query,
    quote_date,
    search_not_empty,
    search_sorted,
    site_counts,
)
from quotes.db import make_engine, upgrade
from quotes.publish import (
    SITE_DIR,
    BadDatabase,
    check_database,
    load_metadata,
    make_datasette,
    start_site,
)
from quotes.store import refresh_speaker_stats

# Two small articles written to exercise publishing: HTML in the text, non-ASCII names, the same
# words in both articles, a quote with no speaker, dates of day and month precision.
ARTICLES = [
    {
        "id": 1,
        "name": "a1.txt",
        "title": "Minister <b>rejects</b> threats",
        "url": "https://example.com/a1",
        "outlet": "Daily Example",
        "published": "2024-02-08",
        "body": "Minister <b>rejects</b> threats\n\nBAGHDAD: The prime minister spoke on Tuesday "
        "about <script>alert(1)</script> tags.\n\n“We will not accept threats & pressure,” "
        "Sudani said.\n\nHe added that talks would resume in March.\n",
    },
    {
        "id": 2,
        "name": "a2.txt",
        "title": "Talks to resume",
        "url": "https://example.org/a2",
        "outlet": "Other Times",
        "published": "2024-03-02",
        "body": "Talks to resume\n\n“We will not accept threats & pressure,” al-Sudani told "
        "reporters.\n\n“Ça va bien,” Ana Ñúñez said of the talks.\n\nOne official called it "
        "a “red line” for the region.\n",
    },
]
SPEAKERS = [
    (1, "Mohammed Shia al-Sudani", "person", "Prime Minister of Iraq", ["Sudani", "al-Sudani"]),
    (2, "Ana Ñúñez", "person", None, ["Ñúñez"]),
]
# article, speaker, text, kind, said_on, precision, mention, statement
QUOTES = [
    (1, 1, "We will not accept threats & pressure,", "direct", "2024-02-06", "day", "Sudani", 1),
    (1, 1, "talks would resume in March", "indirect", "2024-02", "month", "He", None),
    (2, 1, "We will not accept threats & pressure,", "direct", None, None, "al-Sudani", 1),
    (2, 2, "Ça va bien,", "direct", None, None, "Ana Ñúñez", None),
    (2, None, "red line", "partial", None, None, None, None),
]


def build_sample_db(path: Path) -> Path:
    """A database migrated to head, holding ARTICLES, SPEAKERS and QUOTES."""
    upgrade(path)
    conn = sqlite3.connect(path)
    with conn:
        for a in ARTICLES:
            conn.execute(
                "insert into articles (id, path, name, sha256, title, url, outlet, published, "
                "encoding, metadata_sources, body) values (:id, :name, :name, 'x', :title, :url, "
                ":outlet, :published, 'utf-8', '{}', :body)",
                a,
            )
        for speaker_id, name, kind, role, aliases in SPEAKERS:
            conn.execute(
                "insert into speakers (id, name, kind, role) values (?, ?, ?, ?)",
                (speaker_id, name, kind, role),
            )
            conn.executemany(
                "insert into speaker_aliases (speaker_id, alias) values (?, ?)",
                [(speaker_id, alias) for alias in aliases],
            )
        conn.execute(
            "insert into statements (id, normalised_text, first_article_id, first_seen, "
            "article_count) values (1, 'we will not accept threats & pressure', 1, '2024-02-08', 2)"
        )
        for article_id, speaker_id, text, kind, said_on, precision, mention, statement in QUOTES:
            body = ARTICLES[article_id - 1]["body"]
            start = body.index(text)
            paragraph = next(p for p in body.split("\n\n") if text in p)
            conn.execute(
                'insert into quotes (article_id, speaker_id, text, kind, start, "end", cue, rule, '
                "confidence, said_on, said_on_precision, mention, context, statement_id) "
                "values (?, ?, ?, ?, ?, ?, 'said', 'cue_after', 0.9, ?, ?, ?, ?, ?)",
                (article_id, speaker_id, text, kind, start, start + len(text), said_on,
                 precision, mention, paragraph, statement),
            )
    conn.close()
    engine = make_engine(path)
    refresh_speaker_stats(engine)  # what a build does when it ends
    engine.dispose()
    return path


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    # Not named quotes.db: the site must call it `quotes` whatever the file is called.
    return build_sample_db(tmp_path_factory.mktemp("publish") / "sample.db")


@pytest.fixture
def ds(sample_db):
    return make_datasette(sample_db)


async def get_json(ds, path: str):
    response = await ds.client.get(path)
    assert response.status_code == 200, (path, response.text[:500])
    return response.json()


async def test_index_introduces_the_quote_desk(ds):
    response = await ds.client.get("/")
    assert response.status_code == 200
    html = response.text
    assert "<title>Quote desk" in html
    assert 'action="/quotes/quote_list"' in html and 'name="_search"' in html
    assert "Articles © their outlets" in html


async def test_database_is_named_quotes_and_immutable(ds):
    databases = await get_json(ds, "/-/databases.json")
    assert [(d["name"], d["is_mutable"]) for d in databases] == [("quotes", False)]


async def test_database_page_lists_tables_and_canned_queries(ds):
    html = (await ds.client.get("/quotes")).text
    for name in ("Quotes by speaker", "Search quotes", "Quotes said between two dates",
                 "Speakers ranked by number of quotes", "All quotes of one article"):
        assert name in html
    for table in ("quotes", "articles", "speakers", "statements", "quote_list"):
        assert f'href="/quotes/{table}"' in html
    assert "alembic_version" not in html


@pytest.mark.parametrize(
    "table", ["quotes", "quote_list", "articles", "speakers", "speaker_aliases", "statements"]
)
async def test_every_table_page_renders_with_its_description(ds, table):
    response = await ds.client.get(f"/quotes/{table}")
    assert response.status_code == 200
    description = load_metadata()["databases"]["quotes"]["tables"][table]["description"]
    assert description.split(":")[0] in response.text


def test_metadata_describes_every_column_of_the_schema(sample_db):
    tables = load_metadata()["databases"]["quotes"]["tables"]
    conn = sqlite3.connect(sample_db)
    names = [
        name
        for (name,) in conn.execute(
            "select name from sqlite_master where type in ('table', 'view') "
            "and name not like 'quotes_fts%' and name not like 'sqlite_%'"
        )
    ]
    missing = [
        f"{name}.{column}"
        for name in names
        for (column,) in conn.execute(f"select name from pragma_table_info('{name}')")
        if column not in tables.get(name, {}).get("columns", {})
    ]
    assert missing == []


async def test_foreign_keys_show_labels(ds):
    html = (await ds.client.get("/quotes/quotes")).text
    assert "Mohammed Shia al-Sudani" in html  # speaker_id shown by speakers.name
    assert "Talks to resume" in html  # article_id shown by articles.title


async def test_quote_list_latest_added_first_by_default_and_by_date_on_demand(ds):
    rows = await get_json(ds, "/quotes/quote_list.json?_shape=array")
    assert [r["quote_id"] for r in rows] == [5, 4, 3, 2, 1]
    rows = await get_json(ds, "/quotes/quote_list.json?_sort_desc=date&_shape=array")
    assert [r["date"] for r in rows] == ["2024-03-02"] * 3 + ["2024-02-06", "2024-02"]
    quotes = await get_json(ds, "/quotes/quotes.json?_shape=array")
    dated = [r["said_on"] for r in quotes if r["said_on"]]
    assert dated == sorted(dated, reverse=True) and dated[0] == "2024-02-06"
    articles = await get_json(ds, "/quotes/articles.json?_shape=array")
    assert [a["published"] for a in articles] == ["2024-03-02", "2024-02-08"]


@pytest.mark.parametrize("table", ["quotes", "quote_list"])
async def test_full_text_search(ds, table):
    rows = await get_json(ds, f"/quotes/{table}.json?_search=pressure&_shape=array")
    assert len(rows) == 2 and all("pressure" in r["text"] for r in rows)
    assert await get_json(ds, f"/quotes/{table}.json?_search=nothinglikethis&_shape=array") == []


async def test_searched_tables_run_no_facets_unasked(ds):
    for table in ("quotes", "quote_list"):
        assert (await get_json(ds, f"/quotes/{table}.json?_search=pressure"))["facet_results"] == {}


@pytest.mark.parametrize(("table", "key"), [("quotes", "id"), ("quote_list", "quote_id")])
async def test_search_lists_latest_stored_first_unless_sorted(ds, table, key):
    rows = await get_json(ds, f"/quotes/{table}.json?_search=we&_shape=array")
    assert [r[key] for r in rows] == [3, 1]
    rows = await get_json(ds, "/quotes/quote_list.json?_search=we&_sort=date&_shape=array")
    assert [r["quote_id"] for r in rows] == [1, 3]


def test_search_sort_leaves_other_requests_alone():
    assert search_sorted("/quotes/quote_list", "_search=a+b") == "_search=a+b&_sort_desc=quote_id"
    assert search_sorted("/quotes/quotes.csv", "_search=%C3%91") == "_search=%C3%91&_sort_desc=id"
    for path, query in [("/quotes/quote_list", "_search=a&_sort=date"), ("/quotes/quote_list", "kind=direct"),
                        ("/quotes/articles", "_search=a"), ("/quotes/quote_list_x", "_search=a")]:
        assert search_sorted(path, query) == query


CHECKED = DeskCounts(searched=frozenset({"quote_list", "quotes"}), listed="select ...",
                     columns=frozenset({"quote_id", "kind", "speaker", "outlet"}))


def test_the_desk_counts_a_search_alone_and_the_list_filtered_by_its_columns():
    for path, query in [("/quotes/quote_list", "_search=a"), ("/quotes/quotes.json", "_search=a&_size=5"),
                        ("/quotes/quote_list", ""), ("/quotes/quote_list.json", "_size=5&_sort_desc=date"),
                        ("/quotes/quote_list", "kind=direct&speaker__not=X&_facet=outlet")]:
        assert desk_counted(path, query, CHECKED) == "&".join(filter(None, [query, "_nocount=index"])), query
    # a search with a filter, _where, another FTS table, an unknown column, the table's own count
    # (fast without joins): Datasette counts, even when a page's link carried the marker
    for path, query in [("/quotes/quote_list", "_search=a&kind=direct"), ("/quotes/quote_list", "_search=a&_where=1"),
                        ("/quotes/quote_list", "_search=a&_fts_table=x"), ("/quotes/quote_list", "_where=1"),
                        ("/quotes/quote_list", "_search=a&_nocount=index&kind=direct"),
                        ("/quotes/quote_list", "context__contains=x"), ("/quotes/quote_list", "_nocount=index&_x=1"),
                        ("/quotes/quotes", "kind=direct"), ("/quotes/quotes", "")]:
        assert "_nocount" not in desk_counted(path, query, CHECKED), (path, query)
    assert desk_counted("/quotes/quote_list", "_search=a&_nocount=1", CHECKED) == "_search=a&_nocount=1"
    assert desk_counted("/quotes/articles", "_search=a", CHECKED) == "_search=a"
    unchecked = DeskCounts(searched=frozenset({"quotes"}))
    assert desk_counted("/quotes/quote_list", "_search=a", unchecked) == "_search=a"
    assert desk_counted("/quotes/quote_list", "kind=direct", unchecked) == "kind=direct"


def test_an_empty_search_is_no_search():
    assert search_not_empty("/quotes/quote_list", "_search=&_size=5") == "_size=5"
    assert search_not_empty("/quotes/quote_list.json", "_search=%22") == ""
    assert search_not_empty("/quotes/quote_list", "_search=a") == "_search=a"


def shown_count(html: str) -> int:
    """The number of rows a table page says it found."""
    return int(regex.search(r"<h3>([\d,]+) rows?\b", html)[1].replace(",", ""))


@pytest.mark.parametrize(
    ("path", "count"),
    [
        ("/quotes/quote_list?_search=we", 2),
        ("/quotes/quote_list?_search=talks", 1),
        ("/quotes/quotes?_search=we", 2),
        ("/quotes/quote_list?_search=we&_sort=date", 2),
        ("/quotes/quote_list?_search=we&outlet=Other+Times", 1),
        ("/quotes/quote_list?_search=we&kind=indirect", 0),
        ("/quotes/quote_list?_search=we&_where=quote_id+>+1", 1),
        ("/quotes/quote_list?_search=we&_nocount=index&outlet=Daily+Example", 1),  # the marker from a link
    ],
)
async def test_search_shows_how_many_quotes_match(ds, path, count):
    assert shown_count((await ds.client.get(path)).text) == count
    data = await get_json(ds, path.replace("?", ".json?", 1))
    assert data["filtered_table_rows_count"] == count
    objects = await get_json(ds, path.replace("?", ".json?", 1) + "&_shape=objects")
    assert objects["filtered_table_rows_count"] == count


async def test_search_count_is_every_match_on_every_page(ds):
    first = await get_json(ds, "/quotes/quote_list.json?_search=we&_size=1")
    assert len(first["rows"]) == 1 and first["filtered_table_rows_count"] == 2
    second = await get_json(ds, first["next_url"].removeprefix("http://localhost"))
    assert second["rows"] != first["rows"] and second["filtered_table_rows_count"] == 2


@pytest.mark.parametrize(
    ("query", "count"),
    [
        ("", 5),
        ("_size=2&_sort_desc=date", 5),
        ("kind=direct", 3),
        ("speaker=Mohammed+Shia+al-Sudani", 3),
        ("speaker__isnull=1", 1),
        ("outlet=Other+Times&kind=direct", 2),
        ("date__gte=2024-03", 3),
        ("article_count__gt=1&kind__in=direct,partial", 2),
        ("kind=direct&kind=partial", 0),
        ("quote_id__arraynotcontains=1", 5),  # a filter that names its table
        ("kind__bogus=x&_facet=kind", 5),  # a lookup Datasette does not know filters nothing
    ],
)
async def test_the_desk_counts_the_list_as_datasette_does(ds, query, count):
    path = "/quotes/quote_list" + (f"?{query}" if query else "")
    html = (await ds.client.get(path)).text
    assert shown_count(html) == count and "_nocount=index" in html  # the desk counted
    desk = await get_json(ds, path.replace("quote_list", "quote_list.json", 1))
    datasette = await get_json(ds, f"/quotes/quote_list.json?{query}&_where=1")  # Datasette counts
    assert desk["filtered_table_rows_count"] == datasette["filtered_table_rows_count"] == count
    assert desk["rows"] == datasette["rows"]


async def test_desk_counts_where_each_quote_is_one_row_of_the_list(ds, sample_db, tmp_path):
    counts = await site_counts(ds)
    assert counts.searched == {"quote_list", "quotes"} and {"date", "speaker", "kind"} <= counts.columns
    assert "LEFT JOIN articles" in counts.listed and " JOIN" not in counts.listed.replace("LEFT JOIN", "")
    # a quote whose article is missing is in quotes and the index but not in quote_list: the desk
    # would count it, so Datasette counts the list
    orphaned = tmp_path / "orphaned.db"
    orphaned.write_bytes(sample_db.read_bytes())
    with closing(sqlite3.connect(orphaned)) as conn, conn:
        conn.execute(
            'insert into quotes (article_id, text, kind, start, "end", rule, confidence, context) '
            "values (99, 'we were never published', 'direct', 0, 23, 'cue_after', 0.9, '')"
        )
    site = make_datasette(orphaned)
    assert await site_counts(site) == DeskCounts(searched=frozenset({"quotes"}))
    assert (await get_json(site, "/quotes/quote_list.json?_search=we"))["filtered_table_rows_count"] == 2
    assert shown_count((await site.client.get("/quotes/quote_list?_search=we")).text) == 2
    assert (await get_json(site, "/quotes/quotes.json?_search=we"))["filtered_table_rows_count"] == 3
    assert shown_count((await site.client.get("/quotes/quote_list")).text) == 5
    assert (await get_json(site, "/quotes/quote_list.json?kind=direct"))["filtered_table_rows_count"] == 3


async def test_desk_counts_nothing_in_a_database_that_can_change(sample_db):
    site = make_datasette(sample_db)
    site.remove_database("quotes")
    site.add_database(Database(site, str(sample_db), is_mutable=True), name="quotes")
    assert await site_counts(site) == DeskCounts()
    assert (await get_json(site, "/quotes/quote_list.json?_search=we"))["filtered_table_rows_count"] == 2
    assert (await get_json(site, "/quotes/quote_list.json"))["filtered_table_rows_count"] == 5


async def test_a_started_site_keeps_its_long_lived_objects_out_of_full_collections(sample_db):
    site = make_datasette(sample_db)
    try:
        await start_site(site)
        assert gc.get_freeze_count() > 1000
        assert (await get_json(site, "/quotes/quote_list.json?_search=we"))["filtered_table_rows_count"] == 2
    finally:
        gc.unfreeze()


async def test_an_empty_search_box_lists_every_quote(ds):
    response = await ds.client.get("/quotes/quote_list?_search=")
    assert response.status_code == 200 and shown_count(response.text) == 5


async def test_search_box_page_links_each_quote_to_its_page(ds):
    html = (await ds.client.get("/quotes/quote_list?_search=bien")).text
    assert '<a class="quote-link" href="/-/quote/4">Ça va bien,</a>' in html


async def test_facets(ds):
    html = (await ds.client.get("/")).text
    link = unescape(regex.search(r'href="(/quotes/quote_list\?_facet=[^"]*)"', html)[1])
    data = await get_json(ds, link.replace("quote_list?", "quote_list.json?"))
    facets = data["facet_results"]
    assert set(facets) == {"speaker", "kind", "outlet", "published"}
    outlets = {f["value"]: f["count"] for f in facets["outlet"]["results"]}
    assert outlets == {"Other Times": 3, "Daily Example": 2}
    kinds = await get_json(ds, "/quotes/quotes.json?_facet=kind")
    assert {f["value"]: f["count"] for f in kinds["facet_results"]["kind"]["results"]} == {
        "direct": 3, "indirect": 1, "partial": 1}
    filtered = await get_json(ds, "/quotes/quote_list.json?outlet=Other+Times&kind=direct&_shape=array")
    assert {r["text"] for r in filtered} == {"We will not accept threats & pressure,", "Ça va bien,"}


@pytest.mark.parametrize("alias", ["Sudani", "al-sudani", "MOHAMMED SHIA AL-SUDANI"])
async def test_canned_quotes_by_speaker_takes_any_alias(ds, alias):
    rows = await get_json(ds, f"/quotes/quotes_by_speaker.json?speaker={alias}&_shape=array")
    assert len(rows) == 3 and {r["speaker"] for r in rows} == {"Mohammed Shia al-Sudani"}


async def test_canned_quotes_by_speaker_folds_non_ascii_case(ds):
    rows = await get_json(ds, "/quotes/quotes_by_speaker.json?speaker=ÑÚÑEZ&_shape=array")
    assert [r["text"] for r in rows] == ["Ça va bien,"]


async def test_canned_search_quotes(ds):
    rows = await get_json(ds, "/quotes/search_quotes.json?words=threats+pressure&_shape=array")
    assert [r["quote_id"] for r in rows] == [3, 1]  # the same words match equally: latest stored first
    rows = await get_json(ds, "/quotes/search_quotes.json?words=we+threats&_shape=array")
    assert [r["quote_id"] for r in rows] == [3, 1]
    # FTS syntax in the box is taken as words, never an error
    assert await get_json(ds, '/quotes/search_quotes.json?words=don\'t+"AND+(&_shape=array') == []


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        ("2024-02-01", "2024-02-29", {1, 2}),
        ("2024-02-10", "", {2, 3, 4, 5}),  # quote 2 said in 2024-02, month precision
        ("", "2024-02-06", {1, 2}),  # a month overlaps any of its days
        ("2024-03", "2024-03", {3, 4, 5}),  # undated quotes count from their article's date
    ],
)
async def test_canned_quotes_between(ds, since, until, expected):
    rows = await get_json(ds, f"/quotes/quotes_between.json?since={since}&until={until}&_shape=array")
    assert {r["quote_id"] for r in rows} == expected


async def test_canned_speakers_ranked(ds):
    rows = await get_json(ds, "/quotes/speakers_ranked.json?_shape=array")
    assert [(r["speaker"], r["quotes"], r["articles"]) for r in rows] == [
        ("Mohammed Shia al-Sudani", 3, 2), ("Ana Ñúñez", 1, 1)]


@pytest.mark.parametrize("article", ["2", "a2.txt"])
async def test_canned_article_quotes_in_order_with_context(ds, article):
    rows = await get_json(ds, f"/quotes/article_quotes.json?article={article}&_shape=array")
    assert [r["quote_id"] for r in rows] == [3, 4, 5]
    assert all(r["text"] in r["context"] for r in rows)


async def test_quote_page_highlights_the_quote_in_its_article(ds):
    response = await ds.client.get("/-/quote/1")
    assert response.status_code == 200
    html = response.text
    assert '<mark id="quote">We will not accept threats &amp; pressure,</mark>' in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>alert" not in html
    assert "Minister &lt;b&gt;rejects&lt;/b&gt; threats" in html
    assert "✓ The highlighted words below are exactly the quote" in html
    assert "6 February 2024" in html
    assert "Mohammed Shia al-Sudani" in html and "https://example.com/a1" in html
    assert 'href="/-/quote/3"' in html  # the same words in the other article
    assert 'href="/-/quote/2"' in html  # next quote in this article


async def test_quote_page_without_speaker_or_statement(ds):
    html = (await ds.client.get("/-/quote/5")).text
    assert "no speaker found" in html and '<mark id="quote">red line</mark>' in html


async def test_quote_page_unknown_quote_is_404(ds):
    assert (await ds.client.get("/-/quote/999")).status_code == 404


async def test_quote_cells_link_to_quote_page(ds):
    for path in ("/quotes/quotes", "/quotes/quote_list", "/quotes/quotes_by_speaker?speaker=Sudani"):
        assert 'href="/-/quote/1"' in (await ds.client.get(path)).text, path


async def test_datasette_json_and_csv_exports_keep_working(ds):
    rows = await get_json(ds, "/quotes/quote_list.json?_shape=array&_size=max")
    assert len(rows) == 5
    lines = (await ds.client.get("/quotes/quote_list.json?_shape=array&_nl=on")).text.splitlines()
    assert [json.loads(line)["quote_id"] for line in lines] == [r["quote_id"] for r in rows]
    csv_text = (await ds.client.get("/quotes/quote_list.csv?_stream=on")).text
    assert csv_text.splitlines()[0].startswith("quote_id,text,speaker,kind") and "Ñúñez" in csv_text


async def test_no_writes_and_time_limit(ds):
    response = await ds.client.post("/quotes/quotes/-/insert", json={"row": {"text": "x"}})
    assert response.status_code in (403, 404, 405)
    assert (await get_json(ds, "/-/settings.json"))["sql_time_limit_ms"] == 3000


def test_date_within_overlaps_at_coarser_precision():
    assert date_within("2024-02", "2024-02-10", "2024-02-20")
    assert date_within("2024-02-10", "2024", "2024-02")
    assert not date_within("2024-02-10", "2024-02-11", "")
    assert not date_within("2024-03", "", "2024-02-29")
    assert date_within(None, "", "") and not date_within(None, "2024", "")


def test_quote_date_falls_back_to_publication_without_a_year():
    assert quote_date("2024-02", "2024-03-01") == "2024-02"
    assert quote_date("--02-07", "2024-02-08") == "2024-02-08"
    assert quote_date(None, None) is None


@pytest.mark.parametrize(
    ("said_on", "words"),
    [("2024-02-07", "7 February 2024"), ("2024-02", "February 2024"), ("2024", "2024"),
     ("--02-07", "7 February, year not stated"), (None, "not stated in the article"),
     ("2024-13", "2024-13")],
)
def test_describe_date(said_on, words):
    assert describe_date(said_on) == words


def test_fold_and_fts_query():
    assert fold("ÑÚÑEZ") == fold("ñúñez")
    assert fts_query('don\'t "AND') == '"don\'t" "AND"'
    assert fts_query("") == '""'


def test_serve_refuses_a_missing_database(tmp_path):
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no such database" in result.output


def test_check_database_refuses_other_files(tmp_path):
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("create table t (x)").connection.close()
    with pytest.raises(BadDatabase, match="not a quotes database"):
        check_database(other)


def test_immutable_serving_refuses_writes_left_in_the_log(sample_db, tmp_path):
    db = tmp_path / "quotes.db"
    db.write_bytes(sample_db.read_bytes())
    writer = sqlite3.connect(db)
    writer.execute("pragma journal_mode = wal")
    writer.execute("pragma wal_autocheckpoint = 0")
    with writer:
        writer.execute("update speakers set role = 'x' where id = 1")
    try:
        check_database(db)  # a mode=ro reader sees the log: export is fine
        with pytest.raises(BadDatabase, match="still in its log"):
            check_database(db, immutable=True)
    finally:
        writer.close()


def test_site_plugin_needs_only_datasette():
    """`datasette publish --plugins-dir` installs Datasette, not this package."""
    source = (SITE_DIR / "plugins" / "quote_desk.py").read_text()
    assert not regex.search(r"^\s*(from quotes[.\w]* import|import quotes\b)", source, regex.MULTILINE)


async def test_every_link_on_the_home_page_works(ds):
    html = (await ds.client.get("/")).text
    links = {unescape(link) for link in regex.findall(r'href="(/[^"]*)"', html)} - {"/"}
    assert "/quotes/speakers_ranked" in links
    for link in sorted(links):
        assert (await ds.client.get(link)).status_code == 200, link


def test_canned_queries_are_the_tested_ones():
    queries = load_metadata()["databases"]["quotes"]["queries"]
    assert set(queries) == {"quotes_by_speaker", "search_quotes", "quotes_between",
                            "speakers_ranked", "article_quotes"}


@pytest.fixture(scope="module")
def seeds_ds(built_db):
    """The seed articles through the real engine and store: what `quotes serve` shows out of the box."""
    return make_datasette(built_db)


async def test_seeds_every_quote_page_marks_exactly_its_quote(seeds_ds):
    quotes = await get_json(seeds_ds, "/quotes/quotes.json?_shape=array&_size=max&_col=text")
    assert len(quotes) > 10
    for quote in quotes:
        html = (await seeds_ds.client.get(f"/-/quote/{quote['id']}")).text
        marked = html.split('<mark id="quote">', 1)[1].split("</mark>", 1)[0]
        assert marked == str(escape(quote["text"])), quote["id"]
        assert "check-ok" in html


async def test_seeds_pages_and_search(seeds_ds):
    for path in ("/", "/quotes", "/quotes/quote_list", "/quotes/speakers_ranked",
                 "/quotes/article_quotes?article=1", "/quotes/statements", "/quotes/articles/1"):
        assert (await seeds_ds.client.get(path)).status_code == 200, path
    rows = await get_json(seeds_ds, "/quotes/quote_list.json?_search=withdrawal&_shape=array")
    assert rows and all("withdrawal" in r["text"].lower() for r in rows)


# `speakers_ranked` before `speaker_stats`: every quote grouped with its article on each request.
GROUPED_SPEAKERS_RANKED = """
select s.id as speaker_id, s.name as speaker, s.kind, s.role, s.organisation,
  count(q.id) as quotes, count(distinct q.article_id) as articles,
  min(quote_date(q.said_on, a.published)) as first, max(quote_date(q.said_on, a.published)) as last
from speakers s
join quotes q on q.speaker_id = s.id
join articles a on a.id = q.article_id
group by s.id
order by quotes desc, articles desc, s.name"""


def grouped_speakers_ranked(db: Path) -> list[dict]:
    with closing(sqlite3.connect(db)) as connection:
        connection.row_factory = sqlite3.Row
        connection.create_function("quote_date", 2, quote_date, deterministic=True)
        return [dict(row) for row in connection.execute(GROUPED_SPEAKERS_RANKED)]


async def test_seeds_speakers_ranked_equals_grouping_every_quote(seeds_ds, built_db):
    grouped = grouped_speakers_ranked(built_db)
    assert len(grouped) > 5
    assert await get_json(seeds_ds, "/quotes/speakers_ranked.json?_shape=array") == grouped


async def test_sample_speakers_ranked_equals_grouping_every_quote(ds, sample_db):
    grouped = grouped_speakers_ranked(sample_db)
    assert any(row["first"] != row["last"] for row in grouped)  # dates of several quotes
    assert await get_json(ds, "/quotes/speakers_ranked.json?_shape=array") == grouped


async def test_seeds_every_alias_finds_its_speaker(seeds_ds):
    ranked = await get_json(seeds_ds, "/quotes/speakers_ranked.json?_shape=array")
    top = ranked[0]
    aliases = await get_json(
        seeds_ds, f"/quotes/speaker_aliases.json?speaker_id={top['speaker_id']}&_shape=array&_size=max")
    assert len(aliases) > 1
    for alias in aliases:
        rows = await get_json(
            seeds_ds, f"/quotes/quotes_by_speaker.json?_shape=array&_size=max&speaker={quote_plus(alias['alias'])}")
        assert len(rows) == top["quotes"], alias["alias"]
