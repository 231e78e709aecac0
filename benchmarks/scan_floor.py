"""What the engine's regex passes cost alone, with no rule logic: the floor of its speed.

Each pass is one of the patterns the engine runs over every article (sentence boundaries, name
runs, reporting verbs, caption markers), iterated with `finditer` over the raw bodies. Left out:
paragraphs and quote marks (found with `str` methods) and date phrases (read only in paragraphs
a cheap test finds a date hint in). Whatever the rules do on top, `quotes extract` cannot be faster
than the sum of these passes on one core.

    python benchmarks/scan_floor.py /tmp/corpus25 --limit 2000
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from quotes import reading, sentences
from quotes.documents import find_files, read_article
from quotes.lexicon import lexicon


def passes() -> dict[str, object]:
    """The engine's own compiled patterns, by the job they do."""
    forms = frozenset(lexicon().verb_lemma)
    return {
        "sentence boundaries": sentences.BOUNDARY,
        "name runs": reading._name_run(),
        "reporting verbs": reading._verb_pattern(forms),
        "caption markers": reading._caption_pattern(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=2000, help="Articles to scan.")
    parser.add_argument("--repeat", type=int, default=3, help="Best of this many runs per pass.")
    args = parser.parse_args(argv)
    bodies = [read_article(path).body for path in find_files([args.corpus])[: args.limit]]
    megabytes = sum(len(body.encode("utf-8")) for body in bodies) / 1e6
    total = 0.0
    print(f"{len(bodies)} articles, {megabytes:.1f} MB; CPU seconds, best of {args.repeat}")
    for name, pattern in passes().items():
        best = float("inf")
        for _ in range(args.repeat):
            start = time.process_time()
            for body in bodies:
                for _match in pattern.finditer(body):
                    pass
            best = min(best, time.process_time() - start)
        total += best
        print(f"  {name:22} {best:6.3f} s")
    print(f"  {'all passes':22} {total:6.3f} s  -> at most {megabytes / total:.1f} MB/s with no rule logic at all")
    return 0


if __name__ == "__main__":
    sys.exit(main())
