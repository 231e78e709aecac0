"""The `quotes` command: thin wiring over the library modules, no rules here."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from quotes import __version__


@click.group()
@click.version_option(__version__, prog_name="quotes")
def cli() -> None:
    """Find, attribute, store and publish quotes from news articles."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json", "table"]),
    default="jsonl",
    show_default=True,
)
def extract(paths: tuple[Path, ...], fmt: str) -> None:
    """Print the quotes found in PATHS (files or folders), no database needed."""
    from quotes.documents import BadInput, find_files, read_article
    from quotes.pipeline import process

    records = []
    failed = False
    for path in find_files(paths):
        try:
            article = read_article(path)
        except BadInput as err:
            click.echo(f"quotes: {err}", err=True)
            failed = True
            continue
        records.extend(q.as_record(article.name) for q in process(article))
    if fmt == "jsonl":
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
    elif fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    else:
        for r in records:
            click.echo(
                f"{r['doc'][:12]:12} {r['kind']:8} {str(r['speaker'])[:28]:28} {r['text'][:70]}"
            )
    sys.exit(1 if failed else 0)


@cli.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option(
    "--docs",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    default=None,
    help="Folder of the articles the key names (default: seeds/ beside the key's project).",
)
@click.option("--quiet", is_flag=True, help="Scores only, no list of misses.")
def eval_(gold: Path, docs: Path | None, quiet: bool) -> None:
    """Score the engine against an answer key GOLD (JSONL)."""
    from quotes.evaluate import evaluate_files, format_report

    report = evaluate_files(gold, docs or Path("seeds"))
    click.echo(format_report(report, details=not quiet))
