from __future__ import annotations

import json

import pytest

from explorer import config
from explorer.errors import ConfigError
from explorer.graph import cypher
from explorer.local_neo4j import free_port, port_is_free


def test_environment_wins_and_password_never_shows(monkeypatch):
    settings = config.load_settings(
        {"NEO4J_URI": "neo4j+s://x.databases.neo4j.io", "NEO4J_PASSWORD": "hunter2", "NEO4J_DATABASE": "news"},
        secrets={"NEO4J_URI": "bolt://ignored"},
    )
    assert settings.uri == "neo4j+s://x.databases.neo4j.io"
    assert settings.database == "news" and not settings.local
    assert "hunter2" not in repr(settings) and "hunter2" not in str(settings)


def test_streamlit_secrets_fill_in(monkeypatch):
    settings = config.load_settings({}, secrets={"NEO4J_URI": "bolt://db:7687", "NEO4J_USER": "reader"})
    assert (settings.uri, settings.user) == ("bolt://db:7687", "reader")


def test_without_uri_the_local_neo4j_state_is_used(monkeypatch, tmp_path):
    monkeypatch.setattr(config, "LOCAL_DIR", tmp_path)
    with pytest.raises(ConfigError, match="make neo4j"):
        config.load_settings({})
    (tmp_path / "state.json").write_text(json.dumps({"port": 7999, "pid": 1}))
    settings = config.load_settings({})
    assert settings.uri == "bolt://127.0.0.1:7999" and settings.local


def test_every_named_statement_parses_and_headers_describe_it():
    names = [p.relative_to(config.CYPHER_DIR).with_suffix("").as_posix() for p in config.CYPHER_DIR.rglob("*.cypher")]
    assert "write/merge_facts" in names
    for name in names:
        query = cypher.load(name)
        assert query.statements(), name
    merge = cypher.load("write/merge_facts")
    assert merge.parameters == ["rows"]
    assert len(cypher.load("schema/constraints").statements()) >= 6


def test_named_queries_cannot_escape_the_cypher_folder():
    with pytest.raises(Exception, match="no named query"):
        cypher.load("../README")


def test_free_port_falls_back_when_taken():
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        taken = s.getsockname()[1]
        assert not port_is_free(taken)
        assert free_port(taken) != taken
