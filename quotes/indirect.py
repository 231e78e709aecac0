"""Reported speech without quote marks, as kind `indirect`, the reported clause as text.

Three shapes of news English, each a small function:
- `reported_clause`: X said (on Monday / in a statement / to reporters) (that) CLAUSE;
- `fronted_clause`:  CLAUSE, X said.
- `participle_clause`: …, saying (that) CLAUSE, spoken by the subject of the main verb.
Only clauses whose speaker the article names are kept: reported speech from nobody is not
evidence a journalist can use.
"""

from __future__ import annotations

from dataclasses import replace
from itertools import islice

import regex

from quotes.lexicon import lexicon
from quotes.mentions import head_noun, parse_subject
from quotes.reading import COORDINATED_VERB, HEARD_ENDINGS, Reading, Subject, Verb
from quotes.records import Quote, Speaker
from quotes.sentences import Sentence

WORD = regex.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’\-]*")
# Words in -ing that are prepositions, not participles: "peaceful, barring minor scuffles" goes on.
ING_PREPOSITIONS = ("barring", "including", "excluding", "regarding", "concerning", "notwithstanding", "pending", "during")
CLAUSE_END = regex.compile(
    rf"(?P<punct>,[”\"’]?|[”\"’],)\s+(?=(?!(?:{'|'.join(ING_PREPOSITIONS)})\b)\p{{Ll}}+ing\b)|,\s+according to\b|;\s|:\s*(?=[“\"‘])"
)
DATELINE = regex.compile(
    r"\s*\p{Lu}[\p{Lu}\s\.\-]{1,40}(?:,\s*[\p{L}\.]{3,10}\s+\d{1,2})?\s*(?:\([^)]{1,30}\))?\s*[:—–-]\s+"
)
TEMPORAL = frozenset(
    ["yesterday", "today", "tonight", "recently", "previously", "already", "again", "later", "earlier", "afterwards", "afterward"]
)
SUBJECT_PRONOUNS = frozenset(["he", "she", "it", "they", "we", "i", "there"])
# What may follow the verb of a fronted clause: the sentence's end, a participle, or only a time.
FRONTED_END = regex.compile(
    r"(?:\s+(?:reporters|journalists|(?-i:(?:the\s+)?\p{Lu}[\p{L}'’]*(?:\s+\p{Lu}[\p{L}'’]*){0,3})))?"  # told the BBC
    r"(?:\s+(?:on|in|at)\s+(?-i:\p{Lu}[\p{L}'’]*(?:\s+\p{Lu}[\p{L}'’]*){0,2}))?"  # said on Telegram, in Geneva
    r"(?:\s+(?:on\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|last\s+\w+))?"
    r"\s*(?:[.!?]|,\s+\p{Ll}+ing\b|,\s+(?:according|as|while|after|but|and)\b|$)",
    regex.IGNORECASE,
)
# An aside before the clause: an age, a relative clause ("told the boy, who cannot be named, that …"), or
# an adverb set off by commas ("cautioned, however, that …").
OBJECT_ASIDE = regex.compile(
    r",\s*(?:\d{1,3}|(?:who|whom)\b[^,;:·“”\"]{1,100}|(?:however|though|moreover|meanwhile|nonetheless|nevertheless|also|too|again|instead))"
    r"\s*,(?=\s+that\b)|,\s*\d{1,3}\s*,"
)
PERSON_DESCRIBED = regex.compile(r"((?:The|A|An)\s+[^,·\n]{1,40}?)\s+(?:was|were|has|had|is|are)\b")
# A sentence opening with a subordinate clause: its reported clause ends where the main clause begins.
SUBORDINATE_OPENING = regex.compile(r"\s*(?:When|While|After|Before|Once|Although|Though|Because|If)\s")
SUBORDINATORS = frozenset(("as", "while", "when", "because", "since", "until", "before", "after", "although", "if"))
APPROXIMATE = frozenset(("around", "about", "over", "under", "nearly", "almost", "roughly", "some"))  # before a number
# A verb denied or refused just before it: "did not say", "has never said", "declined to say".
NEGATED = regex.compile(r"(?:\bnot|\bnever|n['’]t|\b(?:declined|refused|won['’]t|unwilling)\s+to)\s+(?:\p{Ll}+\s+)?$")
NEGATION_REACH = 40  # characters before a verb searched for its negation
NEGATION_HINTS = ("not", "n't", "n’t", "never", "declined", "refused", "unwilling", "won")  # one is in every NEGATED match
VERB_PARTICLES = frozenset(("out", "up"))  # the particle of a phrasal reporting verb: "pointed out that"
MIN_CLAUSE_WORDS = 3
SENTENCE_CLOSERS = ".!?”\"’'…)"  # how a paragraph of prose ends
EVENT_REACH = 10  # words at the head of a clause where the verb of a deed would stand
FINITE_REACH = 12  # words after a bare clause's first where its finite verb may stand: "says nutrient run-off from rivers such as the Amazon and the Congo is"
MAX_QUOTED_SHARE = 0.6  # of a reported clause's words: past it, the clause is a quote with a cue
MAX_OBJECT_WORDS = 8  # words of the one told before a "that"
MAX_OBJECT_NAME = 6  # words of a capitalised object after "told": titles and a full name
MAX_WORDS_TO_CLAUSE = 40  # the clause starts within this many words of its verb
LOOK_AHEAD = 3  # words _clause_start reads past the one it stands on
RECENT = 4  # clauses found lately, against which a new one is checked for overlap
FINITE = frozenset(["is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "should", "can", "may", "might", "must", "did", "does", "do"])
MARKS = "“”\"‘«»"
# Punctuation that ends the stretch a reported clause may open in; an abbreviation's dot ("Jan. 5") does not.
CLAUSE_STOP = regex.compile(rf"[,;:·{MARKS}]|\.(?!(?<=\p{{L}}\.)\s+\d)(?!(?<=\d\.)\d)")  # not "Jan. 5", not "8.5"


def _words_to(text: str, start: int, end: int, stop_at: int) -> list[regex.Match]:
    """The words after a verb up to the first stop, and LOOK_AHEAD more for the rules that peek past one."""
    words = []
    beyond = 0
    for word in islice(WORD.finditer(text, start, end), MAX_WORDS_TO_CLAUSE):
        words.append(word)
        if word.start() > stop_at:
            beyond += 1
            if beyond == LOOK_AHEAD:
                break
    return words


def _next_is_calendar(tokens: list[regex.Match], i: int, lex) -> bool:
    """Whether a day number dates the verb ("said 7 February", "said February 7") rather than counting ("said 23 officers")."""
    before = tokens[i - 1].group().lower() if i else ""
    after = tokens[i + 1].group().lower() if i + 1 < len(tokens) else ""
    return before in lex.calendar_words or after in lex.calendar_words


def _mostly_quoted(reading: Reading, start: int, end: int) -> bool:
    """Whether more than MAX_QUOTED_SHARE of the clause's words stand inside quote marks (masked)."""
    words = WORD.findall(reading.body, start, end)
    narrated = WORD.findall(reading.text, start, end)  # the masked text keeps only the unquoted words
    return len(words) - len(narrated) > MAX_QUOTED_SHARE * len(words)


def _finite_follows(tokens: list[regex.Match], i: int) -> bool:
    """A finite verb within FINITE_REACH words, and before any "that" (which opens the clause itself)."""
    for token in tokens[i + 1 : i + 1 + FINITE_REACH]:
        low = token.group().lower()
        if low == "that":
            return False
        if low in FINITE:
            return True
    return False


def _past_tense_follows(tokens: list[regex.Match], i: int) -> bool:
    """`said investors welcomed the move`, `saying taxpayers expect value`: a plural noun, then a verb
    (a lower-case word that is no function word)."""
    if i + 1 >= len(tokens) or not tokens[i].group().endswith("s") or not tokens[i].group().islower():
        return False
    following = tokens[i + 1].group()
    lex = lexicon()
    return following.islower() and len(following) > 2 and not (following in lex.not_names or following in lex.prepositions)


def _clause_start(reading: Reading, verb: Verb, end: int) -> int | None:
    """Where the reported clause begins after a verb, skipping its object and adverbials."""
    lex = lexicon()
    stop = CLAUSE_STOP.search(reading.text, verb.end, end)
    asides = []
    while stop and (aside := OBJECT_ASIDE.match(reading.text, stop.start(), end)):
        asides.append(aside.span())  # "told Peter Marsh, 52, that …", "told the boy, who …, that"
        stop = CLAUSE_STOP.search(reading.text, aside.end(), end)
    stop_at = stop.start() if stop else end
    tokens = _words_to(reading.text, verb.end, end, stop_at)
    if asides:
        tokens = [t for t in tokens if not any(a <= t.start() < b for a, b in asides)]
    i = 0
    object_done = verb.lemma not in lex.object_verbs
    while i < len(tokens):
        if tokens[i].start() > stop_at:
            return None  # punctuation between the verb and this word: no clause of its own follows
        word = tokens[i].group()
        low = word.lower()
        if low == "that":
            after = tokens[i].end()
            while after < end and reading.text[after].isspace():
                after += 1
            return after if i + 1 < len(tokens) or after < end else None  # a quote right after "that" is the clause's start
        if i == 0 and low in VERB_PARTICLES:
            i += 1  # "pointed out that", "spelled out that"
            continue
        if low in lex.calendar_words or (low.isdigit() and len(low) <= 2 and _next_is_calendar(tokens, i, lex)):
            i += 1
            continue
        approximate = low in APPROXIMATE and i + 1 < len(tokens) and tokens[i + 1].group()[:1].isdigit()
        if approximate and object_done and any(t.group().lower() in FINITE for t in tokens[i + 2 : i + 8]):
            return tokens[i].start()  # "said around 500 farms a year would pay": a number's "around", not a place's
        if low in SUBORDINATORS and i + 1 < len(tokens) and tokens[i + 1].group().lower() in SUBJECT_PRONOUNS:
            return None  # "tells me as we walk along the towpath": a clause of time, not what was said
        if low in {"the", "last", "this", "that"} and i + 1 < len(tokens) and tokens[i + 1].group().lower() in lex.time_nouns:
            i += 2
            while i < len(tokens) and tokens[i].group().lower() in {"before", "after", "earlier", "later", "ago"}:
                i += 1
            continue
        if low in lex.prepositions or low in TEMPORAL:
            i += 1
            taken = 0
            while i < len(tokens) and taken < 4:
                nxt = tokens[i].group().lower()
                if nxt in lex.prepositions or nxt == "that" or nxt in SUBJECT_PRONOUNS:
                    break
                i += 1
                taken += 1
                if nxt in lex.calendar_words or nxt in lex.time_nouns:
                    break  # "said on Sunday the group would …", "told lawmakers earlier in the day the …": a day ends the phrase
            continue
        if not object_done:
            object_done = True
            told_that = next((k for k in range(i, min(i + MAX_OBJECT_WORDS, len(tokens))) if tokens[k].group().lower() == "that"), None)
            if told_that is not None and tokens[told_that].start() <= stop_at:
                i = told_that  # "told the Qatari Al-Araby TV channel that …": all of it is the one told
                continue
            taken = 0
            while i < len(tokens) and (taken < 3 or taken < MAX_OBJECT_NAME and tokens[i].group()[:1].isupper()):
                nxt = tokens[i].group().lower()  # the one told: "reporters", "Prime Minister David Lane"
                if nxt == "that" or nxt in SUBJECT_PRONOUNS or nxt in lex.prepositions or nxt in SUBORDINATORS:
                    break
                if taken and nxt in lex.clause_openers:
                    break
                i += 1
                taken += 1
            continue
        if verb.form not in lex.bare_verbs and verb.form not in lex.finite_bare_verbs:
            return None
        opens = low in lex.clause_openers or word[:1].isupper() or word[:1].isdigit()
        if opens and verb.form in lex.bare_verbs:
            return tokens[i].start()
        if _finite_follows(tokens, i) or _past_tense_follows(tokens, i):
            return tokens[i].start()
        if low.endswith("ly"):
            i += 1
            continue
        return None
    return None


def _clause_end(reading: Reading, start: int, end: int) -> int:
    cut = CLAUSE_END.search(reading.text, start, end)
    stop = end
    if cut:
        punct = cut.group("punct") or ""
        stop = cut.start() + (len(punct) if any(m in punct for m in MARKS + "’") else 0)
    for verb in reading.verbs(start, stop):
        joined = COORDINATED_VERB.search(reading.text, start, verb.start)
        if joined:  # "… had passed but warned of …": the subject's next act, not what was said
            stop = joined.start()
            break
    while stop > start and (reading.body[stop - 1].isspace() or reading.body[stop - 1] in ".…"):
        stop -= 1
    return stop


def _common_noun_opening(reading: Reading, subject: Subject) -> bool:
    """A one-word subject that opens its sentence and that the article writes in lower case elsewhere:
    "Forecasters said", "Police said" name a group or a role, not someone."""
    mention = subject.mention
    if mention.kind != "name" or " " in mention.surface.strip() or reading.discourse.book.find(mention.name):
        return False
    opening = not reading.text[reading.sentences.around(subject.start).start : subject.start].strip()
    return opening and reading.writes_in_lower_case(mention.name)


def _tells_of_an_event(reading: Reading, start: int, end: int) -> bool:
    """Whether a clause's first words tell of a deed ("met", "signed", "discussed"), not of what was said."""
    events = lexicon().event_verbs
    return any(word.group().lower() in events for word in islice(WORD.finditer(reading.body, start, end), EVENT_REACH))


def _quote(reading: Reading, start: int, end: int, verb: Verb, subject, rule: str, confidence: float) -> Quote | None:
    words = islice(WORD.finditer(reading.body, start, end), MIN_CLAUSE_WORDS)  # counted no further than needed
    if start >= end or sum(1 for _ in words) < MIN_CLAUSE_WORDS:
        return None
    speaker = reading.resolve(subject)
    if speaker is None:
        return None
    named_family = subject.mention.head == "family" and speaker.name != "family"  # "the Fenwick family" is a source
    described_only = subject.mention.definite and speaker.name == subject.mention.own_words and not named_family  # "the ministry"
    if described_only or subject.mention.group or _common_noun_opening(reading, subject):
        return None  # reported speech is kept only where the article says whose it is: no group, no role alone
    if speaker.kind == "organisation" and _tells_of_an_event(reading, start, end):
        return None  # "Blinken spoke with Sudani by phone, the State Department said": a body's account of a deed
    if _mostly_quoted(reading, start, end):
        return None  # "said the meeting was “not a negotiation about …”": a quote, not speech without marks
    return Quote(
        reading.body[start:end], start, end, "indirect", speaker, subject.mention.surface.strip(), verb.form, rule, confidence
    )


def reported_clause(reading: Reading, sentence: Sentence, verb: Verb) -> Quote | None:
    """`X said on Monday that …`, `X told reporters …`, `X was quoted as saying …`."""
    if verb.form.endswith("ing") and not reading.text[sentence.start : verb.start].rstrip().endswith(HEARD_ENDINGS):
        return None
    start = _clause_start(reading, verb, sentence.end)
    if start is None or reading.body[start] in MARKS:
        return None
    subject = reading.subject_before(sentence.start, verb) or reading.coordinated_subject(sentence, verb)
    if subject is None:
        return None
    end = sentence.end
    if SUBORDINATE_OPENING.match(reading.text, sentence.start, verb.start):
        comma = reading.text.find(", ", start, end)  # "When the council admitted that it was broke, its leader quit"
        end = comma if comma > 0 else end
    return _quote(reading, start, _clause_end(reading, start, end), verb, subject, "reported_clause", 0.75)


def fronted_clause(reading: Reading, sentence: Sentence, verb: Verb) -> Quote | None:
    """`Iraq wants a swift withdrawal, the prime minister said.`"""
    if not FRONTED_END.match(reading.text, verb.end, sentence.end):
        return None
    subject = reading.subject_before(sentence.start, verb)
    if subject is None:
        return None
    comma = reading.text.rfind(",", sentence.start, subject.start)
    between = reading.text[comma + 1 : subject.start].split()
    if comma < 0 or len(between) > 2 or not all(word.isalpha() and word.islower() for word in between):
        return None  # only the subject, or a modifier of it ("…, regional Governor Oleh Syniehubov said"), after the comma
    start = sentence.start
    dateline = DATELINE.match(reading.text, sentence.start, comma)
    if dateline:
        start = dateline.end()
    while start < comma and reading.body[start].isspace():
        start += 1
    if reading.body[start] in MARKS or "·" in reading.text[start:comma]:
        return None
    opening = reading.text[start:comma].split(None, 1)
    if not opening or opening[0].lower() in lexicon().prepositions:
        return None  # "In a statement, his campaign said …": a phrase, not a clause
    if _is_event_report(reading, Sentence(start, comma), subject):
        return None
    return _quote(reading, start, comma, verb, subject, "fronted_clause", 0.7)


def _is_event_report(reading: Reading, clause: Sentence, subject: Subject) -> bool:
    """`Prince Faisal received a call from …, the Saudi Press Agency reported.`: an organisation
    telling what a person did is news of an event, not the organisation's speech."""
    if not (subject.mention.organisation or subject.mention.kind == "name" and subject.mention.name.isupper()):
        return False
    actor = reading.opening_subject(clause)
    if actor is not None:
        mention = actor.mention  # "Prince Faisal", not "Four in ten …"
        return mention.kind == "name" and not mention.organisation and mention.names_someone
    described = PERSON_DESCRIBED.match(reading.text, clause.start, clause.end)  # "The 45-year-old man was taken …"
    mention = parse_subject(described.group(1)) if described else None
    return mention is not None and mention.kind == "description" and not mention.organisation


def participle_clause(reading: Reading, sentence: Sentence, verb: Verb) -> Quote | None:
    """`…,” he added, saying that …`: the clause belongs to the main verb's subject."""
    before = reading.body[max(sentence.start, verb.start - 4) : verb.start].rstrip()
    if not verb.form.endswith("ing") or not (before.endswith(",") or before[-2:-1] == "," and before[-1] in MARKS + "’"):
        return None  # "…, saying", "… “without exceptions,” warning that"
    start = _clause_start(reading, verb, sentence.end)
    if start is None or reading.body[start] in MARKS:
        return None
    main = [v for v in reading.verbs(sentence.start, verb.start) if v.form in lexicon().indirect_verbs]
    subjects = (reading.subject_before(sentence.start, earlier) for earlier in reversed(main))
    subject = next((s for s in subjects if s), None) or reading.opening_subject(sentence)
    if subject is None:
        return None
    return _quote(reading, start, _clause_end(reading, start, sentence.end), verb, subject, "participle_clause", 0.7)


def _is_anonymous_source(speaker: Speaker | None) -> bool:
    return speaker is not None and speaker.kind == "unnamed" and head_noun(speaker.name) in lexicon().anonymous_source_nouns


def named_sources_only(reading: Reading, quotes: list[Quote]) -> list[Quote]:
    """Reported speech by an unnamed official, spokesperson or diplomat is left out, as the answer keys
    leave it out (a described person, "a 64-year-old restaurant owner", keeps theirs), unless the
    article names them later: "…, a KRG spokesperson told Rudaw. ¶ “…,” Peshawa Hawramani, the KRG
    spokesperson, said." Run once the whole article is read, so that later names are known."""
    kept = []
    for quote in quotes:
        if quote.kind == "indirect" and _is_anonymous_source(quote.speaker):
            named = reading.discourse.titled(quote.speaker.name)
            if named is None:
                continue
            quote = replace(quote, speaker=named)
        kept.append(quote)
    return kept


def find_indirect(reading: Reading) -> list[Quote]:
    """Every reported clause whose speaker the article names, verb by verb."""
    lex = lexicon()
    found: list[Quote] = []
    for verb in reading.verbs(0, len(reading.body)):
        if verb.form not in lex.indirect_verbs:
            continue
        para = reading.paragraph_of(verb.start)
        if para.index in reading.captions or para.index in reading.headlines:
            continue
        if reading.body[max(para.start, para.end - 8) : para.end].rstrip()[-1:] not in SENTENCE_CLOSERS:
            continue  # a line with no full stop is a headline, a subhead or a link: "Pentagon says talks ‘on track’"
        before = reading.text[max(0, verb.start - NEGATION_REACH) : verb.start]
        if any(hint in before for hint in NEGATION_HINTS) and NEGATED.search(before):
            continue  # "has not said whether", "declined to say": nothing was said
        sentence = reading.sentences.around(verb.start)
        quote = (
            participle_clause(reading, sentence, verb)
            or reported_clause(reading, sentence, verb)
            or fronted_clause(reading, sentence, verb)
        )
        if quote and not any(q.start < quote.end and quote.start < q.end for q in found[-RECENT:]):
            found.append(quote)
            reading.discourse.heard(quote.start, quote.speaker)  # "X said that … The Iranian diplomat added": X
            reading.discourse.reported(quote.start, quote.end)
    return found
