"""The quote desk plugin: each quote shown inside its article, links to that page, SQL functions.

A journalist checks a quote in its article before citing it; the quote page is that check, and
every quote cell on the site links to it. The SQL functions serve the canned queries and
`quotes export` alike. Searches of the quote list stay fast on a million quotes: they list the
latest stored quotes first and count their matches in the FTS index (`asgi_wrapper`). This
file needs only Datasette, so a site published with `datasette publish --plugins-dir` runs it
without installing `quotes`.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
import weakref
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
from datasette.renderer import json_renderer
from datasette.utils import escape_fts
from datasette.utils.asgi import NotFound, Response
from markupsafe import Markup

DATABASE_NAME = "quotes"
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
# A search without a sort of its own lists the latest stored quotes first: walking the ids down
# stops after one page, while sorting by date reads every match (for a word in 70,000 of a
# million quotes, 7 ms against 124 ms). Table -> its id column.
SEARCH_SORT = {"quote_list": "quote_id", "quotes": "id"}
SEARCH_PATH = re.compile(rf"^/{DATABASE_NAME}/(?P<table>{'|'.join(SEARCH_SORT)})(?:\.\w+)?$")
# A search's count is taken from the FTS index (1.5 ms for 70,000 matches in a million quotes)
# instead of through the table (80-100 ms: a lookup of every match in `quotes`). It is the same
# number only when each row of the index is exactly one row of the table, which
# `tables_counted_by_index` checks once per site, and when nothing but the search narrows the
# rows: any argument not listed here (a column filter, _where, _fts_table...) keeps Datasette's
# own count. Datasette is told not to count with `_nocount=index`.
FTS_TABLE = "quotes_fts"
INDEX_COUNT = "index"
SAME_ROWS_ARGS = frozenset({
    "_search", "_searchmode", "_sort", "_sort_desc", "_size", "_next", "_nocount", "_nofacet",
    "_nosuggest", "_facet", "_facet_size", "_facet_array", "_facet_date", "_col", "_nocol", "_labels",
    "_label", "_shape", "_json", "_json_infinity", "_nl", "_trace", "_timelimit", "_context", "_dl",
    "_stream",
})
INDEX_CHECK_SQL = """
select count(*) = (select count(*) from {fts}_docsize) and count(*) = count(distinct {key})
from {table} where {key} in (select id from {fts}_docsize)
"""
DATE_PARTS = re.compile(r"^(?:(?P<year>\d{4})|-)(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


def fold(text: str | None) -> str | None:
    """Case- and form-insensitive key for names: SQLite's lower() only folds ASCII."""
    if text is None:
        return None
    return unicodedata.normalize("NFKC", text).casefold().strip()


def quote_date(said_on: str | None, published: str | None) -> str | None:
    """The date to sort and filter a quote by: when it was said if the year is known, else when
    its article was published ("--02-07", a day of an unknown year, cannot be compared)."""
    if said_on and said_on[0].isdigit():
        return said_on
    return published


def describe_date(said_on: str | None) -> str:
    """A said_on value as a reader says it: "2024-02" is February 2024, "--02-07" 7 February."""
    if not said_on:
        return "not stated in the article"
    match = DATE_PARTS.match(said_on)
    if not match or not 1 <= int(match["month"] or 1) <= 12:
        return said_on
    year, month, day = match["year"], match["month"], match["day"]
    words = [str(int(day))] if day else []
    words += [MONTHS[int(month) - 1]] if month else []
    words += [year] if year else []
    return " ".join(words) + ("" if year else ", year not stated")


def date_within(date: str | None, since: str | None, until: str | None) -> bool:
    """Whether an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) overlaps [since, until].

    Dates are compared at the coarser precision of the two, so a quote dated only "2024-02"
    is found by a search from 2024-02-10; an empty bound is open. A quote with no date is found
    only when both bounds are open.
    """
    since, until = since or "", until or ""
    if not date:
        return not since and not until
    return date >= since[: len(date)] and date[: len(until)] <= until


def fts_query(words: str | None) -> str:
    """Words as an FTS5 query that cannot be a syntax error: each word (or "phrase") quoted."""
    return escape_fts(words or "") or '""'


def register_functions(conn: sqlite3.Connection) -> None:
    """Give a connection the SQL functions the canned queries and the export rely on."""
    conn.create_function("fold", 1, fold, deterministic=True)
    conn.create_function("quote_date", 2, quote_date, deterministic=True)
    conn.create_function("date_within", 3, date_within, deterministic=True)
    conn.create_function("fts_query", 1, fts_query, deterministic=True)


QUOTE_SQL = """
select q.id, q.article_id, q.speaker_id, q.text, q.kind, q.start, q."end", q.cue, q.rule,
  q.confidence, q.said_on, q.said_on_precision, q.mention, q.statement_id,
  s.name as speaker, s.role as speaker_role, s.organisation as speaker_organisation,
  a.title as article_title, a.url as article_url, a.outlet, a.published, a.dateline, a.name as article_name,
  a.body, st.article_count, st.first_seen
from quotes q
join articles a on a.id = q.article_id
left join speakers s on s.id = q.speaker_id
left join statements st on st.id = q.statement_id
where q.id = :id
"""
NEIGHBOURS_SQL = """
select
  (select id from quotes where article_id = :article and start < :start order by start desc limit 1) as previous,
  (select id from quotes where article_id = :article and start > :start order by start limit 1) as next,
  (select count(*) from quotes where article_id = :article) as total,
  (select count(*) from quotes where article_id = :article and start <= :start) as position
"""
SAME_WORDS_SQL = """
select q.id, a.title as article_title, a.outlet, a.published
from quotes q join articles a on a.id = q.article_id
where q.statement_id = :statement and q.id != :id
order by a.published, a.id
"""


@hookimpl
def prepare_connection(conn, database):
    if database == DATABASE_NAME:
        register_functions(conn)
        # Read pages through a memory map rather than a copy per read: a search counting its
        # matches in a million quotes spends ~20% less (the site serves the file immutable, so it
        # is never written under the map).
        conn.execute("PRAGMA mmap_size = 1073741824")


def search_not_empty(path: str, query_string: str) -> str:
    """The query string without a search that has no words (the box sent empty), which FTS5
    would refuse as a syntax error: the page lists every quote instead."""
    args = parse_qsl(query_string, keep_blank_values=True)
    searches = [value for key, value in args if key == "_search"]
    if not SEARCH_PATH.match(path) or not searches or escape_fts(searches[0]):
        return query_string
    return urlencode([(key, value) for key, value in args if key != "_search"])


def search_sorted(path: str, query_string: str) -> str:
    """The query string with the cheap search sort added, when it searches without a sort."""
    match = SEARCH_PATH.match(path)
    args = parse_qsl(query_string, keep_blank_values=True)
    keys = {key for key, _ in args}
    if not match or "_search" not in keys or keys & {"_sort", "_sort_desc"}:
        return query_string
    return urlencode(args + [("_sort_desc", SEARCH_SORT[match["table"]])])


def search_counted(path: str, query_string: str, index_tables: frozenset[str]) -> str:
    """The query string with `_nocount=index` when the index can count its search, and without
    it otherwise (the marker comes back in a page's links and filter form, filters or not)."""
    match = SEARCH_PATH.match(path)
    if not match:
        return query_string
    args = parse_qsl(query_string, keep_blank_values=True)
    keys = {key for key, _ in args}
    countable = match["table"] in index_tables and "_search" in keys and keys <= SAME_ROWS_ARGS
    marker = ("_nocount", INDEX_COUNT)
    if countable and "_nocount" not in keys:
        return urlencode(args + [marker])
    if not countable and marker in args:
        return urlencode([arg for arg in args if arg != marker])
    return query_string


def count_in_index(request, database: str | None, table: str | None) -> bool:
    """Whether this request's count is to come from the index (`search_counted` said so)."""
    return (database == DATABASE_NAME and table in SEARCH_SORT
            and request is not None and request.args.get("_nocount") == INDEX_COUNT)


# Datasette -> the tables whose search the index counts, checked once per site.
_INDEX_TABLES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


async def index_tables(datasette) -> frozenset[str]:
    """The searched tables whose every index row is exactly one table row, for a database that
    cannot change while served (immutable); none for one that can, as a check would go stale."""
    if datasette not in _INDEX_TABLES:
        _INDEX_TABLES[datasette] = await tables_counted_by_index(datasette)
    return _INDEX_TABLES[datasette]


async def tables_counted_by_index(datasette) -> frozenset[str]:
    """Check each searched table against the FTS index's list of rows (its docsize table): every
    indexed id is one row of the table. Reads the whole table once (0.6 s a million quotes)."""
    if DATABASE_NAME not in datasette.databases or datasette.databases[DATABASE_NAME].is_mutable:
        return frozenset()

    def check(conn: sqlite3.Connection) -> frozenset[str]:
        tables = set()
        for table, key in SEARCH_SORT.items():
            try:
                if conn.execute(INDEX_CHECK_SQL.format(fts=FTS_TABLE, table=table, key=key)).fetchone()[0]:
                    tables.add(table)
            except sqlite3.DatabaseError:
                pass  # no such FTS table or view: Datasette counts
        return frozenset(tables)

    return await datasette.databases[DATABASE_NAME].execute_fn(check)


async def index_count(datasette, table: str, args) -> int:
    """How many rows the search matches, counted in the FTS index as Datasette's search reads it."""
    mode = args.get("_searchmode")
    if mode not in ("raw", "escaped"):
        mode = datasette.table_metadata(DATABASE_NAME, table).get("searchmode")
    search = args.get("_search") if mode == "raw" else escape_fts(args.get("_search"))
    sql = f"select count(*) from {FTS_TABLE} where {FTS_TABLE} match :search"
    return (await datasette.get_database(DATABASE_NAME).execute(sql, {"search": search})).single_value()


@hookimpl
def startup(datasette):
    async def check_index():
        await index_tables(datasette)

    return check_index


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def cheap_search(scope, receive, send):
            if scope["type"] == "http" and SEARCH_PATH.match(scope["path"]):
                query = scope.get("query_string", b"").decode("latin-1")
                cheap = search_sorted(scope["path"], search_not_empty(scope["path"], query))
                cheap = search_counted(scope["path"], cheap, await index_tables(datasette))
                if cheap != query:
                    scope = dict(scope, query_string=cheap.encode("latin-1"))
            await app(scope, receive, send)

        return cheap_search

    return wrap


@hookimpl
def extra_template_vars(view_name, database, table, request, datasette):
    """A search page shows the count the index gives, where Datasette was told not to count."""
    if view_name != "table" or not count_in_index(request, database, table):
        return None

    async def counted():
        return {"filtered_table_rows_count": await index_count(datasette, table, request.args)}

    return counted


@hookimpl
def register_output_renderer(datasette):
    """Datasette's own JSON, with `filtered_table_rows_count` from the index where it counted."""
    return {"extension": "json", "render": render_json}


async def render_json(datasette, request, args, data, view_name):
    shape = args.get("_shape", "arrays")
    if (view_name == "table" and shape in ("arrays", "objects") and not data.get("error")
            and data.get("filtered_table_rows_count") is None
            and count_in_index(request, data.get("database"), data.get("table"))):
        data["filtered_table_rows_count"] = await index_count(datasette, data["table"], args)
    return json_renderer(args, data, view_name)


@hookimpl
def register_routes():
    return [(r"^/-/quote/(?P<quote_id>\d+)$", quote_page)]


@hookimpl
def render_cell(row, value, column, table, database, datasette):
    """A quote's text links to its page, on the quotes table, the view and the canned queries."""
    if database != DATABASE_NAME or column != "text" or value is None:
        return None
    keys = row.keys()
    if "quote_id" in keys:
        quote_id = row["quote_id"]
    elif table == "quotes" and "id" in keys:
        quote_id = row["id"]
    else:
        return None
    url = datasette.urls.path(f"/-/quote/{quote_id}")
    return Markup('<a class="quote-link" href="{}">{}</a>').format(url, value)


async def quote_page(datasette, request):
    db = datasette.get_database(DATABASE_NAME)
    quote_id = int(request.url_vars["quote_id"])
    quote = (await db.execute(QUOTE_SQL, {"id": quote_id})).first()
    if quote is None:
        raise NotFound(f"No quote number {quote_id}")
    quote = dict(quote)
    body, start, end = quote.pop("body"), quote["start"], quote["end"]
    places = {"article": quote["article_id"], "start": start}
    neighbours = dict((await db.execute(NEIGHBOURS_SQL, places)).first())
    same_words = []
    if quote["statement_id"] is not None:
        found = await db.execute(SAME_WORDS_SQL, {"statement": quote["statement_id"], "id": quote_id})
        same_words = [dict(row) for row in found]
    context = {
        "quote": quote,
        "before": body[:start],
        "marked": body[start:end],
        "after": body[end:],
        "offsets_match": body[start:end] == quote["text"],
        "said_on": describe_date(quote["said_on"]),
        "neighbours": neighbours,
        "same_words": same_words,
    }
    html = await datasette.render_template("quote.html", context, request=request)
    return Response.html(html)
