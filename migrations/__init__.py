"""Alembic's scripts, installed as the package `quotes._migrations` so that a wheel carries them."""
