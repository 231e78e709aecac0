"""Publishing: the Datasette site that serves quotes.db, and `quotes export`.

Both only read the database: Datasette opens it immutable, export opens it `mode=ro`. Both
connections get the site plugin's SQL functions (`fold`, `quote_date`, `date_within`), so "any
alias finds the speaker" and "said between two dates" mean the same on the site and in an export.
"""

from __future__ import annotations

import csv
import gc
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing
from pathlib import Path
from typing import IO

import regex
from datasette.app import Datasette
from datasette.database import Database
from datasette.utils import parse_metadata

from quotes.datasette.plugins.quote_desk import DATABASE_NAME, register_functions

SITE_DIR = Path(__file__).resolve().parent / "datasette"
SETTINGS = {
    "sql_time_limit_ms": 3000,
    # Facets the reader asks for (none run by default on the searched tables): each gives up after
    # 100 ms, so facets over a whole million-quote table are skipped, not waited for.
    "facet_time_limit_ms": 100,
    "default_page_size": 50,
    "max_returned_rows": 5000,
    "truncate_cells_html": 0,
    "suggest_facets": False,
}
EXPORT_FORMATS = ("json", "jsonl", "csv")
EXPORT_FIELDS = (
    "quote_id",
    "text",
    "speaker",
    "kind",
    "said_on",
    "said_on_precision",
    "article_title",
    "article_url",
    "outlet",
    "published",
    "context",
    "start",
    "end",
    "cue",
    "confidence",
    "article_count",
    "first_seen",
)
# A quote's date is when it was said, or failing that when its article was published (quote_date).
EXPORT_SQL = """
SELECT q.id AS quote_id, q.text, s.name AS speaker, q.kind, q.said_on, q.said_on_precision,
       a.title AS article_title, a.url AS article_url, a.outlet, a.published, q.context,
       q.start, q."end", q.cue, q.confidence, st.article_count, st.first_seen
FROM quotes AS q
JOIN articles AS a ON a.id = q.article_id
LEFT JOIN speakers AS s ON s.id = q.speaker_id
LEFT JOIN statements AS st ON st.id = q.statement_id
WHERE (:speaker IS NULL OR q.speaker_id IN (
        SELECT id FROM speakers WHERE fold(name) = fold(:speaker)
        UNION SELECT speaker_id FROM speaker_aliases WHERE fold(alias) = fold(:speaker)))
  AND (:kind IS NULL OR q.kind = :kind)
  AND date_within(quote_date(q.said_on, a.published), :since, :until)
ORDER BY quote_date(q.said_on, a.published) DESC, a.id, q.start
"""
DATE_RE = regex.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class BadDatabase(Exception):
    """The file cannot be published as it is; str(err) says why and what to do."""


def is_date(text: str) -> bool:
    return bool(DATE_RE.match(text))


def check_database(db_path: Path, immutable: bool = False) -> None:
    """Refuse what would publish wrong or nothing: a missing file, not our schema, or (for an
    immutable reader, which ignores the log) writes still in a write-ahead log."""
    if not db_path.is_file():
        raise BadDatabase(f"{db_path}: no such database; build it first with `quotes build`")
    wal = db_path.with_name(db_path.name + "-wal")
    if immutable and wal.exists() and wal.stat().st_size:
        raise BadDatabase(
            f"{db_path}: writes are still in its log ({wal.name}); let `quotes build` finish, "
            "or the site would show stale rows"
        )
    try:
        with closing(connect_readonly(db_path)) as conn:
            conn.execute("SELECT 1 FROM quotes LIMIT 1")
    except sqlite3.DatabaseError as err:
        raise BadDatabase(f"{db_path}: not a quotes database ({err})") from None


def load_metadata() -> dict:
    """The site's metadata (titles, descriptions, facets, canned queries) shipped in the package."""
    return parse_metadata((SITE_DIR / "metadata.yaml").read_text(encoding="utf-8"))


def make_datasette(db_path: Path) -> Datasette:
    """A Datasette serving `db_path` immutable as database `quotes`, whatever the file is called."""
    ds = Datasette(
        metadata=load_metadata(),
        template_dir=str(SITE_DIR / "templates"),
        plugins_dir=str(SITE_DIR / "plugins"),
        static_mounts=[("quote-desk", str(SITE_DIR / "static"))],
        settings=SETTINGS,
    )
    ds.remove_database("_memory")
    ds.add_database(Database(ds, str(db_path), is_mutable=False), name=DATABASE_NAME)
    return ds


async def start_site(ds: Datasette) -> None:
    """Run the site's startup hooks, then take every object alive by now (Datasette, its plugins,
    templates and unit registry: ~50,000 objects that live as long as the server) out of the
    garbage collector's full passes. Each full pass walked them all: 20-60 ms, every ~18 search
    pages, the slowest 5% of searches at a million quotes."""
    await ds.invoke_startup()
    gc.freeze()


def serve(db_path: Path, host: str = "127.0.0.1", port: int = 8001) -> None:
    """Run the site until interrupted (uvicorn, as `datasette serve` does)."""
    import asyncio

    import uvicorn

    check_database(db_path, immutable=True)
    ds = make_datasette(db_path)
    asyncio.run(start_site(ds))
    uvicorn.run(ds.app(), host=host, port=port, log_level="warning")


def connect_readonly(db_path: Path) -> sqlite3.Connection:
    """A connection that cannot write (mode=ro), with rows as mappings and the site's functions."""
    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    register_functions(conn)
    return conn


def iter_quotes(
    db_path: Path,
    speaker: str | None = None,
    since: str | None = None,
    until: str | None = None,
    kind: str | None = None,
) -> Iterator[dict]:
    """Quotes with their article and statement, newest first, filtered as `quotes export` is."""
    params = {"speaker": speaker, "since": since, "until": until, "kind": kind}
    with closing(connect_readonly(db_path)) as conn:
        for row in conn.execute(EXPORT_SQL, params):
            yield dict(row)


def write_export(rows: Iterable[dict], fmt: str, out: IO[str]) -> int:
    """Write rows as a JSON array, JSON lines or CSV with a header; return how many."""
    count = 0
    if fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=EXPORT_FIELDS)
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            count += 1
    elif fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    elif fmt == "json":
        out.write("[")
        for count, row in enumerate(rows, 1):
            out.write(("," if count > 1 else "") + "\n  " + json.dumps(row, ensure_ascii=False))
        out.write("\n]\n" if count else "]\n")
    else:
        raise ValueError(f"unknown export format {fmt!r}")
    return count
