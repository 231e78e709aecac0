"""Where the engine spends its time: cProfile of `process` over a corpus, articles read beforehand.

    python benchmarks/profile_engine.py /tmp/corpus25 --limit 2000 --top 25
    python benchmarks/profile_engine.py --stray-marks 400000     # one long paragraph of stray marks

Prints the engine's own MB/s (reading excluded) and the functions with the most time of their
own (file:line), then the most cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from pathlib import Path

from quotes.documents import find_files, read_article
from quotes.pipeline import process
from quotes.records import Article

STRAY = "He said “ it ” was \" fine ' and ‘ odd ’ then \" more “ words ’ "


def articles(args: argparse.Namespace) -> list[Article]:
    if args.stray_marks:
        body = STRAY * (args.stray_marks // len(STRAY))
        return [Article(path="stray.txt", name="stray.txt", body=body, sha256="0" * 64)]
    return [read_article(path) for path in find_files([args.corpus])[: args.limit]]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, nargs="?")
    parser.add_argument("--limit", type=int, default=2000, help="Articles to profile.")
    parser.add_argument("--stray-marks", type=int, default=0, help="Profile one paragraph of this many characters instead.")
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args(argv)
    if not args.corpus and not args.stray_marks:
        parser.error("give a corpus folder or --stray-marks N")
    found = articles(args)
    megabytes = sum(len(a.body.encode("utf-8")) for a in found) / 1e6
    start = time.perf_counter()
    for article in found:
        process(article)
    seconds = time.perf_counter() - start
    print(f"{len(found)} articles, {megabytes:.1f} MB: process {megabytes / seconds:.2f} MB/s without the profiler")
    profile = cProfile.Profile()
    profile.enable()
    for article in found:
        process(article)
    profile.disable()
    stats = pstats.Stats(profile)
    stats.sort_stats("tottime").print_stats(args.top)
    stats.sort_stats("cumulative").print_stats(args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
