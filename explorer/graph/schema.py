"""Apply constraints and indexes idempotently, and wait until they are online."""

from __future__ import annotations

import neo4j

from explorer.graph import cypher


def apply_schema(driver: neo4j.Driver, database: str, timeout: int = 120) -> int:
    statements = cypher.load("schema/constraints").statements()
    for statement in statements:
        driver.execute_query(statement, database_=database)
    driver.execute_query(f"CALL db.awaitIndexes({int(timeout)})", database_=database)
    return len(statements)
