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


class CountingExtractor:
    """The real extractor, counting its calls (to prove unchanged articles are skipped)."""

    def __init__(self):
        from explorer.extract import extract_article

        self.inner = extract_article
        self.calls: list[str] = []

    def __call__(self, article):
        self.calls.append(article.id)
        return self.inner(article)


@pytest.fixture
def extractor():
    return CountingExtractor()


@pytest.fixture
def web():
    """A real HTTP server on 127.0.0.1 serving the test feed and pages (tests/httpd.py)."""
    from httpd import TestServer

    server = TestServer().start()
    yield server
    server.stop()
