"""A batch build: files -> articles -> quotes -> rows -> the store.

Reading, extraction and turning quotes into rows are pure, so with `jobs > 1` a process pool runs
them while this (single) process writes every article in input order: the same inputs give the
same rows whatever `jobs` is. Files are streamed through a bounded window, from a walk of the
folders that yields them one at a time to the stored hashes asked for a chunk at a time, so memory
does not grow with the corpus.
"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from quotes import db as database
from quotes.documents import BadInput, iter_files, read_article
from quotes.pipeline import process
from quotes.records import Article
from quotes.store import NEW, REPLACED, UNCHANGED, ArticleRows, Store, article_rows


@dataclass
class Summary:
    """What a build did; `line()` is the summary the CLI prints."""

    articles: int = 0
    counts: dict[str, int] = field(default_factory=lambda: {NEW: 0, UNCHANGED: 0, REPLACED: 0})
    rejected: list[str] = field(default_factory=list)
    quotes_stored: int = 0
    quotes_total: int = 0

    def line(self) -> str:
        return (
            f"{self.articles} articles: {self.counts[NEW]} new, {self.counts[UNCHANGED]} unchanged, "
            f"{self.counts[REPLACED]} replaced, {len(self.rejected)} rejected; "
            f"{self.quotes_stored} quotes stored ({self.quotes_total} in the database)"
        )


@dataclass(frozen=True)
class Prepared:
    """One file after the pure stage: the rows to store, the article alone when its stored copy
    has the same hash (extraction skipped), or an error."""

    path: Path
    rows: ArticleRows | None = None
    article: Article | None = None
    error: str | None = None


def prepare(path: Path, known_sha: str | None = None) -> Prepared:
    """Read and extract one file; extraction is skipped when the stored copy has the same hash."""
    try:
        article = read_article(path)
    except BadInput as err:
        return Prepared(path, error=str(err))
    if article.sha256 == known_sha:
        return Prepared(path, article=article)
    try:
        quotes = process(article)
    except Exception as err:  # one article's engine failure must not stop the batch
        return Prepared(path, error=f"{path}: engine failed: {type(err).__name__}: {err}")
    return Prepared(path, rows=article_rows(article, quotes))


# Files go to the workers in chunks of about this many bytes: one task per file would cost the
# writer a pipe wake-up and a scheduling round trip per article, more than some articles' SQL.
CHUNK_BYTES = 256_000
# ... and of at most this many files, so a folder of tiny files does not make one huge chunk (and
# the query for a chunk's stored hashes stays within every database's limit on parameters).
CHUNK_FILES = 256


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # gone or unreadable: `prepare` reports it
        return 0


def file_chunks(
    files: Iterable[Path], known: Callable[[list[str]], dict[str, str]]
) -> Iterator[list[tuple[Path, str | None]]]:
    """Consecutive files with their stored hashes, about CHUNK_BYTES (a larger file alone) and at
    most CHUNK_FILES a chunk; `known` gives the stored hashes of a chunk's paths, in one query."""
    chunk: list[Path] = []
    size = 0
    for path in files:
        chunk.append(path)
        size += _size(path)
        if size >= CHUNK_BYTES or len(chunk) >= CHUNK_FILES:
            yield _with_hashes(chunk, known)
            chunk, size = [], 0
    if chunk:
        yield _with_hashes(chunk, known)


def _with_hashes(chunk: list[Path], known: Callable[[list[str]], dict[str, str]]) -> list[tuple[Path, str | None]]:
    stored = known([str(path) for path in chunk])
    return [(path, stored.get(str(path))) for path in chunk]


def prepare_chunk(chunk: list[tuple[Path, str | None]]) -> list[Prepared]:
    return [prepare(path, known_sha) for path, known_sha in chunk]


@contextmanager
def _workers(jobs: int) -> Iterator[ProcessPoolExecutor | None]:
    """A pool of `jobs` worker processes (None for one job), forked before the build reads anything.

    A fork copies the parent's memory: when the build still listed every file and read every stored
    hash first, workers forked after that each held a copy (~150 MB at 360,000 files). The first
    task starts them all.
    """
    if jobs <= 1:
        yield None
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pool.submit(int).result()
        yield pool


def _prepared(
    files: Iterable[Path], store: Store, pool: ProcessPoolExecutor | None, jobs: int
) -> Iterator[Prepared]:
    """Prepared files in input order; in the pool with two chunks per worker in flight.

    The walk of the files is never more than those chunks ahead of the writer (one chunk with one job).
    """
    if pool is None:
        for chunk in file_chunks(files, store.known_shas):
            for path, known_sha in chunk:
                yield prepare(path, known_sha)
        return
    window: deque[Future[list[Prepared]]] = deque()
    for chunk in file_chunks(files, store.known_shas):
        window.append(pool.submit(prepare_chunk, chunk))
        if len(window) >= 2 * jobs:
            yield from window.popleft().result()
    while window:
        yield from window.popleft().result()


@contextmanager
def _startup_frozen() -> Iterator[None]:
    """Leave what is loaded by now (SQLAlchemy, the engine's lexicons) out of garbage collection.

    Every full collection walked all of it: ~0.5 s of the writer's ~9 s on 25 MB. Workers forked
    from here inherit the freeze.
    """
    gc.collect()
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def build(
    paths: Sequence[Path],
    db: str | Path,
    *,
    jobs: int = 1,
    on_error: Callable[[str], None] = lambda message: None,
    progress: Callable[[Iterator[Prepared]], Iterator[Prepared]] = lambda items: items,
) -> Summary:
    """Migrate `db` to head, then read, extract and store every article file under `paths`.

    A file is skipped only when its stored copy has the same hash and was extracted by this engine
    (`engine_fingerprint`): after a change to the rules or their data every article is replaced.
    Files are counted as they come: the build never holds their list.
    """
    database.upgrade(db)
    with _startup_frozen(), _workers(jobs) as pool, Store(db) as store:
        summary = Summary()
        for item in progress(_prepared(iter_files(paths), store, pool, jobs)):
            summary.articles += 1
            if item.error is not None:
                summary.rejected.append(item.error)
                on_error(item.error)
                continue
            rows = item.rows
            if rows is None:  # unchanged when the build started
                if store.status(item.article) == UNCHANGED:
                    summary.counts[UNCHANGED] += 1
                    continue
                rows = article_rows(item.article, process(item.article))
            outcome = store.write_rows(rows)
            summary.counts[outcome] += 1
            if outcome != UNCHANGED:
                summary.quotes_stored += len(rows.quotes)
        summary.quotes_total = store.quote_count()
    return summary
