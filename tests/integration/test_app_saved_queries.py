"""Every saved query under cypher/queries/ runs read-only on the test world and answers."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from app_world import eid, load_world

from explorer.graph import cypher
from explorer.graph.reader import run_read_only
from explorer.graph.views import graph_from_records

pytestmark = pytest.mark.integration

# name -> (parameters, a check on the rows as dicts)
EXPECT = {
    "meetings": (
        {"from": "2024-03-01", "to": "2024-03-31"},
        lambda rows: {(r["who"], r["met"]) for r in rows}
        == {("Anthony Albanese", "Fumio Kishida"), ("Vladimir Putin", "Xi Jinping")}
        and len(rows) == 3,
    ),
    "memberships": ({"country": "japan"}, lambda rows: {r["organisation"] for r in rows} == {"Quad", "Group of Seven"}),
    "most_connected_leaders": (
        {"limit": 2},
        lambda rows: [r["person"] for r in rows] == ["Xi Jinping", "Fumio Kishida"],
    ),
    "conflict_edges": ({"min_articles": 1}, lambda rows: len(rows) == 6),
    "article_facts": ({"article": "a4-canberra-beijing"}, lambda rows: len(rows) == 4),
    "accusations": (
        {"name": "austral"},
        lambda rows: [(r["accuser"], r["accused"]) for r in rows] == [("Australia", "China")],
    ),
    "offices_held": ({"name": ""}, lambda rows: len(rows) == 3),
    "visits": (
        {"place": "kyiv"},
        lambda rows: [(r["visitor"], r["modality"]) for r in rows] == [("Fumio Kishida", "planned")],
    ),
    "connections": ({"from": "Australia", "to": "Russia"}, lambda rows: rows and all(r["hops"] == 2 for r in rows)),
    "neighbourhood": ({"name": "xi jinping"}, lambda rows: len(rows) == 4),
}  # fmt: skip


@pytest.fixture(scope="module")
def world(driver, settings):
    driver.execute_query("MATCH (n) DETACH DELETE n", database_=settings.database)
    load_world(driver, settings.database)
    return driver, settings.database


def test_every_saved_query_is_covered():
    names = {q.name.removeprefix("queries/") for q in cypher.list_queries()}
    assert names == set(EXPECT)
    for q in cypher.list_queries():
        assert q.title and q.description, q.name
        name = q.name.removeprefix("queries/")
        assert set(q.parameters) == set(EXPECT[name][0]), name


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_saved_query_answers(world, name):
    params, check = EXPECT[name]
    query = cypher.load(f"queries/{name}")
    result = run_read_only(*world, query.text, params)
    rows = [dict(zip(result.columns, row, strict=True)) for row in result.rows]
    assert check(rows), rows


def test_graph_results_become_networks(world):
    result = run_read_only(*world, cypher.text("queries/conflict_edges"), {"min_articles": 1})
    graph = graph_from_records(result.records)
    assert len(graph.edges) == 6
    assert {e["predicate"] for e in graph.edges} >= {"ACCUSED", "SANCTIONED", "IN_CONFLICT_WITH"}
    assert all(e["tone"] == -1 for e in graph.edges)
    paths = run_read_only(*world, cypher.text("queries/connections"), {"from": "Australia", "to": "Russia"})
    graph = graph_from_records(paths.records)
    assert {n["id"] for n in graph.nodes} == {eid("Country", n) for n in ("Australia", "China", "Russia")}
    assert {n["type"] for n in graph.nodes} == {"Country"}


def test_cli_runs_a_saved_query_by_name(world, cli_env):
    out = subprocess.run(
        [sys.executable, "-m", "explorer", "query", "memberships", "-p", "country=Australia", "--json"],
        env=cli_env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["organisation"] for r in rows] == ["Quad"]
