"""Test tiers: tests/unit needs nothing; tests/integration gets the real Neo4j that this
suite starts once per session on a free port (or NEO4J_URI's server when set)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def neo4j_server(tmp_path_factory):
    """(uri, user, password, database): a throwaway local Neo4j, stopped at the end."""
    if os.environ.get("NEO4J_URI"):
        yield (
            os.environ["NEO4J_URI"],
            os.environ.get("NEO4J_USER", "neo4j"),
            os.environ.get("NEO4J_PASSWORD", ""),
            os.environ.get("NEO4J_DATABASE", "neo4j"),
        )
        return
    from explorer import local_neo4j

    data = tmp_path_factory.mktemp("neo4j-data")
    server = local_neo4j.start(data, port=None, heap="768m")
    print(f"\nlocal Neo4j for tests at {server.uri}, started in {server.started_in:.1f}s")
    try:
        yield (server.uri, "neo4j", "", "neo4j")
    finally:
        server.stop()
        shutil.rmtree(data, ignore_errors=True)
