"""Speakers data: spellings fold to one speaker, shared surnames never merge."""

from __future__ import annotations

from pathlib import Path

from quotes.pipeline import process
from quotes.records import Article
from quotes.speakers import default_book, load_speakers


def test_the_five_named_speakers_are_in_the_data():
    book = default_book()
    for name in ["Mohammed Shia al-Sudani", "Farhad Alaadin", "Fuad Hussein", "Joel Vowell", "Hassan Nasrallah"]:
        assert book.find(name).name == name


def test_aliases_fold_to_one_speaker():
    book = default_book()
    assert book.find("Mohamed Soudani").name == "Mohammed Shia al-Sudani"
    assert book.find("mohammed shia al sudani").name == "Mohammed Shia al-Sudani"


def test_shared_surname_does_not_fold():
    body = "Head\n\nFormer President Saddam Hussein was deposed in 2003. Fuad Hussein said on Monday that talks would resume.\n"
    art = Article(path="t.txt", name="t.txt", body=body, sha256="x")
    (quote,) = [q for q in process(art) if q.kind == "indirect"]
    assert quote.speaker.name == "Fuad Hussein"
    assert default_book().find("Hussein") is None


def test_adding_a_speaker_is_adding_a_table(tmp_path: Path):
    data = tmp_path / "speakers.toml"
    data.write_text('[[speaker]]\nname = "Ana Ruiz"\ngender = "f"\naliases = ["Ana María Ruiz"]\n', encoding="utf-8")
    book = load_speakers(data)
    body = "Head\n\n“We will stay,” Ana María Ruiz said.\n"
    art = Article(path="t.txt", name="t.txt", body=body, sha256="x")
    (quote,) = process(art, book)
    assert quote.speaker.name == "Ana Ruiz"
    assert quote.speaker.gender == "f"
