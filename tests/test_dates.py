"""Publication dates and the day words were said, from the phrases news English uses."""

import datetime as dt

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.dates import (
    _KINDS,
    _LEAD,
    WHEN,
    SaidOn,
    _may_name_time,
    _phrases,
    parse_date,
    resolve_said_on,
)
from quotes.pipeline import process
from quotes.reading import Reading
from quotes.records import Article
from quotes.speakers import default_book


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Updated: February 08, 2024, 7:11 PM", "2024-02-08"),
        ("AFP , Thursday 18 Jan 2024", "2024-01-18"),
        ("18 January 2024", "2024-01-18"),
        ("2024-01-18", "2024-01-18"),
        ("2024-01-18T09:30:00+00:00", "2024-01-18"),
        ("Jan. 18, 2024", "2024-01-18"),
        ("Sept. 3, 2023", "2023-09-03"),
        ("the 1st of March, 2022", "2022-03-01"),
        ("PUBLISHED 5 MAR 2021", "2021-03-05"),
        ("31 February 2024", None),
        ("January 2024", None),
        ("on 7 February", None),
        ("no date here", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "sentence, published, expected",
    [
        # a day and month take the publication year ...
        ("The minister said on 7 February that talks would go on.", "2024-02-10", ("2024-02-07", "day")),
        ("She said on January 27 the bridge was safe.", "2024-02-08", ("2024-01-27", "day")),
        ("On 30 January, the mayor announced a curfew.", "2024-02-08", ("2024-01-30", "day")),
        ("The council said Jan. 5 that it would vote.", "2024-02-08", ("2024-01-05", "day")),
        # ... or the year before, when that day would come after publication
        ("The minister said on 28 December that talks would go on.", "2024-01-03", ("2023-12-28", "day")),
        # without a publication date the year cannot be known
        ("The minister said on 7 February that talks would go on.", None, ("--02-07", "unknown-year")),
        ("a typo glued the verb: she confirmedon 30 January that", None, ("--01-30", "unknown-year")),
        # a full date needs nothing else
        ("He told reporters on 17 January 2024 that he would stay.", None, ("2024-01-17", "day")),
        ("He told reporters on Thursday, 18 January 2024, that he would stay.", None, ("2024-01-18", "day")),
        # weekdays: the latest such day on or before publication
        ("The mayor said on Wednesday the roads were closed.", "2024-02-08", ("2024-02-07", "day")),
        ("In his remarks on Thursday, the mayor said so.", "2024-02-08", ("2024-02-08", "day")),
        ("The union said Monday it would strike.", "2024-03-01", ("2024-02-26", "day")),
        ("The union said Fri. it would strike.", "2024-03-01", ("2024-03-01", "day")),
        ("The minister told The Sun he would resign.", "2024-03-01", (None, None)),
        ("The union said last Friday it would strike.", "2024-03-01", ("2024-02-23", "day")),
        ("The mayor said on Wednesday the roads were closed.", None, (None, None)),
        # relative phrases
        ("The firm said last month it would close the plant.", "2024-01-10", ("2023-12", "month")),
        ("The firm said yesterday it would close the plant.", "2024-03-01", ("2024-02-29", "day")),
        ("A spokeswoman said the week before that it was no negotiation.", "2024-02-08", (None, None)),
        # a date that dates a noun or a span of time says nothing of when words were said
        ("He repeated the plan, first set out in his Jan. 5 statement.", "2024-02-08", (None, None)),
        ("Attacks were recorded between October 17 and January 11, he said.", "2024-02-08", (None, None)),
        # words inside the quote marks are what was said, not when
        ("“We meet our partners on Sunday afternoon,” the general said in a statement.", "2024-02-08", (None, None)),
        ("‘We meet on Sunday,’ she said on Monday.", "2024-02-08", ("2024-02-05", "day")),
        ("The text names no time at all.", "2024-02-08", (None, None)),
    ],
)
def test_resolve_said_on_from_sentence(sentence, published, expected):
    assert resolve_said_on(sentence, sentence, published) == expected


def test_weekday_resolves_across_a_month_boundary():
    # Published Thursday 1 February 2024: "on Monday" is 29 January, "on Thursday" the same day.
    assert resolve_said_on("He said on Monday.", "", "2024-02-01") == ("2024-01-29", "day")
    assert resolve_said_on("He said on Thursday.", "", "2024-02-01") == ("2024-02-01", "day")
    # and across a year boundary
    assert resolve_said_on("He said on Saturday.", "", "2024-01-02") == ("2023-12-30", "day")


def test_day_month_across_a_year_boundary_and_leap_day():
    assert resolve_said_on("She said on 31 December.", "", "2024-01-01") == ("2023-12-31", "day")
    assert resolve_said_on("She said on 29 February.", "", "2024-03-01") == ("2024-02-29", "day")
    # no 29 February within the year before publication: not a guess three years back
    assert resolve_said_on("She said on 29 February.", "", "2023-03-01") == (None, None)
    assert resolve_said_on("She said on 30 February.", "", "2024-03-01") == (None, None)


def test_sentence_first_then_paragraph():
    paragraph = "The council met on Tuesday. “We will vote,” the mayor said."
    sentence = "“We will vote,” the mayor said."
    assert resolve_said_on(sentence, paragraph, "2024-02-08") == ("2024-02-06", "day")
    told = "“We will vote,” the mayor said on Monday."
    assert resolve_said_on(told, "The council met on Tuesday. " + told, "2024-02-08") == ("2024-02-05", "day")


def test_an_unresolvable_phrase_in_the_sentence_does_not_fall_back():
    sentence = "The mayor said on Wednesday the roads were closed."
    paragraph = "Snow fell on 3 February. " + sentence
    assert resolve_said_on(sentence, paragraph, None) == (None, None)


def test_a_relative_time_stops_the_paragraph_fallback():
    sentence = "Days later, the ministry said it knew of no such plan."
    paragraph = "The minister said on 5 January that troops would leave. " + sentence
    assert resolve_said_on(sentence, paragraph, "2024-02-08") == (None, None)
    for phrase in ("the next day", "two weeks later", "a day before", "later that day", "last week"):
        assert resolve_said_on(f"He said {phrase} that it was over.", paragraph, "2024-02-08") == (None, None)


def test_a_long_paragraph_is_read_near_the_sentence():
    sentence = "“We will vote,” the mayor said."
    far = "The council met on Tuesday. " + "Rain fell. " * 1000
    assert resolve_said_on(sentence, far + sentence, "2024-02-08") == (None, None)
    assert resolve_said_on(sentence, "Rain fell. " * 1000 + "On Monday, " + sentence, "2024-02-08") == (
        "2024-02-05", "day",
    )


def test_bad_publication_date_is_ignored():
    assert resolve_said_on("He said on Monday.", "", "not a date") == (None, None)
    assert resolve_said_on("He said on 7 February.", "", "") == ("--02-07", "unknown-year")
    assert resolve_said_on("He said yesterday.", "", "0001-01-01") == (None, None)


@settings(max_examples=300, deadline=None)
@given(
    text=st.lists(
        st.sampled_from(list("0123456789 ,.“”\"‘’") + ["on ", "said ", "Monday", "Jan.", "February", "last month"]),
        max_size=40,
    ).map("".join),
    published=st.one_of(st.none(), st.dates().map(str)),
)
def test_resolve_said_on_always_answers_a_known_shape(text, published):
    value, precision = resolve_said_on(text, text, published)
    assert (value is None) == (precision is None)
    assert precision in (None, "day", "month", "unknown-year")
    if precision == "day":
        assert dt.date.fromisoformat(value).isoformat() == value


# A whole article: each paragraph is scanned once and each quote picks its phrases by offset.


def _said_on(body: str, published: str | None = "2024-02-08") -> list[tuple[str | None, str | None]]:
    article = Article(path="a.txt", name="a.txt", body=body, sha256="0" * 64, published=published)
    return [(quote.said_on, quote.said_on_precision) for quote in process(article)]


QUOTE = "“We will vote on this tonight,” the mayor said."


def test_a_quote_whose_sentence_names_no_day_takes_the_day_its_paragraph_names():
    assert _said_on("The council met on Tuesday. " + QUOTE + "\n") == [("2024-02-06", "day")]


def test_each_quote_takes_the_day_of_its_own_sentence_first():
    body = "“We will vote on this tonight,” the mayor said on Monday. “We will not wait,” the clerk said on Tuesday.\n"
    assert _said_on(body) == [("2024-02-05", "day"), ("2024-02-06", "day")]


def test_a_day_inside_quote_marks_is_not_the_day_they_were_said():
    assert _said_on("“We meet our partners on Sunday afternoon,” the general said.\n") == [(None, None)]
    assert _said_on("He backed the “Monday plan” again. " + QUOTE + "\n") == [(None, None), (None, None)]


def test_a_day_in_another_paragraph_or_beyond_the_window_is_not_used():
    assert _said_on("The council met on Tuesday.\n" + QUOTE + "\n") == [(None, None)]
    filler = "Rain fell on the town again. " * 100  # the paragraph is longer than two windows
    assert _said_on("The council met on Tuesday. " + filler + QUOTE + "\n") == [(None, None)]
    assert _said_on(filler + "The council met on Tuesday. " + QUOTE + "\n") == [("2024-02-06", "day")]


def test_a_day_opening_the_quotes_sentence_is_tied_but_not_one_opening_another():
    assert _said_on("The vote was close. Monday, " + QUOTE[0].lower() + QUOTE[1:] + "\n") == [("2024-02-05", "day")]
    assert _said_on("The vote was close. Monday was cold. " + QUOTE + "\n") == [(None, None)]


PIECES = [
    "on ", "said ", "told ", "ed ", "Monday", "Mon.", "MONDAY", "Sun", "Jan", "Jan.", "January", "Sept", "Sept.", "FEB",
    "7", "17th", "2024", "1999", "2024-01-18", "-", "01", " ", "  ", ",", ".", "of ", "last ", "Last ", "month",
    "months", "the ", "The ", "next ", "day", "days", "Days", "week", "weeks", "ago", "later", "earlier ", "Earlier ",
    "that ", "this ", "yesterday", "Yesterday", "a ", "few ", "two ", "Novak", "today", "x", "“", "”", '"', "\n",
    " said on Monday", " on 7 February 2024", " Jan. 5, 2024", " two days later", " the next day", " last month",
    " the week before", " earlier this week", ". He said yesterday", ". Monday, ",
]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@settings(max_examples=400, deadline=None)
@given(text=texts)
def test_phrases_found_kind_by_kind_are_those_the_one_pattern_finds(text):
    def seen(match):
        return match.span(), {name: value for name, value in match.groupdict().items() if value is not None}

    phrases = _phrases(text)
    assert [seen(m) for m in phrases] == [seen(m) for m in WHEN.finditer(text)]
    for phrase in phrases:  # the kind that found it is the first in WHEN's order to match there
        assert phrase.re is next(kind for kind in _KINDS if kind.match(text, phrase.start()))
    if phrases:
        assert _may_name_time(text, 0, len(text))


@settings(max_examples=300, deadline=None)
@given(before=texts)
def test_the_lead_searched_backwards_finds_what_a_forward_search_finds(before):
    forward = regex.compile(_LEAD.pattern)
    assert (_LEAD.search(before) is None) == (forward.search(before) is None)


@settings(max_examples=200, deadline=None)
@given(body=texts, published=st.sampled_from([None, "2024-02-08"]), data=st.data())
def test_a_quote_in_a_paragraph_naming_no_time_gets_what_reading_its_sentences_gives(body, published, data):
    body = body.strip() or "x"
    reading = Reading(body, [], default_book())
    edges = [x for p in reading.paragraphs for x in (p.start - 1, p.start, p.start + 1, p.end - 1, p.end, p.end + 1)]
    start = data.draw(st.sampled_from([x for x in edges if 0 <= x < len(body)]) | st.integers(0, len(body) - 1))
    end = data.draw(st.sampled_from([x for x in edges if start <= x <= len(body)] or [start]) | st.integers(start, len(body)))
    said_on = SaidOn(reading.text, published, reading.paragraph_of, reading.sentences.around)
    first = reading.sentences.around(max(start - 1, 0))
    last = reading.sentences.around(min(end + 1, len(body) - 1))
    pieces = [first] if last.start <= first.end else [first, last]
    assert said_on(start, end) == said_on.read(pieces, reading.paragraph_of(start))


def test_the_no_time_shortcut_still_reads_the_sentence_before_a_quote_opening_its_paragraph():
    body = "He said on Monday.\nBut the vote waits."
    reading = Reading(body, [], default_book())
    said_on = SaidOn(reading.text, "2024-02-08", reading.paragraph_of, reading.sentences.around)
    assert said_on(body.index("But"), len(body)) == ("2024-02-05", "day")
