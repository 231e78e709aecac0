"""The quote desk plugin: each quote shown inside its article, links to that page, SQL functions.

A journalist checks a quote in its article before citing it; the quote page is that check, and
every quote cell on the site links to it. The SQL functions serve the canned queries and
`quotes export` alike. This file needs only Datasette, so a site published with
`datasette publish --plugins-dir` runs it without installing `quotes`.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from urllib.parse import parse_qsl, urlencode

from datasette import hookimpl
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


def search_sorted(path: str, query_string: str) -> str:
    """The query string with the cheap search sort added, when it searches without a sort."""
    match = SEARCH_PATH.match(path)
    args = parse_qsl(query_string, keep_blank_values=True)
    keys = {key for key, _ in args}
    if not match or "_search" not in keys or keys & {"_sort", "_sort_desc"}:
        return query_string
    return urlencode(args + [("_sort_desc", SEARCH_SORT[match["table"]])])


@hookimpl
def asgi_wrapper():
    def wrap(app):
        async def sorted_search(scope, receive, send):
            if scope["type"] == "http":
                query = scope.get("query_string", b"").decode("latin-1")
                cheap = search_sorted(scope["path"], query)
                if cheap != query:
                    scope = dict(scope, query_string=cheap.encode("latin-1"))
            await app(scope, receive, send)

        return sorted_search

    return wrap


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
