"""The store: one transaction per article, idempotent by hash, statements and speakers kept right."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from contextlib import closing
from dataclasses import replace

import pytest

from quotes import store as store_module
from quotes.db import upgrade
from quotes.records import Article, Quote, Speaker
from quotes.store import (
    NEW,
    REPLACED,
    UNCHANGED,
    Store,
    engine_fingerprint,
    is_name,
    normalise_statement,
    paragraph_around,
)

MINISTER = Speaker(name="Ann Example", aliases=("A. Example",), role="Minister", gender="f")
ENVOY = Speaker(name="Bo Envoy", kind="person")


def article(path: str, body: str, published: str | None = None) -> Article:
    return Article(
        path=path,
        name=path.rsplit("/", 1)[-1],
        body=body,
        sha256=hashlib.sha256(body.encode()).hexdigest(),
        published=published,
        provenance={"published": "text"} if published else {},
    )


def quote(body: str, text: str, speaker: Speaker | None = MINISTER, mention: str | None = "Example") -> Quote:
    start = body.index(text)
    return Quote(text, start, start + len(text), "direct", speaker, mention, "said", "test", 0.9)


@pytest.fixture
def store(tmp_path):
    db = tmp_path / "s.db"
    upgrade(db)
    with Store(db) as store:
        yield store


def query(store: Store, sql: str, *args) -> list[tuple]:
    with closing(sqlite3.connect(store.engine.url.database)) as connection:
        return connection.execute(sql, args).fetchall()


BODY = "Headline\n\n“We will rebuild the bridge,” Example said.\n\nMore text."


def test_new_unchanged_replaced(store):
    first = article("a.txt", BODY)
    assert store.write(first, [quote(BODY, "We will rebuild the bridge,")]) == NEW
    assert store.write(first, [quote(BODY, "We will rebuild the bridge,")]) == UNCHANGED
    changed = BODY.replace("bridge", "road")
    assert store.write(article("a.txt", changed), [quote(changed, "We will rebuild the road,")]) == REPLACED
    assert query(store, "SELECT article_id, text FROM quotes") == [(1, "We will rebuild the road,")]
    assert query(store, "SELECT count(*) FROM articles") == [(1,)]
    assert store.status(article("a.txt", changed)) == UNCHANGED


def test_offsets_and_context_point_into_the_body(store):
    store.write(article("a.txt", BODY), [quote(BODY, "We will rebuild the bridge,")])
    (body,) = query(store, "SELECT body FROM articles")[0]
    for text, start, end, context in query(store, 'SELECT text, start, "end", context FROM quotes'):
        assert body[start:end] == text
        assert context == "“We will rebuild the bridge,” Example said."


def test_paragraph_around_spans_every_paragraph_of_a_long_quote():
    body = "one\n“a\n“b” he said.\nafter"
    assert paragraph_around(body, 5, 9) == "“a\n“b” he said."
    assert paragraph_around("only line", 0, 4) == "only line"


def test_full_text_search_follows_replacements(store):
    store.write(article("a.txt", BODY), [quote(BODY, "We will rebuild the bridge,")])
    assert query(store, "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'bridge'") == [(1,)]
    changed = BODY.replace("bridge", "road")
    store.write(article("a.txt", changed), [quote(changed, "We will rebuild the road,")])
    assert query(store, "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH 'bridge'") == []
    found = "SELECT quotes.text FROM quotes_fts JOIN quotes ON quotes.id = quotes_fts.rowid WHERE quotes_fts MATCH ?"
    assert query(store, found, "road") == [("We will rebuild the road,",)]
    assert query(store, "INSERT INTO quotes_fts (quotes_fts) VALUES ('integrity-check')") == []


def test_speakers_upserted_by_name_with_aliases_and_mentions(store):
    store.write(article("a.txt", BODY), [quote(BODY, "We will rebuild the bridge,")])
    other = BODY.replace("bridge", "tunnel")
    store.write(article("b.txt", other), [quote(other, "We will rebuild the tunnel,", mention="She")])
    assert query(store, "SELECT id, name, kind, role, gender FROM speakers") == [
        (1, "Ann Example", "person", "Minister", "f")
    ]
    assert query(store, "SELECT speaker_id, alias FROM speaker_aliases ORDER BY id") == [
        (1, "Ann Example"),
        (1, "A. Example"),
        (1, "Example"),
    ]


def test_a_speaker_keeps_the_first_known_role_and_gender_in_this_build_and_the_next(tmp_path):
    db = tmp_path / "s.db"
    upgrade(db)
    known = Speaker(name="Bo Envoy", role="Envoy", gender="m")
    with Store(db) as first:
        first.write(article("a.txt", BODY), [quote(BODY, "We will rebuild the bridge,", speaker=Speaker("Bo Envoy"))])
        other = BODY.replace("bridge", "tunnel")
        first.write(article("b.txt", other), [quote(other, "We will rebuild the tunnel,", speaker=known)])
    with Store(db) as later:  # reads the stored speaker back
        third = BODY.replace("bridge", "road")
        aide = replace(known, role="Aide", organisation="UN")
        later.write(article("c.txt", third), [quote(third, "We will rebuild the road,", speaker=aide)])
        assert query(later, "SELECT name, role, organisation, gender FROM speakers") == [("Bo Envoy", "Envoy", "UN", "m")]


def test_a_quote_with_no_speaker_has_null_speaker(store):
    store.write(article("a.txt", BODY), [quote(BODY, "We will rebuild the bridge,", speaker=None, mention=None)])
    assert query(store, "SELECT speaker_id FROM quotes") == [(None,)]
    assert query(store, "SELECT count(*) FROM speakers") == [(0,)]


def test_replacing_drops_speakers_no_one_quotes_any_more(store):
    store.write(article("a.txt", BODY), [quote(BODY, "We will rebuild the bridge,", speaker=ENVOY)])
    changed = BODY.replace("bridge", "road")
    store.write(article("a.txt", changed), [quote(changed, "We will rebuild the road,")])
    assert query(store, "SELECT name FROM speakers") == [("Ann Example",)]
    assert query(store, "SELECT DISTINCT speaker_id FROM speaker_aliases") == [(2,)]


def test_is_name_keeps_names_not_pronouns_or_descriptions():
    assert is_name("Mr Hussein") and is_name("Sudani")
    assert not any(map(is_name, ["he", "She", "the prime minister", "The spokesman", "", None]))


def test_normalise_statement_folds_marks_case_width_and_spacing():
    assert normalise_statement("“We’ll  WIN,” ") == normalise_statement('"we\'ll win"') == "we ll win"
    assert normalise_statement("ＡＢＣ — def") == "abc def"


def test_one_statement_for_the_same_words_in_two_articles(store):
    later = "Words: “The border stays open.”\n"
    earlier = "Other words.\n\n“The border  stays OPEN,” she said.\n"
    store.write(article("later.txt", later, "2024-02-08"), [quote(later, "The border stays open.")])
    store.write(article("earlier.txt", earlier, "2024-02-01"), [quote(earlier, "The border  stays OPEN,")])
    assert query(store, "SELECT id, normalised_text, first_article_id, first_seen, article_count FROM statements") == [
        (1, "the border stays open", 2, "2024-02-01", 2)
    ]
    assert query(store, "SELECT DISTINCT statement_id, article_count FROM quote_list") == [(1, 2)]
    # The earlier article drops the quote: the statement is recomputed from what is left.
    store.write(article("earlier.txt", "Nothing quoted now.", "2024-02-01"), [])
    assert query(store, "SELECT first_article_id, first_seen, article_count FROM statements") == [
        (1, "2024-02-08", 1)
    ]
    store.write(article("later.txt", "Nor here.", "2024-02-08"), [])
    assert query(store, "SELECT count(*) FROM statements") == [(0,)]


def test_a_later_build_adds_to_the_statements_an_earlier_one_stored(tmp_path):
    db = tmp_path / "s.db"
    upgrade(db)
    words = "“The border stays open,” she said.\n"
    with Store(db) as first:
        first.write(article("b.txt", words, "2024-02-08"), [quote(words, "The border stays open,")])
    with Store(db) as second:  # knows nothing of the stored statement: finds it by its key
        second.write(article("c.txt", words), [quote(words, "The border stays open,")])
        second.write(article("a.txt", words, "2024-02-01"), [quote(words, "The border stays open,")])
        second.write(article("d.txt", words, "2024-02-01"), [quote(words, "The border stays open,")])
        assert query(second, "SELECT first_article_id, first_seen, article_count FROM statements") == [
            (3, "2024-02-01", 4)
        ]


def test_a_failed_write_leaves_nothing_behind(store):
    bad = Quote("x", 0, 1, "direct", MINISTER, None, None, None, 0.5)  # rule is NOT NULL
    with pytest.raises(sqlite3.IntegrityError):
        store.write(article("a.txt", "x y"), [bad])
    assert query(store, "SELECT count(*) FROM articles") == [(0,)]
    assert query(store, "SELECT count(*) FROM speakers") == [(0,)]


def test_foreign_keys_are_enforced(store):
    with store.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_another_engine_replaces_an_unchanged_article_with_its_own_stamp(tmp_path):
    db = tmp_path / "s.db"
    upgrade(db)
    first = article("a.txt", BODY)
    with Store(db, fingerprint="engine-a") as old:
        assert old.write(first, [quote(BODY, "We will rebuild the bridge,")]) == NEW
        assert old.write(first, [quote(BODY, "We will rebuild the bridge,")]) == UNCHANGED
        assert old.known_shas(["a.txt", "b.txt"]) == {"a.txt": first.sha256}
    with Store(db, fingerprint="engine-b") as new:
        assert new.known_shas(["a.txt"]) == {}  # the build extracts it again
        assert new.status(first) == REPLACED
        assert new.write(first, [quote(BODY, "We will rebuild the bridge,")]) == REPLACED
        assert new.status(first) == UNCHANGED
    assert query(new, "SELECT id, engine FROM articles") == [(1, "engine-b")]
    assert query(new, "SELECT article_id, text FROM quotes") == [(1, "We will rebuild the bridge,")]


def test_the_fingerprint_follows_the_engine_data_files(tmp_path, monkeypatch):
    package = tmp_path / "quotes"
    shutil.copytree(store_module.PACKAGE, package, ignore=shutil.ignore_patterns("__pycache__", "datasette"))
    monkeypatch.setattr(store_module, "PACKAGE", package)
    fingerprint = engine_fingerprint.__wrapped__  # uncached, so it reads the copy
    assert fingerprint() == engine_fingerprint()
    with (package / "data" / "speakers.toml").open("a", encoding="utf-8") as data:
        data.write("\n")
    assert fingerprint() != engine_fingerprint()
