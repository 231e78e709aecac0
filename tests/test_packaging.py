"""A wheel of the project carries its migrations and migrates a database from an installed copy.

migrations/ stays at the top of the repository, outside the package; pyproject.toml ships it as
the package `quotes._migrations`. An editable install reads the repository itself and would hide a
mistake there, so these tests build the wheel for real (offline, with the setuptools of the
`test` extra) and run it from a throwaway folder.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from alembic.script import ScriptDirectory

from quotes.db import alembic_config

ROOT = Path(__file__).resolve().parent.parent
BUILD_INPUTS = ("pyproject.toml", "README.md", "quotes", "migrations")
PIP = (sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet")

# Run from the installed copy: migrate a new file, then say where the code and scripts came from.
MIGRATE = """
import json, sys
from sqlalchemy import inspect, text
from quotes import db

db.upgrade(sys.argv[1])
engine = db.make_engine(sys.argv[1])
with engine.connect() as connection:
    revision = connection.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
print(json.dumps({
    "module": db.__file__,
    "migrations": str(db.MIGRATIONS),
    "tables": inspect(engine).get_table_names(),
    "views": inspect(engine).get_view_names(),
    "revision": revision,
}))
"""


def source_files(folder: Path, pattern: str) -> set[str]:
    """Files under `folder` matching `pattern`, relative to it, leaving out bytecode caches."""
    return {
        path.relative_to(folder).as_posix()
        for path in folder.rglob(pattern)
        if path.is_file() and "__pycache__" not in path.parts
    }


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The project's wheel, built from a copy of its sources (setuptools writes build/ beside them)."""
    source = tmp_path_factory.mktemp("source")
    for name in BUILD_INPUTS:
        if (ROOT / name).is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.egg-info")
            shutil.copytree(ROOT / name, source / name, ignore=ignore)
        else:
            shutil.copy2(ROOT / name, source / name)
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [*PIP, "wheel", "--no-deps", "--no-build-isolation", "--no-index", "-w", out, source],
        check=True,
    )
    (built,) = out.glob("quotes-*.whl")
    return built


def wheel_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_the_wheel_holds_every_migration_script(wheel):
    revisions = source_files(ROOT / "migrations" / "versions", "*.py")
    assert revisions  # the folder was read: an empty set would make the check below vacuous
    expected = {f"quotes/_migrations/{name}" for name in source_files(ROOT / "migrations", "*")}
    assert {f"quotes/_migrations/versions/{name}" for name in revisions} <= expected
    assert expected - wheel_names(wheel) == set()


def test_the_wheel_holds_every_module_of_the_package(wheel):
    """pyproject.toml lists the packages by hand: a new subpackage left off it fails here."""
    expected = {f"quotes/{name}" for name in source_files(ROOT / "quotes", "*.py")}
    assert expected - wheel_names(wheel) == set()


def test_an_installed_wheel_migrates_a_database_to_head(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [*PIP, "install", "--no-deps", "--no-index", "--target", target, wheel], check=True
    )
    db = tmp_path / "fresh.db"
    env = {**os.environ, "PYTHONPATH": str(target)}
    run = subprocess.run(
        [sys.executable, "-c", MIGRATE, str(db)],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=False,
    )
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)

    # This venv's editable install would supply the repository's migrations/ to a wheel lacking them.
    assert Path(report["module"]).is_relative_to(target)
    assert Path(report["migrations"]) == target / "quotes" / "_migrations"
    head = ScriptDirectory.from_config(alembic_config(db)).get_current_head()
    assert report["revision"] == head
    tables = {"articles", "speakers", "speaker_aliases", "quotes", "statements", "speaker_stats"}
    assert tables | {"quotes_fts"} <= set(report["tables"])
    assert "quote_list" in report["views"]
