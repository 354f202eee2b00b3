"""The explorer's query layer: view filters -> parameters -> named Cypher (cypher/app/) -> plain dicts.

Pure parts (ViewFilters, its URL form, its query parameters, Lucene escaping) need no
database; the functions taking a driver run the named statements of cypher/app/ and
return plain data (lists of dicts) that the app caches and the renderers draw.

A *view* is the filtered graph the Explore page draws:
- a fact passes when its predicate and both entity types are selected, at least one end
  is in the country filter's anchor set (the countries and the people, places and
  organisations tied to them), and enough of its articles (`min_support`) state it in
  evidence that passes the date window, the modality and the source filters;
- with focus entities the view is their neighbourhood (depth 1-3) over passing facts;
  without, it is every entity with a passing fact (and, unless `hide_isolated`, every
  entity of the selected types), most connected first;
- `expand` adds the direct neighbours of some entities on top;
- at most `cap` entities are kept; `View.total` says how many matched.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, fields, replace
from datetime import date
from typing import Any

import neo4j
from neo4j import RoutingControl

from explorer.graph import cypher
from explorer.ontology import ENTITY_TYPES, MODALITIES, PREDICATES

MAX_DEPTH = 3
DEFAULT_CAP = 300
MAX_CAP = 2000
DEFAULT_EDGE_CAP = 1000
MAX_EDGE_CAP = 20000
SIZE_BY = ("degree", "mentions")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _choose(values, allowed) -> tuple[str, ...]:
    """Keep the allowed values, in the allow-list's order, without duplicates."""
    wanted = set(values or ())
    return tuple(v for v in allowed if v in wanted)


def _date(value) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    return text if _DATE.match(text) else None


def _int(value, default: int, low: int, high: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return default
    return max(low, min(high, number))


def _ids(values) -> tuple[str, ...]:
    return tuple(dict.fromkeys(str(v) for v in (values or ()) if str(v).strip()))


# The page URL key of each filter.
URL_KEYS = {
    "types": "type",
    "predicates": "pred",
    "focus": "focus",
    "depth": "depth",
    "countries": "country",
    "date_from": "from",
    "date_to": "to",
    "sources": "source",
    "min_support": "min",
    "modalities": "modality",
    "hide_isolated": "isolated",
    "cap": "cap",
    "expand": "expand",
    "size_by": "size",
    "edge_cap": "edges",
}


@dataclass(frozen=True)
class ViewFilters:
    """What the Explore page's sidebar selects. Empty tuples mean "all"."""

    types: tuple[str, ...] = ()
    predicates: tuple[str, ...] = ()
    focus: tuple[str, ...] = ()  # entity ids
    depth: int = 1
    countries: tuple[str, ...] = ()  # country entity ids
    date_from: str | None = None  # ISO dates, inclusive
    date_to: str | None = None
    sources: tuple[str, ...] = ()
    min_support: int = 1
    modalities: tuple[str, ...] = ()
    hide_isolated: bool = True
    cap: int = DEFAULT_CAP
    expand: tuple[str, ...] = ()  # entity ids whose neighbours are added
    size_by: str = "degree"
    edge_cap: int = DEFAULT_EDGE_CAP

    def __post_init__(self) -> None:  # normalise: the allow-list decides what reaches Cypher
        object.__setattr__(self, "types", _choose(self.types, ENTITY_TYPES))
        object.__setattr__(self, "predicates", _choose(self.predicates, PREDICATES))
        object.__setattr__(self, "modalities", _choose(self.modalities, MODALITIES))
        object.__setattr__(self, "focus", _ids(self.focus))
        object.__setattr__(self, "expand", _ids(self.expand))
        object.__setattr__(self, "countries", _ids(self.countries))
        object.__setattr__(self, "sources", _ids(self.sources))
        object.__setattr__(self, "depth", _int(self.depth, 1, 1, MAX_DEPTH))
        object.__setattr__(self, "min_support", _int(self.min_support, 1, 1, 1000))
        object.__setattr__(self, "cap", _int(self.cap, DEFAULT_CAP, 1, MAX_CAP))
        object.__setattr__(self, "edge_cap", _int(self.edge_cap, DEFAULT_EDGE_CAP, 1, MAX_EDGE_CAP))
        object.__setattr__(self, "date_from", _date(self.date_from))
        object.__setattr__(self, "date_to", _date(self.date_to))
        object.__setattr__(self, "hide_isolated", bool(self.hide_isolated))
        if self.size_by not in SIZE_BY:
            object.__setattr__(self, "size_by", "degree")

    @property
    def evidence_filter(self) -> bool:
        """Do the filters look at single evidence entries (dates, modality, source)?"""
        return bool(self.date_from or self.date_to or self.sources or self.modalities)

    def with_(self, **changes) -> ViewFilters:
        return replace(self, **changes)

    def to_query(self) -> dict[str, str | list[str]]:
        """The non-default filters as URL query parameters (lists repeat the key)."""
        default = ViewFilters()
        out: dict[str, str | list[str]] = {}
        for f in fields(self):
            value, key = getattr(self, f.name), URL_KEYS[f.name]
            if value == getattr(default, f.name):
                continue
            if isinstance(value, tuple):
                out[key] = list(value)
            elif isinstance(value, bool):
                out[key] = "show" if not value else "hide"
            else:
                out[key] = str(value)
        return out

    @classmethod
    def from_query(cls, query: Mapping[str, Any]) -> ViewFilters:
        """Read filters back from URL parameters; unknown or malformed values are dropped.

        `query` maps a key to a string or a list of strings (st.query_params.to_dict()
        gives the last value of a repeated key, so pass {key: query_params.get_all(key)}).
        """

        def many(key: str, split: bool = True) -> list[str]:
            value = query.get(key)
            if value is None:
                return []
            values = value if isinstance(value, list | tuple) else [value]
            if not split:  # free text (source names) may hold commas
                return [str(v) for v in values if str(v)]
            return [v for item in values for v in str(item).split(",") if v]

        def one(key: str) -> str | None:
            values = many(key, split=False)
            return values[-1] if values else None

        return cls(
            types=tuple(many("type")),
            predicates=tuple(many("pred")),
            focus=tuple(many("focus")),
            depth=one("depth") or 1,
            countries=tuple(many("country")),
            date_from=one("from"),
            date_to=one("to"),
            sources=tuple(many("source", split=False)),
            min_support=one("min") or 1,
            modalities=tuple(many("modality")),
            hide_isolated=one("isolated") != "show",
            cap=one("cap") or DEFAULT_CAP,
            expand=tuple(many("expand")),
            size_by=one("size") or "degree",
            edge_cap=one("edges") or DEFAULT_EDGE_CAP,
        )

    # -- Cypher parameters -----------------------------------------------------------
    def params(self, anchor: list[str] | None = None, source_articles: list[str] | None = None) -> dict[str, Any]:
        """Parameters shared by the view's statements. Labels and types come from the allow-list."""
        return {
            "predicates": list(self.predicates or PREDICATES),
            "types": list(self.types or ENTITY_TYPES),
            "all_types": not self.types,
            "modalities": list(self.modalities or MODALITIES),
            "anchor": anchor,
            "evidence_filter": self.evidence_filter,
            "date_from": self.date_from,
            "date_to": self.date_to,
            "source_articles": source_articles,
            "min_support": self.min_support,
            "hide_isolated": self.hide_isolated,
        }


def lucene_query(text: str) -> str | None:
    """A user's search box text -> a safe full-text query: every word, prefix-matched."""
    words = [w.lower() for w in re.findall(r"\w+", text or "")]  # lower case: never an operator
    if not words:
        return None
    return " AND ".join(f"{w}*" if len(w) > 1 else w for w in words[:8])


@dataclass
class View:
    nodes: list[dict]
    edges: list[dict]
    total: int  # entities matching before the node cap (a lower bound when `exact` is false)
    exact: bool = True
    focus: tuple[str, ...] = ()
    missing_focus: tuple[str, ...] = ()  # focus ids not in the graph
    edges_capped: bool = False  # more facts than the edge cap join these entities

    @property
    def capped(self) -> bool:
        return self.total > len(self.nodes) or not self.exact

    def message(self, cap: int, edge_cap: int | None = None) -> str | None:
        parts = []
        if self.capped:
            more = f"{self.total:,}" if self.exact else f"More than {cap:,}"
            parts.append(
                f"{more} entities match these filters; showing {len(self.nodes):,}, the most connected "
                f"(node cap {cap:,})."
            )
        if self.edges_capped:
            parts.append(
                f"Only the {len(self.edges):,} best-supported facts between them are drawn (edge cap "
                f"{edge_cap or len(self.edges):,})."
            )
        if not parts:
            return None
        return " ".join(parts) + " Narrow the filters or raise the caps to see more."


# ------------------------------------------------------------------------------------
# Database access
# ------------------------------------------------------------------------------------


def _read(driver: neo4j.Driver, database: str, name: str, **params) -> list[dict]:
    return driver.execute_query(
        cypher.text(name),
        params,
        database_=database,
        routing_=RoutingControl.READ,
        result_transformer_=neo4j.Result.data,  # rows straight to dicts, no Record objects kept
    )


def resolve_params(driver: neo4j.Driver, database: str, f: ViewFilters) -> dict[str, Any]:
    """Turn the country and source filters into id lists, then build the shared parameters."""
    anchor = None
    if f.countries:
        anchor = _read(driver, database, "app/country_anchor", countries=list(f.countries))[0]["ids"]
    source_articles = None
    if f.sources:
        source_articles = _read(driver, database, "app/source_articles", sources=list(f.sources))[0]["ids"]
    return f.params(anchor, source_articles)


def neighbours(
    driver: neo4j.Driver, database: str, params: dict[str, Any], frontier: list[str], visited: list[str], limit: int
) -> tuple[list[str], int]:
    """(the first `limit` new neighbours of `frontier`, strongest ties first; how many there are)."""
    if not frontier:
        return [], 0
    row = _read(
        driver, database, "app/neighbours", **params, frontier=list(frontier), visited=list(visited), limit=limit
    )[0]
    return row["ids"], row["total"]


def facts_among(
    driver: neo4j.Driver, database: str, params: dict[str, Any], ids: list[str], limit: int
) -> tuple[list[dict], bool]:
    """(the passing facts between `ids`, best supported first, at most `limit`; whether more exist)."""
    if not ids:
        return [], False
    rows = _read(driver, database, "app/facts_among", **params, ids=list(ids), limit=limit)
    for row in rows:
        row["articles"] = list(dict.fromkeys(ev["article"] for ev in row["evidence"]))
    return rows[:limit], len(rows) > limit


def entities_by_id(driver: neo4j.Driver, database: str, ids: list[str]) -> dict[str, dict]:
    rows = _read(driver, database, "app/entities_by_id", ids=list(ids))
    return {r["id"]: r for r in rows}


def _neighbourhood(driver, database, params, focus: list[str], depth: int, cap: int) -> tuple[list[str], int, bool]:
    """Breadth-first over passing facts; returns (ids in order, matched count, exact)."""
    visited: list[str] = list(focus)
    frontier = list(focus)
    for level in range(1, depth + 1):
        room = cap - len(visited)
        new, total = neighbours(driver, database, params, frontier, visited, max(room, 0))
        if total > room:
            visited += new
            return visited, len(visited) - len(new) + total, level == depth
        if not new:
            break
        visited += new
        frontier = new
    return visited, len(visited), True


def build_view(driver: neo4j.Driver, database: str, f: ViewFilters) -> View:
    """The filtered graph the Explore page draws (see the module docstring)."""
    params = resolve_params(driver, database, f)
    pinned: list[str] = [*f.focus, *f.expand]
    if f.expand:
        extra, _ = neighbours(driver, database, params, list(f.expand), pinned, f.cap)
        pinned += extra
    pinned = list(dict.fromkeys(pinned))
    if f.focus:
        ranked, total, exact = _neighbourhood(driver, database, params, list(f.focus), f.depth, f.cap)
    else:
        ranked = _read(driver, database, "app/rank_entities", **params, limit=f.cap)[0]["ids"]
        total, exact = len(ranked), len(ranked) <= f.cap
    ids = list(dict.fromkeys([*pinned, *ranked]))
    total = max(total, len(ids))
    ids = ids[: f.cap]
    with ThreadPoolExecutor(max_workers=1) as pool:  # the entities' cards load meanwhile
        cards = pool.submit(entities_by_id, driver, database, ids)
        edges, edges_capped = facts_among(driver, database, params, ids, f.edge_cap)
        entities = cards.result()
    degree: Counter[str] = Counter()
    for e in edges:
        degree[e["source"]] += 1
        degree[e["target"]] += 1
        e["tone"] = PREDICATES[e["predicate"]].tone
        e["symmetric"] = PREDICATES[e["predicate"]].symmetric
    keep_alone = set(f.focus) | set(f.expand)
    nodes = []
    for i in ids:
        entity = entities.get(i)
        if entity is None:
            continue
        if f.hide_isolated and not degree[i] and i not in keep_alone and not edges_capped:
            continue
        nodes.append({**entity, "degree": degree[i], "focus": i in keep_alone})
    missing = tuple(i for i in [*f.focus, *f.expand] if i not in entities)
    return View(nodes, edges, total, exact, f.focus, missing, edges_capped)


# -- widgets' options, search, details ------------------------------------------------


def filter_options(driver: neo4j.Driver, database: str) -> dict[str, Any]:
    row = _read(driver, database, "app/options")[0]
    return {
        "countries": sorted(row["countries"], key=lambda c: c["name"] or ""),
        "sources": sorted(row["sources"]),
        "first": row["first"],
        "last": row["last"],
    }


def search_entities(driver: neo4j.Driver, database: str, text: str, limit: int = 20) -> list[dict]:
    query = lucene_query(text)
    if not query:
        return []
    return _read(driver, database, "app/search_entities", query=query, limit=limit)


def entity_details(driver: neo4j.Driver, database: str, entity_id: str) -> dict | None:
    """An entity's card and every fact it takes part in (one row per evidence), or None."""
    rows = _read(driver, database, "app/entity", id=entity_id)
    if not rows:
        return None
    facts = _read(driver, database, "app/entity_facts", id=entity_id)
    for row in facts:
        row["tone"] = PREDICATES[row["predicate"]].tone if row["predicate"] in PREDICATES else 0
    offices = []
    for row in facts:
        if row["predicate"] == "HOLDS_OFFICE" and row["outgoing"]:
            office = {"role": row["role"], "of": row["other_name"], "of_id": row["other_id"]}
            if office not in offices:
                offices.append(office)
    return {**rows[0], "offices": offices, "facts": facts}


def shortest_paths(
    driver: neo4j.Driver,
    database: str,
    source: str,
    target: str,
    predicates: tuple[str, ...] = (),
    max_length: int = 4,
    limit: int = 25,
) -> View:
    """All shortest paths (up to `max_length` hops, at most 6) drawn as one view."""
    preds = [p for p in PREDICATES if not predicates or p in predicates]
    rows = _read(
        driver,
        database,
        "app/shortest_paths",
        source=source,
        target=target,
        predicates=preds,
        max_length=_int(max_length, 4, 1, 6),
        limit=_int(limit, 25, 1, 500),
    )
    row = rows[0] if rows else {"paths": [], "rels": []}
    ids: list[str] = list(dict.fromkeys(i for path in row["paths"] for i in path))
    edges: dict[str, dict] = {rel["key"]: rel for rel in row["rels"]}
    entities = entities_by_id(driver, database, ids) if ids else {}
    degree: Counter[str] = Counter()
    for e in edges.values():
        degree[e["source"]] += 1
        degree[e["target"]] += 1
        e["tone"] = PREDICATES[e["predicate"]].tone
        e["symmetric"] = PREDICATES[e["predicate"]].symmetric
    nodes = [{**entities[i], "degree": degree[i], "focus": i in (source, target)} for i in ids if i in entities]
    return View(nodes, list(edges.values()), len(nodes), True, (source, target))


def timeline(driver: neo4j.Driver, database: str, predicates: tuple[str, ...] = ()) -> list[dict]:
    """Rows {day, predicate, tone, facts}: evidence sentences per article date."""
    preds = [p for p in PREDICATES if not predicates or p in predicates]
    rows = _read(driver, database, "app/timeline", predicates=preds)
    for row in rows:
        row["tone"] = PREDICATES[row["predicate"]].tone_name
    return rows


def articles(driver: neo4j.Driver, database: str, limit: int = 5000) -> list[dict]:
    return _read(driver, database, "app/articles", limit=limit)


def article(driver: neo4j.Driver, database: str, article_id: str) -> dict | None:
    rows = _read(driver, database, "app/article", id=article_id)
    if not rows:
        return None
    return {**rows[0], "evidence": _read(driver, database, "app/article_facts", id=article_id)}


def articles_by_id(driver: neo4j.Driver, database: str, ids: list[str]) -> dict[str, dict]:
    return {r["id"]: r for r in _read(driver, database, "app/articles_by_id", ids=list(ids))}


@dataclass
class GraphResult:
    """Nodes and edges found in a console result (nodes, relationships, paths)."""

    nodes: list[dict] = field(default_factory=list)
    edges: list[dict] = field(default_factory=list)


def graph_from_records(records: list[neo4j.Record]) -> GraphResult:
    """Collect the entities and facts a user query returned, for drawing."""
    from neo4j.graph import Node, Path, Relationship

    nodes: dict[str, dict] = {}
    edges: dict[str, dict] = {}

    def node_id(n: Node) -> str:
        return str(n.get("id") or n.element_id)

    def add_node(n: Node) -> None:
        key = node_id(n)
        if key in nodes:
            return
        labels = sorted(n.labels)
        etype = n.get("type") if n.get("type") in ENTITY_TYPES else next((x for x in labels if x != "Entity"), "")
        name = n.get("name") or n.get("title") or key
        nodes[key] = {
            "id": key,
            "name": str(name),
            "type": str(etype),
            "aliases": list(n.get("aliases") or []),
            "mentions": 0,
            "degree": 0,
            "focus": False,
        }

    def add_rel(r: Relationship) -> None:
        if r.start_node is None or r.end_node is None:
            return
        add_node(r.start_node)
        add_node(r.end_node)
        if r.element_id in edges:
            return
        evidence = list(r.get("evidence") or [])
        arts = list(r.get("evidence_articles") or [])
        edges[r.element_id] = {
            "key": r.element_id,
            "source": node_id(r.start_node),
            "target": node_id(r.end_node),
            "predicate": r.type,
            "tone": PREDICATES[r.type].tone if r.type in PREDICATES else 0,
            "symmetric": r.type in PREDICATES and PREDICATES[r.type].symmetric,
            "support": len(r.get("articles") or []) or 1,
            "articles": list(r.get("articles") or []),
            "role": r.get("role"),
            "commodity": r.get("commodity"),
            "evidence": [
                {"evidence": text, "article": arts[i] if i < len(arts) else None} for i, text in enumerate(evidence)
            ],
        }

    def visit(value: Any) -> None:
        if isinstance(value, Node):
            add_node(value)
        elif isinstance(value, Relationship):
            add_rel(value)
        elif isinstance(value, Path):
            for n in value.nodes:
                add_node(n)
            for r in value.relationships:
                add_rel(r)
        elif isinstance(value, list | tuple):
            for v in value:
                visit(v)
        elif isinstance(value, dict):
            for v in value.values():
                visit(v)

    for record in records:
        for value in record.values():
            visit(value)
    for e in edges.values():
        nodes[e["source"]]["degree"] += 1
        nodes[e["target"]]["degree"] += 1
    return GraphResult(list(nodes.values()), list(edges.values()))
