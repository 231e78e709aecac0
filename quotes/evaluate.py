"""Score predictions against an answer key, exactly as the key's README describes.

Pairing is per article and greedy by word-token F1; indirect speech is scored apart from
direct and partial quotes; a speaker is right when it matches an alias as a run of words.
"""

from __future__ import annotations

import json
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import regex

TOKEN = regex.compile(r"\w+")
QUOTE_CHARS = str.maketrans({c: '"' for c in "“”„‟«»‘’‚‛‹›'`"})
PRONOUNS = frozenset("he she they it we i you him her them his hers their its".split())
MIN_PAIR_F1 = 0.6


def tokens(text: str) -> list[str]:
    """Word tokens as the key's README defines them."""
    return TOKEN.findall(unicodedata.normalize("NFKC", text).translate(QUOTE_CHARS).lower())


def token_f1(a: str, b: str) -> float:
    """Bag-of-tokens F1 between two texts."""
    ta, tb = Counter(tokens(a)), Counter(tokens(b))
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    precision, recall = common / sum(ta.values()), common / sum(tb.values())
    return 2 * precision * recall / (precision + recall)


def _words(name: str) -> list[str]:
    return name.lower().replace("-", " ").split()


def _contains(outer: list[str], inner: list[str]) -> bool:
    n = len(inner)
    return n > 0 and any(outer[i : i + n] == inner for i in range(len(outer) - n + 1))


def speaker_is_right(predicted: str | None, gold: dict) -> bool:
    """True when the predicted name equals or contains (or is contained in) a gold alias."""
    if not predicted:
        return False
    said = _words(predicted)
    if len(said) == 1 and said[0] in PRONOUNS:
        return False
    names = [gold["speaker"], *gold.get("aliases", [])]
    for name in filter(None, names):
        alias = _words(name)
        if said == alias or _contains(said, alias) or _contains(alias, said):
            return True
    return False


@dataclass
class Scores:
    """Counts for one scored set (main or indirect) and the figures derived from them."""

    predicted: int = 0
    gold: int = 0
    paired: int = 0
    attributable: int = 0
    attributed: int = 0
    end_to_end: int = 0

    @staticmethod
    def _f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    def figures(self) -> dict[str, float]:
        p = self.paired / self.predicted if self.predicted else 0.0
        r = self.paired / self.gold if self.gold else 0.0
        ep = self.end_to_end / self.predicted if self.predicted else 0.0
        er = self.end_to_end / self.gold if self.gold else 0.0
        return {
            "precision": p,
            "recall": r,
            "f1": self._f1(p, r),
            "attribution_accuracy": self.attributed / self.attributable if self.attributable else 0.0,
            "e2e_precision": ep,
            "e2e_recall": er,
            "e2e_f1": self._f1(ep, er),
        }


@dataclass
class Report:
    """Scores for both sets and one line per error."""

    main: Scores = field(default_factory=Scores)
    indirect: Scores = field(default_factory=Scores)
    errors: list[str] = field(default_factory=list)


def _score_set(doc: str, preds: list[dict], golds: list[dict], scores: Scores, errors: list[str], label: str) -> None:
    candidates = sorted(
        (
            (token_f1(p["text"], g["text"]), -i, -j, i, j)
            for i, p in enumerate(preds)
            for j, g in enumerate(golds)
        ),
        reverse=True,
    )
    pred_used: set[int] = set()
    gold_used: set[int] = set()
    pairs = []
    for f1, _, _, i, j in candidates:
        if f1 < MIN_PAIR_F1:
            break
        if i in pred_used or j in gold_used:
            continue
        pred_used.add(i)
        gold_used.add(j)
        pairs.append((i, j))
    dropped_preds = {i for i, j in pairs if golds[j].get("optional")}
    scores.predicted += len(preds) - len(dropped_preds)
    scores.gold += sum(1 for g in golds if not g.get("optional"))
    for i, j in pairs:
        gold = golds[j]
        if gold.get("optional"):
            continue
        scores.paired += 1
        predicted = preds[i].get("speaker")
        if gold.get("speaker") is None:
            scores.end_to_end += 1
            continue
        scores.attributable += 1
        if speaker_is_right(predicted, gold):
            scores.attributed += 1
            scores.end_to_end += 1
        else:
            errors.append(
                f"{label} WRONG SPEAKER {doc}: got {predicted!r}, want {gold['speaker']!r}: {gold['text'][:70]!r}"
            )
    for j, gold in enumerate(golds):
        if j not in gold_used and not gold.get("optional"):
            errors.append(f"{label} MISS {doc} #{gold.get('n')}: {gold['text'][:80]!r} ({gold.get('speaker')})")
    for i, pred in enumerate(preds):
        if i not in pred_used:
            errors.append(
                f"{label} FALSE POSITIVE {doc}: {pred['text'][:80]!r} ({pred.get('speaker')}, {pred.get('rule')})"
            )


def score(predictions: list[dict], gold: list[dict]) -> Report:
    """Score prediction records (the `quotes extract` shape) against gold records."""
    report = Report()
    docs = sorted({r["doc"] for r in gold})
    for doc in docs:
        preds = [p for p in predictions if p["doc"] == doc]
        golds = [g for g in gold if g["doc"] == doc]
        _score_set(
            doc,
            [p for p in preds if p["kind"] != "indirect"],
            [g for g in golds if g["kind"] != "indirect"],
            report.main,
            report.errors,
            "QUOTE",
        )
        _score_set(
            doc,
            [p for p in preds if p["kind"] == "indirect"],
            [g for g in golds if g["kind"] == "indirect"],
            report.indirect,
            report.errors,
            "INDIRECT",
        )
    return report


def load_jsonl(path: Path) -> list[dict]:
    """Records of a JSON Lines file, blank lines skipped."""
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def evaluate_files(gold_path: Path, docs_dir: Path) -> Report:
    """Run the engine on every article the key names and score it."""
    from quotes.documents import BadInput, read_article
    from quotes.pipeline import process

    gold = load_jsonl(gold_path)
    predictions = []
    unread = []
    for doc in sorted({r["doc"] for r in gold}):
        try:
            predictions.extend(q.as_record(doc) for q in process(read_article(docs_dir / doc)))
        except BadInput as err:  # scored as all missed, and said so: one bad file does not stop the run
            unread.append(f"UNREADABLE {err}")
    report = score(predictions, gold)
    report.errors[:0] = unread
    return report


def format_report(report: Report, details: bool = True) -> str:
    """Scores first, then one line per miss, false positive and wrong speaker."""
    lines = []
    for label, scores in (("quotes (direct+partial)", report.main), ("indirect", report.indirect)):
        f = scores.figures()
        lines.append(
            f"{label:24} predicted {scores.predicted:3}  gold {scores.gold:3}  "
            f"P {f['precision']:.2f}  R {f['recall']:.2f}  F1 {f['f1']:.2f}  "
            f"attribution {f['attribution_accuracy']:.2f}  end-to-end F1 {f['e2e_f1']:.2f}"
        )
    if details:
        lines.extend(report.errors)
    return "\n".join(lines)
