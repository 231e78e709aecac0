"""Publication dates and the day words were said, from the phrases news English uses."""

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quotes.dates import parse_date, resolve_said_on


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
