"""Finding quote spans: marks, pairing, paragraphs and kinds, on seed prose and prose of other styles."""

from __future__ import annotations

from pathlib import Path

import pytest

from quotes.extract import find_spans

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def texts(body: str, kinds=("direct", "partial")) -> list[str]:
    return [s.text for s in find_spans(body) if s.kind in kinds]


def test_curly_double_marks_with_trailing_cue():
    body = "Intro line.\n\n“We do not have any contact with America,” Sudani said.\n"
    assert texts(body) == ["We do not have any contact with America,"]


def test_straight_marks_and_said_inversion():
    body = 'Intro.\n\n"This is a painful decision," said Sarah Collins, the chief executive.\n'
    assert texts(body) == ["This is a painful decision,"]


def test_offsets_slice_the_body_exactly():
    body = "Head.\n\n“A,” he said, “B.”\n\n\"C,\" she added.\n"
    for span in find_spans(body):
        assert body[span.start : span.end] == span.text
    assert texts(body) == ["A,", "B.", "C,"]


def test_british_single_marks_without_taking_apostrophes():
    body = (
        "Head.\n\n‘The numbers don’t add up unless the builders’ costs come down,’ he said."
        " The Kurds’ region was not mentioned.\n"
    )
    assert texts(body) == ["The numbers don’t add up unless the builders’ costs come down,"]


def test_apostrophes_alone_are_never_quotes():
    body = "Head.\n\nIraq’s parliament and the Kurds’ region met in the ’90s, she said. Don’t worry.\n"
    assert texts(body) == []


def test_guillemets():
    body = "Head.\n\n«Nous restons,» a déclaré le ministre, and left.\n"
    assert texts(body) == ["Nous restons,"]


def test_nested_single_inside_double_stays_inside():
    body = "Head.\n\n“He told me ‘never again’ and left,” she said.\n"
    assert texts(body) == ["He told me ‘never again’ and left,"]


def test_multi_paragraph_quote_continues_until_the_closing_mark():
    body = (
        "Head.\n\n“We are going to change that. Every route will be reviewed.\n\n"
        "“This is not a promise. It is a plan.”\n\nThe mayor left.\n"
    )
    spans = [s for s in find_spans(body) if s.kind == "direct"]
    assert [s.text for s in spans] == [
        "We are going to change that. Every route will be reviewed.",
        "This is not a promise. It is a plan.",
    ]


def test_straight_marks_never_pair_across_paragraphs():
    body = 'Head.\n\nHe called it "unfair.\n\nThen she said "no" and left.\n'
    assert "unfair." not in " ".join(texts(body))


def test_mismatched_pair_is_closed_by_a_straight_mark():
    body = "Head.\n\nA spokeswoman said the meeting was “not a negotiation about withdrawal.\"\n"
    assert texts(body) == ["not a negotiation about withdrawal."]


def test_stray_closing_mark_before_a_cue_recovers_the_lost_opening():
    body = (
        "Head.\n\n“This is the only solution.” Otherwise, we will see further conflict,” Sudani predicted.\n"
    )
    assert texts(body) == ["This is the only solution.", "Otherwise, we will see further conflict,"]


def test_stray_closing_mark_with_no_cue_is_ignored():
    body = 'Head.\n\nEfforts pressured the group to stop attacks on troops." \n'
    assert texts(body) == []


def test_headline_and_nickname_are_not_quotes():
    body = "Iraq says ‘no contact’ with US\n\nMaj Gen Joel “JB” Vowell said the talks went well.\n"
    kinds = {s.text: s.kind for s in find_spans(body)}
    assert kinds == {"no contact": "headline", "JB": "nickname"}


@pytest.mark.parametrize(
    "body, kind",
    [
        ("Head.\n\n“We will win,” he said.\n", "direct"),
        ("Head.\n\nHe said: “We will win.”\n", "direct"),
        ("Head.\n\nThe coalition “began with a request,” he said.\n", "partial"),
        ("Head.\n\nThe meeting aimed at “Reviewing the mission.”\n", "partial"),
    ],
)
def test_direct_or_partial_by_position_in_the_sentence(body, kind):
    (span,) = [s for s in find_spans(body) if s.kind in ("direct", "partial")]
    assert span.kind == kind


def test_seed_002_has_both_halves_of_the_broken_pair():
    found = texts((SEEDS / "002_960d807f7b20fe82.txt").read_text(encoding="utf-8"))
    assert "This (the cessation of the Gaza war) is the only solution." in found
    assert any(t.startswith("Otherwise, we will see further conflict") for t in found)


TITLE = "Iraq says ‘no contact’ with US"


@pytest.mark.parametrize(
    "line",
    [
        TITLE,
        "[Video] Iraq says ‘no contact’ with US",  # behind a tag
        "“Iraq says ‘no contact’ with US”",  # within marks
        "IRAQ SAYS ‘NO CONTACT’ WITH US, officials add",  # other case, more words after
    ],
)
def test_a_line_repeating_the_headline_quotes_nobody(line):
    body = f"{line}\n\nThe talks went on, he said.\n"
    spans = find_spans(body, title=TITLE)
    assert len(spans) == 1
    assert spans[0].kind == "headline"


@pytest.mark.parametrize(
    "line",
    [
        "Iraq says ‘talks failed’ with US",  # same first words, then others
        "Iraqis say ‘no contact’ with US",  # the first word only begins like the headline's
        "Officials say ‘no contact’ with US",
    ],
)
def test_a_line_that_only_resembles_the_headline_is_read_as_prose(line):
    body = f"Head.\n\n{line}\n"
    (span,) = find_spans(body, title=TITLE)
    assert span.kind == "partial"


@pytest.mark.parametrize(
    "line, kind",
    [
        ("Read more: ‘We are broke,’ says Springfield treasurer", "headline"),
        ("RELATED: Mayor vows “no new taxes” in State of the City", "headline"),
        ("ALSO READ | “We will win,” says opposition leader", "headline"),
        ("  Watch: “It was terrifying,” survivor recalls", "headline"),
        ("Read the report, she said: “It is damning.”", "direct"),  # the label word, no colon after it
        ("More than 200 people signed, and one said: “We are angry.”", "direct"),
        ("Reporters asked: “Will you resign?”", "direct"),
    ],
)
def test_a_line_linking_to_another_story_quotes_nobody_a_sentence_opening_with_a_label_word_is_prose(line, kind):
    body = f"Budget passes\n\nThe council voted on Monday.\n\n{line}\n"
    (span,) = find_spans(body)
    assert span.kind == kind
