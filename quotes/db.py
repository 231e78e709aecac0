"""Engines, SQLite pragmas and migrations to head: how the store reaches a database.

SQLite needs care that other databases do not: Python's `sqlite3` does not wrap DDL in its
transactions and `PRAGMA foreign_keys` is ignored inside one, so the driver's own transaction
handling is switched off and SQLAlchemy emits BEGIN itself (SQLAlchemy's documented recipe).
"""

from __future__ import annotations

import sqlite3
import warnings
from importlib.resources import files
from pathlib import Path

from alembic import command, op
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, make_url

# The Alembic scripts: the repository's top-level migrations/, installed as the package
# quotes._migrations (pyproject.toml maps it), so an editable install finds the folder itself
# (new revisions land in the repository) and a wheel its own copy.
MIGRATIONS = Path(str(files("quotes._migrations")))


def database_url(db: str | Path) -> str:
    """A SQLAlchemy URL for `db`: a URL as given, or a path to a SQLite file."""
    text = str(db)
    if "://" in text:
        return text
    return f"sqlite:///{Path(text)}"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def make_engine(db: str | Path, *, foreign_keys: bool = True) -> Engine:
    """An engine for `db`; on SQLite with real transactions, foreign keys and a busy timeout."""
    url = database_url(db)
    if not is_sqlite(url):
        return create_engine(url)
    engine = create_engine(url)

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None
        dbapi_connection.execute(f"PRAGMA foreign_keys = {'ON' if foreign_keys else 'OFF'}")
        dbapi_connection.execute("PRAGMA busy_timeout = 30000")

    @event.listens_for(engine, "begin")
    def _begin(connection) -> None:
        connection.exec_driver_sql("BEGIN")

    return engine


def include_name(name: str | None, type_: str, _parent_names: dict) -> bool:
    """Alembic autogenerate filter: the FTS table and its shadow tables are not in the models."""
    return not (type_ == "table" and name is not None and name.startswith("quotes_fts"))


def alembic_config(db: str | Path) -> Config:
    """Alembic's configuration, set in code so the project needs no alembic.ini."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", database_url(db).replace("%", "%%"))
    return config


def upgrade(db: str | Path, revision: str = "head") -> None:
    """Migrate `db` to `revision` (creating it if needed); never rebuilds, so rows are kept."""
    command.upgrade(alembic_config(db), revision)


def downgrade(db: str | Path, revision: str) -> None:
    command.downgrade(alembic_config(db), revision)


def use_wal(engine: Engine) -> None:
    """Write-ahead log while building, so readers (`quotes serve`) are not blocked.

    Its commits are not synced to disk one by one (`synchronous = NORMAL`): under WAL that loses
    no committed transaction when the process is killed, and on power loss at most the last few,
    never the file's consistency; an fsync per article would cost the writer more than its SQL.
    The log is copied into the file every WAL_PAGES pages rather than SQLite's 1,000: an article
    writes ~60 pages, so that was a checkpoint (two fsyncs, hot pages copied again) every ~17.
    """
    if engine.dialect.name != "sqlite":
        return
    event.listen(engine, "connect", _build_pragmas)
    engine.dispose()  # connections opened before this point would keep syncing every commit
    with engine.connect() as connection:
        connection.connection.driver_connection.execute("PRAGMA journal_mode = WAL")


# Pages of write-ahead log (4 KiB each) between checkpoints while building: ~40 MB.
WAL_PAGES = 10_000


def _build_pragmas(dbapi_connection, _record) -> None:
    dbapi_connection.execute("PRAGMA synchronous = NORMAL")
    dbapi_connection.execute(f"PRAGMA wal_autocheckpoint = {WAL_PAGES}")


def seal(engine: Engine) -> None:
    """Checkpoint and leave the file in rollback-journal mode: one complete file to serve or commit."""
    if engine.dialect.name != "sqlite":
        return
    engine.dispose()
    with engine.connect() as connection:
        raw = connection.connection.driver_connection
        try:
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            raw.execute("PRAGMA journal_mode = DELETE")
        except sqlite3.OperationalError as err:  # a reader holds the file: its rows are safe in the log
            warnings.warn(f"{engine.url.database}: left in WAL mode ({err}); build again to seal it", stacklevel=2)
    engine.dispose()


def definition_at(revision: str, name: str) -> str:
    """A definition (a view's SQL, say) as an earlier revision wrote it: what a downgrade puts back.

    Alembic's replaceable-object recipe: each revision keeps its own text, none is repeated.
    """
    return getattr(op.get_context().script.get_revision(revision).module, name)
