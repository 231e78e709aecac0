"""The word lists of `data/lexicon.toml`, loaded once, as sets the rules can test against."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex


@dataclass(frozen=True)
class Lexicon:
    """Reporting verbs, titles, pronouns and the other word classes of news prose."""

    verb_lemma: dict[str, str]  # inflected form -> lemma
    indirect_verbs: frozenset[str]  # forms that can open reported content
    bare_verbs: frozenset[str]  # forms whose reported clause may drop "that"
    finite_bare_verbs: frozenset[str]  # forms whose clause drops "that" only before a finite verb ("noted the North has")
    object_verbs: frozenset[str]  # lemmas told to someone before the clause: "told reporters", "assured Nigerians"
    auxiliaries: frozenset[str]
    pronouns: dict[str, str]  # pronoun -> gender code
    honorifics: dict[str, str]  # honorific -> gender code ("" when none)
    titles: frozenset[str]
    given_name_titles: dict[str, str]  # "dean" -> "m": "Dean Marsh" is a man named Dean, not a dean
    organisation_nouns: frozenset[str]
    place_nouns: frozenset[str]  # "Kansas City", "Tahrir Square": a place, never a person
    role_nouns: frozenset[str]  # titles, person and organisation nouns: what heads a description of a speaker
    class_nouns: frozenset[str]  # organisation nouns a name seldom holds: "the company" may be "Thames Water"
    public_body_nouns: frozenset[str]  # organisation nouns of public bodies: no "company" is one
    person_nouns: frozenset[str]
    person_roles: frozenset[str]  # titles and person nouns: what a person's role ends in ("commander", "spokesman")
    spokes_nouns: frozenset[str]
    anonymous_source_nouns: frozenset[str]
    event_verbs: frozenset[str]  # "met", "signed": a clause telling of a deed, not of words  # "a senior official said …": an anonymous source's reported speech
    group_nouns: frozenset[str]
    group_quantifiers: frozenset[str]
    quantity_nouns: frozenset[str]
    document_nouns: frozenset[str]
    issuing_verbs: frozenset[str]
    clause_openers: frozenset[str]
    not_names: frozenset[str]
    name_particles: frozenset[str]
    caption_markers: tuple[str, ...]
    credit_words: tuple[str, ...]
    link_labels: tuple[str, ...]  # "Read more", "Related": a line so labelled links to another story
    abbreviations: frozenset[str]
    prepositions: frozenset[str]
    time_nouns: frozenset[str]
    calendar_words: frozenset[str]
    first_name_gender: dict[str, str]  # given name -> "m" or "f"
    verdict_nouns: frozenset[str]  # "That was the verdict of X": what someone said
    demonyms: frozenset[str]  # "spaniard": "the Spaniard said" is the person just named
    post_nominals: frozenset[str]  # "KC", "MP": letters after a name, not part of it
    kin_nouns: dict[str, str]  # "wife" -> "f": the gender of a first name in apposition to it
    gendered_nouns: dict[str, str]  # "actress" -> "f": a noun for a person that gives their gender
    guessed_names: frozenset[str]  # given names only the census tables or the world lists know: a title may overrule their gender


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Read the packaged lexicon once per process."""
    raw = tomllib.loads(
        resources.files("quotes").joinpath("data", "lexicon.toml").read_text(encoding="utf-8")
    )
    verb_lemma: dict[str, str] = {}
    indirect: set[str] = set()
    bare: set[str] = set()
    finite_bare: set[str] = set()
    objects: set[str] = set()
    for lemma, entry in raw["verbs"].items():
        for form in entry["forms"]:
            verb_lemma[form] = lemma
            if entry.get("indirect"):
                indirect.add(form)
            if entry.get("bare") is True:
                bare.add(form)
            elif entry.get("bare") == "finite":
                finite_bare.add(form)
        if entry.get("object"):
            objects.add(lemma)
    words = raw["words"]
    names = tomllib.loads(
        resources.files("quotes").joinpath("data", "first_names.toml").read_text(encoding="utf-8")
    )
    census = {n: "m" for n in names["census_male"]} | {n: "f" for n in names["census_female"]}
    world = {n: "m" for n in names["world_male"]} | {n: "f" for n in names["world_female"]}
    guessed = census | world
    first_name_gender = guessed | {n: "m" for n in names["male"]} | {n: "f" for n in names["female"]}  # hand lists win
    return Lexicon(
        verb_lemma=verb_lemma,
        indirect_verbs=frozenset(indirect),
        bare_verbs=frozenset(bare),
        finite_bare_verbs=frozenset(finite_bare),
        object_verbs=frozenset(objects),
        auxiliaries=frozenset(words["auxiliaries"]),
        pronouns=dict(words["pronouns"]),
        honorifics=dict(words["honorifics"]),
        titles=frozenset(words["titles"]),
        given_name_titles=dict(words["given_name_titles"]),
        organisation_nouns=frozenset(words["organisation_nouns"]),
        place_nouns=frozenset(words["place_nouns"]),
        role_nouns=frozenset(words["titles"]) | frozenset(words["person_nouns"]) | frozenset(words["organisation_nouns"]),
        class_nouns=frozenset(words["class_nouns"]),
        public_body_nouns=frozenset(words["public_body_nouns"]),
        person_nouns=frozenset(words["person_nouns"]),
        person_roles=frozenset(words["titles"]) | frozenset(words["person_nouns"]),
        spokes_nouns=frozenset(words["spokes_nouns"]),
        anonymous_source_nouns=frozenset(words["anonymous_source_nouns"]),
        event_verbs=frozenset(words["event_verbs"]),
        group_nouns=frozenset(words["group_nouns"]),
        group_quantifiers=frozenset(words["group_quantifiers"]),
        quantity_nouns=frozenset(words["quantity_nouns"]),
        document_nouns=frozenset(words["document_nouns"]),
        issuing_verbs=frozenset(words["issuing_verbs"]),
        clause_openers=frozenset(words["clause_openers"]),
        not_names=frozenset(words["not_names"]),
        name_particles=frozenset(words["name_particles"]),
        caption_markers=tuple(words["caption_markers"]),
        credit_words=tuple(words["credit_words"]),
        link_labels=tuple(words["link_labels"]),
        abbreviations=frozenset(words["abbreviations"]),
        prepositions=frozenset(words["prepositions"]),
        time_nouns=frozenset(words["time_nouns"]),
        calendar_words=frozenset(words["calendar_words"]),
        first_name_gender=first_name_gender,
        verdict_nouns=frozenset(words["verdict_nouns"]),
        demonyms=frozenset(words["demonyms"]),
        post_nominals=frozenset(words["post_nominals"]),
        kin_nouns=dict(words["kin_nouns"]),
        gendered_nouns=dict(words["gendered_nouns"]),
        guessed_names=frozenset(guessed) - set(names["male"]) - set(names["female"]),
    )


def word_trie(words: Iterable[str]) -> str:
    """A regex alternation of `words` shaped as a trie ("sa(?:id|ys?)"), since `regex` tries branches one by one."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(root)


def _trie_pattern(node: dict) -> str:
    branches = [regex.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if "" in node else group
