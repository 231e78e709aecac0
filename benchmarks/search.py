"""Datasette `_search` latency (p50/p95) on a quotes database of a million quotes.

The database is made at the head revision by the project's migrations (so the FTS table, its
triggers and the views are the real ones), then filled with bulk inserts of synthetic rows:
the engine is not run, as this measures the published site, not extraction.

The rows look like an archive of news quotes, not like random words:
- texts are sentences of the seed articles and of the corpus generator's templates
  (`make_corpus.py`), recombined one to three at a time, in which one content word in most is
  swapped for a draw from a Zipf-distributed lexicon (the words of the seeds and templates first,
  then invented words for the long tail), and a third of them name a person;
- about 12 quotes per article (83,000 articles per million quotes), 60 outlets, ten years of
  publication dates; 40,000 speakers quoted with Zipf-like frequency, 10% of quotes unattributed;
  3% of quotes are wire copy repeated in later articles (statements); said_on as the engine
  gives it (a day, a month, a day of unknown year, or nothing).

The search terms are drawn by a seeded generator from the database's own FTS vocabulary, in
fixed strata, never picked by hand (see QUERY_MIX). Requests go in-process to the site
`quotes serve` runs (`quotes.publish.make_datasette` and `start_site`), one at a time.

    python benchmarks/search.py benchmarks/out/million.db --quotes 1000000

`--browse` times instead the pages a journalist opens before searching (`browse_pages`: the home
and database pages, the whole quote list and quotes table, the list of the most quoted speakers,
of direct quotes, of the largest outlet...), each `--rounds` times after a warm-up request that
checks the count it shows.
"""

from __future__ import annotations

import argparse
import asyncio
import bisect
import itertools
import random
import sqlite3
import statistics
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

import make_corpus
import regex
from datasette.utils import escape_fts

from quotes.db import upgrade
from quotes.publish import make_datasette, start_site

QUOTES_PER_ARTICLE = 12
SPEAKERS_PER_MILLION = 40_000
OUTLETS = 60
INVENTED_WORDS = 30_000
STOP = {
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has", "have",
    "he", "her", "his", "i", "in", "is", "it", "its", "not", "of", "on", "or", "our", "she", "that",
    "the", "their", "them", "there", "they", "this", "to", "was", "we", "were", "which", "who", "will",
    "with", "would", "you",
}
SYLLABLES = [
    "ka", "lo", "mi", "ra", "zen", "tor", "vel", "an", "qui", "sor", "bel", "da", "nu", "fer", "ost",
    "ri", "mar", "el", "ion", "tah", "gru", "pe", "wen", "lys",
]
KINDS = ["direct"] * 45 + ["partial"] * 20 + ["indirect"] * 35
RULES = ["cue_after", "cue_before", "colon_intro", "pronoun", "said_inversion", "indirect", "statement_from"]
# How many search terms of each stratum one round asks, and how each stratum is drawn.
QUERY_MIX = {
    "name": 4,       # surname of a speaker, speakers drawn in proportion to how often they are quoted
    "topic": 4,      # content word of the seeds or templates (withdrawal, budget, ceasefire...)
    "common": 3,     # non-stop word found in 1% to 15% of the quotes
    "rare": 3,       # word found in 1 to 100 quotes
    "two words": 3,  # two words (4 letters or more, not stop words) of one quote drawn at random
    "phrase": 3,     # two or three consecutive words of one quote drawn at random, in double quotes
}


def invented(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))


class Prose:
    """Sentences from the seeds and templates, and a Zipf lexicon to vary their content words."""

    def __init__(self, rng: random.Random) -> None:
        seeds = [regex.sub(r"[“”\"‘’]", "", s) for p in make_corpus.seed_paragraphs()
                 for s in regex.split(r"(?<=[.!?])\s+", p) if len(s.split()) > 5]
        templates = (make_corpus.CLAIMS + make_corpus.FEELINGS + make_corpus.NARRATION + make_corpus.SUBJECTS)
        words: dict[str, int] = {}
        for text in seeds + templates:
            for word in regex.findall(r"[a-z]{4,}", text.lower()):
                if word not in STOP:
                    words[word] = words.get(word, 0) + 1
        self.seed_sentences = seeds
        self.topic_words = sorted(words)
        ranked = sorted(words, key=lambda w: (-words[w], w))
        tail = sorted({invented(rng) for _ in range(INVENTED_WORDS)} - set(ranked))
        rng.shuffle(tail)
        self.lexicon = ranked + tail
        self.cumulative = list(itertools.accumulate(1 / rank for rank in range(1, len(self.lexicon) + 1)))

    def zipf_word(self, rng: random.Random) -> str:
        return self.lexicon[bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])]

    def sentence(self, rng: random.Random) -> str:
        roll = rng.random()
        if roll < 0.45:
            words = rng.choice(self.seed_sentences).split()
            start = rng.randrange(max(1, len(words) - 8))
            text = " ".join(words[start:start + rng.randint(8, 30)])
        elif roll < 0.85:
            text = make_corpus.sentence(rng, rng.choice(make_corpus.SUBJECTS)) + "."
        else:
            text = rng.choice(make_corpus.NARRATION).format(
                subject=rng.choice(make_corpus.SUBJECTS), city_title=rng.choice(make_corpus.CITIES).title())
        words = text.split()
        content = [i for i, w in enumerate(words) if len(w) > 4 and w.isalpha() and w.lower() not in STOP]
        if content and rng.random() < 0.7:
            words[rng.choice(content)] = self.zipf_word(rng)
        return " ".join(words)

    def quote(self, rng: random.Random, mention: str | None) -> str:
        sentences = [self.sentence(rng) for _ in range(rng.choice((1, 1, 1, 2, 2, 3)))]
        if mention:
            sentences.insert(rng.randrange(len(sentences) + 1), f"{mention} {rng.choice(make_corpus.CLAIMS)}.")
        text = " ".join(sentences)
        return text[0].upper() + text[1:]


def speaker_names(rng: random.Random, count: int) -> list[str]:
    given = make_corpus.GIVEN
    families = make_corpus.FAMILY + sorted({invented(rng).capitalize() for _ in range(count // 4)})
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        name = f"{rng.choice(given)} {rng.choice(families)}"
        if name not in seen:
            seen.add(name)
            names.append(name)
    return names


def fill(db: Path, quotes: int, seed: int = 1) -> None:
    """Create `db` at head and fill it with `quotes` quotes shaped as described above."""
    upgrade(db)
    rng = random.Random(seed)
    prose = Prose(rng)
    speakers = speaker_names(rng, max(100, quotes * SPEAKERS_PER_MILLION // 1_000_000))
    speaker_weights = list(itertools.accumulate(1 / rank for rank in range(1, len(speakers) + 1)))
    outlets = make_corpus.OUTLETS + [f"The {c.title()} {k}" for c in make_corpus.CITIES
                                     for k in ("Herald", "Post", "Tribune", "Gazette", "Observer", "Star")]
    with closing(sqlite3.connect(db)) as connection, connection:
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        connection.executemany(
            "INSERT INTO speakers (id, name, kind) VALUES (?, ?, 'person')",
            ((i, name) for i, name in enumerate(speakers, 1)),
        )
        rows = _rows(rng, prose, quotes, speakers, speaker_weights, outlets[:OUTLETS])
        for batch in _batches(rows, 50_000):
            by_kind: dict[str, list[tuple]] = {"article": [], "statement": [], "quote": []}
            for kind, values in batch:
                by_kind[kind].append(values)
            connection.executemany(
                "INSERT INTO articles (id, path, name, sha256, title, url, outlet, published, encoding,"
                " metadata_sources, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'utf-8', '{}', ?)", by_kind["article"])
            connection.executemany(
                "INSERT INTO statements (id, normalised_text, first_article_id, first_seen, article_count)"
                " VALUES (?, ?, ?, ?, ?)", by_kind["statement"])
            connection.executemany(
                'INSERT INTO quotes (article_id, speaker_id, text, kind, start, "end", cue, rule, confidence,'
                " said_on, said_on_precision, mention, context, statement_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", by_kind["quote"])
        connection.execute(
            "UPDATE statements SET article_count = (SELECT count(DISTINCT article_id) FROM quotes"
            " WHERE statement_id = statements.id)")


def _batches(items: Iterator[tuple], size: int) -> Iterator[list[tuple]]:
    while batch := list(itertools.islice(items, size)):
        yield batch


def _rows(rng: random.Random, prose: Prose, quotes: int, speakers: list[str], weights: list[float],
          outlets: list[str]) -> Iterator[tuple[str, tuple]]:
    """("article" | "statement" | "quote", values) in insertion order."""
    first_day, days = date(2015, 1, 1), 3652
    wire: list[tuple[int, str]] = []  # statements still to be repeated by later articles
    stated: set[str] = set()
    made = article_id = statement_id = 0
    while made < quotes:
        article_id += 1
        published = first_day + timedelta(days=rng.randrange(days))
        outlet = rng.choice(outlets)
        yield "article", (article_id, f"synthetic/{article_id}.txt", f"{article_id}.txt", f"{article_id:064x}",
                          f"Article {article_id}", f"https://news.example/{article_id}", outlet,
                          published.isoformat(), "Synthetic body.")
        for _ in range(min(quotes - made, rng.randint(1, 2 * QUOTES_PER_ARTICLE - 1))):
            made += 1
            speaker = None
            if rng.random() < 0.9:
                speaker = bisect.bisect(weights, rng.random() * weights[-1]) + 1
            statement = None
            if wire and rng.random() < 0.03:
                statement, text = wire.pop(rng.randrange(len(wire)))
            else:
                mention = None
                if rng.random() < 0.3:
                    mention = speakers[bisect.bisect(weights, rng.random() * weights[-1])].split()[-1]
                text = prose.quote(rng, mention)
                if rng.random() < 0.03 and text.lower() not in stated:
                    stated.add(text.lower())
                    statement_id += 1
                    statement = statement_id
                    wire.extend([(statement, text)] * rng.randint(1, 4))
                    yield "statement", (statement, text.lower(), article_id, published.isoformat(), 1)
            said_on, precision = _said_on(rng, published)
            start = rng.randrange(20, 4000)
            name = speakers[speaker - 1].split()[-1] if speaker else None
            context = f"“{text}” {name or 'one official'} {rng.choice(make_corpus.VERBS)}."
            yield "quote", (article_id, speaker, text, rng.choice(KINDS), start, start + len(text),
                            rng.choice(make_corpus.VERBS), rng.choice(RULES), rng.choice((0.6, 0.75, 0.9, 0.95)),
                            said_on, precision, name, context, statement)


def _said_on(rng: random.Random, published: date) -> tuple[str | None, str | None]:
    said = published - timedelta(days=rng.randrange(4))
    roll = rng.random()
    if roll < 0.35:
        return said.isoformat(), "day"
    if roll < 0.45:
        return said.isoformat()[:7], "month"
    if roll < 0.5:
        return "--" + said.isoformat()[5:], "unknown-year"
    return None, None


def draw_queries(db: Path, seed: int = 2) -> list[tuple[str, str, int]]:
    """(stratum, search, matching quotes) for QUERY_MIX, drawn from the database's FTS vocabulary."""
    rng = random.Random(seed)
    with closing(sqlite3.connect(db)) as connection:
        connection.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, quotes_fts, row)")
        total = connection.execute("SELECT count(*) FROM quotes").fetchone()[0]
        docs = dict(connection.execute("SELECT term, doc FROM temp.vocab"))
        quoted = connection.execute(
            "SELECT s.name, count(*) FROM quotes q JOIN speakers s ON s.id = q.speaker_id GROUP BY s.id ORDER BY s.id"
        ).fetchall()

        def hits(search: str) -> int:
            sql = "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH ?"
            return connection.execute(sql, (search if search.startswith('"') else " ".join(
                f'"{w}"' for w in search.split()),)).fetchone()[0]

        topic = [w for w in Prose(random.Random(0)).topic_words if w in docs]
        surnames = [name.split()[-1] for name, _ in quoted]
        weights = [count for _, count in quoted]

        def quote_words() -> list[str]:
            row = connection.execute("SELECT text FROM quotes WHERE id = ?", (rng.randint(1, total),)).fetchone()
            return regex.findall(r"[A-Za-z]+", row[0])

        def two_words() -> str:
            words = sorted({w for w in quote_words() if len(w) > 3 and w.lower() not in STOP})
            return " ".join(rng.sample(words, 2)) if len(words) > 1 else two_words()

        def phrase() -> str:
            words, size = quote_words(), rng.randint(2, 3)
            start = rng.randrange(max(1, len(words) - size))
            return '"{}"'.format(" ".join(words[start:start + size]))

        draws = {
            "name": lambda: rng.choices(surnames, weights)[0],
            "topic": lambda: rng.choice(topic),
            "common": lambda: rng.choice(sorted(w for w, d in docs.items()
                                                if w not in STOP and 0.01 * total <= d <= 0.15 * total)),
            "rare": lambda: rng.choice(sorted(w for w, d in docs.items() if d <= 100 and w.isalpha())),
            "two words": two_words,
            "phrase": phrase,
        }
        queries: list[tuple[str, str, int]] = []
        for stratum, count in QUERY_MIX.items():
            while sum(1 for s, _, _ in queries if s == stratum) < count:
                search = draws[stratum]()
                if all(search != q for _, q, _ in queries):
                    queries.append((stratum, search, hits(search)))
    return queries


def exact_counts(db: Path, queries: list[str]) -> dict[str, int]:
    """How many rows of the quote_list view each search matches, counted through the view (the
    number the site showed before it counted in the FTS index): what the pages must say."""
    sql = ("SELECT count(*) FROM quote_list WHERE quote_id IN"
           " (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)")
    with closing(sqlite3.connect(db)) as connection:
        return {q: connection.execute(sql, (escape_fts(q),)).fetchone()[0] for q in queries}


def shown_count(page: str, response) -> int | None:
    """The match count a table page gives: `filtered_table_rows_count`, or the HTML heading."""
    if ".json" in page:
        return response.json()["filtered_table_rows_count"]
    found = regex.search(r"<h3>([\d,]+) rows?\b", response.text)
    return int(found[1].replace(",", "")) if found else None


def browse_pages(db: Path) -> list[tuple[str, int | None]]:
    """(page, the count it must show) for the pages opened before any search, the filters drawn
    from the data (the most and the 10th most quoted speaker, the outlet with most quotes);
    counted through quote_list, as Datasette counts. None for a page with no count."""
    with closing(sqlite3.connect(db)) as connection:
        def count(sql: str, *params: str) -> int:
            return connection.execute(sql, params).fetchone()[0]

        speakers = [name for name, in connection.execute(
            "SELECT speaker FROM quote_list WHERE speaker IS NOT NULL GROUP BY speaker_id ORDER BY count(*) DESC, speaker_id"
            " LIMIT 10")]
        outlet = connection.execute(
            "SELECT outlet FROM quote_list GROUP BY outlet ORDER BY count(*) DESC, outlet LIMIT 1").fetchone()[0]
        every = count("SELECT count(*) FROM quote_list")
        direct = count("SELECT count(*) FROM quote_list WHERE kind = 'direct'")
        pages = [
            ("/", None),
            ("/quotes", None),
            ("/quotes/quote_list", every),
            ("/quotes/quote_list.json", every),
            ("/quotes/quote_list?_next=50", every),
            ("/quotes/quotes", count("SELECT count(*) FROM quotes")),
            ("/quotes/quotes.json", count("SELECT count(*) FROM quotes")),
            ("/quotes/quote_list?kind=direct", direct),
            ("/quotes/quote_list.json?kind=direct", direct),
        ]
        for speaker in (speakers[0], speakers[-1]):
            pages.append((f"/quotes/quote_list?{urlencode({'speaker': speaker})}",
                          count("SELECT count(*) FROM quote_list WHERE speaker = ?", speaker)))
        pages.append((f"/quotes/quote_list?{urlencode({'speaker': speakers[0], 'kind': 'direct'})}",
                      count("SELECT count(*) FROM quote_list WHERE speaker = ? AND kind = 'direct'", speakers[0])))
        pages.append((f"/quotes/quote_list?{urlencode({'outlet': outlet})}",
                      count("SELECT count(*) FROM quote_list WHERE outlet = ?", outlet)))
        # Newest said first, from the date column's menu: the index on quotes.date (revision 0006).
        speaker_sorted = urlencode({"speaker": speakers[0], "_sort_desc": "date"})
        pages += [
            ("/quotes/quote_list?_sort_desc=date", every),
            ("/quotes/quote_list.json?_sort_desc=date", every),
            ("/quotes/quote_list?_sort_desc=date&_next=50", every),
            (f"/quotes/quote_list?{speaker_sorted}", count("SELECT count(*) FROM quote_list WHERE speaker = ?", speakers[0])),
            ("/quotes/quote_list?kind=direct&_sort_desc=date", direct),
        ]
    return pages


def quantiles(times: list[float]) -> dict[str, float]:
    cuts = statistics.quantiles(times, n=100)
    return {"p50": cuts[49], "p95": cuts[94], "max": max(times)}


async def timed_get(ds, path: str) -> tuple[float, float, object]:
    """(wall ms, CPU ms, response) of one request; CPU time is the whole process's (Datasette's
    query threads included), so other work on the machine inflates it less than the wall time."""
    start, start_cpu = time.perf_counter(), time.process_time()
    response = await ds.client.get(path)
    wall, cpu = (time.perf_counter() - start) * 1000, (time.process_time() - start_cpu) * 1000
    assert response.status_code == 200, (path, response.status_code, response.text[:300])
    return wall, cpu, response


async def measure_browse(db: Path, pages: list[tuple[str, int | None]],
                         rounds: int) -> dict[str, dict[str, dict[str, float]]]:
    """Latency in ms of each page, `rounds` times one after the other, after a warm-up request
    that checks the count it shows: {page: {"wall" | "cpu": p50/p95/max}}."""
    ds = make_datasette(db)
    await start_site(ds)
    summaries = {}
    for page, expected in pages:
        _, _, response = await timed_get(ds, page)
        if expected is not None:
            assert shown_count(page, response) == expected, (page, shown_count(page, response), expected)
        times = [await timed_get(ds, page) for _ in range(rounds)]
        summaries[page] = {"wall": quantiles([w for w, _, _ in times]), "cpu": quantiles([c for _, c, _ in times])}
    return summaries


def search_path(page: str, param: str, search: str) -> str:
    """The page asked for `search`; a page given with arguments of its own keeps them
    (`quote_list?_sort_desc=date`: the matches newest said first)."""
    return f"/quotes/{page}{'&' if '?' in page else '?'}{urlencode({param: search})}"


async def measure(db: Path, page: str, queries: list[str], rounds: int,
                  counts: dict[str, int]) -> tuple[dict[str, dict[str, float]], dict[str, float]]:
    """Latency in ms of `/quotes/<page>?_search=` (`?words=` for the canned search_quotes) over
    `queries`, `rounds` times each, after a warm-up round that checks each table page shows the
    exact match count: ({"wall" | "cpu": p50/p95/max}, median wall time per query)."""
    ds = make_datasette(db)
    await start_site(ds)
    param = "words" if page.startswith("search_quotes") else "_search"  # the canned query's parameter
    wall: list[float] = []
    cpu: list[float] = []
    per_query: dict[str, list[float]] = {q: [] for q in queries}
    for round_ in range(rounds + 1):
        for search in queries:
            elapsed, elapsed_cpu, response = await timed_get(ds, search_path(page, param, search))
            if not round_:  # the first round warms the page cache and Datasette's introspection
                if not page.startswith("search_quotes"):
                    assert shown_count(page, response) == counts[search], (page, search)
                continue
            wall.append(elapsed)
            cpu.append(elapsed_cpu)
            per_query[search].append(elapsed)
    summary = {"wall": quantiles(wall), "cpu": quantiles(cpu), "requests": len(wall)}
    return summary, {q: statistics.median(t) for q, t in per_query.items()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--quotes", type=int, default=1_000_000)
    parser.add_argument("--rounds", type=int, default=5, help="Requests per search term, after one warm-up round.")
    parser.add_argument("--pages", nargs="+", default=["quote_list", "quote_list.json", "quotes.json"],
                        help="Pages to search: quote_list is the HTML page the search box opens; "
                        "search_quotes is the canned query, best match first; a page may carry "
                        "arguments of its own (quote_list?_sort_desc=date: sorted by date).")
    parser.add_argument("--per-query", action="store_true", help="Print each search's median too.")
    parser.add_argument("--browse", action="store_true",
                        help="Time the pages opened before any search (browse_pages), --rounds requests each.")
    args = parser.parse_args(argv)
    if not args.db.exists():
        start = time.perf_counter()
        fill(args.db, args.quotes)
        print(f"filled {args.db} with {args.quotes} quotes in {time.perf_counter() - start:.0f} s")
    if args.browse:
        return browse(args.db, args.rounds)
    queries = draw_queries(args.db)
    with closing(sqlite3.connect(args.db)) as connection:
        count = connection.execute("SELECT count(*) FROM quotes").fetchone()[0]
    print("searches (stratum: search = matching quotes):")
    for stratum, search, hits in queries:
        print(f"  {stratum}: {search} = {hits}")
    counts = exact_counts(args.db, [q for _, q, _ in queries])
    for page in args.pages:
        summary, medians = asyncio.run(measure(args.db, page, [q for _, q, _ in queries], args.rounds, counts))
        param = "words" if page.startswith("search_quotes") else "_search"
        wall, cpu = summary["wall"], summary["cpu"]
        print(
            f"{search_path(page, param, '')}  {count} quotes  {summary['requests']} requests  "
            f"p50 {wall['p50']:.1f} ms  p95 {wall['p95']:.1f} ms  max {wall['max']:.1f} ms  "
            f"(CPU p50 {cpu['p50']:.1f} ms  p95 {cpu['p95']:.1f} ms)", flush=True
        )
        if args.per_query:
            for (stratum, search, hits), median in zip(queries, medians.values(), strict=True):
                print(f"    {median:8.1f} ms  {hits:7d} hits  {stratum}: {search}")
    return 0


def browse(db: Path, rounds: int) -> int:
    """Print each browse page's latency and the count it showed, checked against quote_list."""
    pages = browse_pages(db)
    summaries = asyncio.run(measure_browse(db, pages, rounds))
    for page, expected in pages:
        wall, cpu = summaries[page]["wall"], summaries[page]["cpu"]
        print(f"{page:70s} {'' if expected is None else expected:>8}  {rounds} requests  p50 {wall['p50']:6.1f} ms"
              f"  p95 {wall['p95']:6.1f} ms  max {wall['max']:6.1f} ms  (CPU p50 {cpu['p50']:6.1f} ms"
              f"  p95 {cpu['p95']:6.1f} ms)", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
