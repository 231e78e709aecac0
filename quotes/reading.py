"""One article as the rules read it: masked narration, sentences, captions, and who is named.

Shared by the quote sieve (attribute.py) and the indirect-speech finder (indirect.py), so both
resolve a subject the same way.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import replace
from functools import lru_cache
from typing import NamedTuple

import regex

from quotes.documents import HEAD_LINES, TAIL_LINES, dateline_length, is_meta_line
from quotes.extract import Layout, Paragraph, layout
from quotes.lexicon import lexicon, word_trie
from quotes.mentions import AGENT_ENDINGS, HANDLE, POSSESSIVE_S, Discourse, Entity, Mention, parse_subject, without_party
from quotes.records import Span, Speaker
from quotes.sentences import Sentence, Sentences, masked
from quotes.speakers import SpeakerBook

WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’\-]*")
INDEFINITE = regex.compile(r"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s")
AFTER_INVERTED_SUBJECT = regex.compile(r"\s(?:in|on|at|during|after|before|to|when|as|while|last|yesterday|today)\s")
UNNAMED_REACH = 160  # "A senior official at the ministry, who asked not to be named, said"
SUBJECT_REACH = 400  # characters before a verb where its subject, appositives included, may start
JOINED_PARTICLES = frozenset(("al", "el", "bin", "ibn", "abu"))  # written joined to the name: al-Sudani
# One capitalised word of a name: a word, an initial, a nickname in marks, or a joined particle.
# The capital is tested once for both word shapes: `regex` tries an alternation's branches in turn.
CAPITAL_TOKEN = r"\p{Lu}(?:[\p{L}\p{M}'’\-\.]*\p{L}\.?|\.?)|[“\"]\p{Lu}[\p{L}\.]*[”\"]"
JOINED_TOKEN = rf"{word_trie(JOINED_PARTICLES)}-\p{{Lu}}[\p{{L}}\-]*"
NAME_TOKEN = f"(?:{CAPITAL_TOKEN}|{JOINED_TOKEN})"
JOINED_DASH = regex.compile(rf"(?<={word_trie(JOINED_PARTICLES)})-\p{{Lu}}")  # where a JOINED_TOKEN may be, found by its dash
OBLIQUE = regex.compile(r"\b(?:at|with|to|from|of|for|by|against|about|between|among|into|in|on)\s+(?:the\s+)?$")
# After an inverted verb: words up to punctuation, where a full stop before a capital is an abbreviation (Mr. Smith).
INVERTED_SUBJECT = regex.compile(r"\s+((?:[^,.;:!?·“”\"]|\.(?=\s*\p{Lu}))+)")
# A name set off by a comma that ends the clause: ", Helen Okoro." / ", Helen Okoro, said".
APPOSITIVE_NAME = regex.compile(rf"\s*,\s*({NAME_TOKEN}(?:\s{NAME_TOKEN}){{0,4}}|{HANDLE})\s*(?:[.,;:!?]|$)")
# "Her colleague", "his lawyer", "the firm's chief executive": a role someone holds, before their name.
POSSESSED_ROLE = regex.compile(r"(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ur|[Mm]y)\s+(\p{Ll}+(?:\s\p{Ll}+){0,2})")
WHOSE_ROLE = regex.compile(r"(?:^|,\s*)whose\s+(\p{Ll}+(?:\s\p{Ll}+){0,2})$")  # "…, whose general secretary"
QUOTED_AS = regex.compile(
    r"\s+(?:was|were|is|are|has\s+been|had\s+been|can\s+be|could\s+be)\s+(?:quoted|reported|cited|heard|recorded|seen|filmed)(?:\s+as)?$"
)
QUOTED_WHO_AS = regex.compile(r"(?r)\bquoted\s+([^,;:·“”\"]{2,80}?)\s+as$")
HEARD_ENDINGS = (" as", " heard", " seen", " filmed", " recorded")
# Adverbs between a subject and its verb: "The Iranian diplomat also pointed out", "He further stated".
VERB_ADVERBS = frozenset(("also", "further", "later", "earlier", "repeatedly", "previously", "again", "then", "once", "still",
                          "recently", "separately", "subsequently", "reportedly", "publicly", "privately", "immediately"))
ARTICLES_BEFORE = (" a ", " an ")  # lower-cased text before a name: "a FAIR Plan policy"
POSSESSIVE_BEFORE = (" his ", " her ", " their ", " its ", " my ", " our ")  # lower-cased text before a name
# A conjunction right before a reporting verb, searched backwards from the verb.
COORDINATED_VERB = regex.compile(r"(?r)(?:\s*[—–]\s*|,?\s+)(?:but|and)\s+(?:also\s+)?$")
SUBORDINATE_REACH = 80  # characters before a verb searched for "when X", "after X"
SUBORDINATE_BREAK = regex.compile(
    rf"(?r)\b{word_trie(('when', 'while', 'after', 'before', 'because', 'since', 'although', 'though', 'until', 'once'))}\s+(?=\p{{Lu}})"
)
WHERE_CLAUSE = regex.compile(r"(?r),\s+where\s+")  # "In Tahrir Square, where protesters chanted": the square speaks not
WHAT_PRONOUN = regex.compile(r"(?r)\b(?:what|which)\s+(he|she|they|it|we)$")
ONE_OF_THEM = regex.compile(r"(?:[Oo]ne|[Ss]ome|[Aa]nother)\s+of\s+(?:them|us|those)")
SEMI_AUXILIARY = regex.compile(r"\s+(?:used|has|have|had|is\s+going|was\s+going|ought)\s+to$")
BE_FORMS = frozenset(("is", "are", "was", "were", "be", "been", "being"))
LOWER_ROLE = regex.compile(r"(?:\s+\p{Ll}+){0,2}\s+(\p{Ll}+)\s+")  # up to three lower-case words, the last a role
OPENING_APPOSITIVE = regex.compile(
    rf"[^,·“”\"\n]{{3,60}},\s+(?P<name>{NAME_TOKEN}(?:\s{NAME_TOKEN}){{0,4}}|{HANDLE}),\s+(?=\p{{Ll}})"
)
WORD_BEFORE = regex.compile(r"(?r)\b(\p{Ll}{2,})\s+$")  # the lower-case word right before a name
ROLE_WORD_BEFORE_NAME = regex.compile(r"[ \t]+\p{Ll}+[ \t]+(?=\p{Lu})")  # "Top| scorer |Ben Whitfield"
NEXT_WORD = regex.compile(r"\s+(\p{Ll}+)")
LOWER_AFTER = regex.compile(r"\s+\p{Ll}")  # a lower-case word next: a subject's verb, or a clause going on ("accused Price of")
# Words after which a name still stands as a subject: clause links, and the verbs of an inverted cue.
SUBJECT_OPENERS = frozenset(("and", "but", "or", "that", "while", "when", "as", "after", "before", "because",
                             "if", "although", "though", "so", "then", "where", "whom", "says", "said", "added"))
SECOND_CAPITAL = regex.compile(r"(?<=\p{Lu}[\p{L}'’\-]+ )\p{Lu}[\p{L}'’\-]*\b")  # "Ishikawa" in "Haruto Ishikawa"
LOWER_WORD_RUN = regex.compile(r"\b\p{Ll}+\b")
AUXILIARY_AFTER = regex.compile(r"\s+(?:has|had|is|was|will|would|could|can|did|does)\s+\p{Ll}")
SENTENCE_ENDS = ".!?”\"’'"  # a paragraph ending so is prose or a quote, never a byline
OPENING_DESCRIPTION = regex.compile(r"(?:The|the)\s+((?:\p{Ll}+\s+){0,2}?\p{Ll}+)(?=\s+\p{Ll})")

# A description in commas after the name that opens a sentence, then its lower-case verb.
NAME_ASIDE = regex.compile(r",\s*(?P<aside>[^,·“”\"\n]{1,120}),\s+(?=\p{Ll})")
# "For Rahimian, the coming months will show …": a name a sentence opens on is its topic, not an object.
# "appearances for Wexham and Dunmore Athletic": a name joined to one after a preposition is no subject either.
COORDINATED_OBLIQUE = regex.compile(
    r"\b(?:at|with|to|from|of|for|by|against|about|between|among|into|in|on)\s+(?:the\s+)?(?:\p{Lu}[\p{L}'’\-]*\s+){1,4}and\s+$"
)
BODY_ROLE_BEFORE = regex.compile(r"((?:\p{Lu}[\p{L}\-]*\s+){1,3}(?:\p{Ll}[\p{L}\-]*\s+){0,2}\p{Ll}[\p{L}\-]*)\s+$")
LABEL_LEFT_COMMA = regex.compile(r"(?<=\S)\s{3,},$")  # the comma after a blanked party label ends no appositive
ROLE_IN_APPOSITION = regex.compile(r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+((?:[\p{L}\-’']+\s+){0,4}?[\p{Ll}\-]+),\s+$")
TITLE_OPENING = regex.compile(r"\s*(?:(?:\p{Lu}[\p{L}'’\-]*|of|the|and|for)\s+)*\p{Ll}+\s+")  # "Our North of England correspondent "
ROLE_AFTER_NAME = regex.compile(r",\s+the\s+((?:\p{L}[\p{L}\-]*\s+){0,2}?\p{Ll}[\p{Ll}\-]*)(?=\s+of\b|,)")
AGE_AFTER_NAME = regex.compile(r",\s*(\d{1,3}),")
WHO_CLAUSE_AFTER = regex.compile(r",\s+who\s+(?!is\b|was\b|has\b|had\b)\p{Ll}+")  # ", who shared", not ", who was killed"
OPENING_INDEFINITE_WHO = regex.compile(r"(?:^|(?<=[.!?]\s))((?:A|An)\s+[^,.;:!?“”\"\n]{2,80}?),\s+who\b", regex.MULTILINE)
NARRATOR_OBJECT = regex.compile(r"(?:^|[\s,;])(?:I|[Ww]e)\s+\p{Ll}+\s+$")  # "I find Vosburgh": the one a feature is about
TOPIC_BEFORE = regex.compile(r"(?:^|[.!?]\s+)(?:For|To)\s+$", regex.MULTILINE)
# A phrase of place, time or manner before a sentence's subject, set off by a comma.
FRONTED_PHRASE = regex.compile(
    r"(?:In|On|At|After|Before|During|Earlier|Later|Meanwhile|Separately|Since|Following|Under|Speaking|Writing)\b"
    r"[^,·“”\"\n]{0,80},\s+"
)
# Capitalised words, possessives and the joiners of a long title, then a lower-case verb.
OPENING_TITLED_NAME = regex.compile(
    r"((?:\p{Lu}[\p{L}\-\.]*(?:['’]s)?|of|for|the|al-\p{Lu}[\p{L}\-]*)(?:\s+(?:\p{Lu}[\p{L}\-\.]*(?:['’]s)?|of|for|the|and|al-\p{Lu}[\p{L}\-]*)){5,13})"
    r"(?=\s+\p{Ll})"
)
OPENING_PRONOUN = regex.compile(r"([Hh]e|[Ss]he|[Tt]hey|[Ww]e|I)(?=\s+\p{Ll})")
KIN_REACH = 20  # characters: "granddaughter, " fits
DOCUMENT_REACH = 2000  # characters before "it said" searched for the document it stands for
ISSUER_REACH = 20000  # how far back "the statement" looks for whoever issued it
MAX_APPOSITIVES = 3
RELATIVE_OPENERS = ("who ", "whose ", "which ", "where ", "whom ")
# The comma inside a body's name that lists its fields: "… of Housing, Communities and Local Government".
ORGANISATION_LIST = regex.compile(r",\s*\p{Lu}[\p{L}\-]*(?:,\s*\p{Lu}[\p{L}\-]*)*\s+and\s+\p{Lu}[\p{L}\-]*(?:\s+\p{Lu}[\p{L}\-]*)*(?=\s|$)")
NAME_OF_BEFORE = regex.compile(r"(?r)\b(?:of|for)\s+\p{Lu}[\p{L}\-]*$")
# A title inside a phrase after a preposition: "the assassination of top Hezbollah commander Imad Mughniyeh";
# not "North of England correspondent Dan Whitcliffe", a title holding "of".
TITLED_OBJECT = regex.compile(r"\b\p{Ll}+\s+(?:of|with|to|from|by|against|about|between|among)\s+(?:the\s+)?(?:\S+\s+){0,2}\p{Ll}+\s+$")
# The end of a body's name that runs on through a joiner: the name after it is still the body's.
NAME_JOIN_BEFORE = regex.compile(r"\p{Lu}[\p{L}'’\-]*\s+(?:and|of|for|&)\s+$")
LAST_BREAK = regex.compile(r"(?r)[,;:(—–]")  # searched backwards: the break nearest the verb
CLAUSE_LINKS = frozenset(("and", "but", "or", "that", "who", "which", "to"))  # a verb after these has its subject elsewhere
APPOSITIVE_CLOSERS = {",": ",", "–": "–", "—": "—", ")": "(", "--": "--"}
# "who gave her name only as Layla", "identified only by his first name, Omar", "a woman named Luz": the one
# name a described speaker is given.
NAMED_ONLY = regex.compile(
    r"\b(?:(?:gave|gives|giving|give)\s+(?:only\s+)?(?:his|her|their)\s+(?:first\s+)?name(?:\s+only)?(?:\s+as|,)"
    r"|(?:identified|known|named)\s+only\s+(?:as|by\s+(?:his|her|their)\s+(?:first\s+)?name,?)"
    r"|(?<=\p{Ll}\s)(?:named|called))"  # "a woman from Cebu named Luz"
    rf"\s+({NAME_TOKEN}(?:\s{NAME_TOKEN})?)\s*,?$"
)


class Verb(NamedTuple):
    """A reporting verb in the narration: where it stands, its form and its lemma (a tuple: made by the thousand)."""

    start: int
    end: int
    form: str
    lemma: str


class Subject(NamedTuple):
    """A subject phrase as parsed, and where it starts (for resolution against what came before)."""

    mention: Mention
    start: int
    role: str = ""  # a description in apposition ("John Smith, the chief executive,"): a title the article gives


GLUED = ("on", "in", "at")  # "confirmedon": a verb glued to the next word by a lost space
WORD_JOINERS = "'’-"  # a verb form right after one of these is part of another word (well-said)
# A verb form right after one of these is a noun: "the post reads", "a report said".
DETERMINERS = frozenset(("the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those", "every", "each"))
CAPTION_LINE = 120  # a label caption ("Ali Haddad Reuters") is shorter than this


@lru_cache(maxsize=2)
def _name_run(joined_first: bool = True) -> regex.Pattern:
    """Capitalised words in a row, with the particles names hold (Mohammed Shia al-Sudani, Ursula von der
    Leyen) and an ampersand (Gulf Coast Power & Light).

    Without `joined_first`, no run opens with a joined particle: in a text where no particle is
    joined to a capital the runs are the same, and the scan a sixth cheaper, since `regex` tries
    that lower-case branch at every character.
    """
    first = NAME_TOKEN if joined_first else f"(?:{CAPITAL_TOKEN})"
    return regex.compile(rf"{first}(?:(?:\s&)?\s(?:{word_trie(lexicon().name_particles)}\s){{0,2}}{NAME_TOKEN})*")


@lru_cache(maxsize=1)
def _caption_pattern() -> regex.Pattern:
    """Caption markers anywhere in a line, or an agency credit closing it ("… in Davos. AFP").

    Searched over the whole body at once (a line ends at a newline), not line by line.
    """
    lex = lexicon()
    markers, credits = word_trie(lex.caption_markers), word_trie(lex.credit_words)
    return regex.compile(rf"{markers}|\.[^\S\n]{credits}\.?(?=[^\S\n]*$)", regex.MULTILINE)


@lru_cache(maxsize=1)
def _document_by() -> regex.Pattern:
    """`a statement on behalf of Mr Fenwick's family`, `a letter from the club`: a document and its author."""
    nouns = word_trie(lexicon().document_nouns)
    return regex.compile(
        rf"\b(?:[Aa]n?|[Tt]he)\s+(?:[\p{{L}}\-]+\s+){{0,2}}?(?P<noun>{nouns})\s+(?:on\s+behalf\s+of|from|by|issued\s+by)\s+"
        r"(?P<who>(?:[^,.;:·“”\"\n]|\.(?=\s*\p{Lu}))(?:[^,.;:·“”\"\n]|\.(?=\s*\p{Lu})){1,59}?)\s*(?=[,;:·“”\"\n]|\.(?!\s*\p{Lu})|$)"
    )


@lru_cache(maxsize=1)
def _document_opening() -> regex.Pattern:
    """A sentence opening with a document as its subject: "The expanded order, issued at 9:40 p.m., covers …"."""
    nouns = word_trie(lexicon().document_nouns)
    return regex.compile(rf"\s*(?:The|This|That|Its|Their)\s+(?:[\p{{L}}\-]+\s+){{0,2}}?(?P<noun>{nouns})\b")


@lru_cache(maxsize=1)
def _described_role() -> regex.Pattern:
    """A definite role as a clause's subject: "the defense minister returned", ", the minister said"."""
    lex = lexicon()
    roles = word_trie(lex.person_roles - lex.organisation_nouns)
    return regex.compile(
        rf"(?:^|(?<=[.!?,;]\s))[Tt]he\s+(?P<role>(?:\p{{L}}[\p{{Ll}}\-]*\s+){{0,2}}(?:{roles}))(?=\s+(?:\p{{Ll}}+\s+)?\p{{Ll}}+\b)",
        regex.MULTILINE,
    )


@lru_cache(maxsize=1)
def _issued_document() -> regex.Pattern:
    """A document as the object of a verb that issues it: "Paul Okafor issued a statement on Wednesday"."""
    lex = lexicon()
    verbs, nouns = word_trie(lex.issuing_verbs), word_trie(lex.document_nouns)
    return regex.compile(rf"\b(?:{verbs})\s+(?:an?|the|its|his|her|their)\s+(?:[\p{{L}}\-]+\s+){{0,3}}?(?P<noun>{nouns})\b")


@lru_cache(maxsize=1)
def _organisation_appositive() -> regex.Pattern:
    """`, the smart home company` right after a one-word name: the name is an organisation's."""
    nouns = word_trie(lexicon().organisation_nouns)
    return regex.compile(rf",\s+(?:the|a|an)\s+(?:[\p{{L}}\p{{N}}'’\-]+\s+){{0,5}}?{nouns}\b")


@lru_cache(maxsize=2)
def _verb_pattern(forms: frozenset[str]) -> regex.Pattern:
    """Any of the verb forms as a whole lower-case word, or glued to a following on/in/at.

    The forms are compiled as a trie: `regex` tries an alternation's branches one by one, so a
    flat list of 270 forms scans five times slower than the trie.
    """
    glued = "|".join(GLUED)
    return regex.compile(rf"\b{word_trie(forms)}(?:{glued})?(?![\p{{L}}\p{{N}}'’\-])")


@lru_cache(maxsize=65536)
def _name_candidate(run: str) -> tuple[int, Mention] | None:
    """A run of capitalised words as a name: (offset of the name in the run, its mention), or None.

    Leading words that are no names ("In", "The") are dropped; a run all in capitals (a dateline)
    and a run that parses as anything but a name give None. Cached: names recur across articles.
    """
    not_names = lexicon().not_names
    tokens = run.split()
    if tokens and _closes_sentence(tokens[-1], lexicon().abbreviations):
        tokens[-1] = tokens[-1][:-1]  # "in São Paulo." names São Paulo
    offset = 0
    lemma = lexicon().verb_lemma
    dropped = not_names | lexicon().auxiliaries  # "In", "Are US troops leaving?"
    while tokens and (tokens[0].lower() in dropped or lemma.get(tokens[0].lower()) in ("say", "add")):  # "Says"
        offset += len(tokens.pop(0)) + 1
    if not tokens or all(t.isupper() and len(t) > 1 for t in tokens):
        return None
    mention = parse_subject(" ".join(tokens))
    if mention is None or mention.kind != "name":
        return None
    return offset, mention


@lru_cache(maxsize=65536)
def _names_in_run(run: str) -> tuple[tuple[int, Mention], ...]:
    """The names in a run of capitalised words, cut where a full stop inside it ends a sentence
    ("… troops in Syria. Washington said"): (offset in the run, mention) for each."""
    found = []
    offset = 0
    for piece in _sentence_pieces(run):
        candidate = _name_candidate(piece)
        if candidate:
            found.append((offset + candidate[0], candidate[1]))
        offset += len(piece) + 1
    return tuple(found)


def _closes_sentence(token: str, abbreviations: frozenset[str]) -> bool:
    """A word with the full stop of its sentence: "Syria.", not "Mr.", "Gen." or "U.S."."""
    word = token[:-1]
    return token.endswith(".") and len(word) > 1 and "." not in word and word.lower() not in abbreviations


def _sentence_pieces(run: str) -> list[str]:
    if ". " not in run:
        return [run]
    lex = lexicon()
    pieces: list[str] = []
    current: list[str] = []
    for token in run.split(" "):
        current.append(token)
        if _closes_sentence(token, lex.abbreviations):
            pieces.append(" ".join(current))
            current = []
    if current:
        pieces.append(" ".join(current))
    return pieces


def _is_role_word(word: str) -> bool:
    """A lower-case word that may name a role between capitalised words ("Top scorer Ben Whitfield"):
    no verb, auxiliary, preposition or clause link ("Police said Smith", "Hamas and Fatah")."""
    lex = lexicon()
    return not (word in lex.verb_lemma or word in lex.auxiliaries or word in lex.not_names or word in lex.prepositions or word in SUBJECT_OPENERS)


def _describes(phrase: str) -> bool:
    """Whether a capitalised aside is a description ("Tameside Council's executive member for …")
    rather than a name: it holds a lower-case role noun."""
    roles = lexicon().role_nouns
    return any(word in roles for word in phrase.split() if word.islower())


def _last_full_stop(text: str) -> int:
    """Where the last full stop that ends a sentence stands in `text` (-1 if none): not the dot of
    an initial or an abbreviation ("A U.S. defense official", "Mr. Smith")."""
    abbreviations = lexicon().abbreviations
    dot = text.rfind(". ")
    while dot > 0:
        word = text[:dot].rsplit(None, 1)[-1].rsplit(".", 1)[-1]
        if not ((len(word) == 1 and word.isupper()) or word.lower() in abbreviations):
            return dot
        dot = text.rfind(". ", 0, dot)
    return -1


def _named_only(phrase: str) -> tuple[int, Mention] | None:
    """The name a clause such as "who gave her name only as Layla" closing `phrase` gives its
    described speaker, and where it stands in the phrase."""
    if "name" not in phrase and "only" not in phrase and "called" not in phrase:
        return None  # every shape NAMED_ONLY knows holds one of the two words
    named = NAMED_ONLY.search(phrase)
    mention = parse_subject(named.group(1)) if named else None
    if named is None or mention is None or mention.kind != "name":
        return None
    return named.start(1), mention


class Reading:
    """An article prepared for the rules: masked text, sentences, captions, discourse."""

    def __init__(
        self, body: str, spans: list[Span], book: SpeakerBook, title: str | None = None, page: Layout | None = None
    ) -> None:
        page = page or layout(body, title)
        self.body = body
        self.spans = spans
        self.text = masked(body, spans)
        self.sentences = Sentences(body, spans)
        self.paragraphs: list[Paragraph] = page.paragraphs
        self._paragraph_starts = [p.start for p in self.paragraphs]
        self.captions = self._find_captions()
        self.metadata_lines = self._find_metadata_lines()
        self.headlines = page.headlines
        self._by_paragraph: dict[int, list[int]] = {}
        for i, span in enumerate(spans):
            self._by_paragraph.setdefault(span.paragraph, []).append(i)
        self._quote_only: dict[int, bool] = {}
        self.discourse = Discourse(book, self._paragraph_starts)
        self._reporting = self._find_verbs(frozenset(lexicon().verb_lemma))
        self._reporting_starts = [v.start for v in self._reporting]
        self._issuing: tuple[list[Verb], list[int]] | None = None
        self._subjects: dict[tuple[int, int], Subject | None] = {}
        self._lower_words: frozenset[str] | None = None  # words the body writes in lower case
        self._second_names: frozenset[str] | None = None  # capitalised words the body writes after another one
        self._register_names()
        self._register_unnamed_speakers()
        self._register_described_roles()

    def _find_captions(self) -> set[int]:
        """Paragraphs that caption a picture: a marker or a closing credit, or a short label line."""
        found = {self.paragraph_of(m.start()).index for m in _caption_pattern().finditer(self.body)}
        for para in self.paragraphs:
            if para.end - para.start < CAPTION_LINE and para.index not in found:
                line = self.body[para.start : para.end].strip()
                if not line[-1:].isalpha():  # most short lines end in a full stop or a mark: read no further
                    continue
                words = [w for w in line.split() if w[:1].isalnum()]  # "Advertisement - Continue Reading Below"
                if 1 < len(words) <= 5 and all(w[:1].isupper() for w in words):
                    found.add(para.index)
        return found

    def _find_metadata_lines(self) -> set[int]:
        """Byline, source and date lines above or below the story ("Morning Courier, 3 Jan 2024"): no one
        they name speaks, and a pronoun must not find them."""
        lines = ((para.index, self.body[para.start : para.end].strip()) for para in self._outside_story())
        return {index for index, line in lines if line[-1:] not in SENTENCE_ENDS and is_meta_line(line)}

    def _outside_story(self) -> list[Paragraph]:
        """Short paragraphs above the story's first long one or below its last, where bylines stand."""
        long = [para.index for para in self.paragraphs if para.end - para.start >= CAPTION_LINE]
        if not long:
            return self.paragraphs[:HEAD_LINES] + self.paragraphs[-TAIL_LINES:]
        return self.paragraphs[: min(long[0], HEAD_LINES)] + self.paragraphs[long[-1] + 1 :][-TAIL_LINES:]

    def paragraph_of(self, position: int) -> Paragraph:
        """The paragraph holding `position` (the last one past the end)."""
        k = bisect_right(self._paragraph_starts, position) - 1
        return self.paragraphs[max(k, 0)]

    def spans_in_paragraph(self, index: int) -> list[int]:
        """Indices of the spans that open in paragraph `index`, in order."""
        return self._by_paragraph.get(index, [])

    def is_quote_only(self, index: int) -> bool:
        """True when the paragraph's narration (outside its quotes) has no word."""
        if index not in self._quote_only:
            para = self.paragraphs[index]
            quoted = [self.spans[i] for i in self.spans_in_paragraph(index) if self.spans[i].kind in ("direct", "partial")]
            narration, done = [], para.start
            for span in quoted:
                narration.append(self.body[done : max(done, span.start)])
                done = max(done, span.end)
            narration.append(self.body[done : para.end])
            self._quote_only[index] = bool(quoted) and not WORD.search("".join(narration))
        return self._quote_only[index]

    def _register_names(self) -> None:
        """Record every person or organisation the narration names, in order."""
        runs = _name_run() if JOINED_DASH.search(self.text) else _name_run(joined_first=False)
        for para in self.paragraphs:
            if para.index in self.captions or para.index in self.headlines or para.index in self.metadata_lines:
                continue
            opening = dateline_length(self.body[para.start : para.end]) if para.index < HEAD_LINES else 0
            for match in runs.finditer(self.text, para.start + opening, para.end):  # "OSLO (AFP) -" names no one
                for offset, mention in _names_in_run(match.group()):
                    self._register_name(para, match.start() + offset, mention)

    def _register_name(self, para: Paragraph, start: int, mention: Mention) -> None:
        """One name, unless it is a bare word no one has been named by yet ("Washington")."""
        discourse = self.discourse
        before = self.text[max(para.start, start - 12) : start].lower()
        if mention.gender is None:
            mention = self._with_kin_gender(mention, para.start, start)
        words = mention.name.split()
        if not mention.organisation and len(words) > 1 and words[0].lower() not in lexicon().first_name_gender:
            if NAME_JOIN_BEFORE.search(self.text, max(para.start, start - 40), start):
                mention = replace(mention, organisation=True)  # "Institute for Political and International Studies"
        end = start + len(mention.surface)
        alone = False
        if before.endswith(POSSESSIVE_BEFORE) or before.endswith(ARTICLES_BEFORE) or before in ("a ", "an "):
            return  # "his Instagram Story", "a FAIR Plan policy": a thing someone has or a modifier, not someone
        if before.endswith("the "):
            self._register_described_person(para, start, end)
        if not (discourse.book.find(mention.name) or mention.organisation):
            if before.endswith("the "):
                return
            if not (mention.names_someone or discourse.knows_word(mention.name)):
                described = self.text.startswith(",", end) and _organisation_appositive().match(self.text, end, para.end) is not None
                alone = not described and self._is_body_named_alone(mention.name, end)
                if not (alone or described):
                    return
                mention = replace(mention, organisation=True)  # "Homewise, the smart home company," / "Skyways has"
        obliques = (OBLIQUE.search(before) and not TOPIC_BEFORE.search(self.text, para.start, start)) or self._follows_a_verb(before, start, end)
        words_before = before.split()
        role_before = bool(words_before) and words_before[-1] in lexicon().role_nouns  # "… of top Hezbollah commander X"
        obliques = obliques or (role_before and TITLED_OBJECT.search(self.text, max(para.start, start - 60), start) is not None)
        noun_after = NEXT_WORD.match(self.text, end, para.end)
        if noun_after and (noun_after.group(1) in lexicon().role_nouns or noun_after.group(1) in lexicon().group_nouns):
            obliques = True  # "the former Dunmore Athletic midfielder", "Kansas lawmakers": a modifier, not someone
        elif not obliques and before.endswith(" and "):
            obliques = COORDINATED_OBLIQUE.search(self.text, max(para.start, start - 80), start) is not None
        if obliques and WHO_CLAUSE_AFTER.match(self.text, end, para.end):
            obliques = False  # "caught the eye of star Aimee Castro, who shared their story": she acts next
        if obliques and NARRATOR_OBJECT.search(self.text, max(para.start, start - 20), start):
            obliques = False  # the person a first-person narrator meets is as much the topic as a subject
        entity = discourse.register_name(mention, start, bool(obliques))  # "at X", "accused Price of": not a subject
        if entity is None:
            return
        if alone:
            entity.named_alone = True  # "Skyways has apologised": for "the airline" to find, not a pronoun
        if role_before or before.endswith(", "):
            self._note_role_before(entity, para, start, role_before)
        self._note_what_follows(entity, para, end)

    def _note_what_follows(self, entity: Entity, para: Paragraph, end: int) -> None:
        """A role or an age in apposition after a name: "Daniel Carrow, the commander of the coalition,"
        is "the commander" later, "Lee Dunn, 34," is "the 34-year-old"."""
        role = ROLE_AFTER_NAME.match(self.text, end, para.end)
        if role and role.group(1).rsplit(None, 1)[-1].lower() in lexicon().person_roles:
            entity.titles.add(role.group(1).lower())
        age = AGE_AFTER_NAME.match(self.text, end, para.end)
        if age:
            entity.age = age.group(1)

    def _note_role_before(self, entity: Entity, para: Paragraph, start: int, role_before: bool) -> None:
        """A role right before a name, or in apposition before it, is one of its titles, for "the
        Hezbollah official" or "the prime minister" later: "Hezbollah deputy leader Sheikh X", "The
        Polish prime minister, X,"; never "the letter arrived from his insurer, X"."""
        lex = lexicon()
        role = (BODY_ROLE_BEFORE if role_before else ROLE_IN_APPOSITION).search(self.text, max(para.start, start - 60), start)
        if role is None:
            return
        words = role.group(1).lower().split()
        if words[-1] not in lex.person_roles:  # "Norwegian drugmaker Halvorsen Pharma" is a body's
            return
        if any(w in lex.prepositions or w in lex.verb_lemma or w in lex.clause_openers for w in words):
            return
        entity.titles.add(" ".join(words))

    def _register_described_roles(self) -> None:
        """`Speaking at a memorial, the defense minister returned to the subject.`: a role the article
        gave someone named before stands for them where it is the subject, so "he said" next finds them."""
        for found in _described_role().finditer(self.text):
            para = self.paragraph_of(found.start())
            if para.index in self.captions or para.index in self.headlines:
                continue
            role = found.group("role").lower()
            entity = self.discourse.person_titled(role, found.start())
            if entity is None and " " in role:  # "the American commander": the commander named before
                entity = self.discourse.person_titled(role.rsplit(None, 1)[-1], found.start())
            if entity is not None:
                self.discourse.mentioned(found.start(), entity)

    def _register_described_person(self, para: Paragraph, start: int, end: int) -> None:
        """`The Hezbollah official also addressed …`: a body's name before a role noun describes the
        person named before with that body in their titles; noted where it stands, so "he" finds them."""
        noun = NEXT_WORD.match(self.text, end, para.end)
        if noun is None or noun.group(1) not in lexicon().person_roles:
            return
        entity = self.discourse.person_of_body(self.text[start:end], start)
        if entity is not None:
            oblique = OBLIQUE.search(self.text, max(para.start, start - 16), start) is not None
            self.discourse.mentioned(start, entity, oblique)

    def _follows_a_verb(self, before: str, start: int, end: int) -> bool:
        """A name right after a lower-case word that is no clause link or role is an object ("beat
        Dayana Yastremska", "accused Price of"), not a subject; after a reporting verb only if the
        clause goes on ("said Price." is an inverted cue; "told BBC Sport." never is)."""
        word = WORD_BEFORE.search(before)
        if not word:
            return False
        low = word.group(1)
        lex = lexicon()
        if low in SUBJECT_OPENERS or low in lex.titles or low in lex.person_nouns or low in lex.kin_nouns:
            return False
        if low in lex.not_names or low in lex.auxiliaries:
            return False
        lemma = lex.verb_lemma.get(low)
        if lemma is None and low.endswith(AGENT_ENDINGS) and TITLE_OPENING.fullmatch(self.text, self.sentences.around(start).start, start):
            return False  # "Our North of England correspondent Dan Whitcliffe is": a title no list holds opens the sentence
        return lemma is None or lemma in lex.object_verbs or LOWER_AFTER.match(self.text, end) is not None

    def _is_body_named_alone(self, word: str, end: int) -> bool:
        """A one-word name before an auxiliary that the article never writes in lower case nor after
        another capitalised word: "Skyways has apologised", never "Talks were paused" (the article
        also writes "talks") nor "Ishikawa was careful" (after "Haruto Ishikawa" in a caption). The
        words the body writes after a capitalised word are listed last, and only where this one follows
        a space at all."""
        verb = NEXT_WORD.match(self.text, end)
        lemma = lexicon().verb_lemma.get(verb.group(1)) if verb else None
        if not word.isalpha() or not (AUXILIARY_AFTER.match(self.text, end) or (lemma and lemma != verb.group(1))):
            return False  # "Skyways has apologised", "Hezbollah denies rebuilding"; never "Indian state governments"
        if self.writes_in_lower_case(word):
            return False
        if f" {word}" not in self.body:
            return True
        if self._second_names is None:  # listed once, only for an article that needs it
            self._second_names = frozenset(SECOND_CAPITAL.findall(self.body))
        return word not in self._second_names

    def writes_in_lower_case(self, word: str) -> bool:
        """Whether the body also writes this word in lower case: "Forecasters said" opens a sentence on
        a common noun, which the article writes "forecasters" elsewhere."""
        low = word.lower()
        if low not in self.body:  # most such words are nowhere in the body: no need to list its words
            return False
        if self._lower_words is None:  # read once, and only for an article that needs it: linear in its length
            self._lower_words = frozenset(LOWER_WORD_RUN.findall(self.body))
        return low in self._lower_words

    def _with_kin_gender(self, mention: Mention, floor: int, start: int) -> Mention:
        """A name set beside a noun of kin takes its gender: "his wife, Peggy," is a woman."""
        words = self.text[max(floor, start - KIN_REACH) : start].rstrip(", ").rsplit(None, 1)
        kin = words[-1].rsplit("-", 1)[-1] if words else ""  # "great-grandson" is a grandson
        gender = lexicon().kin_nouns.get(kin) if words and words[-1].islower() else None  # "Mother Teresa" is no kin
        return replace(mention, gender=gender) if gender else mention

    def _register_unnamed_speakers(self) -> None:
        """Record "a senior official said" wherever it stands, so "the official" later finds it."""
        for verb in self._reporting:
            if not INDEFINITE.search(self.text, max(0, verb.start - UNNAMED_REACH), verb.end + 16):
                continue  # no "a …" or "an …" near the verb: no unnamed speaker to record
            sentence = self.sentences.around(verb.start)
            inverted = verb.form in lexicon().bare_verbs and verb.lemma not in lexicon().object_verbs  # "said a senior official"
            subject = self.subject_before(sentence.start, verb) or (self.subject_after(verb, sentence.end) if inverted else None)
            if subject and subject.mention.kind == "description" and not (subject.mention.definite or subject.mention.group):
                self.discourse.resolve(subject.mention, subject.start)
        for found in OPENING_INDEFINITE_WHO.finditer(self.text):  # "A senior official in the ministry, who asked not
            mention = parse_subject(found.group(1))  # to be named, was more candid. “…,” he told DER SPIEGEL"
            if mention and mention.kind == "description" and not mention.group and lexicon().person_nouns & set(mention.head.split()):
                self.discourse.resolve(mention, found.start())

    def _find_verbs(self, forms: frozenset[str]) -> list[Verb]:
        lemma = lexicon().verb_lemma
        text = self.text
        found = []
        for match in _verb_pattern(forms).finditer(text):
            start = match.start()
            if start and text[start - 1] in WORD_JOINERS:
                continue
            before = text[max(0, start - 7) : start].split()
            if before and text[start - 1] == " ":
                if before[-1].lower() in DETERMINERS:
                    continue  # "the post reads", "a report said": a noun, not the verb
                if before[-1].endswith(POSSESSIVE_S) and match.group().endswith("s"):
                    continue  # "Nasrallah's remarks showed": a plural noun ("Smith's said" is "Smith has said")
            if found and not text[found[-1].end : start].strip():
                continue  # "urged caution", "issued warnings": the object of the verb before, a noun
            word = match.group()
            if word not in forms:
                word = word[:-2]  # glued: "saidon"
            found.append(Verb(start, start + len(word), word, lemma.get(word, word)))
        return found

    def verbs(self, start: int, end: int, issuing: bool = False) -> list[Verb]:
        """Reporting verbs (and, if asked, verbs that issue a document) in the narration between two offsets."""
        if not issuing:
            found, starts = self._reporting, self._reporting_starts
        else:
            if self._issuing is None:
                merged = self._find_verbs(frozenset(lexicon().verb_lemma.keys() | lexicon().issuing_verbs))
                self._issuing = (merged, [v.start for v in merged])
            found, starts = self._issuing
        return found[bisect_left(starts, start) : bisect_left(starts, end)]

    def subject_before(self, clause_start: int, verb: Verb) -> Subject | None:
        """The subject phrase that stands before a verb, skipping auxiliaries and an appositive.

        Remembered per clause and verb: the sieve, the indirect-speech finder and the search for
        unnamed speakers ask about the same verbs.
        """
        key = (max(clause_start, verb.start - SUBJECT_REACH), verb.start)
        if key not in self._subjects:
            self._subjects[key] = self._subject_before(key[0], verb)
        return self._subjects[key]

    def _subject_before(self, clause_start: int, verb: Verb) -> Subject | None:
        lex = lexicon()
        stripped = self.text[clause_start : verb.start]
        if "(" in stripped or "-" in stripped:  # "Sen. Roger Whitfield (R-Miss.)", "Rep. Dale Whitacre, R-Ohio,": blanked, offsets hold
            stripped = LABEL_LEFT_COMMA.sub("", without_party(stripped).rstrip())  # "Dana Whitcomb, R-La., told": no aside
        stripped = stripped.rstrip()
        if stripped.endswith(HEARD_ENDINGS) and verb.form.endswith("ing"):
            quoted = QUOTED_WHO_AS.search(stripped)  # "the agency quoted Dmitry Peskov as saying"
            if quoted:
                return self._phrase_subject(clause_start, quoted.start(1), quoted.group(1))
            stripped = QUOTED_AS.sub("", stripped)  # "X was quoted as saying", "X can be heard saying"
        stripped = SEMI_AUXILIARY.sub("", stripped)  # "Luz used to tell the new girls that …"
        while stripped:
            words = stripped.rsplit(None, 1)
            if not (words[-1].lower() in lex.auxiliaries or words[-1] in VERB_ADVERBS) or words[-1][:1].isupper():
                break
            if words[-1].lower() in BE_FORMS and not verb.form.endswith("ing"):
                return None  # passive: "he was told", "she was described as": the subject hears, someone else speaks
            stripped = words[0].rstrip() if len(words) > 1 else ""
        last_word = stripped.rsplit(None, 1)[-1].lower() if stripped else ""
        relative = WHAT_PRONOUN.search(stripped, max(0, len(stripped) - 12)) if last_word in lex.pronouns else None
        if relative:  # "condemned what he called a “reckless act”": he
            return self._phrase_subject(clause_start, relative.start(1), relative.group(1))
        linked = SUBORDINATE_BREAK.search(stripped, max(0, len(stripped) - SUBORDINATE_REACH))
        if linked:  # "The debate gained urgency when Foreign Minister Fuad Hussein said …"
            subject = self._phrase_subject(clause_start, linked.end(), stripped[linked.end() :])
            if subject and subject.mention.kind == "name":
                return subject
        where = WHERE_CLAUSE.search(stripped, max(0, len(stripped) - SUBORDINATE_REACH))
        if where and "," not in stripped[where.end() :]:  # the verb is the relative clause's: its subject follows "where"
            subject = self._phrase_subject(clause_start, where.end(), stripped[where.end() :])
            if subject is None or subject.mention.kind != "pronoun":  # "Speaking from X, where she said …, Y said": Y
                return subject
        if not stripped or stripped.rsplit(None, 1)[-1].lower() in CLAUSE_LINKS:
            return None
        appositive = None
        if stripped.endswith(","):
            place = stripped.rfind(",", 0, len(stripped) - 1)
            role = stripped[stripped.rfind(",", 0, place) + 1 : place].split(None, 1) if place > 0 and "," in stripped[:place] else []
            tail = stripped[place + 1 : -1].split(None, 1)
            if role and role[0].lower() in ("a", "an", "the") and tail and tail[0] in lex.prepositions:
                stripped = stripped[: place + 1]  # "Hanne Solberg, a psychologist at X, in Trondheim, told": the place goes
        closer = "--" if stripped.endswith("--") else stripped[-1]  # "Halvorsen -- "T-Bone" to everybody -- said"
        if closer in APPOSITIVE_CLOSERS:
            opener = APPOSITIVE_CLOSERS[closer]
            cut = stripped.rfind(opener, 0, len(stripped) - len(closer))
            if cut <= 0:
                return None
            appositive = self._phrase_subject(clause_start, cut + len(opener), stripped[cut + len(opener) : -len(closer)])
            stripped = stripped[:cut].rstrip()
        before_appositive = stripped
        whose = WHOSE_ROLE.search(stripped) if appositive and appositive.mention.kind == "name" else None
        if whose:  # "the Johor Transport Workers' Union, whose general secretary, Mr Ravindran Subramaniam, said"
            return appositive._replace(role=whose.group(1).lower())
        for _ in range(MAX_APPOSITIVES):
            last_break = LAST_BREAK.search(stripped)
            cut = last_break.start() if last_break else -1
            while cut > 0 and stripped[cut] == "," and ORGANISATION_LIST.match(stripped, cut) and NAME_OF_BEFORE.search(stripped, 0, cut):
                last_break = LAST_BREAK.search(stripped, 0, cut)  # "Ministry of Housing, Communities and Local Government": one name
                cut = last_break.start() if last_break else -1
            if cut < 0 and "." in stripped:
                cut = _last_full_stop(stripped)
            subject = self._phrase_subject(clause_start, cut + 1, stripped[cut + 1 :])
            if subject or cut <= 0 or stripped[cut] != "," or self._reports(clause_start + cut + 1, clause_start + len(stripped)):
                break
            stripped = stripped[:cut].rstrip()  # "Sarah Jones, 34, from Leeds, said": one more appositive
        if subject and appositive:
            kinds = (subject.mention.kind, appositive.mention.kind)
            if kinds == ("description", "name"):  # "The housing secretary, Angela Rayner, said"
                return appositive._replace(role=subject.mention.head)
            if kinds == ("name", "description") and not appositive.mention.document:  # "Tom Park, the mayor, said"
                return subject._replace(role=appositive.mention.head)
            if kinds == ("description", "description") and subject.mention.definite and not appositive.mention.definite:
                return appositive  # "Her neighbour, a retired fisherman, said": the one described
        if subject is None and appositive and appositive.mention.kind == "name":
            role = LAST_BREAK.search(before_appositive)
            relation = POSSESSED_ROLE.fullmatch(before_appositive[role.end() if role else 0 :].strip())
            if relation:  # "Her colleague, Professor Luis Mendoza, said", "Speaking outside court, his solicitor, Amanda Grey, said"
                return appositive._replace(role=relation.group(1).lower())
        if subject is None and appositive and ONE_OF_THEM.fullmatch(before_appositive.rsplit(",", 1)[-1].strip()):
            return appositive  # "One of them, a woman from Cebu named Luz, used to tell …"
        return subject

    def _reports(self, start: int, end: int) -> bool:
        """Whether a piece between commas is a clause that reports ("said the timing was driven by …"),
        which no subject stands behind, rather than an aside ("34", "whose members write …")."""
        piece = self.text[start:end].lstrip()
        if piece.startswith(RELATIVE_OPENERS) or piece.split(" ", 1)[0].endswith("ing"):
            return False  # "whose members write …", "reporting from Washington"
        return bool(self.verbs(start, end))

    def _phrase_subject(self, clause_start: int, offset: int, phrase: str) -> Subject | None:
        if "·" in phrase:
            return None
        named = _named_only(phrase)
        if named:  # "One mother, who gave her name only as Layla,": the name she gave speaks
            return Subject(named[1], clause_start + offset + named[0])
        mention = parse_subject(phrase)
        if mention is None:
            return None
        return Subject(mention, clause_start + offset + (len(phrase) - len(phrase.lstrip())))

    def coordinated_subject(self, sentence: Sentence, verb: Verb) -> Subject | None:
        """`X said … but warned that …`: a verb joined by but/and shares the subject of the verb before it."""
        if not COORDINATED_VERB.search(self.text, sentence.start, verb.start):
            return None
        for earlier in reversed(self.verbs(sentence.start, verb.start)):
            subject = self.subject_before(sentence.start, earlier)
            if subject:
                return subject
        return self.opening_subject(sentence)  # "The Bank held rates but said it could cut them"

    def subject_after(self, verb: Verb, limit: int) -> Subject | None:
        """The subject of an inverted cue: `said Mr Smith, the chief executive`."""
        if self.text[max(0, verb.start - 3) : verb.start] == "to ":
            return None  # "to claim a victory": an infinitive has no subject after it
        if verb.lemma in lexicon().object_verbs:
            return None  # "telling residents: “…”": the one told, never the speaker
        rest = self.text[verb.end : limit]
        match = INVERTED_SUBJECT.match(rest)
        if not match:
            return None
        phrase = match.group(1)
        named = _named_only(phrase)
        if named:  # "said a mother who gave her name only as Layla"
            return Subject(named[1], verb.end + match.start(1) + named[0])
        phrase = AFTER_INVERTED_SUBJECT.split(phrase, maxsplit=1)[0]
        mention = parse_subject(phrase)
        if mention is None:
            return None
        subject = Subject(mention, verb.end + match.start(1))
        person_role = mention.kind == "description" and not (mention.document or mention.group or mention.organisation)
        if person_role and len(phrase) == len(match.group(1)):
            named = self._name_in_apposition(verb.end + match.end(1), limit)
            if named:  # "said the lab's director, Helen Okoro": the name speaks, the role is hers
                return named._replace(role=mention.head)
        return subject

    def opening_subject(self, sentence: Sentence) -> Subject | None:
        """The name or pronoun that opens a sentence, before its lower-case verb: the subject a
        participle clause later in it belongs to ("Eluned Morgan thanked them, saying …")."""
        at = sentence.start
        while at < sentence.end and self.text[at].isspace():
            at += 1
        at += dateline_length(self.body[at : min(sentence.end, at + 200)])  # "PHOENIX — Senator Maria Alvarez …"
        fronted = FRONTED_PHRASE.match(self.text, at, sentence.end)
        if fronted:  # "In a post on Threads, Homewise CEO Mirela Kovács defended the decision, writing …"
            at = fronted.end()
        run = _name_run().match(self.text, at, sentence.end)
        if run:
            end = self._past_role(run.end(), sentence.end)
            aside = NAME_ASIDE.match(self.text, end, sentence.end)  # "Tomás Echeverría, head of metals research at …, was"
            if aside and aside.group("aside")[:1].isupper() and not _describes(aside.group("aside")):
                aside = None  # "The Treasurer, Jim Chalmers, has": a name in apposition, not a description
            noun_after = NEXT_WORD.match(self.text, end, sentence.end)
            modifier = noun_after is not None and noun_after.group(1) in lexicon().role_nouns | lexicon().group_nouns
            role = ROLE_WORD_BEFORE_NAME.match(self.text, end, sentence.end)
            titled_run = None
            if role and not aside and _is_role_word(role.group().strip()):
                titled_run = _name_run().match(self.text, role.end(), sentence.end)
            if titled_run:  # "Top scorer Ben Whitfield, …, posted": a word and a role no list holds, then the name
                end, modifier = titled_run.end(), False
            if (LOWER_AFTER.match(self.text, end, sentence.end) or aside or titled_run) and not modifier:  # not "Iraqi officials …"
                mention = parse_subject(self.text[at:end])
                if mention and mention.kind == "name":
                    return Subject(mention, at)
        titled = OPENING_TITLED_NAME.match(self.text, at, sentence.end)
        if titled:  # "Secretary of Iran's Supreme National Security Council Ali-Akbar Hosseinpour also reacted …, writing"
            mention = parse_subject(titled.group(1))
            if mention and mention.kind == "name" and not mention.organisation:
                return Subject(mention, at)
        appositive = OPENING_APPOSITIVE.match(self.text, at, sentence.end)
        if appositive:  # "The Treasurer, Jim Chalmers, has ruled it out, saying …"
            mention = parse_subject(appositive.group("name"))
            if mention and mention.kind == "name":
                return Subject(mention, appositive.start("name"))
        described = OPENING_DESCRIPTION.match(self.text, at, sentence.end)
        if described and described.group(1).split()[-1] in lexicon().role_nouns:  # "The mayor hit back, accusing …"
            end = described.end()
            while (noun := NEXT_WORD.match(self.text, end, sentence.end)) and noun.group(1) in lexicon().role_nouns:
                end = noun.end()  # "the fire authority issued", not "the fire"
            mention = parse_subject(self.text[at:end].strip())
            if mention and mention.kind == "description":
                return Subject(mention, at)
        pronoun = OPENING_PRONOUN.match(self.text, at, sentence.end)
        if pronoun:
            mention = parse_subject(pronoun.group(1))
            return Subject(mention, at) if mention else None
        return None

    def _past_role(self, end: int, limit: int) -> int:
        """Where a name run ends once a lower-case role and the name after it are taken in:
        "Transport minister Helen Carr", "Road safety charity Brake" are one subject each."""
        role = LOWER_ROLE.match(self.text, end, limit)
        if role and role.group(1) in lexicon().role_nouns:
            name = _name_run().match(self.text, role.end(), limit)
            if name:
                return name.end()
        return end

    def _name_in_apposition(self, start: int, limit: int) -> Subject | None:
        """`, Helen Okoro` closing the clause right after an inverted description."""
        appositive = APPOSITIVE_NAME.match(self.text, start, limit)
        if not appositive:
            return None
        mention = parse_subject(appositive.group(1).rstrip("."))  # the sentence's full stop, not an initial's
        if mention is None or mention.kind != "name" or mention.organisation:
            return None
        return Subject(mention, appositive.start(1))

    def resolve(self, subject: Subject | None, besides: Speaker | None = None) -> Speaker | None:
        """The speaker a subject stands for (documents resolve to whoever issued them); a pronoun is
        never `besides`, the one a reply answers."""
        if subject is None:
            return None
        if subject.mention.document:
            return self.issuer(subject.mention.head, subject.start) or self._body_issuing(subject)
        if subject.mention.surface.strip().lower() == "it":
            author = self._author_of_document_before(subject.start)
            if author:  # "… read a statement on behalf of Mr Fenwick's family. ¶ “…,” it said."
                return author
        speaker = self.discourse.resolve(subject.mention, subject.start, besides)
        if speaker and subject.role:
            self.discourse.add_title(speaker, subject.role.lower())
        return speaker

    def _author_of_document_before(self, position: int) -> Speaker | None:
        """Whoever wrote the document named last in this paragraph or the one before, when the
        narration says whose it is ("a statement on behalf of the family", "a letter from X", "X
        issued a statement")."""
        paragraph = self.paragraph_of(position)
        floor = max(self.paragraphs[max(paragraph.index - 1, 0)].start, position - DOCUMENT_REACH)
        documents = list(_document_by().finditer(self.text, floor, position))
        if documents:
            return self._author_named(documents[-1])
        opened = self._issuer_of_document_named(floor, position)
        if opened:
            return opened
        issued = list(_issued_document().finditer(self.text, floor, position))
        return self.issuer(issued[-1].group("noun"), issued[-1].end()) if issued else None

    def _document_author(self, sentence: Sentence, hit: int) -> Speaker | None:
        """The author a document's own phrase names at `hit`: "a statement from Ms. Ferreira-Haynes"."""
        for found in _document_by().finditer(self.text, sentence.start, sentence.end):
            if found.start("noun") == hit:
                return self._author_named(found)
        return None

    def _author_named(self, found: regex.Match) -> Speaker | None:
        mention = parse_subject(found.group("who"))
        return self.discourse.resolve(mention, found.start("who")) if mention and mention.kind != "pronoun" else None

    def _issuer_of_document_named(self, floor: int, position: int) -> Speaker | None:
        """`The expanded order … covers the valley. It reads: …`: "it" is the document the sentence
        before opened with, and speaks for whoever issued it."""
        before = self.sentences.around(self.sentences.around(position).start - 1)
        opening = _document_opening().match(self.text, max(before.start, floor), position)
        return self.issuer(opening.group("noun"), opening.start("noun")) if opening else None

    def _speaker_after_document(self, sentence: Sentence, hit: int) -> Speaker | None:
        """`In a statement on Thursday, she averred that …`: the document opens the sentence, and
        whoever the sentence then says spoke issued it."""
        if self.verbs(sentence.start, hit):
            return None
        for verb in self.verbs(hit, sentence.end)[:2]:  # "In a statement posted to its Telegram channel, Hamas said"
            subject = self.subject_before(sentence.start, verb)
            if subject and not subject.mention.document:
                return self.discourse.resolve(subject.mention, subject.start)
        return None

    def _body_issuing(self, subject: Subject) -> Speaker | None:
        """The organisation a document's own words name: "a club statement", "a police statement"."""
        words = subject.mention.own_words.lower().split()
        if len(words) < 2 or words[-2] not in lexicon().organisation_nouns:
            return None
        body = Mention(f"the {words[-2]}", "description", head=words[-2], definite=True, organisation=True)
        return self.discourse.resolve(body, subject.start)

    def issuer(self, head: str, position: int) -> Speaker | None:
        """Who issued the document that "the statement" points back to."""
        pattern = regex.compile(rf"\b{regex.escape(head)}\b", regex.IGNORECASE)
        hits = [m.start() for m in pattern.finditer(self.text, max(0, position - ISSUER_REACH), position)]
        for hit in reversed(hits):
            sentence = self.sentences.around(hit)
            if self.paragraph_of(hit).index in self.captions:
                continue
            author = self._document_author(sentence, hit)
            if author:  # "Amy Castellanos read a statement from the district": the district's words
                return author
            for verb in reversed(self.verbs(sentence.start, hit, issuing=True)):
                subject = self.subject_before(sentence.start, verb)
                if subject and not subject.mention.document and subject.mention.kind != "pronoun":
                    speaker = self.discourse.resolve(subject.mention, subject.start)
                    if speaker:
                        return speaker
            speaker = self._speaker_after_document(sentence, hit)
            if speaker:
                return speaker
            owner = regex.search(rf"({NAME_TOKEN}(?:\s{NAME_TOKEN})*)['’]s\s+(?:\w+\s+)?$", self.text[sentence.start : hit])
            if owner:
                mention = parse_subject(owner.group(1))
                if mention:
                    return self.discourse.resolve(mention, sentence.start + owner.start())
        return None
