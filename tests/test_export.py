"""`quotes export`: JSON, JSON lines and CSV that load as they are, and its filters."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest
from click.testing import CliRunner
from test_publish import build_sample_db

from quotes.cli import cli
from quotes.publish import EXPORT_FIELDS

REQUIRED = {"text", "speaker", "kind", "said_on", "article_title", "article_url", "outlet",
            "published", "context", "start", "end", "article_count", "first_seen"}


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):
    return build_sample_db(tmp_path_factory.mktemp("export") / "quotes.db")


def export(db, *args: str) -> str:
    result = CliRunner().invoke(cli, ["export", "--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_json_is_one_array_with_every_field_and_no_ascii_escapes(sample_db):
    text = export(sample_db)
    rows = json.loads(text)
    assert len(rows) == 5 and REQUIRED <= set(rows[0])
    assert "Ñúñez" in text and "“" in text and "\\u" not in text
    by_id = {r["quote_id"]: r for r in rows}
    assert by_id[3]["article_count"] == 2 and by_id[3]["first_seen"] == "2024-02-08"
    assert by_id[5]["speaker"] is None


def test_json_offsets_point_into_the_article(sample_db):
    conn = sqlite3.connect(sample_db)
    for row in json.loads(export(sample_db)):
        (body,) = conn.execute(
            "select body from articles where title = ?", (row["article_title"],)
        ).fetchone()
        assert body[row["start"]:row["end"]] == row["text"]


def test_jsonl_is_one_object_a_line(sample_db):
    lines = export(sample_db, "--format", "jsonl").splitlines()
    assert [json.loads(line)["quote_id"] for line in lines] == [
        r["quote_id"] for r in json.loads(export(sample_db))]


def test_csv_has_a_header_and_reads_back(sample_db):
    rows = list(csv.DictReader(io.StringIO(export(sample_db, "--format", "csv"), newline="")))
    assert len(rows) == 5 and tuple(rows[0]) == EXPORT_FIELDS
    assert {r["speaker"] for r in rows} == {"Mohammed Shia al-Sudani", "Ana Ñúñez", ""}
    contexts = {r["context"] for r in rows}
    assert any("&" in c for c in contexts)  # multi-line and punctuated fields survive quoting


def test_empty_export_is_still_valid(sample_db):
    assert json.loads(export(sample_db, "--speaker", "nobody")) == []
    assert export(sample_db, "--speaker", "nobody", "--format", "jsonl") == ""
    assert export(sample_db, "--speaker", "nobody", "--format", "csv").startswith("quote_id,text")


@pytest.mark.parametrize("name", ["Mohammed Shia al-Sudani", "sudani", "AL-SUDANI"])
def test_speaker_filter_takes_any_alias_in_any_case(sample_db, name):
    rows = json.loads(export(sample_db, "--speaker", name))
    assert [r["quote_id"] for r in rows] and {r["speaker"] for r in rows} == {"Mohammed Shia al-Sudani"}
    assert len(rows) == 3


def test_date_and_kind_filters(sample_db):
    rows = json.loads(export(sample_db, "--since", "2024-02-01", "--until", "2024-02-29"))
    assert {r["quote_id"] for r in rows} == {1, 2}
    rows = json.loads(export(sample_db, "--since", "2024-03"))
    assert {r["quote_id"] for r in rows} == {3, 4, 5}
    rows = json.loads(export(sample_db, "--kind", "direct", "--speaker", "Ñúñez"))
    assert [r["text"] for r in rows] == ["Ça va bien,"]


def test_bad_date_is_refused(sample_db):
    result = CliRunner().invoke(cli, ["export", "--db", str(sample_db), "--since", "08/02/2024"])
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.output


def test_output_file_format_from_its_extension(sample_db, tmp_path):
    out = tmp_path / "sudani.csv"
    result = CliRunner().invoke(cli, ["export", "--db", str(sample_db), "--speaker", "Sudani", "-o", str(out)])
    assert result.exit_code == 0 and result.stdout == ""
    assert "3 quotes written" in result.stderr
    with out.open(encoding="utf-8", newline="") as f:
        assert len(list(csv.DictReader(f))) == 3


def test_missing_database_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(cli, ["export", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "quotes build" in result.output


def test_export_opens_the_database_read_only(sample_db, tmp_path):
    readonly = tmp_path / "ro.db"
    readonly.write_bytes(sample_db.read_bytes())
    readonly.chmod(0o444)
    assert len(json.loads(export(readonly))) == 5


def test_seeds_export_every_quote_in_every_format(built_db):
    (count,) = sqlite3.connect(built_db).execute("select count(*) from quotes").fetchone()
    assert len(json.loads(export(built_db))) == count
    assert len(export(built_db, "--format", "jsonl").splitlines()) == count
    assert len(list(csv.DictReader(io.StringIO(export(built_db, "--format", "csv"), newline="")))) == count


def test_seeds_export_by_any_alias_equals_by_name(built_db):
    conn = sqlite3.connect(built_db)
    (name,) = conn.execute(
        "select s.name from speakers s join quotes q on q.speaker_id = s.id "
        "group by s.id order by count(*) desc limit 1").fetchone()
    by_name = json.loads(export(built_db, "--speaker", name))
    aliases = [a for (a,) in conn.execute(
        "select alias from speaker_aliases join speakers s on s.id = speaker_id where s.name = ?", (name,))]
    assert by_name and len(aliases) > 1
    for alias in aliases:
        assert json.loads(export(built_db, "--speaker", alias.upper())) == by_name, alias
