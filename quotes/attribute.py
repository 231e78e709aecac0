"""Give each quote span its speaker and cue, by a sieve of rules from most to least precise.

Each rule looks at one span in its sentence and either answers with an `Attribution` or
passes; the first rule that answers wins, and its name is kept in `rule`. Rules that look
beyond the sentence (the same paragraph, the paragraph before) run in a second pass, once
every sentence-level answer is known.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache

import regex

from quotes.lexicon import lexicon, word_trie
from quotes.mentions import parse_subject
from quotes.reading import Reading, Subject, Verb
from quotes.records import Span, Speaker
from quotes.sentences import MASK, Sentence

WORDS = regex.compile(r"[\p{L}\p{N}]+")
OWNER_OF_WORDS = regex.compile(r"(?P<owner>(?:\p{Lu}[\p{L}\-]*\s+){0,3}\p{Lu}[\p{L}\-]*)(?:'s|’s|'|’)\s+(?:\p{Ll}+\s+)?(?P<noun>\p{Ll}+)\b")
REPLY_LEMMAS = frozenset(("reply", "answer", "respond", "retort"))
ACCORDING_TO = regex.compile(r"\baccording to\s+([^,.;:·“”\"]+)", regex.IGNORECASE)
MAX_CUE_WORDS = 20
COLON_INTRO = regex.compile(r"\s*(?P<subject>[^:·“”\"\n]{1,160}?)\s+(?P<verb>\p{Ll}[\p{Ll}\s]{0,30}?)\s*:\s*$")
# A short sentence of narration: a subject (capitalised words or a pronoun), then a lower-case verb.
ACTION_BEAT = regex.compile(r"\s*(?P<subject>(?:\p{Lu}[\p{L}'’\-\.]*\s){1,4}?|[Hh]e\s|[Ss]he\s)\p{Ll}[^.!?·]{0,80}[.!?]\s*$")
# A paragraph's opening: a list bullet, perhaps a capitalised "Says", a name, a colon, then the quote.
LABEL_COLON = regex.compile(r"\s*(?:[-–—•*]\s*)?(?:(?:Says|Adds|Said|Added)\s+)?(?P<who>[^:·“”\"\n]{2,80}?)\s*:\s*$")
# A dash, then a name (and perhaps its role after a comma) to the end of the paragraph.
DASH_CREDIT = regex.compile(r"[ \t]*[—–-]{1,2}[ \t]*(?P<name>[^,.;:!?·“”\"\n]{2,80}?)(?:,[^\n·“”\"]{0,80})?[.]?[ \t]*$")
# A cue after a partial quote stands apart from it: `“a disaster,” he said`, `‘a disaster’, he said`; never
# `accused Washington of “lying” when it claims …`, `must “stop feeling sorry” after a run of games left them …`.
CUE_APART = regex.compile(r"[,;!?]\s*$|\s*[,;—–]|\s+-")
INTRODUCTION_TAIL = regex.compile(r"^(?:\s+[^\s,:·“”\"]+){0,4}\s*[:,]?\s*$")


@dataclass(frozen=True)
class Attribution:
    """Who said a quote, the words that named them, the verb, the rule and its confidence."""

    speaker: Speaker | None
    mention: str | None
    cue: str | None
    rule: str
    confidence: float


def _close_end(span: Span) -> int:
    return span.close_mark + 1 if span.close_mark >= 0 else span.end


def _begin(span: Span) -> int:
    return span.open_mark if span.open_mark >= 0 else span.start


def _answer(reading: Reading, subject: Subject | None, verb: Verb, rule: str, confidence: float) -> Attribution | None:
    if subject is None:
        return None
    asker = reading.discourse.asker(subject.start) if verb.lemma in REPLY_LEMMAS and subject.mention.kind == "pronoun" else None
    speaker = reading.resolve(subject, besides=asker)  # “…?” a reporter asked. ¶ “…,” she replied: not the reporter
    unresolved = speaker is not None and subject.mention.definite and speaker.name == subject.mention.own_words
    if verb.lemma == "add" and unresolved:  # "The SNP MSP for Argyll and Bute added:": whoever spoke last goes on
        speaker = reading.discourse.last_person_heard(subject.start) or speaker
    if speaker is None:
        return None
    return Attribution(speaker, subject.mention.surface.strip(), verb.form, rule, confidence)


def cue_after_quote(reading: Reading, span: Span) -> Attribution | None:
    """`“…,” Smith said`, `“…,” said Mr Smith`, `“…,” the spokesman added`."""
    start = _close_end(span)
    sentence = reading.sentences.around(start)
    if not reading.text[start : sentence.end].strip():
        if span.close_mark < 1 or reading.body[span.close_mark - 1] not in "?!":
            return None
        sentence = reading.sentences.around(sentence.end)  # “What is the difference?” Rikabi said.
        if sentence.start < start or reading.paragraph_of(sentence.start) != reading.paragraph_of(start - 1):
            return None
    if span.kind == "partial" and not (CUE_APART.search(span.text) or CUE_APART.match(reading.text, start, sentence.end)):
        return None
    for verb in reading.verbs(start, sentence.end):  # the first verb may sit in an appositive: "who asked not to be named"
        if len(WORDS.findall(reading.text[start : verb.start])) > MAX_CUE_WORDS:
            return None
        if not reading.text[start : verb.start].strip(" \t,—–-"):
            subject = reading.subject_after(verb, sentence.end)
        else:
            subject = reading.subject_before(start, verb)
        if subject is None:
            continue
        if subject.mention.document:
            return None
        answer = _answer(reading, subject, verb, "cue_after_quote", 0.95)
        if answer:
            return answer
    return None


def cue_before_quote(reading: Reading, span: Span) -> Attribution | None:
    """`Smith said: “…”`, `He told reporters, “…”`: the cue introduces the quote."""
    begin = _begin(span)
    sentence = reading.sentences.around(begin)
    verbs = reading.verbs(sentence.start, begin)
    if not verbs:
        return None
    verb = verbs[-1]
    tail = reading.text[verb.end : begin]
    if not INTRODUCTION_TAIL.match(tail) or (tail.strip() and tail.strip()[-1] not in ":,"):
        return None
    participle = verb.form.endswith("ing") and reading.text[sentence.start : verb.start].rstrip().endswith(",")
    opening = reading.opening_subject(sentence) if participle else None  # "Turner, his aunt, shared a photo …, writing: “…”"
    subject = opening or reading.subject_before(sentence.start, verb) or reading.subject_after(verb, begin)
    return _answer(reading, subject, verb, "cue_before_quote", 0.9)


def colon_introduction(reading: Reading, span: Span) -> Attribution | None:
    """`Kim shot back: “…”`: a named subject and a few words of any verb, then a colon."""
    begin = _begin(span)
    return _introduced_by_colon(reading, reading.sentences.around(begin), begin)


def _introduced_by_colon(reading: Reading, sentence: Sentence, end: int) -> Attribution | None:
    """The named subject of a sentence that ends at `end` in a colon, whatever its verb."""
    intro = COLON_INTRO.match(reading.text, sentence.start, end)
    if not intro:
        return None
    owner = OWNER_OF_WORDS.match(intro.group("subject"))
    if owner and owner.group("noun") in lexicon().verdict_nouns:  # "Sallis’ response, in full, was:"
        subject = Subject(parse_subject(owner.group("owner")), intro.start("subject"))
    else:
        subject = Subject(parse_subject(intro.group("subject")), intro.start("subject"))
    if subject.mention is None or subject.mention.kind not in ("name", "pronoun"):
        subject = reading.opening_subject(sentence)  # "Another trader, Ali Hassan, was blunter: …"
    if subject is None or subject.mention.kind not in ("name", "pronoun"):
        return None
    mention = subject.mention
    speaker = reading.resolve(subject)
    if speaker is None:
        return None
    return Attribution(speaker, mention.surface.strip(), intro.group("verb"), "colon_introduction", 0.85)


def reporting_clause(reading: Reading, span: Span) -> Attribution | None:
    """A partial quote inside a reporting sentence goes to that sentence's subject."""
    begin = _begin(span)
    sentence = reading.sentences.around(begin)
    participle = None
    for verb in reversed(reading.verbs(sentence.start, begin)):
        if verb.form.endswith("ing") and reading.text[sentence.start : verb.start].rstrip().endswith(","):
            participle = verb  # "…, saying": its subject is the sentence's, found below if no other verb answers
            continue
        subject = reading.subject_before(sentence.start, verb) or reading.coordinated_subject(sentence, verb)
        answer = _answer(reading, subject, verb, "reporting_clause", 0.85)  # "… but said it would “watch closely”"
        if answer:
            return answer
    if participle:  # "Eluned Morgan thanked the crews, saying they had “gone above and beyond”"
        return _answer(reading, reading.opening_subject(sentence), participle, "reporting_clause", 0.8)
    return None


def document_cue(reading: Reading, span: Span) -> Attribution | None:
    """`“…,” the statement reads` or `according to the statement`: the issuer speaks."""
    start = _close_end(span)
    sentence = reading.sentences.around(_begin(span))
    verbs = reading.verbs(start, sentence.end)
    if verbs and len(WORDS.findall(reading.text[start : verbs[0].start])) <= MAX_CUE_WORDS:
        verb = verbs[0]
        subject = reading.subject_before(start, verb)
        if subject and subject.mention.document:
            return _answer(reading, subject, verb, "document_cue", 0.8)
    according = ACCORDING_TO.search(reading.text, sentence.start, sentence.end)
    if according:
        mention = parse_subject(according.group(1))
        if mention:
            subject = Subject(mention, according.start(1))
            speaker = reading.resolve(subject)
            if speaker:
                return Attribution(speaker, mention.surface.strip(), "according to", "according_to", 0.8)
    return None


def verdict_after(reading: Reading, span: Span) -> Attribution | None:
    """`“A thrilling return to form.” That was the verdict of Peter Bradshaw.`, `… So says Hannah
    Price.` or `… That was how Colley explained it`: the next sentence names whose words they were
    (the nouns are the lexicon's `verdict_nouns`)."""
    close = _close_end(span)
    sentence = reading.sentences.around(close)
    if sentence.end <= close or reading.text[close : sentence.end].strip():
        return None  # the quote must close its sentence
    after = sentence.end
    while after < len(reading.text) and reading.text[after].isspace():
        after += 1  # the next sentence may open the next paragraph
    following = reading.sentences.around(after)
    verdict = _verdict_pattern().match(reading.text, following.start, following.end)
    if not verdict:
        return None
    mention = parse_subject(verdict.group("who"))
    if mention is None or mention.kind == "pronoun":
        return None
    speaker = reading.resolve(Subject(mention, verdict.start("who")))
    return Attribution(speaker, mention.surface.strip(), None, "verdict_after", 0.8) if speaker else None


@lru_cache(maxsize=1)
def _verdict_pattern() -> regex.Pattern:
    nouns = word_trie(lexicon().verdict_nouns)
    verbs = word_trie(lexicon().verb_lemma)
    return regex.compile(
        rf"\s*(?:(?:That|This|Such)\s+(?:was|is|were|had\s+been)\s+(?:the\s+)?(?:\p{{Ll}}+\s+){{0,2}}?{nouns}"
        rf"\s+(?:of|from)|So\s+(?:says|said))\s+(?P<who>[^,.;:·“”\"]{{2,80}}?)\s*(?:[,.;:]|$)"
        rf"|\s*(?:That|This)\s+(?:was|is)\s+(?:how|what)\s+(?P<who>[^,.;:·“”\"]{{2,60}}?)\s+{verbs}\b"
    )  # "That was the verdict of X", "So says X", "That was how X explained"


def label_colon(reading: Reading, span: Span) -> Attribution | None:
    """`- Prime Minister Karen Doyle: “…”`, `Says Edith: “…”`: a paragraph opening with a name and a
    colon, as lists and transcripts set them out."""
    begin = _begin(span)
    paragraph = reading.paragraph_of(begin)
    label = LABEL_COLON.match(reading.text, paragraph.start, begin)
    if not label:
        return None
    mention = parse_subject(label.group("who"))
    if mention is None or mention.kind != "name":
        return None
    if not (mention.names_someone or reading.discourse.knows_word(mention.name)):
        return None  # a person's name, not a label such as "Note:" or "Update:"
    speaker = reading.resolve(Subject(mention, label.start("who")))
    return Attribution(speaker, mention.surface.strip(), None, "label_colon", 0.8) if speaker else None


def dash_credit(reading: Reading, span: Span) -> Attribution | None:
    """`“Every penny is accounted for.” — Rachel Reeves`: a name after a dash closes the paragraph."""
    start = _close_end(span)
    paragraph = reading.paragraph_of(span.start)
    credit = DASH_CREDIT.match(reading.text, start, paragraph.end)
    if not credit:
        return None
    mention = parse_subject(credit.group("name"))
    if mention is None or mention.kind != "name":
        return None
    speaker = reading.resolve(Subject(mention, credit.start("name")))
    return Attribution(speaker, mention.surface.strip(), None, "dash_credit", 0.8) if speaker else None


SENTENCE_RULES: list[Callable[[Reading, Span], Attribution | None]] = [
    cue_after_quote,
    cue_before_quote,
    colon_introduction,
    reporting_clause,
    document_cue,
    dash_credit,
    verdict_after,
    label_colon,
]


def same_paragraph(reading: Reading, index: int, done: dict[int, Attribution], cued_in: dict[int, list[int]]) -> Attribution | None:
    """A quote with no cue of its own, beside a quote of the same paragraph that has one."""
    span = reading.spans[index]
    cued = cued_in.get(span.paragraph)
    if not cued:
        return None
    sentence = reading.sentences.around(span.start)
    verbs = reading.verbs(sentence.start, _begin(span))
    if span.kind == "partial" and verbs and MASK not in reading.text[sentence.start : verbs[0].start]:
        return None  # "The owners said it was ‘unnecessary’": its own cue (no quote before it) names someone unresolved
    k = bisect_left(cued, index)
    nearest = min(cued[max(k - 1, 0) : k + 1], key=lambda i: abs(reading.spans[i].start - span.start))
    found = done[nearest]
    return Attribution(found.speaker, found.mention, found.cue, "same_paragraph", 0.75)


def introduced_above(reading: Reading, index: int, done: dict[int, Attribution], cued_in: dict[int, list[int]]) -> Attribution | None:
    """A quote-only paragraph after one that ends `Smith said:` (a block quote introduced above it)."""
    span = reading.spans[index]
    if span.paragraph == 0 or not reading.is_quote_only(span.paragraph):
        return None
    above = reading.paragraphs[span.paragraph - 1]
    if not reading.text[above.start : above.end].rstrip().endswith(":"):
        return None
    sentence = reading.sentences.around(above.end - 1)
    for verb in reversed(reading.verbs(sentence.start, above.end)):
        subject = reading.subject_before(sentence.start, verb) or reading.subject_after(verb, above.end)
        answer = _answer(reading, subject, verb, "introduced_above", 0.85)
        if answer:
            return answer
    found = _introduced_by_colon(reading, sentence, above.end)  # "Reardon, in a statement, took aim at Pruitt:"
    return replace(found, rule="introduced_above") if found else None


def quote_runs_on(reading: Reading, index: int, done: dict[int, Attribution], cued_in: dict[int, list[int]]) -> Attribution | None:
    """A quote running over paragraphs (no closing mark here) belongs to whoever its last paragraph names."""
    last = index
    while last < len(reading.spans) and reading.spans[last].close_mark < 0:
        last += 1
    if last == index or last >= len(reading.spans) or not (last in done and _cued(done[last])):
        return None
    found = done[last]
    return Attribution(found.speaker, found.mention, found.cue, "quote_runs_on", 0.75)


def continued_paragraph(reading: Reading, index: int, done: dict[int, Attribution], cued_in: dict[int, list[int]]) -> Attribution | None:
    """A paragraph that is only a quote, right after a quote by a known speaker."""
    span = reading.spans[index]
    if not reading.is_quote_only(span.paragraph):
        return None
    previous = [i for i in reading.spans_in_paragraph(span.paragraph - 1) if i in done]
    if not previous or done[previous[-1]].speaker is None:
        return None
    found = done[previous[-1]]
    return Attribution(found.speaker, found.mention, found.cue, "continued_paragraph", 0.7)


def narrated_above(reading: Reading, index: int, done: dict[int, Attribution], cued_in: dict[int, list[int]]) -> Attribution | None:
    """A quote-only paragraph with no cue, after a paragraph of narration: its last reporting
    verb's speaker (`He warned that the forecast was the concern. ¶ “We've got a cold front …”`),
    else the one person it names (`Teodora holds the violin up. ¶ “Maybe it will sing.”`)."""
    span = reading.spans[index]
    if span.kind != "direct" or span.paragraph == 0 or not reading.is_quote_only(span.paragraph):
        return None
    above = reading.paragraphs[span.paragraph - 1]
    if reading.spans_in_paragraph(above.index) or above.index in reading.captions or above.index in reading.headlines:
        return None
    for verb in reversed(reading.verbs(above.start, above.end)):
        sentence = reading.sentences.around(verb.start)
        subject = reading.subject_before(sentence.start, verb) or reading.subject_after(verb, sentence.end)
        answer = _answer(reading, subject, verb, "narrated_above", 0.6) if subject and not subject.mention.document else None
        if answer and answer.speaker.kind != "organisation":
            return answer
    named = reading.discourse.persons_named_between(above.start, above.end)
    if not named:  # "She holds up a vial, squints at the label, and puts it back. ¶ “Ask me in March.”"
        opening = reading.opening_subject(reading.sentences.around(above.start))
        speaker = reading.resolve(opening) if opening and opening.mention.kind == "pronoun" else None
        return Attribution(speaker, opening.mention.surface, None, "narrated_above", 0.55) if speaker else None
    if len(named) != 1:
        return None
    mention = parse_subject(next(iter(named)))
    speaker = reading.resolve(Subject(mention, above.start)) if mention else None
    return Attribution(speaker, mention.surface, None, "narrated_above", 0.55) if speaker else None


def action_beat(reading: Reading, index: int, done: dict[int, Attribution], cued_in: dict[int, list[int]]) -> Attribution | None:
    """`Natarajan shrugs. “It's mostly paperwork.”`: a quote that opens a sentence right after a
    sentence, in the same paragraph, whose subject is a person named or he/she, doing something."""
    span = reading.spans[index]
    begin = _begin(span)
    if span.kind != "direct" or begin <= 0:
        return None
    before = reading.sentences.around(begin - 1)
    paragraph = reading.paragraph_of(begin)
    if before.start < paragraph.start or before.end > begin or MASK in reading.text[before.start : begin]:
        return None
    beat = ACTION_BEAT.match(reading.text, before.start, begin)
    if not beat:
        return None
    mention = parse_subject(beat.group("subject"))
    if mention is None or mention.organisation or not (mention.kind == "name" or mention.gender in ("m", "f")):
        return None
    if mention.kind == "name" and not reading.discourse.knows_word(mention.name.split()[-1]):
        return None  # only a person already named: "Reuters reported the deal." is no one's beat
    speaker = reading.resolve(Subject(mention, beat.start("subject")))
    if speaker is None or speaker.kind != "person":
        return None
    return Attribution(speaker, mention.surface.strip(), None, "action_beat", 0.6)


def _cued(found: Attribution) -> bool:
    return found.speaker is not None and found.rule in SENTENCE_RULE_NAMES


SENTENCE_RULE_NAMES = {rule.__name__ for rule in SENTENCE_RULES} | {"according_to"}
CONTEXT_RULES = [introduced_above, same_paragraph, quote_runs_on, continued_paragraph, action_beat, narrated_above]
NOBODY = Attribution(None, None, None, "none", 0.0)


def attribute(reading: Reading) -> list[Attribution]:
    """One attribution per span of the reading, in span order.

    Context rules get `cued_in`: per paragraph, the spans a sentence rule attributed.
    """
    done: dict[int, Attribution] = {}
    for i, span in enumerate(reading.spans):
        if span.kind not in ("direct", "partial"):
            continue
        for rule in SENTENCE_RULES:
            answer = rule(reading, span)
            if answer:
                done[i] = answer
                reading.discourse.heard(span.start, answer.speaker)
                break
    cued_in: dict[int, list[int]] = {}
    for i in sorted(done):
        if _cued(done[i]):
            cued_in.setdefault(reading.spans[i].paragraph, []).append(i)
    for i, span in enumerate(reading.spans):
        if i in done or span.kind not in ("direct", "partial"):
            continue
        for rule in CONTEXT_RULES:
            answer = rule(reading, i, done, cued_in)
            if answer:
                done[i] = answer
                break
        else:
            done[i] = NOBODY
    return [done.get(i, NOBODY) for i in range(len(reading.spans))]
