"""Exports of a view (nodes + edges as built by explorer.graph.views): pure functions.

- JSON: nodes and edges with their full provenance (evidence, articles, dates);
- CSV: one row per evidence sentence (a fact stated by two articles is two rows);
- GraphML: a directed multigraph for Gephi / yEd / networkx (list-valued provenance is
  stored as JSON text, since GraphML attributes are scalars);
- HTML: the standalone network page (explorer.viz.network_html).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping

import networkx as nx

from explorer import viz

CSV_COLUMNS = (
    "subject",
    "subject_id",
    "subject_type",
    "predicate",
    "object",
    "object_id",
    "object_type",
    "support",
    "role",
    "commodity",
    "evidence",
    "modality",
    "article",
    "article_title",
    "published",
    "url",
    "source",
)


def _node_record(n: Mapping) -> dict:
    return {
        "id": n["id"],
        "name": n.get("name"),
        "type": n.get("type"),
        "aliases": list(n.get("aliases") or []),
        "iso3": n.get("iso3"),
        "mentions": n.get("mentions", 0),
        "degree": n.get("degree", 0),
    }


def _edge_record(e: Mapping, articles: Mapping[str, Mapping]) -> dict:
    evidence = []
    for ev in e.get("evidence") or []:
        meta = articles.get(ev.get("article") or "", {})
        evidence.append(
            {
                "evidence": ev.get("evidence"),
                "article": ev.get("article"),
                "article_title": meta.get("title"),
                "url": meta.get("url"),
                "published": ev.get("published") or meta.get("published") or None,
                "modality": ev.get("modality", "asserted"),
                "start": ev.get("start"),
                "end": ev.get("end"),
            }
        )
    return {
        "source": e["source"],
        "target": e["target"],
        "predicate": e["predicate"],
        "support": e.get("support", len(e.get("articles") or [])),
        "articles": list(e.get("articles") or []),
        "role": e.get("role"),
        "commodity": e.get("commodity"),
        "evidence": evidence,
    }


def view_json(nodes: list[dict], edges: list[dict], articles: Mapping[str, Mapping] | None = None) -> str:
    """{"nodes": [...], "edges": [... with "evidence": [...]]} as indented JSON."""
    articles = articles or {}
    doc = {
        "nodes": [_node_record(n) for n in nodes],
        "edges": [_edge_record(e, articles) for e in edges],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)


def facts_csv(nodes: list[dict], edges: list[dict], articles: Mapping[str, Mapping] | None = None) -> str:
    """One row per evidence sentence of every edge in the view."""
    articles = articles or {}
    by_id = {n["id"]: n for n in nodes}
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for e in edges:
        rec = _edge_record(e, articles)
        s, o = by_id.get(e["source"], {}), by_id.get(e["target"], {})
        base = {
            "subject": s.get("name", e["source"]),
            "subject_id": e["source"],
            "subject_type": s.get("type"),
            "predicate": e["predicate"],
            "object": o.get("name", e["target"]),
            "object_id": e["target"],
            "object_type": o.get("type"),
            "support": rec["support"],
            "role": rec["role"],
            "commodity": rec["commodity"],
        }
        for ev in rec["evidence"] or [{}]:
            writer.writerow(
                {
                    **base,
                    "evidence": ev.get("evidence"),
                    "modality": ev.get("modality"),
                    "article": ev.get("article"),
                    "article_title": ev.get("article_title"),
                    "published": ev.get("published"),
                    "url": ev.get("url"),
                    "source": articles.get(ev.get("article") or "", {}).get("source"),
                }
            )
    return out.getvalue()


def _scalar(value):
    if value is None:
        return ""
    if isinstance(value, bool | int | float | str):
        return value
    return json.dumps(value, ensure_ascii=False)


def to_networkx(nodes: list[dict], edges: list[dict], articles: Mapping[str, Mapping] | None = None) -> nx.MultiDiGraph:
    articles = articles or {}
    g = nx.MultiDiGraph()
    for n in nodes:
        g.add_node(n["id"], **{k: _scalar(v) for k, v in _node_record(n).items() if k != "id"})
    for e in edges:
        rec = _edge_record(e, articles)
        attrs = {k: _scalar(v) for k, v in rec.items() if k not in ("source", "target")}
        g.add_edge(e["source"], e["target"], key=e.get("key") or e["predicate"], **attrs)
    return g


def graphml(nodes: list[dict], edges: list[dict], articles: Mapping[str, Mapping] | None = None) -> str:
    return "\n".join(nx.generate_graphml(to_networkx(nodes, edges, articles)))


def network_page(nodes: list[dict], edges: list[dict], size_by: str = "degree", title: str = "News graph") -> str:
    """The standalone network HTML (nothing loaded from the internet)."""
    return viz.network_html(nodes, edges, size_by=size_by, title=title, notify=False)
