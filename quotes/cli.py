"""The `quotes` command: thin wiring over the library modules, no rules here."""

from __future__ import annotations

import json
import sys
import textwrap
from pathlib import Path

import click

from quotes import __version__


def _db_option(help_text: str = "The database `quotes build` wrote."):
    """The `--db FILE` option of the commands that read or write a SQLite file."""
    return click.option(
        "--db",
        "db_path",
        type=click.Path(dir_okay=False, path_type=Path),
        default="quotes.db",
        show_default=True,
        help=help_text,
    )


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
    from quotes.documents import BadInput, iter_files, read_article
    from quotes.pipeline import process

    failed = False
    written = 0
    if fmt == "json":
        click.echo("[", nl=False)
    for path in iter_files(paths):  # streamed: a corpus of millions of files is never listed
        try:
            article = read_article(path)
        except BadInput as err:
            click.echo(f"quotes: {err}", err=True)
            failed = True
            continue
        for warning in article.warnings:
            click.echo(f"quotes: {warning}", err=True)
        lines = []  # one write per article: click.echo flushes on every call
        for quote in process(article):  # one article at a time: memory stays flat whatever the corpus
            lines.append(_extract_line(quote, article.name, fmt, first=not written))
            written += 1
        if lines:
            click.echo("".join(lines), nl=False)
    if fmt == "json":
        click.echo("\n]" if written else "]")
    sys.exit(1 if failed else 0)


def _extract_line(quote, doc: str, fmt: str, first: bool) -> str:
    """One quote as `quotes extract --format FMT` prints it."""
    if fmt == "jsonl":
        return quote.as_json_line(doc)
    record = quote.as_record(doc)
    if fmt == "json":
        item = textwrap.indent(json.dumps(record, ensure_ascii=False, indent=2), "  ")
        return ("\n" if first else ",\n") + item
    return f"{record['doc'][:12]:12} {record['kind']:8} {str(record['speaker'])[:28]:28} {record['text'][:70]}\n"


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


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(exists=True, path_type=Path))
@click.option(
    "--db",
    default="quotes.db",
    show_default=True,
    help="A SQLite file, or a SQLAlchemy URL (sqlite:///x.db, postgresql+psycopg://...).",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Processes that read and extract; one process writes.",
)
def build(paths: tuple[Path, ...], db: str, jobs: int) -> None:
    """Store the quotes of PATHS (files or folders; default seeds/) in the database."""
    from quotes.build import build as run_build
    from quotes.documents import iter_files

    sources = list(paths) or [Path("seeds")]

    def progress(items):
        """A bar on a terminal, its length from a walk that counts the files and holds none."""
        if not sys.stderr.isatty():
            return items
        length = sum(1 for _ in iter_files(sources))
        return items if length < 50 else _progressbar(items, length)

    summary = run_build(
        sources,
        db,
        jobs=jobs,
        on_error=lambda message: click.echo(f"quotes: {message}", err=True),
        progress=progress,
    )
    click.echo(summary.line())
    sys.exit(1 if summary.rejected else 0)


@cli.command()
@click.argument("source")
@_db_option("The SQLite file to write (replaced whole, only once the copy is complete).")
def snapshot(source: str, db_path: Path) -> None:
    """Copy the database SOURCE (SQLAlchemy URL or SQLite file) into a SQLite file to serve."""
    from quotes.snapshot import SnapshotError
    from quotes.snapshot import snapshot as run_snapshot

    try:
        done = run_snapshot(source, db_path)
    except SnapshotError as err:
        click.echo(f"quotes: {err}", err=True)
        sys.exit(1)
    click.echo(done.line())


def _progressbar(items, length):
    with click.progressbar(items, length=length, label="Building", file=sys.stderr) as bar:
        yield from bar


def _iso_date(_ctx, param, value: str | None) -> str | None:
    from quotes.publish import is_date

    if value is not None and not is_date(value):
        raise click.BadParameter(f"{value!r} is not YYYY-MM-DD, YYYY-MM or YYYY", param=param)
    return value


@cli.command()
@_db_option()
@click.option("--host", default="127.0.0.1", show_default=True, help="0.0.0.0 to serve the network.")
@click.option("--port", type=int, default=8001, show_default=True)
def serve(db_path: Path, host: str, port: int) -> None:
    """Browse, search and query the quotes in Datasette (read-only)."""
    from quotes.publish import BadDatabase
    from quotes.publish import serve as run_site

    click.echo(f"Serving {db_path} at http://{host}:{port}/  (Ctrl-C to stop)", err=True)
    try:
        run_site(db_path, host=host, port=port)
    except BadDatabase as err:
        raise click.ClickException(str(err)) from None


@cli.command()
@_db_option()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "jsonl", "csv"]),
    default=None,
    help="Default: the extension of -o, else json.",
)
@click.option("--speaker", help="Any name or alias of the speaker, in any case.")
@click.option("--since", callback=_iso_date, help="Said on or after: YYYY-MM-DD, YYYY-MM or YYYY.")
@click.option("--until", callback=_iso_date, help="Said on or before: YYYY-MM-DD, YYYY-MM or YYYY.")
@click.option("--kind", type=click.Choice(["direct", "partial", "indirect"]))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), help="Default: stdout.")
def export(
    db_path: Path,
    fmt: str | None,
    speaker: str | None,
    since: str | None,
    until: str | None,
    kind: str | None,
    output: Path | None,
) -> None:
    """Write quotes with their speaker and article as JSON, JSON lines or CSV (UTF-8)."""
    import io

    from quotes.publish import EXPORT_FORMATS, BadDatabase, check_database, iter_quotes, write_export

    try:
        check_database(db_path)
    except BadDatabase as err:
        raise click.ClickException(str(err)) from None
    suffix = output.suffix.lstrip(".").lower() if output else ""
    fmt = fmt or (suffix if suffix in EXPORT_FORMATS else "json")
    rows = iter_quotes(db_path, speaker=speaker, since=since, until=until, kind=kind)
    if output:
        with output.open("w", encoding="utf-8", newline="") as out:
            count = write_export(rows, fmt, out)
        click.echo(f"{count} quotes written to {output}", err=True)
    else:
        out = io.TextIOWrapper(sys.stdout.buffer, encoding="utf-8", newline="", write_through=True)
        write_export(rows, fmt, out)
        out.detach()
