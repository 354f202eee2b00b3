from __future__ import annotations

import pytest

from explorer.config import Settings
from explorer.graph.connection import connect
from explorer.graph.schema import apply_schema


@pytest.fixture(scope="session")
def settings(neo4j_server) -> Settings:
    uri, user, password, database = neo4j_server
    return Settings(uri=uri, user=user, password=password, database=database)


@pytest.fixture(scope="session")
def driver(settings):
    drv, _ = connect(settings)
    apply_schema(drv, settings.database)
    yield drv
    drv.close()


@pytest.fixture
def db(driver, settings):
    """A wiped database (schema kept) for one test: (driver, database name)."""
    driver.execute_query("MATCH (n) DETACH DELETE n", database_=settings.database)
    return driver, settings.database


@pytest.fixture
def cli_env(settings, monkeypatch):
    """Environment for running the CLI as a subprocess against the test database."""
    import os

    env = dict(os.environ)
    env.update(NEO4J_URI=settings.uri, NEO4J_USER=settings.user, NEO4J_PASSWORD=settings.password)
    return env
