"""Copy a quotes database (PostgreSQL, or any SQLAlchemy URL) into a SQLite file Datasette can serve.

The store may live on a server, but publishing is a SQLite file: the copy is migrated to head with
the project's own migrations (so the FTS table, its triggers and the views exist), filled table by
table in primary-key order with the ids kept, its `speaker_stats` summary recomputed from the copied
quotes, and sealed. It is written beside the target and moved over it only when complete, so a
failed snapshot leaves the target as it was.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import Connection, Engine, insert, inspect, make_url, select, text
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from quotes.db import alembic_config, database_url, is_sqlite, make_engine, seal, upgrade
from quotes.models import ArticleRow, QuoteRow, SpeakerAliasRow, SpeakerRow, StatementRow
from quotes.store import refresh_speaker_stats

# Parents before children, so every foreign key points at a row already copied.
TABLES = tuple(model.__table__ for model in (ArticleRow, SpeakerRow, SpeakerAliasRow, StatementRow, QuoteRow))
# Rows held in memory at once: a batch read from the source is written before the next is read.
BATCH = 1000


class SnapshotError(Exception):
    """The snapshot cannot be made; str(err) is one line saying why."""


@dataclass
class Snapshot:
    target: Path
    counts: dict[str, int]

    def line(self) -> str:
        c = self.counts
        return f"copied {c['articles']} articles, {c['quotes']} quotes, {c['speakers']} speakers into {self.target}"


def snapshot(source: str | Path, target: Path, batch: int = BATCH) -> Snapshot:
    """Copy every row of `source` into a new SQLite file at `target`, replacing it atomically."""
    url = database_url(source)
    try:
        shown = make_url(url).render_as_string(hide_password=True)  # error lines never show a password
    except (ArgumentError, ValueError):
        raise SnapshotError("SOURCE is neither a SQLAlchemy URL nor a SQLite file") from None
    try:
        source_engine = _source_engine(url)
    except SQLAlchemyError as err:
        raise SnapshotError(f"{shown}: {_reason(err)}") from None
    wal = target.with_name(target.name + "-wal")
    if wal.exists() and wal.stat().st_size:  # its frames would be replayed onto the new file
        raise SnapshotError(f"{target}: writes are still in its log ({wal.name}); let its writer finish first")
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    os.close(handle)
    partial = Path(name)
    umask = os.umask(0)
    os.umask(umask)
    partial.chmod(0o666 & ~umask)  # mkstemp's 0600 would hide the published file from its readers
    try:
        with source_engine.connect() as reader:
            _check_revision(reader, shown)
            upgrade(partial)
            writer_engine = make_engine(partial)
            try:
                counts = _copy(reader, writer_engine, batch)
                refresh_speaker_stats(writer_engine)
            finally:
                seal(writer_engine)
        os.replace(partial, target)
    except SQLAlchemyError as err:
        raise SnapshotError(f"{shown}: {_reason(err)}") from None
    except (CommandError, OSError) as err:
        raise SnapshotError(f"{target}: {err}") from None
    finally:
        source_engine.dispose()
        for leftover in (partial, *(partial.with_name(partial.name + s) for s in ("-journal", "-wal", "-shm"))):
            leftover.unlink(missing_ok=True)
    return Snapshot(target, counts)


def _source_engine(url: str) -> Engine:
    """An engine that reads the source in one consistent snapshot; never creates a missing SQLite file."""
    if is_sqlite(url):
        path = make_url(url).database
        if not path or not Path(path).is_file():
            raise SnapshotError(f"{path or url}: no such database")
        return make_engine(url)
    return make_engine(url).execution_options(isolation_level="REPEATABLE READ")


def _check_revision(reader: Connection, source: str) -> None:
    """The copy is made at head, so the source must be at head too, or its columns may differ."""
    if not inspect(reader).has_table("alembic_version"):
        raise SnapshotError(f"{source}: not a quotes database (no alembic_version table)")
    found = reader.execute(text("SELECT version_num FROM alembic_version")).scalar()
    head = ScriptDirectory.from_config(alembic_config(source)).get_current_head()
    if found != head:
        raise SnapshotError(f"{source}: at revision {found}, not {head}; upgrade it first (`quotes build --db ...`)")


def _copy(reader: Connection, writer_engine: Engine, batch: int) -> dict[str, int]:
    """Every table in primary-key order, `batch` rows at a time, in one transaction of the copy."""
    counts = dict.fromkeys((table.name for table in TABLES), 0)
    streaming = reader.execution_options(yield_per=batch)
    with writer_engine.begin() as writer:
        for table in TABLES:
            rows = streaming.execute(select(table).order_by(*table.primary_key.columns))
            for part in rows.partitions():
                writer.execute(insert(table), [row._asdict() for row in part])
                counts[table.name] += len(part)
    return counts


def _reason(err: SQLAlchemyError) -> str:
    """The driver's own first line, without SQLAlchemy's statement echo and background link."""
    message = str(getattr(err, "orig", None) or err).strip()
    return message.splitlines()[0] if message else type(err).__name__
