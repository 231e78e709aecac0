"""Alembic environment: configured in code by `quotes.db.alembic_config`, no alembic.ini.

Migrations run with SQLite foreign keys OFF (set outside the transaction, before BEGIN), since a
batch migration copies and drops tables; `PRAGMA foreign_key_check` runs before the commit instead.
"""

from __future__ import annotations

from alembic import context
from sqlalchemy import text

from quotes.db import include_name, make_engine
from quotes.models import Base


def run_migrations() -> None:
    engine = make_engine(context.config.get_main_option("sqlalchemy.url"), foreign_keys=False)
    try:
        with engine.connect() as connection:
            context.configure(
                connection=connection,
                target_metadata=Base.metadata,
                include_name=include_name,
                render_as_batch=True,
                transactional_ddl=True,
            )
            with context.begin_transaction():
                context.run_migrations()
                if connection.dialect.name == "sqlite":
                    broken = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
                    if broken:
                        raise RuntimeError(f"migration broke foreign keys: {broken[:5]}")
    finally:
        engine.dispose()


run_migrations()
