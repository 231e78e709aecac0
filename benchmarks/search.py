"""Datasette `_search` latency (p50/p95) on a quotes database of a million quotes.

The database is made at the head revision by the project's migrations (so the FTS table and
its triggers are the real ones), then filled with bulk inserts of synthetic articles, speakers
and quotes: the engine is not run, as this measures the published site, not extraction.
Requests go in-process to the site `quotes serve` runs (`quotes.publish.make_datasette`),
a bounded number of them, one at a time.

    python benchmarks/search.py benchmarks/out/million.db --quotes 1000000
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path
from urllib.parse import urlencode

from quotes.db import upgrade
from quotes.publish import make_datasette

# Common words, then rarer ones: queries hit from a handful of rows to a large share of the table.
COMMON = "the we will not be a of to and in is that it for this on are with have government".split()
TOPICS = (
    "ceasefire withdrawal coalition budget tariff inflation election strike vaccine pension border "
    "drought harbour railway refinery embassy sanctions parliament referendum monsoon"
).split()
RARE = [f"{a}{b}" for a in ("zan", "quor", "mel", "vix", "trab", "oln") for b in ("ith", "abor", "uzen", "ette", "ova")]
SEARCHES = [
    "withdrawal", "ceasefire", "government", "budget inflation", '"will not be"', "sanctions parliament",
    "zanith", "quorabor", "railway", "refer*", "election strike", "trabova",
]
KINDS = ["direct", "direct", "partial", "indirect"]


def quote_text(rng: random.Random) -> str:
    words = [rng.choice(COMMON) for _ in range(rng.randint(6, 30))]
    for _ in range(rng.randint(1, 3)):
        words.insert(rng.randrange(len(words)), rng.choice(TOPICS))
    if rng.random() < 0.01:
        words.insert(rng.randrange(len(words)), rng.choice(RARE))
    return " ".join(words).capitalize() + "."


def fill(db: Path, quotes: int, seed: int = 1) -> None:
    """Create `db` at head and insert `quotes` quotes over quotes/20 articles and 5,000 speakers."""
    upgrade(db)
    rng = random.Random(seed)
    articles = max(1, quotes // 20)
    with closing(sqlite3.connect(db)) as connection, connection:
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        connection.executemany(
            "INSERT INTO articles (id, path, name, sha256, title, outlet, published, encoding, metadata_sources, body)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, 'utf-8', '{}', ?)",
            (
                (i, f"synthetic/{i}.txt", f"{i}.txt", f"{i:064x}", f"Article {i}", f"Outlet {i % 40}",
                 f"20{10 + i % 15}-{1 + i % 12:02d}-{1 + i % 28:02d}", "Synthetic body.")
                for i in range(1, articles + 1)
            ),
        )
        connection.executemany(
            "INSERT INTO speakers (id, name, kind) VALUES (?, ?, 'person')",
            ((i, f"Speaker {i}") for i in range(1, 5001)),
        )
        connection.executemany(
            'INSERT INTO quotes (article_id, speaker_id, text, kind, start, "end", rule, confidence, said_on, context)'
            " VALUES (?, ?, ?, ?, 0, ?, 'synthetic', 0.9, ?, ?)",
            _quote_rows(rng, quotes, articles),
        )


def _quote_rows(rng: random.Random, quotes: int, articles: int) -> Iterator[tuple]:
    for _ in range(quotes):
        text = quote_text(rng)
        said_on = f"20{10 + rng.randrange(15)}-{1 + rng.randrange(12):02d}-{1 + rng.randrange(28):02d}"
        speaker = rng.randint(1, 5000) if rng.random() < 0.8 else None
        yield rng.randint(1, articles), speaker, text, rng.choice(KINDS), len(text), said_on, text


async def measure(db: Path, table: str, rounds: int) -> dict[str, float]:
    """Latency in ms of `/quotes/<table>.json?_search=...` over SEARCHES, `rounds` times each."""
    ds = make_datasette(db)
    await ds.invoke_startup()
    times = []
    for round_ in range(rounds + 1):
        for term in SEARCHES:
            start = time.perf_counter()
            response = await ds.client.get(f"/quotes/{table}.json?" + urlencode({"_search": term}))
            elapsed = (time.perf_counter() - start) * 1000
            assert response.status_code == 200, (term, response.status_code, response.text[:300])
            if round_:  # the first round warms the page cache and Datasette's introspection
                times.append(elapsed)
    cuts = statistics.quantiles(times, n=100)
    return {"requests": len(times), "p50": cuts[49], "p95": cuts[94], "max": max(times)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=10, help="Requests per search term, after one warm-up round.")
    parser.add_argument("--tables", nargs="+", default=["quotes", "quote_list"])
    args = parser.parse_args(argv)
    if not args.db.exists():
        start = time.perf_counter()
        fill(args.db, args.quotes)
        print(f"filled {args.db} with {args.quotes} quotes in {time.perf_counter() - start:.0f} s")
    with closing(sqlite3.connect(args.db)) as connection:
        count = connection.execute("SELECT count(*) FROM quotes").fetchone()[0]
    for table in args.tables:
        result = asyncio.run(measure(args.db, table, args.rounds))
        print(
            f"/quotes/{table}.json?_search=  {count} quotes  {result['requests']} requests  "
            f"p50 {result['p50']:.1f} ms  p95 {result['p95']:.1f} ms  max {result['max']:.1f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
