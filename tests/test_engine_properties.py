"""Properties of the engine on any text: it never raises, its offsets are exact, it is deterministic,
and a huge paragraph of stray quote marks finishes (linear patterns, no catastrophic backtracking)."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import textwrap

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quotes.extract import find_spans
from quotes.pipeline import process
from quotes.reading import JOINED_DASH, _name_run
from quotes.records import Article

MARKS = "“”\"‘’'«»„‹›`"
# Prose fragments the rules react to, so that random text reaches them and not only the fast paths.
PIECES = [
    "said", "told reporters", "he said", "she added", "Mr Smith", "Dr Ada Okafor", "the minister",
    "Prime Minister Mohammed Shia al-Sudani", "according to", "that", "on Tuesday", "on 7 February",
    "BAGHDAD:", "(Reuters) -", "warned", ", said Mrs Hill.", " ", ". ", ", ", ":", "—", "\n", "\n\n",
    # fragments the third session's rules react to
    "- Karen Doyle:", "Says Edith:", "That was the verdict of", "— Rachel Reeves", "quoted Dmitry Peskov as saying",
    "can be heard saying", "and that", "but warned that", "saying", "The Treasurer, Jim Chalmers,", "his campaign",
    "the 24-year-old", "the Spaniard", "his wife, Peggy,", "accused Price of", "As the economist Jo Lee writes,",
    "LONDON, Nov 4 (Reuters) -", "Morning Courier, 3 Jan 2024", "Skyways has", "the airline", "Minister for Health",
    "al-", "bin-", "Abu-", "Ibn", "-Sudani",
    *MARKS,
]
texts = st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(PIECES) | st.text(alphabet=MARKS + "ab .,\n", max_size=8), max_size=120).map("".join),
)
PROPERTY = settings(max_examples=int(os.environ.get("QUOTES_FUZZ_EXAMPLES", "300")), deadline=None, suppress_health_check=[HealthCheck.too_slow])


def article(body: str, title: str | None = None) -> Article:
    return Article(
        path="fuzz.txt",
        name="fuzz.txt",
        body=body,
        sha256=hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest(),
        title=title,
        published="2024-02-07",
    )


@PROPERTY
@given(body=texts, title=st.none() | st.text(max_size=40))
def test_find_spans_never_raises_and_its_offsets_are_exact(body, title):
    for span in find_spans(body, title):
        assert 0 <= span.start <= span.end <= len(body)
        assert body[span.start : span.end] == span.text


@PROPERTY
@given(body=texts, title=st.none() | st.text(max_size=40))
def test_process_never_raises_and_every_quote_is_its_slice_of_the_body(body, title):
    for quote in process(article(body, title)):
        assert 0 <= quote.start <= quote.end <= len(body)
        assert body[quote.start : quote.end] == quote.text
        assert 0.0 <= quote.confidence <= 1.0


@PROPERTY
@given(body=texts)
def test_a_text_with_no_particle_joined_to_a_capital_has_the_same_name_runs_in_the_cheaper_scan(body):
    if JOINED_DASH.search(body) is None:
        assert [m.span() for m in _name_run(joined_first=False).finditer(body)] == [m.span() for m in _name_run().finditer(body)]


@settings(max_examples=100, deadline=None)
@given(body=texts)
def test_process_is_deterministic(body):
    assert process(article(body)) == process(article(body))


def test_a_20mb_paragraph_of_stray_marks_goes_through_process_in_bounded_time():
    """Run in a child process so a runaway pattern fails this test (120 s wall limit) instead of hanging CI."""
    script = textwrap.dedent(
        """
        from quotes.pipeline import process
        from quotes.records import Article

        unit = 'He said “ it ” was " fine \\' and ‘ odd ’ then " more “ words ’ '
        body = unit * (20_000_000 // len(unit))
        quotes = process(Article(path='big.txt', name='big.txt', body=body, sha256='0' * 64))
        assert all(body[q.start:q.end] == q.text for q in quotes)
        print(len(body), len(quotes))
        """
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    size, _count = map(int, done.stdout.split())
    assert size >= 19_000_000
