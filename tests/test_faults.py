"""Faults: a build killed at any moment and run again ends with exactly a clean build's rows."""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from contextlib import closing
from pathlib import Path

from quotes.build import build

ROOT = Path(__file__).resolve().parent.parent
COPIES = 40
QUOTES_CLI = [sys.executable, "-c", "from quotes.cli import cli; cli()"]


def stored_articles(db: Path) -> int:
    try:
        with closing(sqlite3.connect(db, timeout=0.1)) as connection:
            return connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # not created or not migrated yet
        return 0


def many_copies(folder: Path) -> Path:
    folder.mkdir()
    for n in range(COPIES):
        for seed in sorted((ROOT / "seeds").glob("*.txt")):
            shutil.copy(seed, folder / f"{n:03}_{seed.name}")
    return folder


def test_a_build_killed_mid_way_then_run_again_equals_a_clean_build(tmp_path, tables):
    corpus = many_copies(tmp_path / "corpus")
    total = COPIES * 5
    db = tmp_path / "killed.db"
    child = subprocess.Popen([*QUOTES_CLI, "build", str(corpus), "--db", str(db)], stdout=subprocess.DEVNULL)
    deadline = time.monotonic() + 120  # a guard against a hung child, not a measurement
    while stored_articles(db) < 10 and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    child.send_signal(signal.SIGKILL)
    assert child.wait() == -signal.SIGKILL
    killed_at = stored_articles(db)
    assert 0 < killed_at < total, "the build was not killed mid-way"
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)  # readers were not blocked

    again = subprocess.run([*QUOTES_CLI, "build", str(corpus), "--db", str(db)], capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert f"{total - killed_at} new, {killed_at} unchanged" in again.stdout

    clean = tmp_path / "clean.db"
    build([corpus], clean, jobs=2)
    assert tables(db) == tables(clean)
    with closing(sqlite3.connect(db)) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
        assert connection.execute("INSERT INTO quotes_fts (quotes_fts) VALUES ('integrity-check')").fetchall() == []
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
