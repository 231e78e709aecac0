"""Shared fixtures: one database built from seeds/ per session, and a way to read a database whole."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
import uuid
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import create_engine, make_url, text

from quotes.build import build

ROOT = Path(__file__).resolve().parent.parent
# Tables whose rows are the database's content (FTS shadow tables follow from `quotes`).
CONTENT_TABLES = ("articles", "speakers", "speaker_aliases", "statements", "quotes", "alembic_version")


def read_tables(db: Path) -> dict[str, list[tuple]]:
    """Every row of every content table, in a stable order."""
    with closing(sqlite3.connect(db)) as connection:
        return {
            table: connection.execute(f"SELECT * FROM {table} ORDER BY 1").fetchall()
            for table in CONTENT_TABLES
        }


def build_seeds(db: Path) -> Path:
    """Build seeds/ into `db` from the project root, so stored paths read `seeds/...` as in quotes.db."""
    here = Path.cwd()
    os.chdir(ROOT)
    try:
        summary = build([Path("seeds")], db)
    finally:
        os.chdir(here)
    assert not summary.rejected, summary.rejected
    return db


@pytest.fixture(scope="session")
def built_db(tmp_path_factory) -> Path:
    """A SQLite database freshly built from seeds/ (do not write to it: copy it first)."""
    return build_seeds(tmp_path_factory.mktemp("built") / "quotes.db")


@pytest.fixture(scope="session")
def seed_rows(built_db) -> dict[str, list[tuple]]:
    return read_tables(built_db)


@pytest.fixture(scope="session")
def tables():
    """`tables(db)`: every row of every content table of a SQLite file, ordered."""
    return read_tables


def _postgres_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"))
    return found[-1].parent if found else None


@pytest.fixture(scope="session")
def postgres_url():
    """A SQLAlchemy URL of a throwaway PostgreSQL server started for the session (Debian's package)."""
    pg_bin = _postgres_bin()
    if pg_bin is None:
        pytest.skip("PostgreSQL server binaries not installed")
    folder = Path(tempfile.mkdtemp(prefix="quotes-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses root: run the server as the package's postgres user
        shutil.chown(folder, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    data, port = folder / "data", 54000 + os.getpid() % 1000

    def pg(*args: str) -> None:
        subprocess.run([*as_user, *args], check=True, capture_output=True)

    pg(str(pg_bin / "initdb"), "-D", str(data), "-A", "trust", "-U", "postgres")
    pg(str(pg_bin / "pg_ctl"), "-D", str(data), "-w", "-l", str(folder / "log"),
       "-o", f"-p {port} -k {folder} -c listen_addresses=''", "start")
    try:
        yield f"postgresql+psycopg://postgres@/postgres?host={folder}&port={port}"
    finally:
        pg(str(pg_bin / "pg_ctl"), "-D", str(data), "-m", "immediate", "stop")
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def pg_db(postgres_url):
    """A fresh, empty database on the session's server; its URL."""
    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(postgres_url).set(database=name).render_as_string(hide_password=False)
    yield url
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()
