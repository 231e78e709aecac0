"""The quote desk plugin: each quote shown inside its article, links to that page, SQL functions.

A journalist checks a quote in its article before citing it; the quote page is that check, and
every quote cell on the site links to it. The SQL functions serve the canned queries and
`quotes export` alike. The quote list stays fast on a million quotes: it lists the latest stored
quotes first, the desk counts its rows where Datasette's count would join every quote to its
article (`asgi_wrapper`), and a search sorted by date walks the date index when its word is
frequent (`execute_walking_dates`). This file needs only Datasette and `regex`, so a site
published with `datasette publish --plugins-dir … --install regex` runs it without installing
`quotes`.
"""

from __future__ import annotations

import functools
import sqlite3
import unicodedata
import weakref
from typing import NamedTuple
from urllib.parse import parse_qsl, urlencode

import regex
from datasette import hookimpl
from datasette.database import QueryInterrupted
from datasette.filters import Filters
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
SEARCH_PATH = regex.compile(rf"^/{DATABASE_NAME}/(?P<table>{'|'.join(SEARCH_SORT)})(?:\.\w+)?$")
# Datasette counts a page's rows through its table, and quote_list joins every quote to its
# article: 0.5 s to count a million quotes, 0.3 s the 450,000 direct ones. The desk counts in
# its place where it gets the same number, and tells Datasette not to count (`_nocount=index`):
# - a search alone, in the FTS index (1.5 ms for 70,000 matches, not 80-100 ms), when each
#   indexed quote is one row of the table;
# - quote_list unfiltered or filtered by its columns, on the view's own SELECT with its inner
#   join made a left join (`LIST_COUNT_SQL`): the same rows when no quote lacks its article,
#   and SQLite then leaves out every join no filter reads (kind=direct: 22 ms; a speaker: 4 ms;
#   no filter: count(*) of quotes, under 1 ms).
# Both are checked once per site (`check_counts`). Any other argument (a search with a filter,
# _where, _fts_table...) keeps Datasette's own count.
FTS_TABLE = "quotes_fts"
LIST_TABLE = "quote_list"
INDEX_COUNT = "index"
SAME_ROWS_ARGS = frozenset({
    "_search", "_searchmode", "_sort", "_sort_desc", "_size", "_next", "_nocount", "_nofacet",
    "_nosuggest", "_facet", "_facet_size", "_facet_array", "_facet_date", "_col", "_nocol", "_labels",
    "_label", "_shape", "_json", "_json_infinity", "_nl", "_trace", "_timelimit", "_context", "_dl",
    "_stream",
})
# Every indexed id is one quote (quotes.id is its key: at most one).
FTS_CHECK_SQL = f"""
select count(*) = (select count(*) from {FTS_TABLE}_docsize)
from quotes where id in (select id from {FTS_TABLE}_docsize)
"""
# Each quote is exactly one row of quote_list, and the view with its inner joins made left joins
# has as many rows: it holds all the view's rows and more only where a join found no partner, so
# as many means the very same rows.
LIST_CHECK_SQL = """
select count(*) = (select count(*) from quotes) and count(*) = count(distinct quote_id)
  and count(*) = (select count(*) from (select 1 from ({listed}) limit -1))
from quote_list
"""
# `limit -1` keeps SQLite from merging the subquery into the count, where it would still run
# every join (it leaves out unread left joins only for a query that returns columns). The rows
# are called quote_list, as some of Datasette's filters name their table.
LIST_COUNT_SQL = f"select count(*) from (select 1 from ({{listed}}) as {LIST_TABLE} where {{where}} limit -1)"
VIEW_SELECT = regex.compile(rf'^\s*CREATE\s+VIEW\s+"?{LIST_TABLE}"?\s+AS\s+', regex.IGNORECASE)
INNER_JOIN = regex.compile(r"(?<!LEFT\s)(?<!OUTER\s)\b(?:INNER\s+)?JOIN\b", regex.IGNORECASE)
# A search of quote_list sorted by date, as Datasette writes it (a view: no tie-breaker; page 2 adds
# `offset 50`; `_searchmode=raw` matches `:search` itself). SQLite looks up every match by id and
# keeps the newest: ~1.3 us a match (`strike`, 69,243 of a million quotes: 87 ms). Walking
# ix_quotes_date down and testing each id against the matches (`+quote_id`: no look-up by id)
# stops after one page (8 ms), but reads ~0.1 us an index entry: for a rare word, the whole index.
# The desk counts the matches first (1.5 ms) and walks when the walk, if the matches spread over
# the dates as the quotes do, would read fewer than WALK_RATIO entries a match (`walk_budget`).
# A word whose matches are all old would make it read further, so the walk stops at a date
# (`walked_by_date`) and, with less than a page found by then, Datasette's SQL runs after all.
# The walk breaks ties by id, as SQLite's sort of the matches, read in id order, does. The largest
# id stands for the number of quotes (one look-up).
DATE_SEARCH_SQL = regex.compile(
    rf"^(?P<select>select .+ from {LIST_TABLE} where )(?P<search>quote_id in \(select rowid from {FTS_TABLE} "
    rf"where {FTS_TABLE} match (?P<match>escape_fts\(:search\)|:search)\)) order by date desc "
    r"limit (?P<limit>\d+)(?P<offset> offset (?P<skipped>\d+))?$", regex.DOTALL)
MATCHES_SQL = f"select (select count(*) from {FTS_TABLE} where {FTS_TABLE} match {{match}}), (select max(id) from quotes)"
# Measured at a million quotes: the two plans cost the same at 13-23 entries a match.
WALK_RATIO = 10
# How much sparser than on average the newest matches may be before the walk gives up.
WALK_SLACK = 4
DATE_PARTS = regex.compile(r"^(?:(?P<year>\d{4})|-)(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


class DeskCounts(NamedTuple):
    """What the desk may count in Datasette's place on one site (`check_counts`). A NamedTuple:
    Datasette loads this file outside sys.modules, where a dataclass cannot be made."""

    searched: frozenset[str] = frozenset()  # tables whose search alone the FTS index counts
    listed: str | None = None  # quote_list's rows as a SELECT whose unread joins SQLite skips
    columns: frozenset[str] = frozenset()  # quote_list's columns, which a filter may name


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


def filter_column(key: str) -> str | None:
    """The column a query-string argument filters (`kind`, `speaker__not`), as Datasette's
    table page reads it; None for its special arguments (`_sort`, `_search`)."""
    if key.startswith("_") and "__" not in key:
        return None
    return key.rsplit("__", 1)[0] if "__" in key else key


def countable(table: str, keys: set[str], counts: DeskCounts) -> bool:
    """Whether the desk's count of a page with these arguments is the number Datasette gives."""
    if "_search" in keys:
        return table in counts.searched and keys <= SAME_ROWS_ARGS
    return table == LIST_TABLE and counts.listed is not None and all(
        key in SAME_ROWS_ARGS or filter_column(key) in counts.columns for key in keys)


def desk_counted(path: str, query_string: str, counts: DeskCounts) -> str:
    """The query string with `_nocount=index` when the desk can count its page, and without it
    otherwise (the marker comes back in a page's links and filter form, filters or not)."""
    match = SEARCH_PATH.match(path)
    if not match:
        return query_string
    args = parse_qsl(query_string, keep_blank_values=True)
    keys = {key for key, _ in args}
    marker = ("_nocount", INDEX_COUNT)
    can_count = countable(match["table"], keys, counts)
    if can_count and "_nocount" not in keys:
        return urlencode(args + [marker])
    if not can_count and marker in args:
        return urlencode([arg for arg in args if arg != marker])
    return query_string


def counted_by_desk(request, database: str | None, table: str | None) -> bool:
    """Whether this request's count is the desk's to give (`desk_counted` said so)."""
    return (database == DATABASE_NAME and table in SEARCH_SORT
            and request is not None and request.args.get("_nocount") == INDEX_COUNT)


# Datasette -> what the desk counts on its site, checked once.
_COUNTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


async def site_counts(datasette) -> DeskCounts:
    """What the desk counts on this site, for a database that cannot change while served
    (immutable); nothing for one that can, as a check would go stale."""
    if datasette not in _COUNTS:
        database = datasette.databases.get(DATABASE_NAME)
        mutable = database is None or database.is_mutable
        _COUNTS[datasette] = DeskCounts() if mutable else await database.execute_fn(check_counts)
    return _COUNTS[datasette]


def check_counts(conn: sqlite3.Connection) -> DeskCounts:
    """Check that the FTS index lists each quote once and quote_list shows each quote once;
    reads every quote twice (0.9 s a million quotes)."""
    try:
        indexed = bool(conn.execute(FTS_CHECK_SQL).fetchone()[0])
    except sqlite3.DatabaseError:
        indexed = False  # no FTS table: Datasette counts searches
    listed = list_rows_sql(conn)
    try:
        one_row = listed is not None and bool(conn.execute(LIST_CHECK_SQL.format(listed=listed)).fetchone()[0])
    except sqlite3.DatabaseError:
        one_row = False  # the view's SELECT did not survive its joins' rewriting: Datasette counts
    if not one_row:
        return DeskCounts(searched=frozenset({"quotes"} if indexed else ()))
    columns = frozenset(row[1] for row in conn.execute(f"pragma table_info({LIST_TABLE})"))
    searched = frozenset({"quotes", LIST_TABLE} if indexed else ())
    return DeskCounts(searched=searched, listed=listed, columns=columns)


def list_rows_sql(conn: sqlite3.Connection) -> str | None:
    """quote_list's SELECT with each inner join a left join, whose joins SQLite may then leave
    out of a count that reads none of their columns; None if the view is not there."""
    row = conn.execute("select sql from sqlite_master where type = 'view' and name = ?", (LIST_TABLE,)).fetchone()
    if row is None or not VIEW_SELECT.match(row[0]):
        return None
    return INNER_JOIN.sub("LEFT JOIN", VIEW_SELECT.sub("", row[0], count=1))


async def desk_count(datasette, table: str, args) -> int:
    """How many rows the page shows: its search counted in the FTS index, or quote_list's rows
    under the page's filters counted without the joins they do not read."""
    if "_search" in args:
        return await index_count(datasette, table, args)
    pairs = sorted((key, value) for key in args if filter_column(key) for value in args.getlist(key))
    where, params = Filters(pairs).build_where_clauses(table)
    if where:
        listed = (await site_counts(datasette)).listed
        sql = LIST_COUNT_SQL.format(listed=listed, where=" and ".join(where))
    else:
        sql = "select count(*) from quotes"  # each quote is one row of quote_list
    return (await datasette.get_database(DATABASE_NAME).execute(sql, params)).single_value()


async def index_count(datasette, table: str, args) -> int:
    """How many rows the search matches, counted in the FTS index as Datasette's search reads it."""
    mode = args.get("_searchmode")
    if mode not in ("raw", "escaped"):
        mode = datasette.table_metadata(DATABASE_NAME, table).get("searchmode")
    search = args.get("_search") if mode == "raw" else escape_fts(args.get("_search"))
    sql = f"select count(*) from {FTS_TABLE} where {FTS_TABLE} match :search"
    return (await datasette.get_database(DATABASE_NAME).execute(sql, {"search": search})).single_value()


def walk_budget(matches: int, quotes: int, rows: int) -> int | None:
    """How many entries of the date index the walk may read for a page ending at `rows` (offset +
    limit), or None when looking up each match costs less. It expects rows * quotes / matches
    entries, and may read WALK_SLACK times that, never more than the look-ups would cost."""
    if not matches or rows * quotes >= WALK_RATIO * matches * matches:
        return None
    return min(WALK_SLACK * rows * quotes // matches, WALK_RATIO * matches)


def walked_by_date(found: regex.Match, budget: int) -> str:
    """Datasette's date-sorted search (`DATE_SEARCH_SQL`) as a walk of ix_quotes_date, down to
    the date `budget` entries below the newest (no further than the index): the same rows in the
    same order when it finds a whole page."""
    newest = f"coalesce((select date from quotes order by date desc limit 1 offset {budget}), '')"
    return (f"{found['select']}+{found['search']} and date >= {newest} order by date desc, quote_id "
            f"limit {found['limit']}{found['offset'] or ''}")


async def date_walk(execute, found: regex.Match, params) -> str | None:
    """The walk of the date index for a frequent search; None for a rare one, or a search FTS5
    refuses (Datasette's query then reports it)."""
    try:
        counted = await execute(MATCHES_SQL.format(match=found["match"]), params, log_sql_errors=False)
    except (sqlite3.DatabaseError, QueryInterrupted):
        return None
    matches, quotes = counted.first()
    budget = walk_budget(matches, quotes or 0, int(found["limit"]) + int(found["skipped"] or 0))
    return None if budget is None else walked_by_date(found, budget)


async def execute_walking_dates(execute, sql, params=None, **kwargs):
    """`Database.execute`, running a date-sorted search of quote_list as a walk of the date index
    when that finds its page (`limit` rows); otherwise, or for any other SQL, as it is."""
    found = DATE_SEARCH_SQL.match(sql)
    walk = await date_walk(execute, found, params) if found else None
    if walk:
        results = await execute(walk, params, **kwargs)
        if len(results.rows) == int(found["limit"]):
            return results
    return await execute(sql, params, **kwargs)


def walk_dates(database) -> None:
    """Let the quotes database run date-sorted searches as `execute_walking_dates` does. Datasette
    0.65 writes a table page's SQL itself, and no hook can change it."""
    database.execute = functools.partial(execute_walking_dates, database.execute)


@hookimpl
def startup(datasette):
    async def check():
        await site_counts(datasette)
        if DATABASE_NAME in datasette.databases:
            walk_dates(datasette.databases[DATABASE_NAME])

    return check


@hookimpl
def asgi_wrapper(datasette):
    def wrap(app):
        async def cheap_pages(scope, receive, send):
            if scope["type"] == "http" and SEARCH_PATH.match(scope["path"]):
                query = scope.get("query_string", b"").decode("latin-1")
                cheap = search_sorted(scope["path"], search_not_empty(scope["path"], query))
                cheap = desk_counted(scope["path"], cheap, await site_counts(datasette))
                if cheap != query:
                    scope = dict(scope, query_string=cheap.encode("latin-1"))
            await app(scope, receive, send)

        return cheap_pages

    return wrap


@hookimpl
def extra_template_vars(view_name, database, table, request, datasette):
    """A page shows the desk's count, where Datasette was told not to count."""
    if view_name != "table" or not counted_by_desk(request, database, table):
        return None

    async def counted():
        return {"filtered_table_rows_count": await desk_count(datasette, table, request.args)}

    return counted


@hookimpl
def register_output_renderer(datasette):
    """Datasette's own JSON, with `filtered_table_rows_count` from the desk where it counted."""
    return {"extension": "json", "render": render_json}


async def render_json(datasette, request, args, data, view_name):
    shape = args.get("_shape", "arrays")
    if (view_name == "table" and shape in ("arrays", "objects") and not data.get("error")
            and data.get("filtered_table_rows_count") is None
            and counted_by_desk(request, data.get("database"), data.get("table"))):
        data["filtered_table_rows_count"] = await desk_count(datasette, data["table"], args)
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
