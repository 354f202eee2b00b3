"""The CLI as a user runs it: a subprocess against the real Neo4j."""

from __future__ import annotations

import json

import pytest
from cli_runner import run_explorer

from explorer.local_neo4j import free_port

pytestmark = pytest.mark.integration

GOOD = {
    "subject": "Fumio Kishida",
    "subject_type": "Person",
    "predicate": "VISITED",
    "object": "Kyiv",
    "object_type": "Place",
    "evidence": "Kishida travelled to Kyiv.",
    "article": "k1",
}


def explorer(*args, env, stdin=None):
    return run_explorer(*args, env=env, stdin=stdin, timeout=120)


def test_load_reports_bad_lines_and_loads_the_rest(db, cli_env, tmp_path):
    lines = [
        json.dumps(GOOD),
        "{not json",
        json.dumps({**GOOD, "predicate": "LIKES"}),
        json.dumps({k: v for k, v in GOOD.items() if k != "evidence"}),
        json.dumps({**GOOD, "object_type": "Alien"}),
        json.dumps({**GOOD, "object": "Ukraine", "object_type": "Country", "article": "k2"}),
    ]
    path = tmp_path / "facts.jsonl"
    path.write_text("\n".join(lines) + "\n")
    result = explorer("load", str(path), env=cli_env)
    assert result.returncode == 1, result.stderr
    assert f"{path}:2: skipped: not JSON" in result.stderr
    assert "unknown predicate 'LIKES'" in result.stderr
    assert f"{path}:4: skipped: missing key(s): evidence" in result.stderr
    assert "unknown entity type 'Alien'" in result.stderr
    assert "Traceback" not in result.stderr
    stats = json.loads(explorer("stats", "--json", env=cli_env).stdout)
    assert stats["types"] == {"VISITED": 2}
    assert stats["labels"]["Article"] == 2


def test_query_refuses_writes_and_runs_reads(db, cli_env):
    driver, database = db
    for statement in (
        "CREATE (n:Entity {id: 'x'}) RETURN n",
        "MATCH (n) DETACH DELETE n",
        "MATCH (n) SET n.hacked = true",
        "CREATE INDEX foo IF NOT EXISTS FOR (n:X) ON (n.y)",
        "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
    ):
        result = explorer("query", statement, env=cli_env)
        assert result.returncode == 1, statement
        assert "refused" in result.stderr, (statement, result.stderr)
        assert "Traceback" not in result.stderr
    rows, _, _ = driver.execute_query("MATCH (n) RETURN count(n) AS c", database_=database)
    assert rows[0]["c"] == 0
    result = explorer("query", "RETURN $x + 1 AS y", "--param", "x=41", "--json", env=cli_env)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"y": 42}


def test_query_shows_the_database_message_for_bad_cypher(cli_env):
    result = explorer("query", "MATCH (n RETURN n", env=cli_env)
    assert result.returncode == 1
    assert "Invalid input" in result.stderr and "Traceback" not in result.stderr


def test_unreachable_database_names_the_uri_and_exits_2(cli_env):
    env = {**cli_env, "NEO4J_URI": f"bolt://127.0.0.1:{free_port()}", "NEO4J_PASSWORD": "s3cret-pw"}
    result = explorer("stats", env=env)
    assert result.returncode == 2
    assert env["NEO4J_URI"] in result.stderr.replace("\n", "")
    assert "make neo4j" in result.stderr.replace("\n", " ")
    assert "s3cret-pw" not in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def test_invalid_uri_is_a_clear_error(cli_env):
    result = explorer("init-db", env={**cli_env, "NEO4J_URI": "ftp://nowhere"})
    assert result.returncode == 2
    assert "ftp://nowhere" in result.stderr and "Traceback" not in result.stderr


def test_init_db_applies_schema(cli_env):
    result = explorer("init-db", env=cli_env)
    assert result.returncode == 0, result.stderr
    assert "schema applied" in result.stdout
