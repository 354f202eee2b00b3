"""Reads: graph statistics and user queries under Datasette-style layered protection.

User Cypher runs (1) only if EXPLAIN says its query type is read-only, (2) inside a READ
transaction, (3) with a server-side time limit, and (4) returns at most `max_rows` rows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import neo4j
from neo4j import RoutingControl, unit_of_work
from neo4j.exceptions import Neo4jError

from explorer.errors import QueryFailed, QueryRefused
from explorer.graph import cypher

READ_ONLY_TYPES = {"r"}  # neo4j query types: r, rw, w, s (schema)
# Reads that still reach outside the graph (files, URLs): refused for user queries.
_OUTSIDE = re.compile(r"\bLOAD\s+CSV\b", re.IGNORECASE)


@dataclass
class QueryResult:
    columns: list[str]
    rows: list[list[Any]]
    truncated: bool = False
    records: list[neo4j.Record] = field(default_factory=list, repr=False)


def stats(driver: neo4j.Driver, database: str) -> dict[str, dict[str, int]]:
    labels, _, _ = driver.execute_query(
        cypher.text("read/stats_labels"), database_=database, routing_=RoutingControl.READ
    )
    types, _, _ = driver.execute_query(
        cypher.text("read/stats_types"), database_=database, routing_=RoutingControl.READ
    )
    return {
        "labels": {r["name"]: r["count"] for r in labels},
        "types": {r["name"]: r["count"] for r in types},
        "evidence": {r["name"]: r["evidence"] for r in types},
    }


def query_type(session: neo4j.Session, text: str, params: dict[str, Any]) -> str:
    """The planner's query type for `text`, without running it."""
    try:
        summary = session.run(f"EXPLAIN {text}", params).consume()
    except Neo4jError as exc:
        raise QueryFailed(exc.message or str(exc)) from None
    return summary.query_type or "?"


def run_read_only(
    driver: neo4j.Driver,
    database: str,
    text: str,
    params: dict[str, Any] | None = None,
    timeout: float = 10.0,
    max_rows: int = 1000,
) -> QueryResult:
    """Run user Cypher read-only; QueryRefused for writes, QueryFailed with the database's message."""
    params = params or {}
    if not text.strip():
        raise QueryRefused("the query is empty")
    if _OUTSIDE.search(text):
        raise QueryRefused("refused: LOAD CSV reads files or URLs; only queries over the graph may run here")
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
        kind = query_type(session, text, params)
        if kind not in READ_ONLY_TYPES:
            what = {"w": "writes", "rw": "reads and writes", "s": "changes the schema"}.get(kind, f"is of type {kind}")
            raise QueryRefused(f"refused: this query {what}; only read-only queries may run here")

        @unit_of_work(timeout=timeout)  # the server stops the transaction after `timeout` seconds
        def work(tx: neo4j.ManagedTransaction) -> QueryResult:
            result = tx.run(text, params)
            records, truncated = [], False
            for record in result:
                if len(records) >= max_rows:
                    truncated = True
                    break
                records.append(record)
            columns = list(result.keys())
            return QueryResult(columns, [list(r.values()) for r in records], truncated, records)

        try:
            return session.execute_read(work)
        except Neo4jError as exc:
            raise QueryFailed(exc.message or str(exc)) from None
