"""Who a phrase names: parse a subject phrase, and resolve it within the article.

A `Mention` is what a phrase says (a pronoun, a name with titles, a description). A
`Discourse` holds everyone the narration has named so far, so that "Mr Hussein", "he",
"the prime minister" or "the statement" find the speaker they stand for. Names come from
the text and the speakers data, never from this code.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

import regex

from quotes.lexicon import lexicon
from quotes.records import Speaker
from quotes.speakers import SpeakerBook, name_key

TOKEN = regex.compile(r"[“\"][\p{Lu}][\p{L}\.]*[”\"]|[\p{L}\p{N}][\p{L}\p{N}\.'’\-]*\+?|&(?=\s\p{Lu})")  # "Opec+", "Power & Light"
DOCUMENT_AUTHOR = regex.compile(r"\s(?:from|by|issued by|released by|on behalf of)\s+(.+)$", regex.IGNORECASE)
NEAR_ENOUGH = 300  # characters within which a role ("the Commission president") points back to the person just named
EPITHET_REACH = 600  # characters within which "the Brazilian", "the 24-year-old" point back: a paragraph and a quote
CLASS_NOUN_REACH = 1500  # characters within which "the company" points back to an organisation named before
MAX_LOOKBACK = 400  # names looked back over to resolve a pronoun or description
HANDLE = r"(?:u/|@)[A-Za-z0-9_][A-Za-z0-9_\-]{1,30}"  # a social-media user name: "u/coldbrew_dad", "@jsmith"
# A politician's party (and state) after the name: "Sen. Roger Whitfield (R-Miss.)", "Rep. Dale Whitacre, R-Ohio,",
# "Ofer Lavi (Likud),"; an acronym in brackets ("(SNRPR)") stays, as it names a body for later.
PARTY_AFFILIATION = regex.compile(
    r"\s\([RDI]-[\p{L}\.\s]{2,14}\)|,\s[RDI]-\p{Lu}[\p{L}\.]{1,12}(?=,)|\s\(\p{Lu}\p{Ll}[\p{L}\-]{0,20}\)(?=,)"
)  # AP's ", R-Ohio,"; "Minister Ofer Lavi (Likud), a member of …"
PARTY_INITIALS = regex.compile(r"\s\(\p{Lu}{2,4}\)(?=,)")  # "Siobhán Ní Dhomhnaill (SF),": after a person, not a body
AS_PREFIX = regex.compile(r"^(?:[Aa]s|[Ll]ike|[Ww]hen|[Ww]hile|[Aa]fter|[Bb]efore|[Oo]nce|[Aa]lthough|[Tt]hough|[Bb]ecause)\s+(?=\S)")
FIELD_THEN_NAME = regex.compile(r"(?P<field>(?:\p{Ll}[\p{L}\-]*\s+){1,3})(?P<given>\p{Lu}[\p{L}'’\-]*)(?:\s+\p{Lu}[\p{L}'’\-\.]*){1,3}$")


def _field_then_name(words: str) -> bool:
    """`freight Lucas Ferreira` after "head of": a title's field in lower case, then a full name that opens
    on a known given name; never "the North West" nor "the California Property Insurers Assn."."""
    found = FIELD_THEN_NAME.match(words)
    lex = lexicon()
    return (
        found is not None
        and found.group("given").lower() in lex.first_name_gender
        and not any(w in lex.not_names for w in found.group("field").split())
    )
ACRONYM = regex.compile(r"\p{Lu}{2,6}")  # a body's initials: "SNRPR", "IAEA" are never "he" or "she"
POSSESSIVE_S = ("'s", "’s")
POSSESSIVE_GENDER = {"his": "m", "her": "f", "its": "n", "their": "p"}
AGE = regex.compile(r"\b\d{1,3}-year-old\b")
PARTICIPLE_AFTER_NOUN = regex.compile(r"\b(\p{Ll}+)\s+\p{Ll}+(?:ed|ing)\b")  # a noun, then a participle that modifies it
POST_MODIFIER = regex.compile(r"\s(?:of|for|at|in|from|with|who|which|whose|on|to|and)\s", regex.IGNORECASE)


@dataclass(frozen=True)
class Mention:
    """What a subject phrase says about its speaker, before resolution."""

    surface: str
    kind: str  # pronoun / name / description
    name: str = ""  # for a name: the name without titles
    titles: str = ""  # title words that stood before the name, lower case
    gender: str | None = None
    definite: bool = False
    head: str = ""  # for a description: the phrase without article, lower case
    organisation: bool = False
    document: bool = False
    group: bool = False  # a group of unnamed people: "Officials", "two witnesses", "US military sources"
    gender_guessed: bool = False  # the gender is the given name's usual one, not a title's or the article's

    @property
    def names_someone(self) -> bool:
        """A name that says it is a person's or a body's: two words or more, a title, or a gender ("Washington" alone does not)."""
        return bool(" " in self.name or self.titles or self.gender)

    @property
    def own_words(self) -> str:
        """The phrase without its article: what a description that resolves to nobody is called."""
        return self.surface.split(" ", 1)[-1].strip()


def _is_name_token(token: str, position: int) -> bool:
    lex = lexicon()
    low = token.lower().strip("“”\"")
    if token[:1] in "“\"" or token == "&":
        return position > 0  # a nickname in marks; "Gulf Coast Power & Light"
    if token[:1].isupper():
        return low not in lex.not_names or position > 0 and low not in {"the", "a", "an"}
    head, _, rest = low.partition("-")
    return bool(rest) and head in lex.name_particles or low in lex.name_particles and position > 0


def strip_titles(tokens: list[str]) -> tuple[list[str], list[str], str | None]:
    """Split "Iraqi Prime Minister Mohammed Shia al-Sudani" into titles and name, with a gender."""
    lex = lexicon()
    gender = None
    last_title = -1
    for i, token in enumerate(tokens):
        low = token.lower()
        if low in lex.honorifics:
            gender = lex.honorifics[low] or gender
            last_title = i
        elif low in lex.titles or (low in lex.person_nouns and len(tokens) - i > 2):
            last_title = i  # a role noun counts as a title before a full name: "Resident Maria Lopez", not "Son Heung-min"
    # After a title or honorific every capitalised word is the name ("Dr. Aras Jalal Barzinji", "Brig. Gen. Sarbast Omar Rasul").
    if last_title < 0 and (name_start := _given_name_after_role(tokens)):
        last_title += name_start  # "Singer Kylie Dawson": a role no list holds, then a known given name
    if last_title == 0 and len(tokens) == 2 and tokens[0].lower() in lex.given_name_titles:
        return [], tokens, lex.given_name_titles[tokens[0].lower()]  # "Dean Marsh": a man named Dean
    titles = tokens[: last_title + 1]
    name = tokens[last_title + 1 :]
    if name and name[-1].lower() in lex.person_roles:
        return tokens, [], gender
    return titles, name, gender


def _given_name_after_role(tokens: list[str]) -> int:
    """Where a full name starts after capitalised words that are no given name: 1 in "Singer Kylie
    Dawson", 0 when the first word is a given name or no given name follows with a surname after it."""
    lex = lexicon()
    given = lex.first_name_gender
    if len(tokens) < 3 or tokens[0].lower() in given:
        return 0
    if len(tokens) == 3 and tokens[-1].lower().partition("-")[0] in lex.name_particles and not tokens[0].endswith(AGENT_ENDINGS):
        return 0  # "Rana Khalil al-Tamimi": a given name, a father's and a family name; "Rapper Ahmed al-Sayed" a role
    known = next((k for k in range(1, len(tokens) - 1) if tokens[k][:1].isupper() and tokens[k].lower() in given), 0)
    if not known and len(tokens) == 3 and tokens[0].lower().endswith(AGENT_ENDINGS + ("man", "woman")):
        return 1  # "Crayfisherman Rangi Pōtae": an agent noun no list holds, then a name no list holds
    return known


def _words(phrase: str) -> list[str]:
    return TOKEN.findall(phrase)


def without_party(text: str, blank: bool = True) -> str:
    """The text without a politician's party label, blanked so offsets hold (or cut). Initials go
    only where no body is named: "World Health Organization (WHO)" keeps the letters that name it later."""
    cut = (lambda m: " " * len(m.group())) if blank else ""
    text = PARTY_AFFILIATION.sub(cut, text)
    if "(" in text and not any(w.lower() in lexicon().organisation_nouns for w in _words(text)):
        text = PARTY_INITIALS.sub(cut, text)
    return text


@lru_cache(maxsize=65536)
def parse_subject(phrase: str) -> Mention | None:
    """Parse the phrase that stands as subject of a reporting verb; None when it names nobody."""
    lex = lexicon()
    phrase = AS_PREFIX.sub("", without_party(phrase, blank=False).strip(" \t,;:—–-()"))  # "As the economist Juliet Schor writes,"
    if regex.fullmatch(HANDLE, phrase):
        return Mention(phrase, "name", name=phrase)  # a user name speaks for its user
    words = _words(phrase)
    if not words:
        return None
    if len(words) > 14:  # only a title too long to parse word by word, closed by a name, is so long
        return _person_after_long_title(phrase, words)
    if len(words) == 1 and words[0].lower() in lex.pronouns:
        return Mention(phrase, "pronoun", gender=lex.pronouns[words[0].lower()])
    if len(words) == 2 and words[0].lower() in POSSESSIVE_GENDER and words[1].lower() in lex.organisation_nouns:
        return Mention(phrase, "pronoun", gender=POSSESSIVE_GENDER[words[0].lower()])  # "his campaign": his
    if len(words) == 2 and words[0].lower() in POSSESSIVE_GENDER and words[1].lower() in lex.person_nouns | lex.kin_nouns.keys():
        return Mention(phrase, "description", head=words[1].lower(), definite=True)  # "her daughter": named before as such
    one_of = _one_of_a_group(words) or _family(phrase, words) or _person_after_long_title(phrase, words)
    if one_of:
        return one_of
    if len(words) in (2, 4) and words[0].lower() == "the" and _kin_with_children(" ".join(words[1:]).lower()):
        return Mention(phrase, "description", head=" ".join(words[1:]).lower(), definite=True)  # "the mother of three"
    head_phrase = _head_phrase(phrase)
    if words[-1].lower() in lex.person_nouns and _words(head_phrase)[-1].lower() not in lex.person_nouns | lex.group_nouns:
        head_phrase = phrase  # the noun at the end heads it: "a Department for Education spokesperson"
    head_words = _words(head_phrase)
    if not head_words:
        return None
    group = _group_mention(phrase, words, head_words)
    if group:
        return group
    first = head_words[0].lower()
    definite = first == "the"
    indefinite = first in {"a", "an", "one", "another"}
    if definite or indefinite:
        head_words = head_words[1:]
    if not head_words or len(head_words) > 12:
        return None
    if definite and len(head_words) <= 3 and head_words[-1].lower() in lex.demonyms:  # "the Spaniard", "the veteran Dutchman"
        return Mention(phrase, "description", head=" ".join(w.lower() for w in head_words), definite=True)
    if any(_is_clause_word(head_words, i) for i in range(len(head_words))):
        return None  # a clause, not a noun phrase: "escalation came as the government"
    owner_split = next((i for i, w in enumerate(head_words[:-1]) if w[-2:] in ("'s", "’s", "s'", "s’")), None)
    if owner_split is not None and head_words[owner_split][-1:] in "'’" and head_words[-1].lower() in lex.organisation_nouns:
        owner_split = None  # "the teachers' union": a body described, read as any "the … union" below
    if owner_split is not None:
        possessed = head_words[owner_split + 1 :]
        name_tokens = [w for w in possessed if _is_name_token(w, 1)]
        if name_tokens and possessed[-1][:1].isupper():
            return _name_mention(phrase, possessed)
        if possessed[-1].lower() in lex.organisation_nouns:
            return Mention(phrase, "name", name=" ".join(head_words), organisation=True)
        return Mention(phrase, "description", head=" ".join(w.lower() for w in head_words), definite=definite)
    last = head_words[-1].lower()
    if _is_name_token(head_words[-1], len(head_words) - 1) and last not in lex.not_names:
        if indefinite:
            return None
        run = _trailing_name_run(head_words)
        if not run:
            return None
        mention = _name_mention(phrase, run)
        if mention and definite and len(run) == len(head_words):
            if last in lex.person_nouns:  # "The Chief Press Secretary to the governor": a role, not a body
                return Mention(phrase, "description", head=" ".join(w.lower() for w in head_words), definite=True)
            return Mention(mention.surface, "name", name=" ".join(head_words), titles=mention.titles, organisation=True)
        return mention
    if not (definite or indefinite):
        if head_words[0][:1].isupper() and head_words[0].lower() not in lex.not_names and last in lex.organisation_nouns:
            return Mention(phrase, "name", name=" ".join(head_words), organisation=True)  # "Ashworth borough council"
        return None
    if last in lex.document_nouns:
        author = DOCUMENT_AUTHOR.search(phrase)
        if author:  # "a statement from the ministry": the ministry speaks
            return parse_subject(author.group(1))
        return Mention(phrase, "description", head=last, definite=definite, document=True)
    epithet = definite and _is_epithet(" ".join(w.lower() for w in head_words))  # "the striker", "the 36-year-old"
    if last in lex.organisation_nouns or last in lex.person_nouns or last in lex.titles or (indefinite and _is_open_noun(last)) or epithet:
        described = " ".join(_words(phrase)[1:] if (definite or indefinite) else _words(phrase))
        return Mention(
            phrase,
            "description",
            head=described if indefinite else " ".join(w.lower() for w in head_words),
            definite=definite,
            organisation=last in lex.organisation_nouns,
        )
    return None


def _head_phrase(phrase: str) -> str:
    """The phrase before its first post-modifier ("a spokesman for the ministry" -> "a spokesman"),
    where an organisation's own name runs on through one ("the Bank of England", "Ministry of Defence")."""
    lex = lexicon()
    participle = PARTICIPLE_AFTER_NOUN.search(phrase)
    if participle and participle.group(1).lower() in lex.person_nouns:
        phrase = phrase[: participle.end(1)]  # "A senior U.S. official briefed on the call", "a diplomat speaking on …"
    for joint in POST_MODIFIER.finditer(phrase):
        before, after = phrase[: joint.start()].split(), phrase[joint.end() :]
        joiner = joint.group().strip().lower()
        named = after[4:] if after.startswith("the ") else after  # "Envoy for the Middle East Brian Holloway"
        in_name = joiner in NAME_JOINERS and named[:1].isupper() and before and before[-1][:1].isupper()
        if in_name and before[-1].lower() in lex.organisation_nouns | lex.titles:
            continue  # "Minister for Health Stephen Donnelly" runs on; "a spokesman for the ministry" stops
        if joiner in NAME_JOINERS and before and before[-1].lower() in lex.titles and _field_then_name(after):
            continue  # "Brasilmar head of freight Lucas Ferreira": a title's field, then the name
        if joiner == "and" and before and before[-1].lower().rsplit("-", 1)[-1] in lex.titles and after.split()[-1][:1].isupper():
            continue  # two roles, then the name: "Co-founder and chief executive Maya Chen"
        if joiner == "and" and in_name and not _starts_a_person(after):
            continue  # one body's name: "Food and Drug Administration", "Development and Liberation bloc MP Ayman Chmeisani"
        return phrase[: joint.start()]
    return phrase


def _names_another_kind(name: str, noun: str) -> bool:
    """Whether a body's name says it is a public body while `noun` is not one: the "Food and Drug
    Administration" is no company; "Met Office" may be the forecaster, "Thames Water" anything."""
    public = lexicon().public_body_nouns
    return noun not in public and any(word in public for word in name.lower().split())


def _starts_a_person(phrase: str) -> bool:
    """Whether a phrase opens with a given name, an honorific or a title: a second person after "and"."""
    first = phrase.split(None, 1)[0].lower().rstrip(".") if phrase.strip() else ""
    lex = lexicon()
    return first in lex.first_name_gender or first in lex.honorifics or first in lex.titles


def _is_epithet(head: str) -> bool:
    """A description journalists use for the person just named: an age, a nationality, or a noun
    no list holds ("the striker", "the singer"); roles and organisations are resolved by their words."""
    last = head.split()[-1]
    lex = lexicon()
    if AGE.fullmatch(last) or (AGE.search(head) and _is_open_noun(last)) or last in lex.demonyms or last in lex.gendered_nouns:
        return True
    if _kin_with_children(head):  # "the father-of-two", "the mother of three"
        return True
    listed = last in lex.role_nouns or last in lex.document_nouns
    return not listed and _is_open_noun(last) and last.endswith(AGENT_ENDINGS)


KIN_WITH_CHILDREN = regex.compile(r"^(\p{Ll}+)(?:-of-|\s+of\s+)(?:\d+|two|three|four|five|six|seven|eight|nine|ten)$")


def _kin_with_children(head: str) -> str | None:
    """The noun of kin in a tabloid epithet, "father-of-two" or "mother of three", if it is one."""
    match = KIN_WITH_CHILDREN.match(head)
    return match.group(1) if match and match.group(1) in lexicon().kin_nouns | lexicon().gendered_nouns.keys() else None


AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent")  # a noun for someone who does something: striker, actor, novelist


def _is_clause_word(words: list[str], i: int) -> bool:
    """A lower-case function word or auxiliary, unless it joins the words of a name or two roles."""
    word = words[i]
    low = word.lower()
    if word[:1].isupper() or not (low in lexicon().not_names or low in lexicon().auxiliaries):
        return False
    if low == "the" and 0 < i < len(words) - 1 and words[i - 1] in NAME_JOINERS and words[i + 1][:1].isupper():
        return False  # "Envoy for the Middle East", "Secretary of the Navy"
    if not (0 < i < len(words) - 1 and low in NAME_JOINERS):
        return True
    titles = lexicon().titles
    following = words[i + 2] if words[i + 1] == "the" and i + 2 < len(words) else words[i + 1]  # "Envoy for the Middle East"
    inside_name = words[i - 1][:1].isupper() and following[:1].isupper()
    between_roles = words[i - 1].lower().rsplit("-", 1)[-1] in titles and words[i + 1].lower() in titles
    field = words[i - 1].lower() in titles and _field_then_name(" ".join(words[i + 1 :]))
    return not (inside_name or between_roles or field)  # "Department for Education", "co-founder and chief executive"


NAME_JOINERS = frozenset(("of", "for", "and"))  # Ministry of Defence, Department for Education, Food and Drug Administration
VERB_LIKE_ENDINGS = ("ed", "ing", "ly")  # participles and adverbs: no noun of a speaker


def _is_grammar_word(low: str) -> bool:
    """A function word, an auxiliary or a reporting verb form (lower case): never part of a speaker's noun phrase."""
    lex = lexicon()
    return low in lex.not_names or low in lex.auxiliaries or low in lex.verb_lemma


def _is_open_noun(word: str) -> bool:
    """A lower-case word that can head "a/one ___" as a speaker though no list holds it ("one Tory
    backbencher", "a local shopkeeper"): not a function word, verb, adverb or participle."""
    lex = lexicon()
    return (
        word.isalpha()
        and word.islower()
        and len(word) > 2
        and not _is_grammar_word(word)
        and word not in lex.time_nouns
        and word not in lex.quantity_nouns
        and not word.endswith(VERB_LIKE_ENDINGS)
    )


ONE_OF_DETERMINERS = frozenset(("the", "his", "her", "their", "its", "those", "two", "three", "four", "several"))
FAMILY_NOUNS = frozenset(("family", "relatives"))  # a kin group that issues statements as one speaker
FEMININE_SURNAME_ENDINGS = ("dóttir", "dottir")
PEOPLE = frozenset(("people", "men", "women"))  # too vague to speak as a group, but "one of the people" is someone
MAX_GROUP_MODIFIERS = 3  # "senior US military officials"


def _family(phrase: str, words: list[str]) -> Mention | None:
    """`Mr Fenwick's family`, `his family`, `the family`: a family speaks as one, named by the
    surname of whoever it is the family of when the article names them ("Fenwick family")."""
    if words[-1].lower() not in FAMILY_NOUNS or len(words) > 6:
        return None
    owner = regex.sub(r"['’]s?$", "", " ".join(words[:-1])) if len(words) > 1 else ""
    mention = parse_subject(owner) if owner[:1].isupper() and owner.split()[0].lower() not in lexicon().not_names else None
    if mention is not None and mention.kind == "name" and not mention.organisation:
        return Mention(f"the {mention.name.split()[-1]} family", "description", head="family", definite=True, organisation=True)
    if len(words) > 1 and words[0].lower() not in POSSESSIVE_GENDER and words[0].lower() not in ("the", "their"):
        return None
    return Mention("the family", "description", head="family", definite=True, organisation=True)  # his family, the victim's family


def _person_after_long_title(phrase: str, words: list[str]) -> Mention | None:
    """`Spokesman for the Commander-in-Chief of the Iraqi Armed Forces Major General Kadhim
    al-Shammari`: a title too long to parse word by word, then the name. The name starts after the
    last title, honorific or body noun (General, Syed, Council), else at a known given name."""
    if len(words) < 6 or not _is_name_token(words[-1], 1):
        return None
    lex = lexicon()
    given = lex.first_name_gender
    marks = lex.role_nouns | lex.honorifics.keys()
    last_mark = max((i for i, w in enumerate(words[:-1]) if w.lower().rstrip(".") in marks or w.lower() in marks), default=-1)
    start = last_mark + 1 if len(words) - 4 <= last_mark + 1 <= len(words) - 2 else None
    if start is None:
        start = next((i for i in range(len(words) - 4, len(words) - 1) if i > 0 and words[i].lower() in given), None)
    if start is None or not words[start][:1].isupper() or words[start - 1] == "and":
        return None
    if any(words[i] == "at" and words[i - 2].lower() in given and words[i - 1][:1].isupper() for i in range(2, start)):
        return None  # "Daniel Ashcroft at Morgan Stanley MUFG Securities": a person at a body, not a title
    name = words[start:]
    if not all(_is_name_token(w, 1) and w.lower() not in lex.organisation_nouns for w in name):
        return None  # a person's name: "… Aviation Safety Agency" is a body
    titles = " ".join(w.lower() for w in words[:start])
    return Mention(phrase, "name", name=" ".join(name), titles=titles, gender=given.get(words[start].lower()))


def _one_of_a_group(words: list[str]) -> Mention | None:
    """`one of the people`, `one of his aides`: a single unnamed member of a group, who speaks
    where the group as a whole would not be a speaker."""
    if len(words) < 4 or words[0].lower() not in ("one", "another") or words[1] != "of":
        return None
    plural = words[-1].lower()
    if words[2].lower() not in ONE_OF_DETERMINERS or not (plural in lexicon().group_nouns or plural in PEOPLE):
        return None
    own = " ".join(w.lower() if i == 0 else w for i, w in enumerate(words))
    return Mention(own, "description", head=own)  # indefinite: resolves to itself, "one of the people"


def _group_mention(phrase: str, words: list[str], head_words: list[str]) -> Mention | None:
    """`Officials`, `two witnesses`, `Iraqi security sources`: a plural noun of people, no article.

    The words before the noun must read as modifiers (capitalised, or not a function word or a
    verb form), so a clause ("talks collapsed as officials") is no group.
    """
    lex = lexicon()
    if head_words[-1].lower() not in lex.group_nouns:
        return None
    modifiers = head_words[:-1]
    counted = bool(modifiers) and modifiers[0].lower() in lex.group_quantifiers
    if counted:
        modifiers = modifiers[1:]
    if len(modifiers) > MAX_GROUP_MODIFIERS:
        return None
    for word in modifiers:
        low = word.lower()
        if _is_grammar_word(low) or word[-1:] in ("'", "’"):
            return None
        if not word[:1].isupper() and low.endswith(VERB_LIKE_ENDINGS):
            return None
    named = words[1:] if counted else words
    own = " ".join(w.lower() if w.lower() in lex.group_nouns else w for w in named)
    if not modifiers:
        own = own[:1].lower() + own[1:]  # "Officials said": the capital is the sentence's
    return Mention(phrase, "description", head=own, group=True)


def _trailing_name_run(tokens: list[str]) -> list[str]:
    """The name at the end of a phrase: "Met Office chief forecaster Paul Gundersen" -> Paul Gundersen."""
    titles = lexicon().titles
    start = len(tokens)
    joined = lexicon().organisation_nouns | titles
    while start > 0:
        token = tokens[start - 1]
        joins = token in NAME_JOINERS and start > 1 and tokens[start - 2].lower() in joined
        joins = joins or (token == "the" and start > 2 and tokens[start - 2] in NAME_JOINERS and tokens[start - 3].lower() in joined)
        joins = joins or (  # "Food and Drug Administration"; not "Ursula Reyes and Tom Fischer", "He and Jones"
            token == "and" and start > 1 and _is_name_token(tokens[start - 2], start - 2) and not _starts_a_person(tokens[start])
        )
        if not (joins or _is_name_token(token, start - 1) or token.lower() in titles):
            break
        start -= 1  # a joiner after an organisation noun or title stays: "Bank of England", "Minister for Health"
    if start == 1 and len(tokens) > 2 and tokens[0].lower() in lexicon().calendar_words and tokens[1].islower():
        start = 0  # a month before a particle is a given name: "Jan de Vries", not "Jan 5"
    return tokens[start:]


def _name_mention(phrase: str, tokens: list[str]) -> Mention | None:
    lex = lexicon()
    if _is_organisation_name(tokens):  # "Energy Networks Association", "Ministry of Defence": no titles in it
        return Mention(phrase, "name", name=" ".join(t for t in tokens if t[:1] not in "“\""), organisation=True)
    titles, name, gender = strip_titles(tokens)
    name = [t for t in name if t[:1] not in "“\""]
    while len(name) > 1 and name[-1].isupper() and name[-1].rstrip(".").lower() in lex.post_nominals:
        name = name[:-1]  # "David Kerr KC"
    if len(name) > 1 and name[-1].endswith(POSSESSIVE_S):
        name = [*name[:-1], name[-1][:-2]]  # "Jalen Oyelaran's head": Jalen Oyelaran, whom "Oyelaran" names later
    if not name:
        if titles:
            return Mention(phrase, "description", head=" ".join(t.lower() for t in titles), definite=True)
        return None
    organisation = any(t.lower() in lex.organisation_nouns for t in name)
    organisation = organisation or (len(name) > 1 and not titles and name[-1].lower() in lex.place_nouns)  # "Downing Street said"
    organisation = organisation or "&" in name  # "Marks & Spencer": no person's name holds an ampersand
    organisation = organisation or (len(name) == 1 and not titles and ACRONYM.fullmatch(name[0]) is not None)  # "SNRPR"
    if gender is None and len(name) > 1:
        gender = lex.first_name_gender.get(name[0].lower())
    if gender is None and name[-1].lower().endswith(FEMININE_SURNAME_ENDINGS):
        gender = "f"  # an Icelandic patronymic: Vigfúsdóttir is a daughter
    guessed = gender is not None and not titles and name[0].lower() in lex.guessed_names
    return Mention(
        phrase,
        "name",
        name=" ".join(name),
        titles=" ".join(t.lower() for t in titles),
        gender=gender,
        organisation=organisation,
        gender_guessed=guessed,
    )


def _is_organisation_name(tokens: list[str]) -> bool:
    """Capitalised words holding an organisation noun, with no person's name after it and no honorific.

    "Health Ministry spokesman Ali Bayati" names a person: after its last organisation noun come a
    role and a name, where an organisation's name ends in the noun or in words of its field.
    """
    lex = lexicon()
    lows = [t.lower() for t in tokens]
    last_org = max((i for i, low in enumerate(lows) if low in lex.organisation_nouns), default=-1)
    if last_org < 0 or any(low in lex.honorifics for low in lows):
        return False
    rest = lows[last_org + 1 :]
    return all(low in lex.titles or low in NAME_JOINERS for low in rest) and not (rest and rest[-1] in lex.person_nouns)


def head_noun(description: str) -> str:
    """The noun a description is about: "senior official at the ministry" -> official, "Department of
    Conservation spokeswoman" -> spokeswoman."""
    last = description.rsplit(None, 1)[-1].lower() if description.strip() else ""
    if last in lexicon().person_nouns:
        return last
    words = [w.lower() for w in POST_MODIFIER.split(description, maxsplit=1)[0].split()]
    lex = lexicon()
    for word in reversed(words):  # "political source close to the Framework", "woman selling fish rolls": source, woman
        if word in lex.person_nouns or word in lex.group_nouns:
            return word
    return words[-1] if words else ""


@dataclass
class Entity:
    """Someone the narration has named: a speaker and what the article says of them."""

    speaker: Speaker
    titles: set[str] = field(default_factory=set)
    full_name_at: int = -1  # where the article last gave the full name
    gender: str | None = None  # from the data, a title (Mr, Ms) or the pronouns the article uses
    gender_guessed: bool = False  # only from the given name's usual gender: a title or pronoun may overrule it
    named_alone: bool = False  # one capitalised word the text uses as a subject ("Skyways has"): a class noun may find it
    age: str | None = None  # "Lee Dunn, 34,": whom "the 34-year-old" points back to

    def fits(self, gender: str) -> bool:
        return self.gender in (None, gender)

    def head_noun(self) -> str:
        return head_noun(self.speaker.name)

    def has_words(self, phrase: str) -> bool:
        """Whether every word of `phrase` is in this entity's name."""
        return set(name_key(phrase).split()) <= set(name_key(self.speaker.name).split())

    def is_unnamed_person(self) -> bool:
        """One person the article does not name ("a former employee", "a 64-year-old"): "she" may be
        them; never "a practice state regulators have warned against"."""
        if self.speaker.kind != "unnamed" or self.is_group():
            return False
        head = self.head_noun()
        lex = lexicon()
        if head in lex.organisation_nouns or head in lex.document_nouns:
            return False
        return (
            head in lex.person_nouns
            or head in lex.kin_nouns
            or head in lex.gendered_nouns
            or head.endswith(AGENT_ENDINGS + ("man", "woman", "person"))
            or AGE.fullmatch(head) is not None
        )

    def is_group(self) -> bool:
        """Unnamed people in the plural ("officials", "two witnesses"): what "they" most often means."""
        return self.speaker.kind == "unnamed" and self.head_noun() in lexicon().group_nouns

    def may_be_organisation(self) -> bool:
        """An organisation, or a name nothing marks as a person's (no gender, title or given name)."""
        if self.speaker.kind == "organisation":
            return True
        if self.speaker.kind == "unnamed":
            return self.head_noun() in lexicon().organisation_nouns
        first = self.speaker.name.split()[0].lower()
        return (
            self.speaker.kind == "person"
            and self.gender is None
            and not self.titles
            and first not in lexicon().first_name_gender
        )


class Event(NamedTuple):
    """A name at a position; `oblique` when it stood inside a phrase (at X, with Y) rather than as a subject."""

    position: int
    entity: Entity
    oblique: bool = False


class Discourse:
    """Everyone an article names, in order, to resolve names, pronouns and descriptions."""

    def __init__(self, book: SpeakerBook, paragraph_starts: list[int] | None = None) -> None:
        self.book = book
        self.paragraph_starts = paragraph_starts or [0]
        self.entities: dict[str, Entity] = {}
        self.by_word: dict[str, list[Entity]] = {}  # first and last word of each name -> entities
        self.events: list[Event] = []  # in text order
        self.speakers_heard: list[tuple[int, Speaker]] = []
        self.reported_spans: list[tuple[int, int]] = []  # reported clauses, in text order
        self.short_forms: dict[str, Entity] = {}  # a surname used while one person had it: who it keeps naming

    def _entity(self, speaker: Speaker) -> Entity:
        key = name_key(speaker.name)
        if key not in self.entities:
            entity = self.entities[key] = Entity(speaker, gender=speaker.gender)
            words = key.split()
            for word in {words[0], words[-1]} if words else ():
                self.by_word.setdefault(word, []).append(entity)
        return self.entities[key]

    def _before(self, position: int, subjects_only: bool = False):
        """Events before `position`, nearest first, at most MAX_LOOKBACK of them."""
        end = bisect_left(self.events, position, key=lambda e: e.position)
        for event in reversed(self.events[max(0, end - MAX_LOOKBACK) : end]):
            if not (subjects_only and event.oblique):
                yield event.position, event.entity

    def _add(self, position: int, entity: Entity, oblique: bool = False) -> None:
        event = Event(position, entity, oblique)
        if not self.events or self.events[-1].position <= position:
            self.events.append(event)  # names mostly come in text order
        else:
            insort(self.events, event, key=lambda e: e.position)

    def persons_named_between(self, start: int, end: int) -> set[str]:
        """The persons named between two offsets, as subjects or objects: who a paragraph is about."""
        first = bisect_left(self.events, start, key=lambda e: e.position)
        last = bisect_left(self.events, end, key=lambda e: e.position)
        return {e.entity.speaker.name for e in self.events[first:last] if e.entity.speaker.kind == "person"}

    def knows_word(self, word: str) -> bool:
        """Whether a person already named has this first name or surname ("Obi-Palmer" after "Kasey Obi-Palmer")."""
        words = name_key(word).split()
        if len(words) == 1:
            return any(e.speaker.kind == "person" for e in self.by_word.get(words[0], ()))
        return any(
            e.speaker.kind == "person" and name_key(e.speaker.name).split()[-len(words) :] == words
            for e in self.by_word.get(words[-1], ()) if words
        )

    def register_name(self, mention: Mention, position: int, oblique: bool = False) -> Entity | None:
        """Record a name the narration gives at `position`, folding spellings and surnames."""
        entity = self._resolve_name(mention, position)
        if entity is None:
            return None
        if mention.titles:
            entity.titles.add(mention.titles)
        if mention.gender and (entity.gender is None or entity.gender_guessed and not mention.gender_guessed):
            entity.gender, entity.gender_guessed = mention.gender, mention.gender_guessed  # "Ms" outranks a name's guess
        if len(mention.name.split()) > 1:
            entity.full_name_at = position
        self._add(position, entity, oblique)
        return entity

    def _resolve_name(self, mention: Mention, position: int) -> Entity | None:
        known = self.book.find(mention.name)
        if known:
            return self._entity(known)
        key = name_key(mention.name)
        words = key.split()
        if key in self.entities:
            entity = self.entities[key]
            if entity.speaker.kind == "organisation" and len(words) == 1 and not mention.organisation:
                person = next((e for e in self.by_word.get(key, ()) if e.speaker.kind == "person"), None)
                return person or entity  # "Kowalski has …" before "Ursula Kowalski": the person, once named
            return entity
        candidates = []
        for entity in self.by_word.get(words[-1], ()):
            their = name_key(entity.speaker.name).split()
            if mention.gender and not entity.fits(mention.gender) and not (entity.gender_guessed and not mention.gender_guessed):
                continue  # "Mrs Hill" is not Roger Hill, but "Ms Ní Sheaghdha" may be Phil Ní Sheaghdha
            if len(words) == 1 and words[0] in (their[-1], their[0]) and entity.speaker.kind == "person":
                candidates.append(entity)
            elif len(words) > 1 and len(their) > len(words) and their[-len(words) :] == words:
                candidates.append(entity)
        if candidates:
            settled = self.short_forms.get(key)
            if settled in candidates:  # "Mr. Hale" stays Teo Hale after his father, Warren Hale, is named
                return settled
            chosen = max(candidates, key=lambda e: e.full_name_at if e.full_name_at < position else -1)
            if len(candidates) == 1:
                self.short_forms[key] = chosen
            return chosen
        lex = lexicon()
        if len(words) == 1 and not mention.titles and not mention.organisation:
            if words[0] in lex.not_names:
                return None
        kind = "organisation" if mention.organisation else "person"
        name = mention.name
        if len(words) == 1 and mention.gender and mention.titles:  # "Mr Smith" keeps the honorific as the name
            name = mention.surface.strip().split()[0].rstrip(".").capitalize() + " " + mention.name
        entity = self._entity(Speaker(name=name, kind=kind, gender=mention.gender or None))
        entity.gender_guessed = entity.gender == mention.gender and mention.gender_guessed
        return entity

    def add_title(self, speaker: Speaker, title: str) -> None:
        """Remember a role the article gives a speaker, so "the chief executive" finds them later."""
        entity = self.entities.get(name_key(speaker.name))
        if entity is not None:
            entity.titles.add(title)

    def person_of_body(self, body: str, position: int) -> Entity | None:
        """The person last named with this body in their titles: "the Hezbollah official" after
        "Hezbollah deputy leader Sheikh Mohammad Hamadeh"."""
        wanted = set(name_key(body).split())
        if not wanted:
            return None
        for _, entity in self._before(position):
            if entity.speaker.kind == "person" and any(wanted <= set(title.split()) for title in entity.titles):
                return entity
        return None

    def person_titled(self, role: str, position: int) -> Entity | None:
        """The person last named before `position` whom the article gave this role ("defense minister")."""
        for _, entity in self._before(position):
            if entity.speaker.kind == "person" and any(t == role or t.endswith(" " + role) for t in entity.titles):
                return entity
        return None

    def mentioned(self, position: int, entity: Entity, oblique: bool = False) -> None:
        """Note that a description at `position` stood for an entity already known."""
        self._add(position, entity, oblique)

    def titled(self, description: str) -> Speaker | None:
        """The one person the article gives this description as a title ("KRG spokesperson"), if any."""
        wanted = description.lower()
        people = [e.speaker for e in self.entities.values() if e.speaker.kind == "person" and wanted in e.titles]
        return people[0] if len(people) == 1 else None

    def heard(self, position: int, speaker: Speaker) -> None:
        """Note that `speaker` was given a quote or reported speech at `position` (for "the spokesman added")."""
        insort(self.speakers_heard, (position, speaker), key=lambda heard: heard[0])

    def reported(self, start: int, end: int) -> None:
        """Note a reported clause: a person named inside one ("confirmed that captain Kieran Doyle will
        miss …") is what was said, and "he said" next is more likely the one who said it."""
        insort(self.reported_spans, (start, end))

    def _inside_reported(self, position: int) -> bool:
        at = bisect_left(self.reported_spans, (position, position + 1))
        return at > 0 and self.reported_spans[at - 1][1] > position

    def resolve(self, mention: Mention, position: int, besides: Speaker | None = None) -> Speaker | None:
        """The speaker a subject phrase at `position` stands for, or None; a pronoun is never `besides`."""
        if mention.kind == "name":
            entity = self.register_name(mention, position)
            return entity.speaker if entity else None
        if mention.kind == "pronoun":
            return self._pronoun(mention.gender, position, besides)
        if not mention.definite:
            speaker = Speaker(name=mention.head, kind="unnamed")
            entity = self._entity(speaker)
            entity.gender = entity.gender or lexicon().gendered_nouns.get(head_noun(mention.head))  # "a spokeswoman"
            self._add(position, entity)
            return speaker
        return self._description(mention, position)

    def asker(self, position: int) -> Speaker | None:
        """Whoever spoke last in this paragraph or the one before: the one a reply answers."""
        end = bisect_left(self.speakers_heard, position, key=lambda heard: heard[0])
        if not end:
            return None
        at, speaker = self.speakers_heard[end - 1]
        return speaker if bisect_right(self.paragraph_starts, position) - bisect_right(self.paragraph_starts, at) <= 1 else None

    def last_person_heard(self, position: int) -> Speaker | None:
        """The person who was last given a quote or reported speech before `position`."""
        end = bisect_left(self.speakers_heard, position, key=lambda heard: heard[0])
        for _, speaker in reversed(self.speakers_heard[max(0, end - MAX_LOOKBACK) : end]):
            if speaker.kind == "person":
                return speaker
        return None

    def _pronoun(self, gender: str | None, position: int, besides: Speaker | None = None) -> Speaker | None:
        if gender in ("n", "p"):
            for _, entity in self._before(position, subjects_only=True):
                if (entity.may_be_organisation() and not entity.named_alone) or (gender == "p" and entity.is_group()):
                    return entity.speaker
            if gender == "p":  # no group named before: "they" is the person last named (singular they)
                for _, entity in self._before(position, subjects_only=True):
                    if entity.speaker.kind == "person":
                        return entity.speaker
            return None
        if gender not in ("m", "f"):
            return None
        for subjects_only in (True, False):
            candidates = (
                (at, entity)
                for at, entity in self._before(position, subjects_only)
                if (entity.speaker.kind == "person" or entity.is_unnamed_person())
                and entity.fits(gender)
                and (besides is None or entity.speaker != besides)
                and not (subjects_only and self._inside_reported(at))
            )
            found = next(candidates, None)
            if found is None:
                continue
            at, entity = found
            if entity.gender is None:  # "Benning said … the Florida Highway Patrol closed …": she is Benning
                paragraph = bisect_right(self.paragraph_starts, at)
                for earlier, other in candidates:
                    if bisect_right(self.paragraph_starts, earlier) != paragraph:
                        break
                    if other.gender == gender:
                        entity = other
                        break
            entity.gender = gender
            return entity.speaker
        return None

    def _description(self, mention: Mention, position: int) -> Speaker | None:
        head = mention.head
        last = head.split()[-1] if head else ""
        if mention.definite and _is_epithet(head):  # "the 24-year-old", "the Spaniard", "the striker": the person just named
            kin = _kin_with_children(head) or last
            gender = lexicon().gendered_nouns.get(kin) or lexicon().kin_nouns.get(kin)  # "the actress", "the father-of-two"
            age = AGE.search(head)
            if age:  # "the 34-year-old" is whoever the article gave that age, a paragraph or more back
                aged = next((e for _, e in self._before(position) if e.age and age.group().startswith(e.age + "-")), None)
                if aged is not None:
                    return aged.speaker
            near = [e for pos, e in self._before(position, subjects_only=True) if position - pos <= EPITHET_REACH]
            demonyms = lexicon().demonyms
            people = [e for e in near if e.speaker.kind == "person" and (gender is None or e.fits(gender))]
            if last in demonyms:  # "the Dutchman" already is not "the Frenchman"
                people = [e for e in people if not any(t in demonyms and t != last for t in e.titles)]
            entity = next((e for e in people if gender and e.gender == gender), people[0] if people else None)
            if entity is not None:
                entity.gender = entity.gender or gender
                if last in demonyms:
                    entity.titles.add(last)
                return entity.speaker
        class_noun = mention.organisation and head in lexicon().class_nouns
        unnamed_allowed = True
        for _, entity in self._before(position):  # nearest first: "a U.S. defense official … the official" is not the
            speaker = entity.speaker  # Iraqi official named paragraphs before
            titles = set(entity.titles) | {t.lower() for t in speaker.titles}
            body_in_title = mention.organisation and speaker.kind == "person"  # "the hospital" is not its chief executive
            if not body_in_title and any(head == t or t.endswith(" " + head) or head in t.split(" ") for t in titles if t):
                return speaker
            if class_noun and speaker.kind == "organisation":
                unnamed_allowed = False  # "The company says …" before Homewise is named: Homewise, named since, is "the company"
            if unnamed_allowed and speaker.kind == "unnamed" and entity.head_noun() == last and entity.has_words(head):
                return speaker  # "a senior official … the official", never "the port authority … the transport authority"
        own_name = mention.own_words
        capitalised = [w for w in POST_MODIFIER.split(own_name, maxsplit=1)[0].split() if w[:1].isupper()]
        if capitalised:
            if mention.definite and not mention.organisation:
                person = self.person_of_body(" ".join(capitalised), position)
                if person:  # "the Hezbollah official said": the Hezbollah deputy leader named before
                    return person.speaker
            if not mention.organisation and last not in lexicon().spokes_nouns:
                for pos, entity in self._before(position, subjects_only=True):
                    if position - pos > NEAR_ENOUGH:
                        break
                    if entity.speaker.kind == "person":
                        return entity.speaker  # "Ursula von der Leyen has … the Commission president says"
            if not mention.organisation and len(head.split()) > 1 and head.split()[0] in lexicon().demonyms:
                heard = self.last_person_heard(position)  # "Rahmanzadeh stressed that … The Iranian diplomat also said"
                if heard:
                    return heard
            if not mention.organisation:
                return Speaker(name=own_name, kind="unnamed")
            entity = self._entity(Speaker(name=own_name, kind="organisation"))
            self._add(position, entity)  # "the Loyalty to the Resistance bloc said …": "the bloc" later finds it
            return entity.speaker
        if mention.organisation:
            for _, entity in self._before(position):
                speaker = entity.speaker
                if speaker.kind == "organisation" and last in name_key(speaker.name).split():
                    return speaker
            if class_noun:  # "Thames Water said … the company said"; not "… the central bank said"
                for pos, entity in self._before(position):  # "analysts at Goldman Sachs … the bank said"
                    if position - pos > CLASS_NOUN_REACH:
                        break
                    if _names_another_kind(entity.speaker.name, head):
                        continue  # "the company" is not the "Food and Drug Administration"
                    if entity.speaker.kind == "organisation" or (position - pos <= NEAR_ENOUGH and entity.may_be_organisation()):
                        return entity.speaker  # a known organisation paragraphs back, a name that may be one close by
        elif last in lexicon().spokes_nouns:  # "the spokesman added": whoever was quoted last; "the interior minister" is someone new
            heard = self.last_person_heard(position)
            if heard:
                return heard
        speaker = Speaker(name=own_name, kind="unnamed")
        self._add(position, self._entity(speaker))
        return speaker
