"""The word lists as the rules use them: the trie pattern stands for exactly its words."""

import regex
from hypothesis import given
from hypothesis import strategies as st

from quotes.lexicon import lexicon, word_trie
from quotes.reading import Reading
from quotes.speakers import default_book


def test_trie_matches_each_word_and_nothing_else():
    words = {"say", "says", "said", "saying", "sa", "tell"}
    pattern = regex.compile(rf"(?:{word_trie(words)})")
    for word in words:
        assert pattern.fullmatch(word)
    for other in ("s", "sai", "sayings", "tel", "tells", ""):
        assert not pattern.fullmatch(other)


@given(st.sets(st.text(alphabet="abc.-(", min_size=1, max_size=5), min_size=1, max_size=12), st.text(alphabet="abc.-(", max_size=6))
def test_trie_is_the_alternation_of_its_words(words, probe):
    pattern = regex.compile(rf"(?:{word_trie(words)})")
    assert bool(pattern.fullmatch(probe)) == (probe in words)


def test_verbs_are_whole_lower_case_words_or_glued_to_a_preposition():
    body = "He said it. Well-said, Saidov said. She confirmedon Monday that talks resumed. “I said so,” he added."
    reading = Reading(body, [], default_book())
    found = [(v.form, body[v.start : v.end]) for v in reading.verbs(0, len(body))]
    assert found[:2] == [("said", "said"), ("said", "said")]  # not "Well-said", not "Saidov"
    assert ("confirmed", "confirmed") in found
    assert all(v in lexicon().verb_lemma for v, _ in found)
