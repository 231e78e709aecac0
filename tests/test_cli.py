"""The `quotes` command: extract output formats, and every command documented in the README."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from quotes.cli import cli
from quotes.documents import iter_files, read_article
from quotes.pipeline import process
from quotes.records import Quote, Speaker

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "004_b2f01543d6d57b4f.txt"


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_extract_json_is_one_array_that_json_load_reads():
    result = run("extract", str(SEED), "--format", "json")
    records = json.loads(result.output)
    assert result.exit_code == 0
    assert {r["speaker"] for r in records} == {"Mohammed Shia al-Sudani"}
    body = SEED.read_text(encoding="utf-8")
    assert all(body[r["start"] : r["end"]] == r["text"] for r in records)


def test_extract_jsonl_has_the_documented_fields():
    lines = run("extract", str(SEED)).output.splitlines()
    record = json.loads(lines[0])
    assert set(record) >= {"doc", "text", "start", "end", "kind", "speaker", "mention", "cue", "rule", "confidence"}
    assert len(lines) == len(json.loads(run("extract", str(SEED), "--format", "json").output))


def _same_as_json_dumps(quote: Quote, doc: str) -> bool:
    return quote.as_json_line(doc) == json.dumps(quote.as_record(doc), ensure_ascii=False) + "\n"


def test_a_jsonl_line_is_json_dumps_of_the_record_for_every_quote_of_the_test_texts():
    folders = [ROOT / "seeds", ROOT / "tests" / "styles", ROOT / "tests" / "blind"]
    quotes = [(q, a.name) for a in map(read_article, iter_files(folders)) for q in process(a)]
    assert len(quotes) > 1000 and {q.speaker is None for q, _ in quotes} == {True, False}
    assert all(_same_as_json_dumps(q, doc) for q, doc in quotes)


_maybe_text = st.none() | st.text()


@given(
    doc=st.text(), text=st.text(), start=st.integers(0, 10**9), kind=st.sampled_from(["direct", "partial", "indirect"]),
    speaker=_maybe_text, mention=_maybe_text, cue=_maybe_text, rule=st.text(),
    confidence=st.floats(0, 1) | st.sampled_from([0, 1]), said_on=_maybe_text,
)
def test_a_jsonl_line_is_json_dumps_of_the_record_for_any_field_values(
    doc, text, start, kind, speaker, mention, cue, rule, confidence, said_on
):
    who = Speaker(speaker) if speaker is not None else None
    quote = Quote(text, start, start + len(text), kind, who, mention, cue, rule, confidence, said_on)
    assert _same_as_json_dumps(quote, doc)


def test_extract_of_nothing_is_an_empty_array(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert json.loads(run("extract", str(empty), "--format", "json").output) == []


def test_extract_names_a_bad_file_and_goes_on(tmp_path: Path):
    (tmp_path / "a_bad.txt").write_bytes(b"\x00\x01binary\x00")
    (tmp_path / "b_good.txt").write_text("Head\n\n“We will stay,” Ana Ruiz said.\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path), "--format", "table"])
    assert result.exit_code == 1
    assert "a_bad.txt" in result.stderr and "\n" not in result.stderr.strip()
    assert "Ana Ruiz" in result.stdout


def test_every_command_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in cli.commands:
        assert f"quotes {name}" in readme, name
