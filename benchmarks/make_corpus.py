"""Write a benchmark corpus of SIZE megabytes of article files, streamed one article at a time.

Articles recombine the seeds' paragraphs with paragraphs made from templates: many names and
titles, straight and curly marks, British single quotes, "said Mr X" inversions, partial and
multi-paragraph quotes, reported speech, datelines and filler narration. Only one article is in
memory at a time, so 1 GB costs what 25 MB costs. The same seed gives the same corpus.

    python benchmarks/make_corpus.py 25 /tmp/corpus25
    python benchmarks/make_corpus.py 1024 /tmp/corpus1g --seed 7
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Iterator
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
FILES_PER_FOLDER = 1000

GIVEN = [
    "Amina", "Bruno", "Chen", "Dolores", "Emeka", "Farah", "Gustav", "Hiroshi", "Ines", "Jakub",
    "Kwame", "Lucia", "Mehmet", "Nadia", "Olumide", "Priya", "Quentin", "Rania", "Sven", "Tariq",
    "Ursula", "Valentina", "Wei", "Ximena", "Yusuf", "Zofia", "Margaret", "David", "Sarah", "Ahmed",
]
FAMILY = [
    "Okafor", "Lindqvist", "Haddad", "Moreau", "Takahashi", "Kowalski", "Mensah", "Fernandes",
    "al-Rashid", "O'Neill", "van der Berg", "Petrov", "Nakamura", "Osei", "Ibrahim", "Delacroix",
    "Ferreira", "Novak", "Castillo", "Whitfield", "Abdullah", "Brennan", "Sørensen", "Müller",
]
ROLES = [
    "the finance minister", "the interior minister", "a government spokesperson",
    "the mayor", "the central bank governor", "the opposition leader", "the union's general secretary",
    "a senior diplomat", "the head of the electoral commission", "the company's chief executive",
    "the police commissioner", "a military official who asked not to be named", "the health secretary",
]
ORGS = [
    "the ministry", "the World Health Organization", "the central bank", "the transport authority",
    "the United Nations", "the International Monetary Fund", "the port authority", "the teachers' union",
]
CITIES = ["LONDON", "NAIROBI", "SÃO PAULO", "WARSAW", "MANILA", "CAIRO", "OTTAWA", "KYIV", "LIMA", "OSLO"]
OUTLETS = ["Reuters", "AFP", "AP", "The Daily Ledger", "Morning Courier", "Coastal Times"]
VERBS = ["said", "added", "told reporters", "warned", "insisted", "explained", "argued", "noted", "said"]
WHEN = ["on Tuesday", "on 3 March", "last week", "in a statement", "at a news conference", "on Friday evening", ""]
SUBJECTS = [
    "the budget", "the reform", "the strike", "the ceasefire", "the new tariff", "the flood defences",
    "the vaccine programme", "the election", "the merger", "the pension plan", "the border crossing",
]
CLAIMS = [
    "will not survive another winter", "was never properly funded", "is the only way forward",
    "has been misunderstood by almost everyone", "must be delayed until the spring", "will cost far more than planned",
    "is working better than we hoped", "cannot be negotiated away", "puts thousands of jobs at risk",
]
FEELINGS = [
    "We are deeply concerned", "I have never seen anything like it", "Nobody should be surprised",
    "This is a turning point", "We will keep fighting", "Frankly, it is a disgrace", "We are cautiously optimistic",
]
NARRATION = [
    "Officials did not give a timetable for {subject}, and critics have questioned its cost.",
    "The announcement came after weeks of talks in {city_title}, where protesters gathered outside.",
    "Figures published this month showed {subject} had fallen behind schedule.",
    "Analysts expect {subject} to dominate the debate ahead of the vote in {city_title}.",
    "The plan, first proposed two years ago, has been revised several times since.",
    "Shares in the sector fell 3.4 per cent in early trading before recovering.",
]
MARKS = [("“", "”"), ('"', '"'), ("‘", "’"), ("“", "”"), ('"', '"')]


def person(rng: random.Random) -> tuple[str, str]:
    """(full name, short reference) for one invented speaker."""
    given, family = rng.choice(GIVEN), rng.choice(FAMILY)
    title = rng.choice(["Mr", "Ms", "Dr", "Mrs", ""])
    return f"{given} {family}", f"{title} {family}".strip() if title else family


def sentence(rng: random.Random, subject: str) -> str:
    if rng.random() < 0.5:
        return f"{rng.choice(FEELINGS)} about {subject}"
    return f"{subject[0].upper()}{subject[1:]} {rng.choice(CLAIMS)}"


def quote_paragraphs(rng: random.Random, full: str, short: str, role: str, subject: str) -> list[str]:
    """One to three paragraphs in one of the shapes news prose quotes people in."""
    left, right = rng.choice(MARKS)
    words = f"{sentence(rng, subject)}. {sentence(rng, subject)}"
    verb, when = rng.choice(VERBS), rng.choice(WHEN)
    shape = rng.randrange(9)
    if shape == 0:  # quote, then speaker
        return [f"{left}{words},{right} {full}, {role}, {verb} {when}.".replace(" .", ".")]
    if shape == 1:  # inversion: said Mr X
        return [f"{left}{words},{right} said {short}."]
    if shape == 2:  # speaker, colon, quote
        return [f"{short} {verb}: {left}{words}.{right}"]
    if shape == 3:  # partial quote inside narration
        return [f"{full} said {subject} {left}{rng.choice(CLAIMS)}{right} and called for calm."]
    if shape == 4:  # quote split by its cue
        return [f"{left}{sentence(rng, subject)},{right} {short} {verb}. {left}{sentence(rng, subject)}.{right}"]
    if shape == 5:  # multi-paragraph quote: no closing mark until the last paragraph
        return [
            f"{left}{words}.",
            f"{left}{sentence(rng, subject)}. {sentence(rng, subject)}.",
            f"{left}{sentence(rng, subject)},{right} {short} {verb}.",
        ]
    if shape == 6:  # reported speech
        return [f"{full}, {role}, {verb} that {subject} {rng.choice(CLAIMS)}."]
    if shape == 7:  # pronoun continuation
        return [f"{left}{words},{right} {rng.choice(['he', 'she', 'they'])} {verb}."]
    org = rng.choice(ORGS)
    return [f"{org[0].upper()}{org[1:]} said in a statement that {subject} {rng.choice(CLAIMS)}."]


def seed_paragraphs() -> list[str]:
    paragraphs = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        paragraphs.extend(p.strip() for p in text.split("\n") if len(p.strip()) > 40)
    return paragraphs


def article(rng: random.Random, seeds: list[str]) -> str:
    """One article: headline, optional byline/date line, dateline, and 8 to 30 paragraphs."""
    subject = rng.choice(SUBJECTS)
    city = rng.choice(CITIES)
    fields = {"subject": subject, "city_title": city.title()}
    people = [person(rng) for _ in range(rng.randint(1, 4))]
    lines = [f"{subject.split()[-1].capitalize()} row deepens as {people[0][0]} speaks out", ""]
    if rng.random() < 0.5:
        lines += [f"{rng.choice(OUTLETS)}, {rng.randint(1, 28)} {rng.choice(['Jan', 'March', 'June', 'Oct'])} 2024", ""]
    first = f"{city} ({rng.choice(OUTLETS)}) - " if rng.random() < 0.5 else f"{city}: "
    lines += [first + rng.choice(NARRATION).format(**fields), ""]
    for _ in range(rng.randint(8, 30)):
        roll = rng.random()
        if roll < 0.35:
            paragraphs = [rng.choice(seeds)]
        elif roll < 0.55:
            paragraphs = [rng.choice(NARRATION).format(**fields)]
        else:
            full, short = rng.choice(people)
            paragraphs = quote_paragraphs(rng, full, short, rng.choice(ROLES), subject)
        for paragraph in paragraphs:
            lines += [paragraph, ""]
    return "\n".join(lines)


def write_corpus(folder: Path, megabytes: float, seed: int = 1) -> tuple[int, int]:
    """Write articles under `folder` until `megabytes` MB (10**6 bytes) are written; (files, bytes)."""
    rng = random.Random(seed)
    seeds = seed_paragraphs()
    target = int(megabytes * 1_000_000)
    written = files = 0
    for data in _articles(rng, seeds):
        if written >= target:
            break
        sub = folder / f"{files // FILES_PER_FOLDER:05d}"
        if files % FILES_PER_FOLDER == 0:
            sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{files:08d}.txt").write_bytes(data)
        written += len(data)
        files += 1
    return files, written


def _articles(rng: random.Random, seeds: list[str]) -> Iterator[bytes]:
    while True:
        yield article(rng, seeds).encode("utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("megabytes", type=float)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.folder.exists() and any(args.folder.iterdir()):
        parser.error(f"{args.folder} is not empty")
    files, written = write_corpus(args.folder, args.megabytes, args.seed)
    print(f"{files} articles, {written / 1e6:.1f} MB in {args.folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
