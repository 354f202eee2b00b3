"""Neo4j values -> plain JSON-able values (nodes, relationships, paths, temporal types)."""

from __future__ import annotations

from typing import Any

from neo4j.graph import Node, Path, Relationship


def to_jsonable(value: Any) -> Any:
    if isinstance(value, Node):
        return {"labels": sorted(value.labels), **{k: to_jsonable(v) for k, v in value.items()}}
    if isinstance(value, Relationship):
        return {
            "type": value.type,
            "start": value.start_node.get("id") if value.start_node else None,
            "end": value.end_node.get("id") if value.end_node else None,
            **{k: to_jsonable(v) for k, v in value.items()},
        }
    if isinstance(value, Path):
        return {
            "nodes": [to_jsonable(n) for n in value.nodes],
            "relationships": [to_jsonable(r) for r in value.relationships],
        }
    if isinstance(value, dict):
        return {k: to_jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_jsonable(v) for v in value]
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value
