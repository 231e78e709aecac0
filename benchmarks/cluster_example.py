"""The engine inside a cluster engine: a Dask bag maps `quotes.pipeline.process` over article files.

`process` is a pure function of one article, so any engine that maps a function over partitions
runs it unchanged; only the store stays a single writer. This example writes the quotes as JSON
lines (one file per partition), which `quotes build` does not read: in production, each
partition's JSON lines would be loaded by one writer, or the bag's workers would only extract and
a single `quotes build` would store. Dask is not a dependency of `quotes`:

    pip install 'dask[bag]'
    python benchmarks/cluster_example.py seeds /tmp/quotes-jsonl            # local processes
    python benchmarks/cluster_example.py /tmp/corpus25 /tmp/q --scheduler tcp://host:8786

The same shape in PySpark is `sc.parallelize(paths, n).mapPartitions(extract_partition)`.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from quotes.documents import BadInput, find_files, read_article
from quotes.pipeline import process


def extract_partition(paths: Iterable[str]) -> Iterator[str]:
    """JSON lines of every quote in these files; a file that cannot be read gives one error line."""
    for path in paths:
        try:
            article = read_article(path)
        except BadInput as err:
            yield json.dumps({"error": str(err)}, ensure_ascii=False)
            continue
        for quote in process(article):
            yield json.dumps(quote.as_record(article.name), ensure_ascii=False)


def main(argv: list[str] | None = None) -> int:
    import dask
    import dask.bag as db

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="A folder of article files.")
    parser.add_argument("out", type=Path, help="A folder for part-*.jsonl.")
    parser.add_argument("--partitions", type=int, default=8)
    parser.add_argument("--scheduler", default="processes", help="processes, threads, or a dask.distributed address.")
    args = parser.parse_args(argv)
    paths = [str(p) for p in find_files([args.source])]
    bag = db.from_sequence(paths, npartitions=min(args.partitions, len(paths)) or 1)
    lines = bag.map_partitions(extract_partition)
    args.out.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    if "://" in args.scheduler:
        from dask.distributed import Client

        with Client(args.scheduler):
            written = lines.to_textfiles(str(args.out / "part-*.jsonl"))
    else:
        with dask.config.set(scheduler=args.scheduler):
            written = lines.to_textfiles(str(args.out / "part-*.jsonl"))
    seconds = time.perf_counter() - start
    count = sum(1 for name in written for _ in open(name, encoding="utf-8"))
    print(f"{len(paths)} files, {count} lines in {len(written)} parts under {args.out} in {seconds:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
