"""The scorer follows the answer key's README, and the engine meets its targets on the seeds."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from quotes.cli import cli
from quotes.evaluate import evaluate_files, score, speaker_is_right, token_f1

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "gold" / "seeds_gold.jsonl"


def test_token_f1_ignores_case_quotes_and_punctuation():
    assert token_f1("“We will win,”", "we WILL win") == 1.0
    assert token_f1("a b c d", "a b") == 2 * (1 * 0.5) / 1.5


def test_speaker_matching_rules():
    gold = {"speaker": "Fuad Hussein", "aliases": ["Fuad Hussein", "Mr Hussein"]}
    assert speaker_is_right("Foreign Minister Fuad Hussein", gold)
    assert speaker_is_right("Hussein", gold)
    assert not speaker_is_right("Saddam Hussein", gold)
    assert not speaker_is_right("he", gold)
    assert not speaker_is_right(None, gold)


def test_optional_records_are_neither_rewarded_nor_penalised():
    gold = [
        {"doc": "d", "n": 1, "text": "JB", "speaker": None, "kind": "partial", "optional": True},
        {"doc": "d", "n": 2, "text": "we will stay here", "speaker": "Ana Ruiz", "aliases": [], "kind": "direct"},
    ]
    preds = [
        {"doc": "d", "text": "JB", "speaker": None, "kind": "partial"},
        {"doc": "d", "text": "We will stay here,", "speaker": "Ana Ruiz", "kind": "direct"},
        {"doc": "d", "text": "something else entirely", "speaker": None, "kind": "direct"},
    ]
    figures = score(preds, gold).main.figures()
    assert figures["recall"] == 1.0
    assert figures["precision"] == 0.5
    assert figures["attribution_accuracy"] == 1.0


def test_indirect_is_scored_apart():
    gold = [{"doc": "d", "n": 1, "text": "the talks failed", "speaker": "X", "aliases": [], "kind": "indirect"}]
    preds = [{"doc": "d", "text": "the talks failed", "speaker": "X", "kind": "direct"}]
    report = score(preds, gold)
    assert report.indirect.figures()["recall"] == 0.0
    assert report.main.figures()["precision"] == 0.0


def test_engine_meets_the_seed_targets():
    report = evaluate_files(GOLD, ROOT / "seeds")
    main, indirect = report.main.figures(), report.indirect.figures()
    assert main["e2e_f1"] == 1.0, report.errors
    assert indirect["e2e_f1"] >= 0.95, report.errors


def test_engine_holds_its_scores_on_the_house_styles_key():
    """A regression floor on articles in other house styles written while the rules grew (so no
    measure of articles nobody tuned on: that is the held-out key's job)."""
    report = evaluate_files(ROOT / "tests" / "gold" / "styles_gold.jsonl", ROOT / "tests" / "styles")
    main, indirect = report.main.figures(), report.indirect.figures()
    assert main["e2e_f1"] >= 0.95, report.errors
    assert indirect["e2e_f1"] >= 0.9, report.errors


def test_engine_holds_its_scores_on_the_blind_rounds_key():
    """A regression floor on the blind rounds: articles and keys written by annotators who never saw
    the engine, scored on first sight and only then learned from (the README gives both figures)."""
    report = evaluate_files(ROOT / "tests" / "gold" / "blind_gold.jsonl", ROOT / "tests" / "blind")
    main, indirect = report.main.figures(), report.indirect.figures()
    assert main["e2e_f1"] >= 0.9, report.errors
    assert indirect["e2e_f1"] >= 0.85, report.errors


def test_eval_command_prints_scores_and_errors():
    result = CliRunner().invoke(cli, ["eval", str(GOLD), "--docs", str(ROOT / "seeds")])
    assert result.exit_code == 0
    assert "end-to-end F1 1.00" in result.output.splitlines()[0]


def test_a_missing_article_is_scored_as_missed_and_named(tmp_path: Path):
    key = tmp_path / "key.jsonl"
    key.write_text(
        '{"doc": "gone.txt", "n": 1, "text": "we will stay", "speaker": "Ana Ruiz", "aliases": [], "kind": "direct"}\n',
        encoding="utf-8",
    )
    report = evaluate_files(key, tmp_path)
    assert report.main.figures()["recall"] == 0.0
    assert report.errors[0].startswith("UNREADABLE") and "gone.txt" in report.errors[0]
