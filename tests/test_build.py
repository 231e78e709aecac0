"""`quotes build`: files to database, idempotent, deterministic, and it keeps going past bad files."""

from __future__ import annotations

import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from click.testing import CliRunner

from quotes import build as build_module
from quotes.build import CHUNK_BYTES, CHUNK_FILES, build, file_chunks
from quotes.cli import cli
from quotes.documents import iter_files

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def run(*args: str):
    return CliRunner().invoke(cli, ["build", *args])


def rows(db: Path, sql: str, *params) -> list[tuple]:
    with closing(sqlite3.connect(db)) as connection:
        return connection.execute(sql, params).fetchall()


@pytest.fixture
def corpus(tmp_path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, folder)
    return folder


def test_build_prints_a_summary_and_stores_every_article(corpus, tmp_path):
    result = run(str(corpus), "--db", str(tmp_path / "q.db"))
    assert result.exit_code == 0, result.output
    quotes = rows(tmp_path / "q.db", "SELECT count(*) FROM quotes")[0][0]
    assert result.stdout == (
        f"5 articles: 5 new, 0 unchanged, 0 replaced, 0 rejected; {quotes} quotes stored ({quotes} in the database)\n"
    )
    assert quotes > 0


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_build_twice_is_build_once(corpus, tmp_path, tables, jobs, monkeypatch):
    db = tmp_path / "q.db"
    run(str(corpus), "--db", str(db), "--jobs", jobs)
    once = tables(db)
    before = db.read_bytes()

    def no_extraction(article):
        raise AssertionError(f"{article.path} extracted again")

    monkeypatch.setattr(build_module, "process", no_extraction)  # workers are forked with it
    result = run(str(corpus), "--db", str(db), "--jobs", jobs)
    assert result.stdout.startswith("5 articles: 0 new, 5 unchanged, 0 replaced, 0 rejected; 0 quotes stored")
    assert tables(db) == once
    assert db.read_bytes() == before  # nothing written at all


def test_jobs_give_the_same_rows_as_one_process(corpus, tmp_path, tables):
    run(str(corpus), "--db", str(tmp_path / "one.db"))
    result = run(str(corpus), "--db", str(tmp_path / "two.db"), "--jobs", "2")
    assert result.exit_code == 0, result.output
    assert tables(tmp_path / "two.db") == tables(tmp_path / "one.db")


def test_a_changed_file_replaces_its_rows(corpus, tmp_path):
    db = tmp_path / "q.db"
    run(str(corpus), "--db", str(db))
    changed = corpus / SEEDS[0].name
    changed.write_text(
        "A headline\n\n“Our doors stay open to every reporter,” said Jane Placeholder.\n", encoding="utf-8"
    )
    result = run(str(corpus), "--db", str(db))
    assert result.stdout.startswith("5 articles: 0 new, 4 unchanged, 1 replaced, 0 rejected;")
    clean = tmp_path / "clean.db"
    run(str(corpus), "--db", str(clean))
    listing = "SELECT article_name, start, \"end\", text, speaker, statement_id IS NULL FROM quote_list ORDER BY 1, 2, 3"
    assert rows(db, listing) == rows(clean, listing)
    assert ("Our doors stay open to every reporter,",) in rows(db, "SELECT text FROM quotes")
    assert rows(db, "SELECT count(*) FROM articles") == [(5,)]
    stats = ("SELECT s.name, st.quote_count, st.article_count, st.first_date, st.last_date "
             "FROM speaker_stats AS st JOIN speakers AS s ON s.id = st.speaker_id ORDER BY 1")
    assert rows(db, stats) == rows(clean, stats)  # refreshed at the end of the build
    assert "Jane Placeholder" in {row[0] for row in rows(db, stats)}


def test_another_engine_re_extracts_unchanged_files_and_stamps_them(corpus, tmp_path, tables, monkeypatch):
    db = tmp_path / "q.db"
    run(str(corpus), "--db", str(db))
    before = tables(db)
    monkeypatch.setattr("quotes.store.engine_fingerprint", lambda: "another-engine")
    result = run(str(corpus), "--db", str(db))
    assert result.stdout.startswith("5 articles: 0 new, 0 unchanged, 5 replaced, 0 rejected;")
    assert rows(db, "SELECT DISTINCT engine FROM articles") == [("another-engine",)]
    after = tables(db)
    assert [row[:-1] for row in after.pop("articles")] == [row[:-1] for row in before.pop("articles")]
    assert [row[1:] for row in after.pop("quotes")] == [row[1:] for row in before.pop("quotes")]  # new ids
    assert after == before
    assert run(str(corpus), "--db", str(db)).stdout.startswith("5 articles: 0 new, 5 unchanged")


def test_every_stored_quote_is_its_body_slice(built_db):
    stored = rows(built_db, 'SELECT a.body, q.text, q.start, q."end", q.context FROM quotes q JOIN articles a ON a.id = q.article_id')
    assert stored
    for body, text, start, end, context in stored:
        assert body[start:end] == text
        assert text in context and context in body


def test_full_text_search_finds_a_stored_quote(built_db):
    quote_id, text = rows(built_db, "SELECT id, text FROM quotes WHERE kind = 'direct' ORDER BY id LIMIT 1")[0]
    word = max(text.split(), key=len).strip(",.“”\"'")
    hits = rows(built_db, "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?", f'"{word}"')
    assert (quote_id,) in hits


def test_each_quote_shows_its_article_source_in_the_view(built_db):
    listed = rows(built_db, "SELECT count(*), count(DISTINCT article_title) FROM quote_list")[0]
    assert listed[0] == rows(built_db, "SELECT count(*) FROM quotes")[0][0]
    assert listed[1] >= 1


def test_the_same_quote_in_two_files_is_one_statement(tmp_path):
    folder = tmp_path / "twice"
    folder.mkdir()
    shutil.copy(SEEDS[0], folder / "a.txt")
    shutil.copy(SEEDS[0], folder / "b.txt")
    db = tmp_path / "q.db"
    run(str(folder), "--db", str(db))
    assert rows(db, "SELECT DISTINCT article_count FROM statements") == [(2,)]
    assert rows(db, "SELECT count(DISTINCT statement_id) * 2 = count(*) FROM quotes") == [(1,)]


def test_a_batch_with_bad_files_stores_the_good_ones_and_exits_1(corpus, tmp_path):
    (corpus / "broken.txt").write_bytes(b"\x00\x01binary\x00junk" * 20)
    db = tmp_path / "q.db"
    result = run(str(corpus), "--db", str(db))
    assert result.exit_code == 1
    assert result.stderr.startswith("quotes: ") and "broken.txt" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "5 new, 0 unchanged, 0 replaced, 1 rejected" in result.stdout
    assert rows(db, "SELECT count(*) FROM articles") == [(5,)]


def test_the_built_file_is_sealed_for_serving(corpus, tmp_path):
    db = tmp_path / "q.db"
    run(str(corpus), "--db", str(db))
    assert rows(db, "PRAGMA journal_mode") == [("delete",)]
    assert not Path(f"{db}-wal").exists()


def test_db_takes_a_sqlalchemy_url(corpus, tmp_path):
    result = run(str(corpus), "--db", f"sqlite:///{tmp_path / 'url.db'}")
    assert result.exit_code == 0, result.output
    assert rows(tmp_path / "url.db", "SELECT count(*) FROM articles") == [(5,)]


def test_default_path_is_seeds(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    result = run("--db", str(tmp_path / "q.db"))
    assert result.stdout.startswith("5 articles: 5 new")


@pytest.mark.postgres
def test_build_into_postgresql_stores_what_sqlite_stores(postgres_url, built_db, monkeypatch):
    from sqlalchemy import create_engine, text

    monkeypatch.chdir(ROOT)
    assert run("seeds", "--db", postgres_url).exit_code == 0
    again = run("seeds", "--db", postgres_url)
    assert again.stdout.startswith("5 articles: 0 new, 5 unchanged")
    listing = 'SELECT quote_id, text, speaker, kind, article_title, "start", "end", article_count FROM quote_list ORDER BY quote_id'
    engine = create_engine(postgres_url)
    with engine.connect() as connection:
        assert [tuple(r) for r in connection.execute(text(listing))] == rows(built_db, listing)
    engine.dispose()


def test_files_go_to_the_workers_in_order_in_chunks_of_bounded_size(tmp_path):
    sizes = [10, CHUNK_BYTES * 2, 10, 10, CHUNK_BYTES - 15, 10]
    files = []
    for n, size in enumerate(sizes):
        files.append(tmp_path / f"{n}.txt")
        files[-1].write_bytes(b"x" * size)
    asked = []

    def known(paths):
        asked.append(paths)
        return {str(files[0]): "abc", "elsewhere.txt": "def"}

    chunks = list(file_chunks(files, known))
    assert [path for chunk in chunks for path, _sha in chunk] == files
    assert chunks[0] == [(files[0], "abc"), (files[1], None)]
    assert [len(chunk) for chunk in chunks] == [2, 3, 1]  # a chunk closes once it reaches CHUNK_BYTES
    assert asked == [[str(path) for path, _sha in chunk] for chunk in chunks]  # one query a chunk


def test_a_chunk_of_tiny_files_closes_at_chunk_files(tmp_path):
    files = [tmp_path / "empty.txt"] * (CHUNK_FILES * 2 + 1)
    files[0].write_bytes(b"")
    chunks = list(file_chunks(files, lambda paths: {}))
    assert [len(chunk) for chunk in chunks] == [CHUNK_FILES, CHUNK_FILES, 1]


@pytest.mark.parametrize("jobs", [1, 2])
def test_the_build_walks_the_files_no_further_ahead_than_its_window(tmp_path, monkeypatch, jobs):
    folder = tmp_path / "many"
    folder.mkdir()
    copies = 6
    for copy in range(copies):
        for seed in SEEDS:
            shutil.copy(seed, folder / f"{copy}-{seed.name}")
    walked = []  # how many files the walk had yielded when the writer got each article
    yielded = 0

    def counted(paths):
        nonlocal yielded
        for path in iter_files(paths):
            yielded += 1
            yield path

    def watched(items):
        for item in items:
            walked.append(yielded)
            yield item

    monkeypatch.setattr(build_module, "CHUNK_FILES", 2)
    monkeypatch.setattr(build_module, "iter_files", counted)
    summary = build([folder], tmp_path / "q.db", jobs=jobs, progress=watched)
    total = copies * len(SEEDS)
    assert summary.articles == total and summary.counts["new"] == total
    assert yielded == total and len(walked) == total
    chunks_ahead = 2 * jobs if jobs > 1 else 1  # two chunks per worker in flight; one chunk's hashes read ahead
    window = chunks_ahead * 2  # of CHUNK_FILES each
    assert max(seen - written for written, seen in enumerate(walked)) <= window < total
